"""Group `mariadb`: `revision --autogenerate` on MariaDB 10.11 against Alembic 1.8 with PyMySQL: no-op at head at 100
and 500 tables (--quick: 10 and 20), and from an empty database at 500.

The server is a throwaway mariadbd started here (mariadb-install-db into a temporary directory, a unix socket and a
free port on 127.0.0.1, as the `mysql` user when run as root, fsync relaxed as the test suite's), stopped at the end.
Alembic runs gen_schema.py's models through its own harness (bench.py's projects and env.py, the URL
mysql+pymysql://...); DiffMigrate runs the generated model of the same shape spelled for MariaDB (no partial or
expression indexes, which MariaDB has not) compiled to a .dll by bench/DiffMigrate.Bench. Both connect over TCP to
127.0.0.1 as the same user. Asserted: DiffMigrate's no-op finds nothing and its from-empty writes a table per model
table; Alembic's from-empty writes at least one operation per table.
Statements: the server's own `Questions` counter (statements clients sent), read before and after one extra run of
each tool; the counter's own reads are taken off.
"""
import os
import shutil
import socket
import subprocess
import tempfile
import time

import harness as h

USER = "bench"
DB = "bench"


class Server:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="diffmigrate-bench-mariadb.")
        self.sock = os.path.join(self.dir, "mariadbd.sock")
        self.proc = None
        self.port = None

    def _as_mysql(self, cmd):
        return (["runuser", "-u", "mysql", "--"] + cmd) if os.geteuid() == 0 else cmd

    def start(self):
        daemon = shutil.which("mariadbd") or "/usr/sbin/mariadbd"
        install = shutil.which("mariadb-install-db") or "/usr/bin/mariadb-install-db"
        if not os.path.exists(daemon) or not os.path.exists(install):
            h.fail("no mariadbd / mariadb-install-db (apt-get install -y mariadb-server)")
        if os.geteuid() == 0:
            shutil.chown(self.dir, "mysql", "mysql")
        subprocess.run(self._as_mysql([install, "--no-defaults", "--datadir=%s/data" % self.dir,
                                       "--auth-root-authentication-method=normal", "--skip-test-db"]),
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.proc = subprocess.Popen(self._as_mysql([
            daemon, "--no-defaults", "--datadir=%s/data" % self.dir, "--socket=%s" % self.sock,
            "--port=%d" % self.port, "--bind-address=127.0.0.1", "--pid-file=%s/mariadbd.pid" % self.dir,
            "--log-error=%s/error.log" % self.dir, "--skip-name-resolve", "--skip-log-bin",
            "--innodb-flush-log-at-trx-commit=0", "--innodb-buffer-pool-size=128M", "--max-connections=100",
            "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci"]),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(300):
            try:
                self.root().close()
                break
            except Exception:  # noqa: BLE001 (not up yet)
                time.sleep(0.1)
        else:
            h.fail("mariadbd did not start; see %s/error.log" % self.dir)
        c = self.root()
        with c.cursor() as cur:
            cur.execute("CREATE USER '%s'@'127.0.0.1'" % USER)
            cur.execute("GRANT ALL PRIVILEGES ON *.* TO '%s'@'127.0.0.1'" % USER)
        c.close()
        h.log("MariaDB started on 127.0.0.1:%d (%s)" % (self.port, self.dir))

    def root(self):
        import pymysql
        return pymysql.connect(unix_socket=self.sock, user="root", autocommit=True)

    def reset(self):
        c = self.root()
        with c.cursor() as cur:
            cur.execute("DROP DATABASE IF EXISTS %s" % DB)
            cur.execute("CREATE DATABASE %s" % DB)
        c.close()

    def questions(self):
        """The server's Questions counter; this read itself is one of them."""
        c = self.root()
        with c.cursor() as cur:
            cur.execute("SHOW GLOBAL STATUS LIKE 'Questions'")
            value = int(cur.fetchone()[1])
        c.close()
        return value

    def count(self, run):
        before = self.questions()
        run()
        return self.questions() - before - 1

    def stop(self):
        if self.proc:
            self.proc.terminate()
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


def dm_project(server, n):
    work = h.fresh_dir("mariadb", "dm_%d" % n)
    h.dotnet(h.MODELS, "model", str(n), os.path.join(work, "Model.dll"), "mysql")
    h.dm_config(work, "mysql://%s@127.0.0.1:%d/%s" % (USER, server.port, DB), "Model.dll")
    return work


def dm_autogenerate(server, work, n, repeat, message, reset):
    ops = []

    def after(rc, text):
        ops.append(h.dm_take_revision(work, message, text))
        if message == "noop" and ops[-1]:
            h.fail("DiffMigrate no-op autogenerate (MariaDB, %d tables) found %d operations" % (n, ops[-1]))
        if message == "initial" and ops[-1] < n:
            h.fail("DiffMigrate from empty (MariaDB, %d tables) wrote %d operations" % (n, ops[-1]))

    before = server.reset if reset else None
    row = h.measure("DM autogenerate %s MariaDB %d" % (message, n), h.CLI + ["revision", "--autogenerate", "-m", message],
                    work, repeat, before=before, after=after)
    row["ops"] = ops[-1]
    if reset:
        server.reset()
    row["server_queries"] = server.count(lambda: h.dm_take_revision(
        work, message, h.dm(work, "revision", "--autogenerate", "-m", message)))
    return row


def dm_at_head(server, work):
    server.reset()
    h.dm(work, "revision", "--autogenerate", "-m", "initial")
    h.dm(work, "upgrade", "head")


def alembic_url(server):
    return "mysql+pymysql://%s@127.0.0.1:%d/%s" % (USER, server.port, DB)


def alembic_autogenerate(server, work, repeat, message, before=None):
    b = h.bench
    existing = set(b.versions(work))
    ops = []

    def after():
        new = [v for v in b.versions(work) if v not in existing]
        if len(new) != 1:
            h.fail("Alembic autogenerate (%s) wrote %d revisions" % (message, len(new)))
        ops.append(b.ops_in(new[0]))
        os.remove(new[0])

    env = {"BENCH_DB_URL": alembic_url(server)}
    cmd = b.ALEMBIC + ["revision", "--autogenerate", "-m", message]
    row = b.measure("Alembic autogenerate %s MariaDB" % message, cmd, work, repeat, before=before, after=after, env_extra=env)
    if before:
        before()
    row["server_queries"] = server.count(lambda: (b.run_cmd(cmd, work, env), after()))
    row["ops"] = sum(ops[-1].values())
    row["op_kinds"] = ops[-1]
    return row


def alembic_project(server, name, n, at_head):
    b = h.bench
    work = b.new_project(name)
    b.write_models(work, n)
    server.reset()
    if at_head:
        env = {"BENCH_DB_URL": alembic_url(server)}
        b.run_cmd(b.ALEMBIC + ["revision", "--autogenerate", "-m", "initial"], work, env)
        b.run_cmd(b.ALEMBIC + ["upgrade", "head"], work, env)
    return work


def run(quick, repeat):
    try:
        import pymysql  # noqa: F401
    except ImportError:
        h.fail("PyMySQL is missing: apt-get install -y python3-pymysql")
    sizes = (10, 20) if quick else (100, 500)
    server = Server()
    server.start()
    try:
        rows = []
        for n in sizes:
            work = dm_project(server, n)
            dm_empty = dm_autogenerate(server, work, n, repeat, "initial", reset=True) if n == sizes[-1] else None
            dm_at_head(server, work)
            dm_noop = dm_autogenerate(server, work, n, repeat, "noop", reset=False)
            al_empty = None
            if n == sizes[-1]:
                awork = alembic_project(server, "mariadb_A_%d" % n, n, at_head=False)
                al_empty = alembic_autogenerate(server, awork, repeat, "initial", before=server.reset)
                if al_empty["ops"] < n:
                    h.fail("Alembic from empty (MariaDB, %d tables) wrote %d operations" % (n, al_empty["ops"]))
            awork = alembic_project(server, "mariadb_B_%d" % n, n, at_head=True)
            al_noop = alembic_autogenerate(server, awork, repeat, "noop")
            rows.append((n, "no-op", dm_noop, al_noop))
            if dm_empty:
                rows.append((n, "from empty", dm_empty, al_empty))
    finally:
        server.stop()

    lines = [
        "## Autogenerate on MariaDB 10.11: DiffMigrate vs Alembic 1.8 (PyMySQL)",
        "",
        "gen_schema.py's shape on both sides; DiffMigrate's model also carries every neutral type and an inline ENUM, and no",
        "partial or expression index (MariaDB has neither). DiffMigrate's model is a prebuilt .dll. A throwaway mariadbd",
        "on this machine (loopback TCP, innodb_flush_log_at_trx_commit=0). Statements: the server's Questions counter",
        "over one extra run of each tool.",
        "",
    ]
    body = []
    for n, what, dm, al in rows:
        body.append(("%s, %d tables" % (what, n), h.secs(dm), h.secs(al), "%.2f" % h.ratio(dm, al),
                     "%s / %s" % (dm["server_queries"], al["server_queries"]), "%s / %s" % (dm["ops"], al["ops"]),
                     "%.0f / %.0f MiB" % (dm["peak_rss_mib"], al["peak_rss_mib"])))
    lines += h.table(["autogenerate", "DiffMigrate", "Alembic 1.8", "DM/Alembic", "statements DM / Alembic",
                      "operations DM / Alembic", "peak RSS DM / Alembic"], body)
    noops = [(n, al["op_kinds"]) for n, what, _, al in rows if what == "no-op" and al["ops"]]
    if noops:
        lines += ["", "Alembic's no-op on MariaDB is not empty: %s (false positives on this schema);" % (
            "; ".join("at %d tables %s" % (n, ", ".join("%d %s" % (c, k) for k, c in kinds.items())) for n, kinds in noops)),
            "DiffMigrate's no-op is asserted empty."]
    return lines, [], {}
