using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Testing;
using Microsoft.Data.Sqlite;

namespace Blog.Tests;

/// <summary>
/// The test-kit recipe: the Blog app's revisions (compiled into Blog.dll, under Migrations/) checked in the app's own
/// test suite, each on a fresh in-memory SQLite database.
/// </summary>
[TestClass]
public sealed class BlogMigrationTests
{
    private static readonly MigrationTestKit Kit =
        MigrationTestKit.FromAssembly(typeof(Post).Assembly, () => new SqliteConnection("Data Source=:memory:"), SqliteDialect.Instance);

    [TestMethod]
    public void There_is_one_head() => Kit.AssertSingleHead();

    [TestMethod]
    public void An_empty_database_upgrades_to_head() => Kit.AssertUpgradesFromEmptyToHeads();

    [TestMethod]
    public void The_model_matches_the_migrations() => Kit.AssertModelMatchesMigrations(typeof(Post).Assembly);

    [TestMethod]
    public void Every_revision_downgrades_cleanly_and_upgrades_again() => Kit.AssertEachRevisionDowngradesCleanlyAndUpgradesAgain();

    [TestMethod]
    public void Rows_written_at_a_revision_survive_the_later_ones()
    {
        long authors = 0;
        Kit.UpgradeWithFixture("0000000000b0",
            arrange: connection => Execute(connection, "INSERT INTO authors (name, email) VALUES ('Ada', 'ada@example.com')"),
            assert: connection => authors = Count(connection, "SELECT count(*) FROM authors"));
        Assert.AreEqual(1, authors);
    }

    private static void Execute(System.Data.Common.DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Count(System.Data.Common.DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
