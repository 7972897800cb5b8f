#!/usr/bin/python3
"""PostgreSQL autogenerate benchmark: DiffMigrate and Alembic side by side, in one run, on one server.

Usage: bench/pg.py [--sizes 100,500] [--repeat 3] [--out bench/results-pg.md]

For each N, each tool as a fresh process, as a user runs it:
  A  `revision --autogenerate` against an empty database (re-created before every run);
  B  `revision --autogenerate` when the database is at head and matches the model (no-op).
Alembic runs its own scenarios (../shared/bench/alembic/bench.py, gen_schema.py models); DiffMigrate runs the
generated model of the same shape (bench/Workloads/GeneratedSchema.cs, PostgreSQL spelling) through its CLI.
The server (start_pg.sh: port 55432, pg_stat_statements preloaded) counts each tool's statements on one extra run.
Needs: apt-get install -y python3-alembic python3-sqlalchemy python3-psycopg2 time postgresql; .NET SDK.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

from harness import ALEMBIC_BENCH, CLI, ROOT, alembic  # noqa: F401

bench = alembic("/tmp/diffmigrate-pg-bench")  # Alembic's harness: measure, run_cmd, reset_db, ...
WORK = os.environ["BENCH_WORK"]
MODELS = os.path.join(ROOT, "bench", "DiffMigrate.Bench", "bin", "Release", "net10.0", "DiffMigrate.Bench.dll")


def dm_project(n):
    workdir = os.path.join(WORK, "dm_%d" % n)
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(os.path.join(workdir, "migrations", "versions"))
    subprocess.check_call(["dotnet", MODELS, "model", str(n), os.path.join(workdir, "Model.dll"), "postgresql"])
    url = "postgresql://postgres@%s:%d/%s" % (bench.PGHOST, bench.PGPORT, bench.PGDB)
    with open(os.path.join(workdir, "diffmigrate.json"), "w") as f:
        f.write('{ "scriptLocation": "migrations", "url": "%s", "model": "Model.dll" }\n' % url)
    return workdir


def dm_reset():
    bench.reset_db("pg", WORK)
    import psycopg2
    conn = psycopg2.connect(host=bench.PGHOST, port=bench.PGPORT, user="postgres", dbname=bench.PGDB)
    conn.autocommit = True
    conn.cursor().execute("CREATE EXTENSION IF NOT EXISTS citext")
    conn.close()


def dm_autogenerate(workdir, repeat, message, before=None):
    """Times `revision --autogenerate`, removing the revision after each run; counts its operations and queries."""
    dm = ["dotnet", CLI]
    state = {}

    def after():
        made = [f for f in os.listdir(os.path.join(workdir, "migrations", "versions")) if f.endswith("_%s.cs" % message)]
        ops = 0
        for f in made:
            path = os.path.join(workdir, "migrations", "versions", f)
            text = open(path).read()
            ops = len(re.findall(r"\bop\.\w+\(", text.split("Upgrade(Operations op)", 1)[1].split("Downgrade(Operations op)", 1)[0]))
            os.remove(path)
        state["ops"] = ops
        return {"ops": ops}

    row = bench.measure("DM autogenerate", dm + ["revision", "--autogenerate", "-m", message], workdir, repeat,
                        before=before, after=after)
    if before:
        before()
    bench.pgss_reset()
    bench.run_cmd(dm + ["revision", "--autogenerate", "-m", message], workdir)
    after()
    row["server_queries"], row["server_distinct"] = bench.pgss_count()
    return row


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", default="100,500")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--out", default=os.path.join(ROOT, "bench", "results-pg.md"))
    a = p.parse_args()
    os.makedirs(WORK, exist_ok=True)
    if os.path.exists(os.environ["BENCH_RESULTS"]):
        os.remove(os.environ["BENCH_RESULTS"])
    subprocess.check_call(["dotnet", "build", "-c", "Release", "-v", "q", "-nologo", os.path.join(ROOT, "src", "Cli")], stdout=subprocess.DEVNULL)
    subprocess.check_call(["dotnet", "build", "-c", "Release", "-v", "q", "-nologo", os.path.join(ROOT, "bench", "DiffMigrate.Bench")], stdout=subprocess.DEVNULL)
    subprocess.check_call([os.path.join(ALEMBIC_BENCH, "start_pg.sh")])

    rows = []
    for n in [int(s) for s in a.sizes.split(",")]:
        workdir = dm_project(n)
        dm_a = dm_autogenerate(workdir, a.repeat, "initial", before=dm_reset)
        al_a = [r for r in bench.scenario_A(n, "pg", a.repeat) if r["step"] == "autogenerate"][0]
        rows.append(("A: autogenerate, empty database", n, dm_a, al_a))

        dm_reset()
        bench.run_cmd(["dotnet", CLI, "revision", "--autogenerate", "-m", "initial"], workdir)
        bench.run_cmd(["dotnet", CLI, "upgrade", "head"], workdir)
        dm_b = dm_autogenerate(workdir, a.repeat, "noop")
        al_b = [r for r in bench.scenario_B(n, "pg", a.repeat) if r["step"] == "autogenerate"][0]
        rows.append(("B: no-op autogenerate, database at head", n, dm_b, al_b))

    versions = bench.stack_versions()
    dotnet = subprocess.check_output(["dotnet", "--version"], text=True).strip()
    lines = [
        "# PostgreSQL autogenerate: DiffMigrate vs Alembic (one run, one machine, one server)",
        "",
        "Machine: %d cores; PostgreSQL 15 on the same machine (start_pg.sh: fsync off); .NET SDK %s; Alembic %s with SQLAlchemy %s."
        % (os.cpu_count(), dotnet, versions.get("alembic"), versions.get("sqlalchemy")),
        "Command: `bench/pg.py --sizes %s --repeat %d`. Times are medians of the warm runs (cold run in brackets), each a fresh process."
        % (a.sizes, a.repeat),
        "Queries are counted by the server (pg_stat_statements calls in the benchmark database, one extra run).",
        "",
        "| scenario | N | DiffMigrate | Alembic | time DM/Alembic | queries DM / Alembic | operations DM / Alembic | peak RSS DM / Alembic |",
        "|---|---|---|---|---|---|---|---|",
    ]
    def ops(row):
        found = row.get("ops")
        return sum(found.values()) if isinstance(found, dict) else found

    for label, n, dm, al in rows:
        lines.append("| %s | %d | %.3f s (%.3f s) | %.3f s (%.3f s) | %.2f | %s / %s | %s / %s | %.0f / %.0f MiB |" % (
            label, n, dm["median_s"], dm["cold_s"], al["median_s"], al["cold_s"], dm["median_s"] / al["median_s"],
            dm.get("server_queries"), al.get("server_queries"), ops(dm), ops(al), dm["peak_rss_mib"], al["peak_rss_mib"]))
    lines += [
        "",
        "The two models have the same shape (gen_schema.py's: 8-12 columns, identity keys, defaults, a unique, a check, 1-3 indexes,",
        "0-2 foreign keys per table); DiffMigrate's also carries every neutral type, an enum, a citext column, partial and expression",
        "indexes, so it is if anything the larger schema. A no-op run must report 0 operations for both tools.",
    ]
    open(a.out, "w").write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
