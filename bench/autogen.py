"""Group `autogen`: `revision --autogenerate` on an N-table schema (500; --quick: 20), PostgreSQL and SQLite.

  from empty  the database is empty (re-created before every run): the whole schema is written as a revision;
  no-op       the database is at head and matches the model: nothing to write.
Alembic runs gen_schema.py's models through its own harness (bench.py's projects and env.py); DiffMigrate runs the
generated model of the same shape (bench/Workloads/GeneratedSchema.cs, spelled for each dialect) compiled to a
.dll by bench/DiffMigrate.Bench (model loading is the `inner` group's subject). Asserted: a no-op finds nothing
(DiffMigrate: no revision and "No changes detected", or an empty one; Alembic on PostgreSQL: no operation; on SQLite
its known Identity false positives are counted, not an error); from empty, both write at least one operation per
table. On PostgreSQL the server counts each tool's statements (pg_stat_statements, one extra run); DiffMigrate's
no-op count is also taken at 50 tables (--quick: 5): "constant" is met when the count at N is at most 5 over it
(Alembic's grows by about 12.8 statements per table).
"""
import os
import subprocess

import harness as h

SMALL = 50


def start_pg():
    subprocess.check_call([os.path.join(h.ALEMBIC_BENCH, "start_pg.sh")], stdout=subprocess.DEVNULL)


def pg_url():
    b = h.bench
    return "postgresql://postgres@%s:%d/%s" % (b.PGHOST, b.PGPORT, b.PGDB)


def dm_project(n, dialect):
    work = h.fresh_dir("autogen", "dm_%d_%s" % (n, dialect))
    h.dotnet(h.MODELS, "model", str(n), os.path.join(work, "Model.dll"), "postgresql" if dialect == "pg" else "sqlite")
    h.dm_config(work, pg_url() if dialect == "pg" else "sqlite:///app.db", "Model.dll")
    return work


def dm_reset(work, dialect):
    if dialect == "pg":
        h.bench.reset_db("pg", work)  # the model declares the citext extension it needs
    elif os.path.exists(os.path.join(work, "app.db")):
        os.remove(os.path.join(work, "app.db"))


def dm_autogenerate(work, dialect, n, repeat, message, reset):
    ops = []

    def after(rc, text):
        ops.append(h.dm_take_revision(work, message, text))
        if message == "noop" and ops[-1]:
            h.fail("DiffMigrate no-op autogenerate (%s, %d tables) found %d operations" % (dialect, n, ops[-1]))
        if message == "initial" and ops[-1] < n:
            h.fail("DiffMigrate from empty (%s, %d tables) wrote %d operations" % (dialect, n, ops[-1]))

    before = (lambda: dm_reset(work, dialect)) if reset else None
    row = h.measure("DM autogenerate %s %s %d" % (message, dialect, n), h.CLI + ["revision", "--autogenerate", "-m", message],
                    work, repeat, before=before, after=after)
    row["ops"] = ops[-1]
    if dialect == "pg":
        row["server_queries"] = dm_count(work, message, reset)
    return row


def dm_count(work, message, reset):
    if reset:
        dm_reset(work, "pg")
    h.bench.pgss_reset()
    text = h.dm(work, "revision", "--autogenerate", "-m", message)
    h.dm_take_revision(work, message, text)
    return h.bench.pgss_count()[0]


def dm_at_head(work, dialect):
    dm_reset(work, dialect)
    h.dm(work, "revision", "--autogenerate", "-m", "initial")
    h.dm(work, "upgrade", "head")


def alembic_rows(n, dialect, repeat):
    b = h.bench
    count = dialect == "pg"
    work = b.autogen_project("autogen_A_%d_%s" % (n, dialect), n, dialect)
    empty = b.timed_autogenerate(work, dialect, repeat, "initial", count=count, before=lambda: b.reset_db(dialect, work))
    work = b.autogen_project("autogen_B_%d_%s" % (n, dialect), n, dialect)
    b.setup_at_head(work, dialect)
    noop = b.timed_autogenerate(work, dialect, repeat, "noop", count=count)
    if sum(empty["ops"].values()) < n:
        h.fail("Alembic from empty (%s, %d tables): %s" % (dialect, n, empty["ops"]))
    if dialect == "pg" and noop["ops"]:
        h.fail("Alembic no-op on PostgreSQL found %s" % noop["ops"])
    for row in (empty, noop):
        row["ops"] = sum(row["ops"].values())
    return empty, noop


def run(quick, repeat):
    n = 20 if quick else 500
    small = 5 if quick else SMALL
    start_pg()
    results = []
    for dialect in ("pg", "sqlite"):
        work = dm_project(n, dialect)
        dm_empty = dm_autogenerate(work, dialect, n, repeat, "initial", reset=True)
        dm_at_head(work, dialect)
        dm_noop = dm_autogenerate(work, dialect, n, repeat, "noop", reset=False)
        if dialect == "pg":
            small_work = dm_project(small, dialect)
            dm_at_head(small_work, dialect)
            dm_noop["server_queries_small"] = dm_count(small_work, "noop", reset=False)
        al_empty, al_noop = alembic_rows(n, dialect, repeat)
        results.append((dialect, dm_empty, al_empty, dm_noop, al_noop))

    lines = [
        "## Autogenerate: DiffMigrate vs Alembic, %d tables" % n,
        "",
        "gen_schema.py's shape (8-12 columns, identity keys, defaults, a unique, a check, 1-3 indexes, 0-2 foreign keys per",
        "table); DiffMigrate's model also carries every neutral type, an enum, a citext column, partial and expression",
        "indexes. DiffMigrate's model is a prebuilt .dll here. PostgreSQL 15 on this machine (fsync off, loopback).",
        "Statements: counted by the server (pg_stat_statements calls in the benchmark database, one extra run).",
        "",
    ]
    body, goals = [], []
    for dialect, dm_empty, al_empty, dm_noop, al_noop in results:
        name = "PostgreSQL" if dialect == "pg" else "SQLite"
        for what, dm, al, limit in (("no-op", dm_noop, al_noop, 0.10), ("from empty", dm_empty, al_empty, 0.25)):
            r = h.ratio(dm, al)
            g = [h.goal("<= %.2f of Alembic" % limit, r <= limit)]
            stmts = "-"
            if dialect == "pg":
                stmts = "%s / %s" % (dm["server_queries"], al.get("server_queries"))
                if what == "no-op":
                    constant = dm["server_queries"] <= dm["server_queries_small"] + 5
                    g.append(h.goal("statements constant (%d at %d tables, %d at %d)" % (
                        dm["server_queries_small"], small, dm["server_queries"], n), constant))
            gc, met = h.goals_cells(g)
            goals += [("autogenerate %s, %s" % (what, name), x) for x in g]
            body.append(("%s, %s" % (what, name), h.secs(dm), h.secs(al), "%.2f" % r, stmts,
                         "%s / %s" % (dm["ops"], al["ops"]),
                         "%.0f / %.0f MiB" % (dm["peak_rss_mib"], al["peak_rss_mib"]), gc, met))
    lines += h.table(["autogenerate", "DiffMigrate", "Alembic 1.8", "DM/Alembic", "statements DM / Alembic",
                      "operations DM / Alembic", "peak RSS DM / Alembic", "goal", "met"], body)
    lines += ["", "Alembic's no-op on SQLite reports one false `alter_column` per Identity column (its known false positive);",
              "DiffMigrate's reports none (the run fails otherwise)."]
    return lines, goals, {}
