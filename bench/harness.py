"""What the side-by-side benchmarks share: paths, the DiffMigrate tool, timing, and Alembic's own harness
(../shared/bench/alembic/bench.py, imported as `bench` once `setup(work)` has pointed it at the scratch folder).

Every timed command is a fresh process, as a user runs it. `measure` runs it once cold (no cache of either tool in
its folder: no `__pycache__`, no `.diffmigrate-cache`) and then `repeat` times warm; the figure is the median of the
warm runs, the cold one is shown beside it, and the peak RSS is the maximum over all runs (`ru_maxrss` of the
child, through bench.py's `run_cmd`, so both tools are timed by the same code). `interleave` does the same for two
tools' commands taken in turns (A B, B A, ...), for a ratio that does not depend on when each tool happened to run.
"""
import os
import re
import shutil
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH_DIR = os.path.join(ROOT, "bench")
ALEMBIC_BENCH = os.path.abspath(os.environ.get("ALEMBIC_BENCH", os.path.join(ROOT, "..", "shared", "bench", "alembic")))
bench = None  # Alembic's bench.py, after setup()
WORK = None
CLI = None  # [dotnet, diffmigrate.dll]
MODELS = os.path.join(BENCH_DIR, "DiffMigrate.Bench", "bin", "Release", "net10.0", "DiffMigrate.Bench.dll")


class BenchFailure(SystemExit):
    """A scenario's correctness check failed: the run stops and says which one."""


def fail(message):
    raise BenchFailure("BENCH FAILED: " + message)


def log(message):
    sys.stderr.write("[run-all] %s\n" % message)
    sys.stderr.flush()


def setup(work):
    """Imports Alembic's harness writing under `work`/alembic; returns it."""
    global bench, WORK
    WORK = work
    os.environ["BENCH_WORK"] = os.path.join(work, "alembic")
    os.environ["BENCH_RESULTS"] = os.path.join(work, "alembic.jsonl")
    os.makedirs(os.environ["BENCH_WORK"], exist_ok=True)
    if ALEMBIC_BENCH not in sys.path:
        sys.path.insert(0, ALEMBIC_BENCH)
    import bench as alembic_bench
    bench = alembic_bench
    return bench


def dotnet(*args, cwd=None, quiet=True):
    """Runs `dotnet args` (untimed set-up); fails loudly with its output."""
    r = subprocess.run(["dotnet"] + list(args), cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stdout[-6000:])
        fail("dotnet %s exited %d" % (" ".join(args), r.returncode))
    return r.stdout


def build_tools():
    """Publishes the CLI as the tool package would carry it (so ReadyToRun, when the project asks for it, is in) and
    builds the model generator. BENCH_DM_CLI names an existing diffmigrate.dll instead."""
    global CLI
    given = os.environ.get("BENCH_DM_CLI")
    if given:
        CLI = ["dotnet", os.path.abspath(given)]
    else:
        out = os.path.join(WORK, "tool")
        log("publishing src/Cli (Release) to %s" % out)
        dotnet("publish", os.path.join(ROOT, "src", "Cli"), "-c", "Release", "-nologo", "-v", "q", "-o", out)
        CLI = ["dotnet", os.path.join(out, "diffmigrate.dll")]
    log("building bench/DiffMigrate.Bench (Release)")
    dotnet("build", os.path.join(BENCH_DIR, "DiffMigrate.Bench"), "-c", "Release", "-nologo", "-v", "q")
    return CLI


def fresh_dir(*parts):
    path = os.path.join(WORK, *parts)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def clear_caches(workdir):
    """The state of a fresh clone: no Python bytecode, no DiffMigrate header/script cache."""
    bench.clear_pycache(workdir)
    for root, dirs, _ in os.walk(workdir):
        for d in list(dirs):
            if d == ".diffmigrate-cache":
                shutil.rmtree(os.path.join(root, d), ignore_errors=True)
                dirs.remove(d)


def output(workdir, stdout_name="out.txt"):
    """What the last run_cmd in `workdir` printed (stdout, then stderr)."""
    text = open(os.path.join(workdir, stdout_name), errors="replace").read()
    return text + open(os.path.join(workdir, "stderr.txt"), errors="replace").read()


