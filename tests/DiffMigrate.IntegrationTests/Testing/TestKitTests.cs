using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Schema;
using DiffMigrate.Testing;
using Microsoft.Data.Sqlite;

namespace DiffMigrate.IntegrationTests.Testing;

/// <summary>The test kit on a good set of revisions (every check passes) and on broken ones (each fails, saying why).</summary>
[TestClass]
public sealed class TestKitTests
{
    private static SqliteConnection Memory() => new("Data Source=:memory:");

    private static MigrationTestKit Good => MigrationTestKit.FromAssembly(typeof(TestKitTests).Assembly, Memory, SqliteDialect.Instance);

    private static readonly DatabaseSchema NotesModel = new([new Table("notes",
        [new Column("id", SqlType.Int32, Identity: new Identity()), new Column("body", SqlType.Text), new Column("tags", SqlType.Text, Nullable: true)],
        new PrimaryKey("pk_notes", ["id"]))]);

    [TestMethod]
    public void A_good_set_of_revisions_passes_every_check()
    {
        Good.AssertSingleHead();
        Good.AssertUpgradesFromEmptyToHeads();
        Good.AssertModelMatchesMigrations(NotesModel);
        Good.AssertEachRevisionDowngradesCleanlyAndUpgradesAgain();
        var seen = "";
        Good.UpgradeWithFixture("0000000000a1",
            c => Execute(c, "INSERT INTO notes (body) VALUES ('kept')"),
            c => seen = Scalar(c, "SELECT body || '|' || coalesce(tags, 'none') FROM notes"));
        Assert.AreEqual("kept|none", seen);
    }

    [TestMethod]
    public void A_missing_migration_fails_naming_what_the_model_has_more()
    {
        var model = NotesModel with { Tables = [NotesModel.Tables[0] with { Columns = [.. NotesModel.Tables[0].Columns, new Column("pinned", SqlType.Boolean, Default: "0")] }] };
        var error = Assert.ThrowsExactly<MigrationAssertionException>(() => Good.AssertModelMatchesMigrations(model));
        StringAssert.Contains(error.Message, "The model differs from what the migrations build (1 operations)");
        StringAssert.Contains(error.Message, "+ column notes.pinned Boolean NOT NULL");
    }

    [TestMethod]
    public void Two_heads_fail_with_the_merge_command()
    {
        using var project = Scripts(Revision("0000000000e1", null, "", ""), Revision("0000000000e2", "0000000000e1", "", ""), Revision("0000000000e3", "0000000000e1", "", ""));
        var error = Assert.ThrowsExactly<MigrationAssertionException>(() => Kit(project).AssertSingleHead());
        Assert.AreEqual("There are 2 heads (0000000000e2, 0000000000e3): join them with 'diffmigrate merge heads -m \"merge\"'.", error.Message);
    }

    [TestMethod]
    public void A_downgrade_that_forgets_a_column_fails_naming_the_revision_and_the_column()
    {
        using var project = Scripts(
            Revision("0000000000f1", null, """op.CreateTable("items", Column("id", SqlType.Int32), PrimaryKey("pk_items", "id"));""", """op.DropTable("items");"""),
            Revision("0000000000f2", "0000000000f1", """op.AddColumn("items", Column("note", SqlType.Text, nullable: true));""", ""));
        var error = Assert.ThrowsExactly<MigrationAssertionException>(() => Kit(project).AssertEachRevisionDowngradesCleanlyAndUpgradesAgain());
        StringAssert.StartsWith(error.Message, "Revision 0000000000f2 (");
        StringAssert.Contains(error.Message, "its downgrade does not undo its upgrade");
        StringAssert.Contains(error.Message, "this is left from the upgrade:\n  + column items.note Text NULL");
    }

    [TestMethod]
    public void A_failing_upgrade_names_the_step()
    {
        using var project = Scripts(Revision("0000000000g1", null, """op.Execute("CREATE TABLE broken (");""", ""));
        var error = Assert.ThrowsExactly<MigrationAssertionException>(() => Kit(project).AssertUpgradesFromEmptyToHeads());
        StringAssert.StartsWith(error.Message, "Failed upgrading an empty database to heads: revision 0000000000g1");
    }

    private static MigrationTestKit Kit(TempProject project) => MigrationTestKit.FromScripts(Path.Combine(project.Directory, "migrations"), Memory, SqliteDialect.Instance);

    private static TempProject Scripts(params (string Id, string Source)[] revisions)
    {
        var project = new TempProject();
        Directory.CreateDirectory(project.VersionsPath);
        foreach (var (id, source) in revisions) File.WriteAllText(Path.Combine(project.VersionsPath, id + ".cs"), source);
        return project;
    }

    private static (string, string) Revision(string id, string? down, string upgrade, string downgrade) => (id, $$"""
        using DiffMigrate;
        using DiffMigrate.Schema;

        [Revision("{{id}}"{{(down is null ? "" : $", \"{down}\"")}}, Message = "r{{id}}")]
        public sealed class R{{id}} : Migration
        {
            public override void Upgrade(Operations op) { {{upgrade}} }
            public override void Downgrade(Operations op) { {{downgrade}} }
        }
        """);

    private static void Execute(System.Data.Common.DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Scalar(System.Data.Common.DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
