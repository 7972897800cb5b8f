#!/usr/bin/env python3
"""Revision-graph benchmark: DiffMigrate and Alembic side by side, in one run, on the same graphs.

Usage: bench/graph.py [--sizes 1000,5000] [--repeat 3] [--out bench/results-graph.md]

For each size N and shape (a linear chain; a branchy graph that forks into 2x3 revisions and merges every 50), both
tools get the same revisions (ids, parents, messages and DDL come from Alembic's gen_chain.py) and the same
commands, each as a fresh process: `heads`, `history`, `current` (database stamped at head, SQLite), and on the
linear chain of the smallest size `upgrade head` (database re-created before every run) and `upgrade head --sql`.
The timing and RSS code is bench.py's own `measure` (cold run first, then warm runs; median of the warm runs).
Needs: apt-get install -y python3-alembic python3-sqlalchemy time; .NET SDK.
"""
import argparse
import os
import shutil
import subprocess
import sys

from harness import ALEMBIC_BENCH, CLI, ROOT, alembic  # noqa: F401

bench = alembic("/tmp/diffmigrate-graph-bench")  # Alembic's harness: measure, run_cmd, reset_db, ...
WORK = os.environ["BENCH_WORK"]
import gen_chain  # noqa: E402  (the graph both tools get)

SCRIPT = '''// {message}
using DiffMigrate;
using DiffMigrate.Schema;

namespace Migrations;

[Revision("{rev}"{down}, Message = "{message}")]
public sealed class R_{rev} : Migration
{{
    public override void Upgrade(Operations op)
    {{
{upgrade}
    }}

    public override void Downgrade(Operations op)
    {{
{downgrade}
    }}
}}
'''


def write_csharp_chain(versions, n, branch_every):
    """The C# twin of gen_chain.render: same ids, parents, messages and operations."""
    os.makedirs(versions, exist_ok=True)
    kind = {}
    for i, parents in gen_chain.build_graph(n, branch_every):
        rev = gen_chain.rev_id(i)
        down = "".join(', "%s"' % gen_chain.rev_id(p) for p in parents)
        if len(parents) > 1:
            kind[i] = ("merge", None)
            message = "merge %s" % ", ".join(gen_chain.rev_id(p) for p in parents)
            up = dn = ""
        elif parents and kind.get(parents[0], ("",))[0] == "table":
            table = kind[parents[0]][1]
            kind[i] = ("column", table)
            col = "col_%05d" % i
            message = "add %s to %s" % (col, table)
            column = 'Column("%s", SqlType.Int32, nullable: true)' % col
            up = '        op.AddColumn("%s", %s);' % (table, column)
            dn = '        op.DropColumn("%s", %s);' % (table, column)
        else:
            table = "c_%05d" % i
            kind[i] = ("table", table)
            message = "create table %s" % table
            body = ('"%s", Column("id", SqlType.Int32), Column("name", SqlType.String(50), nullable: true), '
                    'PrimaryKey("pk_%s", "id")' % (table, table))
            up = "        op.CreateTable(%s);" % body
            dn = "        op.DropTable(%s);" % body
        slug = message.replace(",", "").replace(" ", "_")[:40]
        with open(os.path.join(versions, "%s_%s.cs" % (rev, slug)), "w") as f:
            f.write(SCRIPT.format(rev=rev, down=down, message=message, upgrade=up, downgrade=dn))


def dm_project(name, n, branch_every):
    workdir = os.path.join(WORK, name)
    shutil.rmtree(workdir, ignore_errors=True)
    write_csharp_chain(os.path.join(workdir, "migrations", "versions"), n, branch_every)
    with open(os.path.join(workdir, "diffmigrate.json"), "w") as f:
        f.write('{ "scriptLocation": "migrations", "url": "sqlite:///app.db" }\n')
    return workdir


def dm_reset(workdir):
    path = os.path.join(workdir, "app.db")
    if os.path.exists(path):
        os.remove(path)


