"""Group `batch`: SQLite table rebuild ("batch" mode), DiffMigrate and Alembic side by side on the same database.

A table of 1,000,000 rows (--quick: 10,000; integer key, varchar(50), numeric, text; one index) is rebuilt by each
tool's batch mode to widen a varchar column: `upgrade head` of one revision, each tool a fresh process on a fresh
copy of the same database file every run (DiffMigrate's revision compiled once beforehand, as after a first run).
Asserted: every row is still there after each tool's rebuild. A second, untimed probe adds a view over the table and a
trigger on another table that names it, the two things Alembic's users report its batch mode breaking on, and
records whether each tool applies. No goal of issue 17 is about this group.
"""
import os
import shutil
import sqlite3

import harness as h

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


def projects():
    al = h.bench.new_project("batch_al")
    with open(os.path.join(al, "migrations", "versions", "0000000000d1_widen.py"), "w") as f:
        f.write(ALEMBIC_REVISION)
    dm = h.fresh_dir("batch", "dm")
    h.dm_config(dm, "sqlite:///bench.sqlite")
    with open(os.path.join(dm, "migrations", "versions", "0000000000d1_widen.cs"), "w") as f:
        f.write(DM_REVISION)
    return al, dm


def fresh(master, workdir):
    return lambda: shutil.copyfile(master, os.path.join(workdir, "bench.sqlite"))


def applies(cmd, workdir, env):
    r = h.bench.run_cmd(cmd, workdir, env, check=False)
    lines = open(os.path.join(workdir, "stderr.txt")).read().strip().splitlines()
    return r["rc"] == 0, ([l for l in lines if "Error: " in l][-1:] or lines[-1:] or [""])[0]


def run(quick, repeat):
    rows = 10000 if quick else 1000000
    master = os.path.join(h.fresh_dir("batch", "data"), "master.sqlite")
    make_database(master, rows, dependents=False)
    al, dm = projects()
    al_env = {"BENCH_DB_URL": "sqlite:///" + os.path.join(al, "bench.sqlite")}
    dm_cmd = h.CLI + ["upgrade", "head"]
    fresh(master, dm)()
    h.dm(dm, "upgrade", "head")  # compiles the revision once, as after a first run

    def kept(workdir):
        def after(rc, text):
            count, longest = sqlite3.connect(os.path.join(workdir, "bench.sqlite")).execute(
                "SELECT count(*), max(length(name)) FROM items").fetchone()
            if count != rows:
                h.fail("batch rebuild in %s kept %d of %d rows" % (workdir, count, rows))
        return after

    r_dm = h.measure("DM rebuild %d" % rows, dm_cmd, dm, repeat, before=fresh(master, dm), after=kept(dm), cold=False)
    r_al = h.measure("Alembic rebuild %d" % rows, h.bench.ALEMBIC + ["upgrade", "head"], al, repeat, before=fresh(master, al),
                     after=kept(al), env=al_env)
    probe = os.path.join(os.path.dirname(master), "probe.sqlite")
    make_database(probe, 1000, dependents=True)
    fresh(probe, dm)()
    fresh(probe, al)()
    dm_ok, dm_msg = applies(dm_cmd, dm, None)
    al_ok, al_msg = applies(h.bench.ALEMBIC + ["upgrade", "head"], al, al_env)
    lines = [
        "## SQLite table rebuild: DiffMigrate vs Alembic batch mode",
        "",
        "`upgrade head` of one revision that widens a varchar column of a table of %d rows (one index), each tool a fresh" % rows,
        "process on a fresh copy of the same file (DiffMigrate's revision already compiled).",
        "",
    ]
    lines += h.table(["rows", "DiffMigrate", "Alembic 1.8", "DM/Alembic", "peak RSS DM / Alembic", "goal"],
                     [(rows, h.secs(r_dm), h.secs(r_al), "%.2f" % h.ratio(r_dm, r_al),
                       "%.0f / %.0f MiB" % (r_dm["peak_rss_mib"], r_al["peak_rss_mib"]), "-")])
    lines += ["", "Probe: the same revision on 1,000 rows with a view over the table and another table's trigger that names it:", ""]
    lines += h.table(["tool", "applies", "error on failure"],
                     [("DiffMigrate", "yes" if dm_ok else "no", "" if dm_ok else dm_msg.replace("|", "/")),
                      ("Alembic", "yes" if al_ok else "no", "" if al_ok else al_msg.replace("|", "/"))])
    if not dm_ok:
        h.fail("batch probe: DiffMigrate did not apply: " + dm_msg)
    return lines, [], {}
