using System.Data.Common;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Providers.MySql;
using DiffMigrate.Schema;
using DiffMigrate.Testing;
using MySqlConnector;

namespace DiffMigrate.IntegrationTests.MariaDb;

/// <summary>The test kit on MariaDB, each check on a fresh database of the live server: a good set passes, a missing migration fails by name.</summary>
[TestClass]
public sealed class MariaDbTestKitTests
{
    private static readonly DatabaseSchema NotesModel = new([new Table("notes",
        [new Column("id", SqlType.Int32, Identity: new Identity()), new Column("body", SqlType.Text), new Column("tags", SqlType.Text, Nullable: true)],
        new PrimaryKey("pk_notes", ["id"]))]);

    private readonly List<MariaDbDatabase> databases = [];

    [TestCleanup]
    public void DropDatabases()
    {
        foreach (var database in databases) database.Dispose();
    }

    private DbConnection Fresh()
    {
        var database = MariaDbServer.CreateDatabase();
        databases.Add(database);
        return new MySqlConnection(database.ConnectionString);
    }

    private MigrationTestKit Kit => MigrationTestKit.FromAssembly(typeof(MariaDbTestKitTests).Assembly, Fresh, MySqlDialect.Instance);

    [TestMethod]
    public void A_good_set_of_revisions_passes_every_check_on_MariaDB()
    {
        var kit = Kit;
        kit.AssertSingleHead();
        kit.AssertUpgradesFromEmptyToHeads();
        kit.AssertModelMatchesMigrations(NotesModel);
        kit.AssertEachRevisionDowngradesCleanlyAndUpgradesAgain();
        var seen = "";
        kit.UpgradeWithFixture("0000000000a1",
            c => Execute(c, "INSERT INTO notes (body) VALUES ('kept')"),
            c => seen = Convert.ToString(Command(c, "SELECT concat(body, '|', coalesce(tags, 'none')) FROM notes").ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!);
        Assert.AreEqual("kept|none", seen);
        Assert.IsGreaterThanOrEqualTo(4, databases.Count, "each check had a database of its own");
    }

    [TestMethod]
    public void A_missing_migration_fails_naming_the_column_the_model_has_more()
    {
        var model = NotesModel with { Tables = [NotesModel.Tables[0] with { Columns = [.. NotesModel.Tables[0].Columns, new Column("pinned", SqlType.Boolean, Default: "0")] }] };
        var error = Assert.ThrowsExactly<MigrationAssertionException>(() => Kit.AssertModelMatchesMigrations(model));
        StringAssert.Contains(error.Message, "The model differs from what the migrations build (1 operations)");
        StringAssert.Contains(error.Message, "+ column notes.pinned");
    }

    private static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        command.ExecuteNonQuery();
    }
}
