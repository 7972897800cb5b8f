"""Group `graph`: long revision histories, SQLite, the same graphs for both tools (ids, parents, messages and DDL
from Alembic's gen_chain.py; DiffMigrate gets the C# twin of each script).

  upgrade --sql   `upgrade head --sql` over a 1,000-revision chain (--quick: 50); cold = no cache of either tool.
  first upgrade   `upgrade head` of a 5,000-revision chain (--quick: 100) into a new database, every run the first
                  one: the database, DiffMigrate's .diffmigrate-cache (headers and compiled scripts) and Alembic's
                  __pycache__ are deleted before each run. Time and peak RSS.
  history         `history` on a 5,000-revision chain and on a branchy graph of 5,000 (a fork into 2x3 revisions and
                  a merge every 50) (--quick: 200); the branchy/chain ratio of each tool is reported.
Asserted: the offline SQL of both tools names every revision; after the first upgrade both databases hold the same
tables and the head; `history` lists the same revisions in both tools. The two tools' runs take turns (see
harness.interleave).
"""
import os
import shutil
import sqlite3

import harness as h

gen_chain = None  # Alembic's gen_chain.py, imported by run() (its folder is on sys.path after harness.setup)

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
    work = h.fresh_dir("graph", name)
    write_csharp_chain(os.path.join(work, "migrations", "versions"), n, branch_every)
    h.dm_config(work, "sqlite:///app.db")
    return work


def remove(path):
    if os.path.exists(path):
        os.remove(path)


def history_ids(work):
    ids = []
    for line in open(os.path.join(work, "out.txt")):
        if " -> " in line:
            ids.append(line.split(" -> ", 1)[1].split(" ")[0].rstrip(","))
    return sorted(ids)


def tables(path):
    db = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\'"))
    finally:
        db.close()


