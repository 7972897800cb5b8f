using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Providers.MySql;
using DiffMigrate.Runner.Execution;
using MySqlConnector;

namespace DiffMigrate.IntegrationTests.MariaDb;

/// <summary>
/// Two runners against one MariaDB database: the migration lock (GET_LOCK) lets one apply the revisions while the
/// other waits, and that one then finds nothing to do; no revision is applied twice.
/// </summary>
[TestClass]
public sealed class MariaDbConcurrentRunnerTests
{
    private static (string, string)[] Revisions =>
    [
        ("c1", "op.Execute(\"CREATE TABLE applied_log (revision VARCHAR(8) NOT NULL)\"); op.Execute(\"INSERT INTO applied_log VALUES ('c1')\");"),
        ("c2", "op.Execute(\"INSERT INTO applied_log VALUES ('c2')\"); op.Execute(\"SELECT SLEEP(1)\");"),
        ("c3", "op.Execute(\"INSERT INTO applied_log VALUES ('c3')\");"),
    ];

    [TestMethod]
    public void Two_runners_one_applies_the_other_waits_for_the_lock_and_finds_nothing_to_do()
    {
        using var database = MariaDbServer.CreateDatabase();
        using var project = RevisionProject.Create("mysql:" + database.ConnectionString, Revisions, lockTimeout: 60);
        var warm = project.Run("history");
        Assert.AreEqual(0, warm.Code, warm.Err);

        // The test holds the lock first, so that both runners must wait for it whichever starts first; it lets go
        // after some seconds (the revisions are compiled already), and they race for it.
        using var holder = database.Open();
        var name = MySqlProvider.LockName(MigrationLockKey.For("diffmigrate_version"));
        Assert.AreEqual("1", Scalar(holder, $"SELECT GET_LOCK({name}, 0)"));
        var holderId = Scalar(holder, "SELECT CONNECTION_ID()");

        var results = new (int Code, string Out, string Err)[2];
        var threads = Enumerable.Range(0, 2).Select(i => new Thread(() => results[i] = project.Run("upgrade", "head"))).ToList();
        threads.ForEach(t => t.Start());
        Thread.Sleep(TimeSpan.FromSeconds(5));
        Assert.AreEqual("1", Scalar(holder, $"SELECT RELEASE_LOCK({name})"));
        threads.ForEach(t => Assert.IsTrue(t.Join(TimeSpan.FromSeconds(90)), "a runner hung"));

        var all = string.Join("\n---\n", results.Select(r => r.Err));
        Assert.IsTrue(results.All(r => r.Code == 0), all);
        foreach (var (_, output, err) in results)
        {
            Assert.AreEqual("", output);
            StringAssert.Contains(err, $"Waiting for the migration lock (advisory lock {MigrationLockKey.For("diffmigrate_version")}, held by server process");
        }
        Assert.IsTrue(results.Any(r => r.Err.Contains($"held by server process {holderId})", StringComparison.Ordinal)), all);
        // One runner ran all three revisions; the other none.
        var ran = results.Select(r => r.Err.Split('\n').Count(l => l.StartsWith("Running upgrade", StringComparison.Ordinal))).OrderBy(n => n).ToList();
        CollectionAssert.AreEqual(new[] { 0, 3 }, ran, all);
        CollectionAssert.AreEqual(new[] { "c1", "c2", "c3" }, database.Strings("SELECT revision FROM applied_log ORDER BY revision").ToList());
        CollectionAssert.AreEqual(new[] { "c3" }, database.Strings("SELECT version_num FROM diffmigrate_version").ToList());
    }

    private static string Scalar(MySqlConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
