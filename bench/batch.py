#!/usr/bin/python3
"""SQLite table rebuild ("batch" mode): DiffMigrate and Alembic side by side, in one run, on the same database.

Usage: bench/batch.py [--rows 1000000] [--repeat 3] [--out bench/results-batch.md]

A table of N rows (integer key, varchar(50), numeric, text; one index) is rebuilt by each tool's batch mode to
widen a varchar column: `upgrade head` of one revision, each tool as a fresh process, on a fresh copy of the same
database file every run. A second, untimed probe adds a view over the table and a trigger on another table that
names it, the two things Alembic's users report its batch mode breaking on, and records whether each tool applies.
Needs: apt-get install -y python3-alembic python3-sqlalchemy time; .NET SDK.
"""
import argparse
import os
import shutil
import sqlite3
import subprocess
import sys

from harness import ALEMBIC_BENCH, CLI, ROOT, alembic  # noqa: F401

bench = alembic("/tmp/diffmigrate-batch-bench")  # Alembic's harness: measure, run_cmd, reset_db, ...
WORK = os.environ["BENCH_WORK"]

ALEMBIC_REVISION = '''"""widen name"""
from alembic import op
import sqlalchemy as sa

revision = "0000000000d1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("items") as batch:
        batch.alter_column("name", existing_type=sa.String(50), type_=sa.String(100), existing_nullable=False)


def downgrade():
    pass
'''

DM_REVISION = '''using DiffMigrate;
using DiffMigrate.Schema;

[Revision("0000000000d1", Message = "widen name")]
public sealed class WidenName : Migration
{
    public override void Upgrade(Operations op) => op.BatchAlterTable("items", batch =>
        batch.AlterColumn(existing: Column("name", SqlType.String(50)), column: Column("name", SqlType.String(100))));

    public override void Downgrade(Operations op) { }
}
'''


def make_database(path, rows, dependents):
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE items (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL, amount NUMERIC(10, 2) NOT NULL DEFAULT 0, note TEXT);
        CREATE INDEX ix_items_name ON items (name);
    """)
    db.executemany("INSERT INTO items VALUES (?, ?, ?, ?)",
                   ((i, "item %d" % i, i % 1000 / 10.0, None if i % 3 else "note %d" % i) for i in range(1, rows + 1)))
    if dependents:
        db.executescript("""
            CREATE VIEW v_items AS SELECT name, amount FROM items WHERE amount > 50;
            CREATE TABLE log (message TEXT);
            CREATE TABLE orders (id INTEGER PRIMARY KEY, item_id INTEGER REFERENCES items (id));
            CREATE TRIGGER tr_orders AFTER INSERT ON orders BEGIN INSERT INTO log SELECT name FROM items WHERE id = new.item_id; END;
        """)
    db.commit()
    db.close()


def projects(master):
    al = bench.new_project("al_batch")
    with open(os.path.join(al, "migrations", "versions", "0000000000d1_widen.py"), "w") as f:
        f.write(ALEMBIC_REVISION)
    dm = os.path.join(WORK, "dm_batch")
    shutil.rmtree(dm, ignore_errors=True)
    os.makedirs(os.path.join(dm, "migrations", "versions"))
    with open(os.path.join(dm, "migrations", "versions", "0000000000d1_widen.cs"), "w") as f:
        f.write(DM_REVISION)
    with open(os.path.join(dm, "diffmigrate.json"), "w") as f:
        f.write('{ "scriptLocation": "migrations", "url": "sqlite:///bench.sqlite" }\n')
    return al, dm


def fresh(master, workdir):
    return lambda: shutil.copyfile(master, os.path.join(workdir, "bench.sqlite"))


def applies(cmd, workdir, env):
    r = bench.run_cmd(cmd, workdir, env, check=False)
    lines = open(os.path.join(workdir, "stderr.txt")).read().strip().splitlines()
    return r["rc"] == 0, [l for l in lines if "Error: " in l][-1:] or lines[-1:] or [""]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=1000000)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--out", default=os.path.join(ROOT, "bench", "results-batch.md"))
    a = p.parse_args()
    os.makedirs(WORK, exist_ok=True)
    subprocess.check_call(["dotnet", "build", "-c", "Release", "-v", "q", "-nologo", os.path.join(ROOT, "src", "Cli")], stdout=subprocess.DEVNULL)
    master = os.path.join(WORK, "master.sqlite")
    make_database(master, a.rows, dependents=False)
    al, dm = projects(master)
    al_env = {"BENCH_DB_URL": "sqlite:///" + os.path.join(al, "bench.sqlite")}
    dm_cmd = ["dotnet", CLI, "upgrade", "head"]
    bench.run_cmd(dm_cmd, dm, check=False)  # compile the revision once, as after a first run
    r_dm = bench.measure("DM rebuild", dm_cmd, dm, a.repeat, before=fresh(master, dm))
    r_al = bench.measure("Alembic rebuild", bench.ALEMBIC + ["upgrade", "head"], al, a.repeat, before=fresh(master, al), env_extra=al_env)
    for workdir in (dm, al):
        rows = sqlite3.connect(os.path.join(workdir, "bench.sqlite")).execute("SELECT count(*), max(length(name)) FROM items").fetchone()
        assert rows[0] == a.rows, (workdir, rows)

    probe = os.path.join(WORK, "probe.sqlite")
    make_database(probe, 1000, dependents=True)
    fresh(probe, dm)()
    fresh(probe, al)()
    dm_ok, dm_msg = applies(dm_cmd, dm, None)
    al_ok, al_msg = applies(bench.ALEMBIC + ["upgrade", "head"], al, al_env)

    dotnet = subprocess.check_output(["dotnet", "--version"], text=True).strip()
    versions = bench.stack_versions()
    lines = [
        "# SQLite table rebuild: DiffMigrate vs Alembic batch mode (one run, one machine)",
        "",
        "Machine: %d cores; .NET SDK %s; Alembic %s with SQLAlchemy %s; SQLite as bundled by each (Microsoft.Data.Sqlite, Python's sqlite3)."
        % (os.cpu_count(), dotnet, versions.get("alembic"), versions.get("sqlalchemy")),
        "Command: `bench/batch.py --rows %d --repeat %d`: `upgrade head` of one revision that widens a varchar column of a table of"
        " %d rows (one index), each tool a fresh process on a fresh copy of the same file; median of the warm runs (cold in brackets)." % (a.rows, a.repeat, a.rows),
        "",
        "| rows | DiffMigrate | Alembic | time DM/Alembic | peak RSS DM / Alembic |",
        "|---|---|---|---|---|",
        "| %d | %.2f s (%.2f s) | %.2f s (%.2f s) | %.2f | %.0f / %.0f MiB |" % (
            a.rows, r_dm["median_s"], r_dm["cold_s"], r_al["median_s"], r_al["cold_s"], r_dm["median_s"] / r_al["median_s"],
            r_dm["peak_rss_mib"], r_al["peak_rss_mib"]),
        "",
        "Probe, same revision on 1,000 rows with a view over the table and another table's trigger that names it:",
        "",
        "| tool | applies | error on failure |",
        "|---|---|---|",
        "| DiffMigrate | %s | %s |" % ("yes" if dm_ok else "no", "" if dm_ok else dm_msg[0].replace("|", "/")),
        "| Alembic | %s | %s |" % ("yes" if al_ok else "no", "" if al_ok else al_msg[0].replace("|", "/")),
    ]
    open(a.out, "w").write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
