using DiffMigrate.IntegrationTests.Replay;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Providers.MySql;
using DiffMigrate.Tests.Runner;

namespace DiffMigrate.IntegrationTests.MariaDb;

/// <summary>
/// Autogenerate with no database on MariaDB: the schema the revisions build, replayed in memory, equals the one the
/// live server builds from them (compared both ways, as <see cref="ReplayEquivalenceTests"/> does on SQLite and PostgreSQL).
/// </summary>
[TestClass]
public sealed class MariaDbReplayEquivalenceTests
{
    [TestMethod]
    public void The_MariaDB_set() => OnMariaDb(MySqlRevisionSet.Revisions);

    [TestMethod]
    public void Every_prefix_of_the_MariaDB_set()
    {
        for (var n = 1; n < MySqlRevisionSet.Revisions.Length; n++) OnMariaDb(MySqlRevisionSet.Revisions[..n]);
    }

    private static void OnMariaDb(Action<Operations>[] revisions)
    {
        using var database = MariaDbServer.CreateDatabase();
        using var connection = database.Open();
        ReplayEquivalenceTests.AssertSame(InMemoryRevisions.Of(revisions), connection, MySqlDialect.Instance);
    }
}
