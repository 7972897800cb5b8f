#!/usr/bin/env bash
# Side-by-side benchmark with Alembic, in one run on one machine, reported as ratios.
#   bench/run.sh [N]     scenario B on SQLite: no-op `revision --autogenerate` on an N-table schema at head
#                        (default N=200), each tool as a fresh process, as a user runs it.
# Env: BENCH_REPEAT (warm runs, default 5), ALEMBIC_BENCH (default ../shared/bench/alembic next to the clone),
#      BENCH_OUT (results file, default bench/results.md).
# Alembic needs: apt-get install -y python3-alembic python3-sqlalchemy time
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-200}"
REPEAT="${BENCH_REPEAT:-5}"
ALEMBIC_BENCH="${ALEMBIC_BENCH:-$ROOT/../shared/bench/alembic}"
OUT="${BENCH_OUT:-$ROOT/bench/results.md}"
WORK="$(mktemp -d /tmp/diffmigrate-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

dotnet build -c Release -v q -nologo "$ROOT/src/Cli" >/dev/null
dotnet build -c Release -v q -nologo "$ROOT/bench/DiffMigrate.Bench" >/dev/null
CLI="$ROOT/src/Cli/bin/Release/net10.0/diffmigrate.dll"
dotnet "$ROOT/bench/DiffMigrate.Bench/bin/Release/net10.0/DiffMigrate.Bench.dll" model "$N" "$WORK/Model.dll"

cd "$WORK"
mkdir -p migrations/versions
printf '{ "scriptLocation": "migrations", "url": "sqlite:///app.db", "model": "Model.dll" }\n' > diffmigrate.json
dotnet "$CLI" revision --autogenerate -m initial >/dev/null 2>&1
dotnet "$CLI" upgrade head >/dev/null

# One timed run: prints "<seconds> <peak RSS KiB>"; the revision it writes is removed so that every run sees the same state.
run_once() {
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" dotnet "$CLI" revision --autogenerate -m noop >/dev/null 2>"$WORK/err.txt"
  grep -q "No changes detected" "$WORK/err.txt" || { echo "not a no-op:" >&2; cat "$WORK/err.txt" >&2; exit 1; }
  rm -f migrations/versions/*_noop.cs
  cat "$WORK/time.txt"
}
cold="$(run_once)"
warm=()
for _ in $(seq "$REPEAT"); do warm+=("$(run_once)"); done

BENCH_RESULTS="$WORK/alembic.jsonl" BENCH_REPEAT="$REPEAT" BENCH_WORK="$WORK/alembic" \
  /usr/bin/python3 "$ALEMBIC_BENCH/bench.py" B "$N" sqlite 2>"$WORK/alembic.log" || { cat "$WORK/alembic.log" >&2; exit 1; }

python3 - "$N" "$REPEAT" "$cold" "$WORK/alembic.jsonl" "$OUT" "${warm[@]}" <<'PY'
import json, statistics, sys, platform, os, subprocess
n, repeat, cold, alembic_rows, out = sys.argv[1:6]
warm = [tuple(map(float, w.split())) for w in sys.argv[6:]]
cold_s, cold_kib = map(float, cold.split())
dm_median = statistics.median(w[0] for w in warm)
dm_rss = max([cold_kib] + [w[1] for w in warm]) / 1024
rows = [json.loads(l) for l in open(alembic_rows)]
al = next(r for r in rows if r["step"] == "autogenerate")
dotnet = subprocess.check_output(["dotnet", "--version"], text=True).strip()
lines = [
    f"# Benchmarks: DiffMigrate vs Alembic (one run, one machine)",
    "",
    f"Machine: {os.cpu_count()} cores, {platform.platform()}; .NET SDK {dotnet}; Alembic {al.get('alembic')} with SQLAlchemy {al.get('sqlalchemy')}.",
    f"Command: `bench/run.sh {n}` (BENCH_REPEAT={repeat}). Each figure is a fresh process, as a user runs the tool.",
    "",
    "| scenario | N | DiffMigrate median (cold) | Alembic median (cold) | time ratio DM/Alembic | peak RSS DM / Alembic |",
    "|---|---|---|---|---|---|",
    f"| B: no-op autogenerate, SQLite | {n} | {dm_median:.3f} s ({cold_s:.3f} s) | {al['median_s']:.3f} s ({al['cold_s']:.3f} s) | "
    f"{dm_median / al['median_s']:.2f} | {dm_rss:.0f} MiB / {al['peak_rss_mib']:.0f} MiB |",
    "",
    f"Alembic's no-op on SQLite reports {al.get('ops', '?')} operations (its known false positives); DiffMigrate's reports none (the run fails otherwise).",
]
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
