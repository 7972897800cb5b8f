"""Group `autogen`: `revision --autogenerate` on an N-table schema (500; --quick: 20), PostgreSQL and SQLite.

  from empty  the database is empty (re-created before every run): the whole schema is written as a revision;
  no-op       the database is at head and matches the model: nothing to write.
Alembic runs gen_schema.py's models through its own harness (bench.py's projects and env.py); DiffMigrate runs the
generated model of the same shape (bench/Workloads/GeneratedSchema.cs, spelled for each dialect) compiled to a
.dll by bench/DiffMigrate.Bench (model loading is the `inner` group's subject). Asserted: a no-op finds nothing
(DiffMigrate: no revision and "No changes detected", or an empty one; Alembic on PostgreSQL: no operation; on SQLite
its known Identity false positives are counted, not an error); from empty, both write at least one operation per
table. Both tools take turns (DM Alembic, Alembic DM, ...; each tool in its own PostgreSQL database), so that a
drifting machine weighs on both alike. On PostgreSQL the server counts each tool's statements (pg_stat_statements,
one extra run); DiffMigrate's no-op count is also taken at 50 tables (--quick: 5): "constant" is met when the count
at N is at most 5 over it (Alembic's grows by about 12.8 statements per table).
"""
import os
import subprocess

import harness as h

SMALL = 50


def start_pg():
    subprocess.check_call([os.path.join(h.ALEMBIC_BENCH, "start_pg.sh")], stdout=subprocess.DEVNULL)


DM_DB = "diffmigrate_bench"  # beside Alembic's alembic_bench, so that both can be at head while their runs take turns


def pg_url():
    b = h.bench
    return "postgresql://postgres@%s:%d/%s" % (b.PGHOST, b.PGPORT, DM_DB)


def pg_statements(db):
    """Statements the server ran in database `db` since the last pgss_reset (pg_stat_statements calls)."""
    conn = h.bench.pg_admin()
    cur = conn.cursor()
    cur.execute("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements "
                "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = %s)", (db,))
    count = int(cur.fetchone()[0])
    conn.close()
    return count


def dm_project(n, dialect):
    work = h.fresh_dir("autogen", "dm_%d_%s" % (n, dialect))
    h.dotnet(h.MODELS, "model", str(n), os.path.join(work, "Model.dll"), "postgresql" if dialect == "pg" else "sqlite")
    h.dm_config(work, pg_url() if dialect == "pg" else "sqlite:///app.db", "Model.dll")
    return work


def dm_reset(work, dialect):
    if dialect == "pg":
        conn = h.bench.pg_admin()  # a new database; the model declares the citext extension it needs
        cur = conn.cursor()
        cur.execute("DROP DATABASE IF EXISTS %s WITH (FORCE)" % DM_DB)
        cur.execute("CREATE DATABASE %s" % DM_DB)
        conn.close()
    elif os.path.exists(os.path.join(work, "app.db")):
        os.remove(os.path.join(work, "app.db"))


def dm_series(work, dialect, n, message, reset):
    ops = []

    def after(rc, text):
        ops.append(h.dm_take_revision(work, message, text))
        if message == "noop" and ops[-1]:
            h.fail("DiffMigrate no-op autogenerate (%s, %d tables) found %d operations" % (dialect, n, ops[-1]))
        if message == "initial" and ops[-1] < n:
            h.fail("DiffMigrate from empty (%s, %d tables) wrote %d operations" % (dialect, n, ops[-1]))

    before = (lambda: dm_reset(work, dialect)) if reset else None
    series = h.Series("DM autogenerate %s %s %d" % (message, dialect, n),
                      h.CLI + ["revision", "--autogenerate", "-m", message], work, before=before, after=after)
    return series, ops


def dm_count(work, message, reset):
    if reset:
        dm_reset(work, "pg")
    h.bench.pgss_reset()
    text = h.dm(work, "revision", "--autogenerate", "-m", message)
    h.dm_take_revision(work, message, text)
    return pg_statements(DM_DB)


def dm_at_head(work, dialect):
    dm_reset(work, dialect)
    h.dm(work, "revision", "--autogenerate", "-m", "initial")
    h.dm(work, "upgrade", "head")