def run(quick, repeat):
    b = h.bench
    global gen_chain
    import gen_chain as chain
    gen_chain = chain
    n_sql, n_up, n_hist = (50, 100, 200) if quick else (1000, 5000, 5000)
    al = b.ALEMBIC
    dm = h.CLI
    head = lambda n, every: gen_chain.rev_id(gen_chain.build_graph(n, every)[-1][0])

    # upgrade head --sql
    dm_dir, al_dir = dm_project("dm_chain_%d" % n_sql, n_sql, 0), b.chain_project("graph_chain_%d" % n_sql, n_sql)
    al_env = {"BENCH_DB_URL": b.db_url("sqlite", al_dir)}
    revs = [gen_chain.rev_id(i) for i, _ in gen_chain.build_graph(n_sql, 0)]

    def names_all(tool):
        def after(rc, text):
            missing = [r for r in revs if r not in text]
            if missing:
                h.fail("%s upgrade --sql: %d revisions missing from the SQL, e.g. %s" % (tool, len(missing), missing[0]))
        return after

    sql_dm, sql_al = h.interleave([
        h.Series("DM upgrade --sql %d" % n_sql, dm + ["upgrade", "head", "--sql"], dm_dir, after=names_all("DiffMigrate")),
        h.Series("Alembic upgrade --sql %d" % n_sql, al + ["upgrade", "head", "--sql"], al_dir, env=al_env,
                 after=names_all("Alembic"))], repeat)

    # first upgrade
    dm_dir, al_dir = dm_project("dm_chain_%d" % n_up, n_up, 0), b.chain_project("graph_chain_%d" % n_up, n_up)
    al_env = {"BENCH_DB_URL": b.db_url("sqlite", al_dir)}

    def first(work, db):
        def before():
            h.clear_caches(work)
            remove(db)
        return before

    up_dm, up_al = h.interleave([
        h.Series("DM first upgrade %d" % n_up, dm + ["upgrade", "head"], dm_dir,
                 before=first(dm_dir, os.path.join(dm_dir, "app.db"))),
        h.Series("Alembic first upgrade %d" % n_up, al + ["upgrade", "head"], al_dir, env=al_env,
                 before=first(al_dir, os.path.join(al_dir, "bench.sqlite")))], repeat)
    dm_tables, al_tables = tables(os.path.join(dm_dir, "app.db")), tables(os.path.join(al_dir, "bench.sqlite"))
    if not dm_tables or dm_tables != al_tables:
        h.fail("first upgrade: DiffMigrate made %d tables, Alembic %d" % (len(dm_tables), len(al_tables)))
    current = h.dm(dm_dir, "current")
    if head(n_up, 0) not in current:
        h.fail("first upgrade: DiffMigrate's current is not the head %s: %s" % (head(n_up, 0), current))

    # history, chain and branchy
    hist = {}
    for shape, every in (("chain", 0), ("branchy", 50)):
        dm_dir = dm_project("dm_%s_%d_h" % (shape, n_hist), n_hist, every)
        al_dir = b.chain_project("graph_%s_%d_h" % (shape, n_hist), n_hist, every)
        al_env = {"BENCH_DB_URL": b.db_url("sqlite", al_dir)}
        r_dm, r_al = h.interleave([
            h.Series("DM history %s %d" % (shape, n_hist), dm + ["history"], dm_dir),
            h.Series("Alembic history %s %d" % (shape, n_hist), al + ["history"], al_dir, env=al_env)], repeat)
        a, c = history_ids(dm_dir), history_ids(al_dir)
        if len(a) != n_hist or a != c:
            h.fail("history %s: DiffMigrate lists %d revisions, Alembic %d, or not the same ones" % (shape, len(a), len(c)))
        hist[shape] = (r_dm, r_al)

    r_sql, r_up = h.ratio(sql_dm, sql_al), h.ratio(up_dm, up_al)
    dm_shape = hist["branchy"][0]["median_s"] / hist["chain"][0]["median_s"]
    al_shape = hist["branchy"][1]["median_s"] / hist["chain"][1]["median_s"]
    rows = [
        ("`upgrade head --sql`, chain of %d" % n_sql, sql_dm, sql_al, [h.goal("<= 0.5 of Alembic", r_sql <= 0.5)]),
        ("first `upgrade head`, chain of %d (no caches)" % n_up, up_dm, up_al,
         [h.goal("<= 1.0 of Alembic", r_up <= 1.0), h.goal("peak < 150 MiB", up_dm["peak_rss_mib"] < 150)]),
        ("`history`, chain of %d" % n_hist, hist["chain"][0], hist["chain"][1], []),
        ("`history`, branchy graph of %d" % n_hist, hist["branchy"][0], hist["branchy"][1],
         [h.goal("branchy/chain <= 1.2 (DM: %.2f; Alembic: %.2f)" % (dm_shape, al_shape), dm_shape <= 1.2)]),
    ]
    lines = [
        "## Revision graphs: DiffMigrate vs Alembic, SQLite",
        "",
        "gen_chain.py's graphs, the same ids for both tools. Cold = a fresh clone (no `.diffmigrate-cache`, no `__pycache__`);",
        "every first-upgrade run is cold (the median is of runs 2..N, each with the caches and the database deleted).",
        "The two tools take turns (DiffMigrate then Alembic, Alembic then DiffMigrate, ...): both see the same machine.",
        "",
    ]
    body, goals = [], []
    for step, d, a, g in rows:
        gc, met = h.goals_cells(g)
        goals += [(step, x) for x in g]
        body.append((step, h.secs(d), h.secs(a), "%.2f" % h.ratio(d, a), "%.0f / %.0f MiB" % (d["peak_rss_mib"], a["peak_rss_mib"]), gc, met))
    lines += h.table(["command", "DiffMigrate", "Alembic 1.8", "DM/Alembic", "peak RSS DM / Alembic", "goal", "met"], body)
    return lines, goals, {}
