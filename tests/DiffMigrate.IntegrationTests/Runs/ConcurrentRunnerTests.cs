using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.Runs;

/// <summary>
/// Ten runners at once, each on its own thread with its own connection: every revision is applied exactly once
/// (each inserts its id into a side table), and the other runners wait, or give up with the clean message.
/// </summary>
[TestClass]
public sealed class ConcurrentRunnerTests
{
    private const int Runners = 10;

    public TestContext TestContext { get; set; } = null!;

    // The figures, also where a person can read them after a run: $TMPDIR/diffmigrate-run-figures.txt.
    private void Report(string line)
    {
        TestContext.WriteLine(line);
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "diffmigrate-run-figures.txt"), DateTime.UtcNow.ToString("u") + " " + line + "\n");
    }

    private static (string, string)[] SqliteRevisions =>
    [
        ("c1", "op.Execute(\"CREATE TABLE applied_log (revision text NOT NULL)\"); op.Execute(\"INSERT INTO applied_log VALUES ('c1')\");"),
        ("c2", "op.Execute(\"INSERT INTO applied_log VALUES ('c2')\"); " + Slow),
        ("c3", "op.Execute(\"INSERT INTO applied_log VALUES ('c3')\"); " + Slow),
    ];

    // Some tenths of a second of work inside the transaction (more than the driver's one-second wait over two revisions).
    private const string Slow = "op.Execute(\"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) FROM c\");";

    private static (string, string)[] PostgresRevisions =>
    [
        ("c1", "op.Execute(\"CREATE TABLE applied_log (revision text NOT NULL)\"); op.Execute(\"INSERT INTO applied_log VALUES ('c1')\");"),
        ("c2", "op.Execute(\"INSERT INTO applied_log VALUES ('c2')\"); op.Execute(\"SELECT pg_sleep(0.3)\");"),
        ("c3", "op.Execute(\"INSERT INTO applied_log VALUES ('c3')\"); op.Execute(\"SELECT pg_sleep(0.3)\");"),
    ];

    [TestMethod]
    [DataRow(false, 30.0)]
    [DataRow(true, 30.0)]
    [DataRow(false, 0.2)]
    [DataRow(true, 0.2)]
    public void Sqlite_ten_runners_apply_each_revision_once(bool perRevision, double lockTimeout)
    {
        using var project = RevisionProject.Create("sqlite:///app.db", SqliteRevisions, perRevision, lockTimeout);
        Warm(project);
        var results = RunAll(project);

        Check(results, lockTimeout, "stayed locked by another connection: gave up after");
        CollectionAssert.AreEqual(new[] { "c1", "c2", "c3" }, TempProject.Strings(project.Database(), "SELECT revision FROM applied_log ORDER BY revision").ToList());
        CollectionAssert.AreEqual(new[] { "c3" }, project.VersionRows().ToList());
        Report($"SQLite {(perRevision ? "per revision" : "one transaction")}, lockTimeout {lockTimeout}: {Summary(results)}");
    }

    [TestMethod]
    public void Sqlite_ten_runners_wait_out_a_revision_longer_than_the_drivers_30_second_default()
    {
        // The revision holds the write transaction for 32 s (its Upgrade is recorded inside it): longer than
        // Microsoft.Data.Sqlite's default 30 s wait, within lockTimeout. Every runner must wait its turn, none fail.
        (string, string)[] revisions =
        [
            SqliteRevisions[0],
            ("c2", "System.Threading.Thread.Sleep(32000); op.Execute(\"INSERT INTO applied_log VALUES ('c2')\");"),
            SqliteRevisions[2],
        ];
        using var project = RevisionProject.Create("sqlite:///app.db", revisions, perRevision: false, lockTimeout: 60);
        Warm(project);
        var results = RunAll(project);

        Check(results, 60, "stayed locked by another connection: gave up after");
        Assert.IsTrue(results.All(r => r.Code == 0), string.Join("\n---\n", results.Select(r => r.Err)));
        CollectionAssert.AreEqual(new[] { "c1", "c2", "c3" }, TempProject.Strings(project.Database(), "SELECT revision FROM applied_log ORDER BY revision").ToList());
        Report($"SQLite one transaction, a 32 s revision, lockTimeout 60: {Summary(results)}");
    }

    [TestMethod]
    [DataRow(false, 30.0)]
    [DataRow(true, 30.0)]
    [DataRow(false, 0.2)]
    public void Postgres_ten_runners_apply_each_revision_once(bool perRevision, double lockTimeout)
    {
        using var database = PostgresServer.CreateDatabase();
        using var project = RevisionProject.Create(database.Url, PostgresRevisions, perRevision, lockTimeout);
        Warm(project);
        var results = RunAll(project);

        Check(results, lockTimeout, "Another runner holds the migration lock");
        CollectionAssert.AreEqual(new[] { "c1", "c2", "c3" }, database.Strings("SELECT revision FROM applied_log ORDER BY revision").ToList());
        CollectionAssert.AreEqual(new[] { "c3" }, database.Strings("SELECT version_num FROM diffmigrate_version").ToList());
        Report($"PostgreSQL {(perRevision ? "per revision" : "one transaction")}, lockTimeout {lockTimeout}: {Summary(results)}");
    }

    /// <summary>Compiles the revisions once, so that the runners race on the database rather than on the compiler.</summary>
    private static void Warm(TempProject project)
    {
        var (code, _, err) = project.Run("history");
        Assert.AreEqual(0, code, err);
    }

    private static List<(int Code, string Out, string Err)> RunAll(TempProject project)
    {
        var results = new (int, string, string)[Runners];
        using var start = new ManualResetEventSlim();
        var threads = Enumerable.Range(0, Runners).Select(i => new Thread(() =>
        {
            start.Wait();
            results[i] = project.Run("upgrade", "head");
        })).ToList();
        threads.ForEach(t => t.Start());
        start.Set();
        threads.ForEach(t => Assert.IsTrue(t.Join(TimeSpan.FromSeconds(90)), "a runner hung"));
        return results.ToList();
    }

    private static void Check(List<(int Code, string Out, string Err)> results, double lockTimeout, string timeoutMessage)
    {
        var all = string.Join("\n---\n", results.Select(r => r.Err));
        Assert.IsTrue(results.Any(r => r.Code == 0), all);
        foreach (var (code, output, err) in results)
        {
            Assert.AreEqual("", output);
            Assert.DoesNotContain("unexpected", err);
            if (code == 0) continue;
            Assert.AreEqual(2, code, err);
            Assert.IsLessThan(1.0, lockTimeout, "with a long lockTimeout every runner must wait its turn:\n" + all);
            StringAssert.Contains(err, timeoutMessage);
            StringAssert.Contains(err, "Waiting for the migration lock");
            Assert.AreEqual(1, err.Split('\n').Count(l => l.StartsWith("ERROR:", StringComparison.Ordinal)), err);
        }
        // Each revision ran in exactly one runner.
        foreach (var id in new[] { "c1", "c2", "c3" })
        {
            Assert.AreEqual(1, results.Sum(r => r.Err.Split('\n').Count(l => l.StartsWith("Running upgrade", StringComparison.Ordinal) && l.Contains("-> " + id, StringComparison.Ordinal))), all);
        }
    }

    private static string Summary(List<(int Code, string Out, string Err)> results) =>
        $"{results.Count(r => r.Code == 0)} succeeded, {results.Count(r => r.Code != 0)} timed out, " +
        $"{results.Count(r => r.Err.Contains("Waiting for the migration lock", StringComparison.Ordinal))} printed the waiting line";
}