def same_output(label, dm_dir, al_dir):
    """heads/history/current must print the same ids in both tools, or the comparison means nothing."""
    def ids(d):
        lines = [line for line in open(os.path.join(d, "out.txt")) if line.strip()]
        return [line.split(" -> ", 1)[1].split(" ")[0].rstrip(",") if label == "history" else line.split(" ")[0] for line in lines]
    a, b = ids(dm_dir), ids(al_dir)
    if label == "history":
        a, b = sorted(a), sorted(b)  # the same revisions; order within a branch section may differ
    if a != b:
        raise SystemExit("%s differs: DiffMigrate %s... Alembic %s..." % (label, a[:5], b[:5]))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", default="1000,5000")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--out", default=os.path.join(ROOT, "bench", "results-graph.md"))
    a = p.parse_args()
    os.makedirs(WORK, exist_ok=True)
    subprocess.check_call(["dotnet", "build", "-c", "Release", "-v", "q", "-nologo", os.path.join(ROOT, "src", "Cli")], stdout=subprocess.DEVNULL)
    dm = ["dotnet", CLI]
    al = bench.ALEMBIC
    rows = []
    sizes = [int(s) for s in a.sizes.split(",")]
    for n in sizes:
        for shape, every in (("chain", 0), ("branchy", 50)):
            name = "%s_%d" % (shape, n)
            al_dir = bench.chain_project("al_" + name, n, every)
            dm_dir = dm_project("dm_" + name, n, every)
            al_env = {"BENCH_DB_URL": bench.db_url("sqlite", al_dir)}
            bench.reset_db("sqlite", al_dir)
            bench.run_cmd(al + ["stamp", "head"], al_dir, al_env)
            dm_reset(dm_dir)
            bench.run_cmd(dm + ["stamp", "head"], dm_dir)
            for cmd in (["heads"], ["history"], ["current"]):
                label = " ".join(cmd)
                r_dm = bench.measure("DM " + label, dm + cmd, dm_dir, a.repeat)
                r_al = bench.measure("Alembic " + label, al + cmd, al_dir, a.repeat, env_extra=al_env)
                same_output(label, dm_dir, al_dir)
                rows.append((shape, n, label, r_dm, r_al))
            if shape == "chain" and n == min(sizes):
                cache = os.path.join(dm_dir, "migrations", ".diffmigrate-cache")
                shutil.rmtree(cache, ignore_errors=True)  # the cold run compiles every script
                r_dm = bench.measure("DM upgrade head", dm + ["upgrade", "head"], dm_dir, a.repeat, before=lambda: dm_reset(dm_dir))
                r_al = bench.measure("Alembic upgrade head", al + ["upgrade", "head"], al_dir, a.repeat,
                                     before=lambda: bench.reset_db("sqlite", al_dir), env_extra=al_env)
                rows.append((shape, n, "upgrade head", r_dm, r_al))
                r_dm = bench.measure("DM upgrade head --sql", dm + ["upgrade", "head", "--sql"], dm_dir, a.repeat)
                r_al = bench.measure("Alembic upgrade head --sql", al + ["upgrade", "head", "--sql"], al_dir, a.repeat, env_extra=al_env)
                rows.append((shape, n, "upgrade head --sql", r_dm, r_al))
    versions = bench.stack_versions()
    dotnet = subprocess.check_output(["dotnet", "--version"], text=True).strip()
    lines = [
        "# Revision-graph benchmark: DiffMigrate vs Alembic (one run, one machine)",
        "",
        "Machine: %d cores; .NET SDK %s; Alembic %s with SQLAlchemy %s; SQLite. Command: `bench/graph.py --sizes %s --repeat %d`."
        % (os.cpu_count(), dotnet, versions.get("alembic"), versions.get("sqlalchemy"), a.sizes, a.repeat),
        "Each figure is a fresh process. Median of the warm runs; cold = the first run (Alembic without .pyc files;",
        "DiffMigrate without its compiled-script cache, but with the header cache that the set-up `stamp head` filled).",
        "Graphs: gen_chain.py's, the same ids for both tools; branchy = a fork into 2x3 revisions and a merge every 50.",
        "",
        "| graph | N | command | DiffMigrate median (cold) | Alembic median (cold) | time ratio DM/Alembic | peak RSS DM / Alembic |",
        "|---|---|---|---|---|---|---|",
    ]
    for shape, n, label, r_dm, r_al in rows:
        lines.append("| %s | %d | `%s` | %.3f s (%.3f s) | %.3f s (%.3f s) | %.2f | %.0f / %.0f MiB |" % (
            shape, n, label, r_dm["median_s"], r_dm["cold_s"], r_al["median_s"], r_al["cold_s"],
            r_dm["median_s"] / r_al["median_s"], r_dm["peak_rss_mib"], r_al["peak_rss_mib"]))
    with open(a.out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
