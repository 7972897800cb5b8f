using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Runner.Configuration;
using DiffMigrate.Schema;
using DiffMigrate.Testing;
using Microsoft.Data.Sqlite;

namespace DiffMigrate.IntegrationTests.Testing;

/// <summary>The test kit with an object filter: what the model leaves to something else is no failure.</summary>
[TestClass]
public sealed class TestKitFilterTests
{
    private static MigrationTestKit Kit => MigrationTestKit.FromAssembly(typeof(TestKitTests).Assembly, () => new SqliteConnection("Data Source=:memory:"), SqliteDialect.Instance);

    private static readonly Table Notes = new("notes",
        [new Column("id", SqlType.Int32, Identity: new Identity()), new Column("body", SqlType.Text), new Column("tags", SqlType.Text, Nullable: true)],
        new PrimaryKey("pk_notes", ["id"]));

    [TestMethod]
    public void An_excluded_table_and_column_of_the_model_are_not_required_of_the_migrations()
    {
        var model = new DatabaseSchema([
            Notes with { Columns = [.. Notes.Columns, new Column("row_version", SqlType.Int64, Default: "0")] },
            new Table("audit_trail", [new Column("id", SqlType.Int32)])]);
        var error = Assert.ThrowsExactly<MigrationAssertionException>(() => Kit.AssertModelMatchesMigrations(model));
        StringAssert.Contains(error.Message, "audit_trail");
        StringAssert.Contains(error.Message, "row_version");

        var kit = Kit.WithObjectFilter(o => !(o.Kind == SchemaObjectKind.Table && o.Name!.StartsWith("audit_", StringComparison.Ordinal))
            && !(o.Kind == SchemaObjectKind.Column && o.Name == "row_version"));
        kit.AssertModelMatchesMigrations(model);
        kit.AssertEachRevisionDowngradesCleanlyAndUpgradesAgain();
    }
}