class Series:
    """The timed runs of one command: run 0 cold (caches cleared when `cold`), then warm runs. Each run's exit code
    must be `expect_rc`; `before()` runs ahead of each run (untimed), `after(rc, text)` checks its output (untimed)."""

    def __init__(self, label, cmd, workdir, before=None, after=None, env=None, expect_rc=0, stdout_name="out.txt",
                 cold=True):
        self.label, self.cmd, self.workdir, self.env = label, cmd, workdir, env
        self.before, self.after, self.expect_rc = before, after, expect_rc
        self.stdout_name, self.cold = stdout_name, cold
        self.runs = []

    def run(self):
        k = len(self.runs)
        if k == 0 and self.cold:
            clear_caches(self.workdir)
        if self.before:
            self.before()
        r = bench.run_cmd(self.cmd, self.workdir, self.env, self.stdout_name, check=False)
        text = output(self.workdir, self.stdout_name)
        if r["rc"] != self.expect_rc:
            sys.stderr.write(text[-4000:])
            fail("%s: exit code %d, expected %d (%s, in %s)" % (self.label, r["rc"], self.expect_rc, " ".join(self.cmd),
                                                                 self.workdir))
        if self.after:
            self.after(r["rc"], text)
        self.runs.append(r)
        log("%s run %d%s: %.3f s, %.0f MiB, rc %d" % (self.label, k, " (cold)" if k == 0 else "", r["wall"],
                                                      r["rss_kib"] / 1024.0, r["rc"]))

    def row(self):
        warm = self.runs[1:] or self.runs
        return {
            "label": self.label,
            "median_s": statistics.median(x["wall"] for x in warm),
            "cold_s": self.runs[0]["wall"],
            "peak_rss_mib": max(x["rss_kib"] for x in self.runs) / 1024.0,
            "runs_s": [round(x["wall"], 3) for x in self.runs],
            "rc": self.runs[-1]["rc"],
        }


def measure(label, cmd, workdir, repeat, **options):
    """One command: a cold run and `repeat` warm runs (see Series); its row."""
    return interleave([Series(label, cmd, workdir, **options)], repeat)[0]


def interleave(series, repeat):
    """Several commands timed in turns: each one's cold run, then their warm runs round by round, the order reversed
    every other round (A B, B A, A B, ...), so that every command sees the same moments of a machine whose speed
    drifts and none always runs right after the same other one; their rows, in the order given."""
    for k in range(repeat + 1):
        for s in (series if k % 2 == 0 else series[::-1]):
            s.run()
    return [s.row() for s in series]


def dm_config(workdir, url, model=None):
    with open(os.path.join(workdir, "diffmigrate.json"), "w") as f:
        f.write('{ "scriptLocation": "migrations", "url": "%s"%s }\n' % (url, ', "model": "%s"' % model if model else ""))
    os.makedirs(os.path.join(workdir, "migrations", "versions"), exist_ok=True)


def dm(workdir, *args, expect_rc=0):
    """One untimed DiffMigrate command (set-up)."""
    r = bench.run_cmd(CLI + list(args), workdir, check=False)
    if r["rc"] != expect_rc:
        sys.stderr.write(output(workdir)[-4000:])
        fail("diffmigrate %s exited %d in %s" % (" ".join(args), r["rc"], workdir))
    return output(workdir)


def dm_revisions(workdir, message):
    versions = os.path.join(workdir, "migrations", "versions")
    return [os.path.join(versions, f) for f in os.listdir(versions) if f.endswith("_%s.cs" % message)]


def dm_ops(path):
    """op.X( calls in a DiffMigrate revision's Upgrade."""
    text = open(path).read()
    body = text.split("Upgrade(Operations op)", 1)[1].split("Downgrade(Operations op)", 1)[0]
    return len(re.findall(r"\bop\.\w+\(", body))


def dm_take_revision(workdir, message, text):
    """Operations in the revision the last autogenerate wrote (removed, so the next run sees the same state);
    0 when it wrote none and said "No changes detected" (a no-op writes no empty revision unless asked)."""
    made = dm_revisions(workdir, message)
    if not made:
        if "No changes detected" not in text:
            fail("autogenerate wrote no revision and did not say 'No changes detected' in %s:\n%s" % (workdir, text[-2000:]))
        return 0
    ops = sum(dm_ops(p) for p in made)
    for p in made:
        os.remove(p)
    return ops


def copy_project(src, dest, files=None):
    """Copies a model project from bench/ to a scratch folder (outside the repository's props); its reference to
    ../../src/Model becomes this clone's absolute path."""
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("bin", "obj", "Migrations", "*.db"))
    for name in os.listdir(dest):
        if name.endswith(".csproj"):
            path = os.path.join(dest, name)
            text = open(path).read().replace("../../src/Model/", os.path.join(ROOT, "src", "Model") + "/")
            open(path, "w").write(text)
    return dest


# ---------------------------------------------------------------- the results file
def secs(m):
    """median (cold) of a measure() row."""
    return "%.2f s (%.2f s)" % (m["median_s"], m["cold_s"]) if m else "-"


def ratio(a, b):
    return a["median_s"] / b["median_s"] if a and b else None


def goal(text, met):
    return (text, bool(met))


def goals_cells(goals):
    """The goal column and the met/missed column of a row."""
    if not goals:
        return "-", "-"
    return "; ".join(g for g, _ in goals), ", ".join("met" if ok else "**missed**" for _, ok in goals)


def table(headers, rows):
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines
