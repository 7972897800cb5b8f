using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Sqlite;

/// <summary>A SQLite view the model cannot hold (one with a column list) is not compared, and every report says so by name.</summary>
[TestClass]
public sealed class SqliteUnmanagedReportTests
{
    private const string Ddl = """
        CREATE TABLE accounts (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);
        CREATE VIEW named_accounts(i, n) AS SELECT id, name FROM accounts WHERE name <> '';
        """;

    [TestMethod]
    public void Check_and_diff_name_a_view_they_cannot_model()
    {
        using var project = Project();
        BatchRebuildTests.Execute(project.Database(), Ddl);
        var check = project.Run("check");
        Assert.AreEqual(0, check.Code, check.Out + check.Err);
        StringAssert.Contains(check.Out, "Not managed by DiffMigrate (not compared): 1 object, view: 1\n" +
            "  view named_accounts (a column list after its name: not modelled)\n");
        Assert.AreEqual(1, project.Run("check", "--fail-on-unmanaged").Code);

        // A copy without the view differs, and diff says so instead of "no changes".
        var copy = project.Database("copy.db");
        BatchRebuildTests.Execute(copy, "CREATE TABLE accounts (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);");
        var diff = project.Run("diff", "--from", "sqlite:///app.db", "--to", "sqlite:///copy.db");
        Assert.AreEqual(1, diff.Code, diff.Out + diff.Err);
        StringAssert.Contains(diff.Out, "Only in --from, not managed: 1 object\n  view named_accounts (a column list after its name: not modelled)\n");
    }

    [TestMethod]
    public void A_database_with_nothing_unmanaged_reports_as_before()
    {
        using var project = Project();
        BatchRebuildTests.Execute(project.Database(), "CREATE TABLE accounts (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);");
        var check = project.Run("check", "--fail-on-unmanaged");
        Assert.AreEqual(0, check.Code, check.Out + check.Err);
        Assert.AreEqual("No new upgrade operations detected.\n", check.Out);
        Assert.AreEqual("No changes: the model matches the database.\n", project.Run("diff").Out);
    }

    private static TempProject Project()
    {
        var project = new TempProject();
        const string source = """
            using DiffMigrate;
            using DiffMigrate.Schema;

            public sealed class Model : SchemaDefinition
            {
                public override void Define(SchemaBuilder b) =>
                    b.Table("accounts", t => { t.Column("id", SqlType.Int32).PrimaryKey().Identity(); t.Column("name", SqlType.Text); });
            }
            """;
        return project.Initialized(ModelAssembly.Compile(source, Path.Combine(project.Directory, "Model.dll")));
    }
}
