using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Providers;
using DiffMigrate.Providers.SqlServer;
using DiffMigrate.Runner.Execution;
using Microsoft.Data.SqlClient;

namespace DiffMigrate.IntegrationTests.SqlServer;

/// <summary>
/// Two runners against one SQL Server database (DIFFMIGRATE_TEST_MSSQL; inconclusive without one): the migration lock
/// (sp_getapplock, owned by the session) lets one apply the revisions while the other waits, and that one then finds
/// nothing to do; no revision is applied twice.
/// </summary>
[TestClass]
public sealed class SqlServerConcurrentRunnerTests
{
    private static (string, string)[] Revisions =>
    [
        ("c1", "op.Execute(\"CREATE TABLE applied_log (revision NVARCHAR(8) NOT NULL)\"); op.Execute(\"INSERT INTO applied_log VALUES (N'c1')\");"),
        ("c2", "op.Execute(\"INSERT INTO applied_log VALUES (N'c2')\"); op.Execute(\"WAITFOR DELAY '00:00:01'\");"),
        ("c3", "op.Execute(\"INSERT INTO applied_log VALUES (N'c3')\");"),
    ];

    [TestMethod]
    public void Two_runners_one_applies_the_other_waits_for_the_lock_and_finds_nothing_to_do()
    {
        using var database = SqlServerServer.CreateDatabase();
        using var project = RevisionProject.Create(database.Url, Revisions, lockTimeout: 60);
        var warm = project.Run("history");
        Assert.AreEqual(0, warm.Code, warm.Err);

        // The test holds the lock first, so that both runners must wait for it whichever starts first; it lets go
        // after some seconds (the revisions are compiled already), and they race for it.
        using var holder = database.Open();
        var key = MigrationLockKey.For("diffmigrate_version");
        var name = SqlServerProvider.LockName(key);
        Assert.AreEqual("0", Scalar(holder, $"DECLARE @r int; EXEC @r = sp_getapplock @Resource = {name}, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 0; SELECT @r"));
        var holderId = Scalar(holder, "SELECT @@SPID");
        // The holder query finds the test's own session from another one.
        using (var other = database.Open()) Assert.AreEqual(holderId, Scalar(other, DatabaseProviders.SqlServer.Lock!.Holder(key)));

        var results = new (int Code, string Out, string Err)[2];
        var threads = Enumerable.Range(0, 2).Select(i => new Thread(() => results[i] = project.Run("upgrade", "head"))).ToList();
        threads.ForEach(t => t.Start());
        Thread.Sleep(TimeSpan.FromSeconds(5));
        Assert.AreEqual("0", Scalar(holder, $"DECLARE @r int; EXEC @r = sp_releaseapplock @Resource = {name}, @LockOwner = 'Session'; SELECT @r"));
        threads.ForEach(t => Assert.IsTrue(t.Join(TimeSpan.FromSeconds(90)), "a runner hung"));

        var all = string.Join("\n---\n", results.Select(r => r.Err));
        Assert.IsTrue(results.All(r => r.Code == 0), all);
        foreach (var (_, output, err) in results)
        {
            Assert.AreEqual("", output);
            StringAssert.Contains(err, $"Waiting for the migration lock (advisory lock {key}, held by server process");
        }
        Assert.IsTrue(results.Any(r => r.Err.Contains($"held by server process {holderId})", StringComparison.Ordinal)), all);
        // One runner ran all three revisions; the other none.
        var ran = results.Select(r => r.Err.Split('\n').Count(l => l.StartsWith("Running upgrade", StringComparison.Ordinal))).OrderBy(n => n).ToList();
        CollectionAssert.AreEqual(new[] { 0, 3 }, ran, all);
        CollectionAssert.AreEqual(new[] { "c1", "c2", "c3" }, database.Strings("SELECT revision FROM applied_log ORDER BY revision").ToList());
        CollectionAssert.AreEqual(new[] { "c3" }, database.Strings("SELECT version_num FROM diffmigrate_version").ToList());
        // Both runners let go: the lock can be taken again at once.
        Assert.AreEqual("0", Scalar(holder, $"DECLARE @r int; EXEC @r = sp_getapplock @Resource = {name}, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 0; SELECT @r"));
    }

    private static string Scalar(SqlConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
