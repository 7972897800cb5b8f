using System.Diagnostics;
using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.Runs;

/// <summary>
/// <c>upgrade head</c> in a child process killed with SIGKILL at seeded random moments: after each kill the database
/// is at a revision boundary (version rows a prefix of the plan, the schema that prefix builds) or in the documented
/// resumable state (a progress marker after a statement outside a transaction), and the next <c>upgrade head</c>
/// completes with the seeded rows intact.
/// </summary>
[TestClass]
public sealed class KillHarnessTests
{
    private const int SeededRows = 300;
    private const string SeededSum = "45150";

    public TestContext TestContext { get; set; } = null!;

    // The figures, also where a person can read them after a run: $TMPDIR/diffmigrate-run-figures.txt.
    private void Report(string line)
    {
        TestContext.WriteLine(line);
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "diffmigrate-run-figures.txt"), DateTime.UtcNow.ToString("u") + " " + line + "\n");
    }

    private static readonly string[] Ids = ["h1", "h2", "h3", "h4"];

    private static (string, string)[] SqliteRevisions =>
    [
        ("h1", "op.Execute(\"CREATE TABLE seeded (id INTEGER PRIMARY KEY, v TEXT NOT NULL)\");"),
        ("h2", "op.Execute(\"CREATE TABLE t2 AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000) SELECT x FROM c\");"),
        ("h3", """
            op.Execute("CREATE TABLE t3a (id int)");
            op.BatchAlterTable("seeded", b => b.AddColumn(Column("extra", SqlType.Text, nullable: true)), Recreate.Always);
            op.Execute("CREATE TABLE t3b AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000) SELECT x FROM c");
            """),
        ("h4", "op.Execute(\"CREATE TABLE t4 AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000) SELECT x FROM c\");"),
    ];

    private static (string, string)[] PostgresRevisions(bool concurrently) =>
    [
        ("h1", "op.Execute(\"CREATE TABLE seeded (id int PRIMARY KEY, v text NOT NULL)\");"),
        ("h2", "op.Execute(\"CREATE TABLE t2 AS SELECT generate_series(1, 100000) AS x\"); op.Execute(\"SELECT pg_sleep(0.2)\");"),
        ("h3", $$"""
            op.Execute("CREATE TABLE t3a (id int)");
            op.Execute("SELECT pg_sleep(0.1)");
            op.CreateIndex("seeded", Index("ix_seeded_v", ["v"]), concurrently: {{(concurrently ? "true" : "false")}});
            op.Execute("SELECT pg_sleep(0.2)");
            op.Execute("CREATE TABLE t3b (id int)");
            """),
        ("h4", "op.Execute(\"CREATE TABLE t4 (id int)\"); op.Execute(\"SELECT pg_sleep(0.2)\");"),
    ];

    // The tables each revision adds, to check that the schema is the one the version rows say.
    private static readonly string[][] Adds = [["seeded"], ["t2"], ["t3a", "t3b"], ["t4"]];

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void Sqlite_kills_leave_a_revision_boundary_and_the_next_upgrade_completes(bool perRevision)
    {
        using var project = RevisionProject.Create("sqlite:///start.db", SqliteRevisions, perRevision);
        var n = 0;
        var summary = Harness(project, seed: perRevision ? 41 : 42, kills: 6,
            fresh: () =>
            {
                var name = $"k{n++}.db";
                project.Environment["DIFFMIGRATE_URL"] = "sqlite:///" + name;
                Seed(project, sql => Sqlite(project.Database(name), sql));
                return sql => TempProject.Strings(project.Database(name), sql);
            },
            tables: "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'diffmigrate_version'",
            hasExtra: "SELECT name FROM pragma_table_info('seeded') WHERE name = 'extra'",
            marker: null);
        Report($"SQLite {(perRevision ? "transaction per revision" : "one transaction")} (table rebuild): {summary}");
    }

    [TestMethod]
    [DataRow(false, false)]
    [DataRow(true, false)]
    [DataRow(false, true)]
    public void Postgres_kills_leave_a_revision_boundary_or_a_resumable_marker_and_the_next_upgrade_completes(bool perRevision, bool concurrently)
    {
        var databases = new List<TestDatabase>();
        try
        {
            using var project = RevisionProject.Create("postgresql:none", PostgresRevisions(concurrently), perRevision);
            var summary = Harness(project, seed: (perRevision ? 7 : 8) + (concurrently ? 100 : 0), kills: 6,
                fresh: () =>
                {
                    var database = PostgresServer.CreateDatabase();
                    databases.Add(database);
                    project.Environment["DIFFMIGRATE_URL"] = database.Url;
                    Seed(project, database.Execute);
                    return sql =>
                    {
                        WaitForOtherSessions(database);
                        return database.Strings(sql);
                    };
                },
                tables: "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'diffmigrate_version'",
                hasExtra: "SELECT indexrelid::regclass::text FROM pg_index WHERE indexrelid::regclass::text = 'ix_seeded_v' AND indisvalid",
                marker: concurrently ? "h3@u1" : null);
            Report($"PostgreSQL {(perRevision ? "transaction per revision" : "one transaction")}{(concurrently ? ", CREATE INDEX CONCURRENTLY" : "")}: {summary}");
        }
        finally
        {
            foreach (var database in databases) database.Dispose();
        }
    }

    /// <summary>
    /// Kills runs at random moments within one uninterrupted run's duration; returns "survived/tried" with how the
    /// kills landed. <paramref name="hasExtra"/> gives a row exactly when h3 is complete (rebuilt column, valid index).
    /// </summary>
    private static string Harness(TempProject project, int seed, int kills, Func<Func<string, IReadOnlyList<string>>> fresh, string tables, string hasExtra, string? marker)
    {
        // Two uninterrupted runs first: they must work; the first warms the compiled-revision cache, the second times
        // the window to kill in: from the first "Running upgrade" line (the process has started and taken the lock)
        // to the end.
        var window = TimeSpan.Zero;
        for (var run = 0; run < 2; run++)
        {
            fresh();
            using var whole = new Child(project);
            Assert.IsTrue(whole.Started.Wait(TimeSpan.FromSeconds(60)), "the uninterrupted run printed no step");
            var clock = Stopwatch.StartNew();
            Assert.IsTrue(whole.Process.WaitForExit(60_000), "the uninterrupted run did not finish");
            Assert.AreEqual(0, whole.Process.ExitCode, whole.Error);
            window = clock.Elapsed;
        }

        var random = new Random(seed);
        var landed = new Dictionary<string, int>(StringComparer.Ordinal);
        var survived = 0;
        for (var kill = 0; kill < kills; kill++)
        {
            var query = fresh();
            var delay = TimeSpan.FromMilliseconds(random.Next(0, (int)(window.TotalMilliseconds * 1.1)));
            using (var child = new Child(project))
            {
                Assert.IsTrue(child.Started.Wait(TimeSpan.FromSeconds(60)), "the run printed no step: " + child.Error);
                if (!child.Process.WaitForExit(delay)) child.Process.Kill(entireProcessTree: true);
                child.Process.WaitForExit();
            }

            var rows = query("SELECT version_num FROM diffmigrate_version").Order(StringComparer.Ordinal).ToList();
            var state = Check(rows, query(tables).ToHashSet(StringComparer.Ordinal), query(hasExtra).Count > 0, marker);
            landed[state] = landed.GetValueOrDefault(state) + 1;

            var (code, _, resumeErr) = project.Run("upgrade", "head");
            Assert.AreEqual(0, code, $"kill {kill} after {delay.TotalMilliseconds} ms ({state}): {resumeErr}");
            CollectionAssert.AreEqual(new[] { "h4" }, query("SELECT version_num FROM diffmigrate_version").ToList(), $"kill {kill} ({state})");
            Assert.AreEqual($"{SeededRows}|{SeededSum}", query("SELECT count(*) || '|' || sum(id) FROM seeded").Single(), $"kill {kill} ({state})");
            Assert.HasCount(1, query(hasExtra), $"kill {kill} ({state})");
            survived++;
        }
        return $"{survived}/{kills} kills survived (window {window.TotalMilliseconds:0} ms; landed: {string.Join(", ", landed.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))})";
    }

    /// <summary>Asserts that the state after a kill is a boundary or the resumable state; returns which.</summary>
    private static string Check(List<string> rows, HashSet<string> tables, bool h3Complete, string? marker)
    {
        var versions = rows.Where(r => !r.Contains('@', StringComparison.Ordinal)).ToList();
        var markers = rows.Where(r => r.Contains('@', StringComparison.Ordinal)).ToList();
        Assert.HasCount(1, versions, string.Join(", ", rows));
        var at = Array.IndexOf(Ids, versions[0]);
        Assert.IsGreaterThanOrEqualTo(0, at, versions[0]);
        var expected = Adds.Take(at + 1).SelectMany(t => t).ToHashSet(StringComparer.Ordinal);
        if (markers.Count == 0)
        {
            Assert.IsTrue(expected.SetEquals(tables), $"at {versions[0]} the tables are {string.Join(", ", tables.Order())}");
            Assert.AreEqual(at >= 2, h3Complete, $"at {versions[0]}");
            return at == 0 ? "before" : at == Ids.Length - 1 ? "complete" : "at " + versions[0];
        }
        // The resumable state: h2 recorded, h3 stopped at its index with what came before it committed.
        Assert.IsNotNull(marker, "a progress marker without statements outside a transaction: " + string.Join(", ", rows));
        CollectionAssert.AreEqual(new[] { marker }, markers);
        Assert.AreEqual("h2", versions[0]);
        expected.Add("t3a");
        Assert.IsTrue(expected.SetEquals(tables), $"with marker {marker} the tables are {string.Join(", ", tables.Order())}");
        return "resumable";
    }

    private static void Seed(TempProject project, Action<string> execute)
    {
        var (code, _, err) = project.Run("upgrade", "h1");
        Assert.AreEqual(0, code, err);
        execute($"INSERT INTO seeded (id, v) SELECT x, 'v' || x FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < {SeededRows}) SELECT x FROM c) AS s");
    }

    private static void Sqlite(string file, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A killed client's backend finishes its statement (a concurrent index build goes on) before it notices; wait for it.</summary>
    private static void WaitForOtherSessions(TestDatabase database)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20) &&
               database.Strings("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'").Count > 0)
        {
            Thread.Sleep(50);
        }
    }

    /// <summary><c>upgrade head</c> in a child process, with a signal when it prints its first step.</summary>
    private sealed class Child : IDisposable
    {
        private readonly System.Text.StringBuilder error = new();

        public Child(TempProject project)
        {
            Process = RevisionProject.Start(project, "upgrade", "head");
            Process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (error) error.AppendLine(e.Data);
                if (e.Data.StartsWith("Running upgrade", StringComparison.Ordinal)) Started.Set();
            };
            Process.OutputDataReceived += (_, _) => { };
            Process.BeginErrorReadLine();
            Process.BeginOutputReadLine();
        }

        public Process Process { get; }

        public ManualResetEventSlim Started { get; } = new();

        public string Error
        {
            get
            {
                lock (error) return error.ToString();
            }
        }

        public void Dispose()
        {
            Process.Dispose();
            Started.Dispose();
        }
    }
}