def al_series(work, dialect, n, message, reset):
    """Alembic's autogenerate through its own project and env.py (bench.py's), each new revision counted and removed."""
    b = h.bench
    ops = []
    existing = set(b.versions(work))

    def after(rc, text):
        new = [v for v in b.versions(work) if v not in existing]
        if len(new) != 1:
            h.fail("Alembic autogenerate %s (%s, %d tables) wrote %d revisions" % (message, dialect, n, len(new)))
        ops.append(sum(b.ops_in(new[0]).values()))
        os.remove(new[0])

    before = (lambda: b.reset_db(dialect, work)) if reset else None
    series = h.Series("Alembic autogenerate %s %s %d" % (message, dialect, n),
                      b.ALEMBIC + ["revision", "--autogenerate", "-m", message], work, before=before, after=after,
                      env={"BENCH_DB_URL": b.db_url(dialect, work)})
    return series, ops


def al_count(work, message, reset):
    b = h.bench
    if reset:
        b.reset_db("pg", work)
    b.pgss_reset()
    existing = set(b.versions(work))
    b.run_cmd(b.ALEMBIC + ["revision", "--autogenerate", "-m", message], work, {"BENCH_DB_URL": b.db_url("pg", work)})
    for v in b.versions(work):
        if v not in existing:
            os.remove(v)
    return pg_statements(b.PGDB)


def pair(dm_work, al_work, dialect, n, repeat, message, reset):
    """Both tools' autogenerate, their runs taking turns; their rows with operations (and on PostgreSQL statements)."""
    dm_s, dm_ops = dm_series(dm_work, dialect, n, message, reset)
    al_s, al_ops = al_series(al_work, dialect, n, message, reset)
    dm_row, al_row = h.interleave([dm_s, al_s], repeat)
    dm_row["ops"], al_row["ops"] = dm_ops[-1], al_ops[-1]
    if dialect == "pg":
        dm_row["server_queries"] = dm_count(dm_work, message, reset)
        al_row["server_queries"] = al_count(al_work, message, reset)
    return dm_row, al_row


def run(quick, repeat):
    b = h.bench
    n = 20 if quick else 500
    small = 5 if quick else SMALL
    start_pg()
    results = []
    for dialect in ("pg", "sqlite"):
        work = dm_project(n, dialect)
        al_work = b.autogen_project("autogen_A_%d_%s" % (n, dialect), n, dialect)
        dm_empty, al_empty = pair(work, al_work, dialect, n, repeat, "initial", reset=True)
        dm_at_head(work, dialect)
        al_work = b.autogen_project("autogen_B_%d_%s" % (n, dialect), n, dialect)
        b.setup_at_head(al_work, dialect)
        dm_noop, al_noop = pair(work, al_work, dialect, n, repeat, "noop", reset=False)
        if al_empty["ops"] < n:
            h.fail("Alembic from empty (%s, %d tables) wrote %d operations" % (dialect, n, al_empty["ops"]))
        if dialect == "pg" and al_noop["ops"]:
            h.fail("Alembic no-op on PostgreSQL found %d operations" % al_noop["ops"])
        if dialect == "pg":
            small_work = dm_project(small, dialect)
            dm_at_head(small_work, dialect)
            dm_noop["server_queries_small"] = dm_count(small_work, "noop", reset=False)
        results.append((dialect, dm_empty, al_empty, dm_noop, al_noop))

    lines = [
        "## Autogenerate: DiffMigrate vs Alembic, %d tables" % n,
        "",
        "gen_schema.py's shape (8-12 columns, identity keys, defaults, a unique, a check, 1-3 indexes, 0-2 foreign keys per",
        "table); DiffMigrate's model also carries every neutral type, an enum, a citext column, partial and expression",
        "indexes. DiffMigrate's model is a prebuilt .dll here. PostgreSQL 15 on this machine (fsync off, loopback).",
        "Statements: counted by the server (pg_stat_statements calls in each tool's database, one extra run).",
        "The two tools take turns (DiffMigrate then Alembic, Alembic then DiffMigrate, ...): both see the same machine.",
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
