using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Sqlite;

/// <summary>SQLite's views and triggers are not compared yet, and every report says so by name.</summary>
[TestClass]
public sealed class SqliteUnmanagedReportTests
{
    private const string Ddl = """
        CREATE TABLE accounts (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);
        CREATE VIEW named_accounts AS SELECT id, name FROM accounts WHERE name <> '';
        CREATE TRIGGER accounts_trim AFTER INSERT ON accounts BEGIN UPDATE accounts SET name = trim(name) WHERE id = NEW.id; END;
        """;

    [TestMethod]
    public void Check_and_diff_name_views_and_triggers()
    {
        using var project = Project();
        BatchRebuildTests.Execute(project.Database(), Ddl);
        var check = project.Run("check");
        Assert.AreEqual(0, check.Code, check.Out + check.Err);
        StringAssert.Contains(check.Out, "Not managed by DiffMigrate (not compared): 2 objects, trigger: 1, view: 1\n" +
            "  trigger accounts.accounts_trim\n  view named_accounts\n");
        Assert.AreEqual(1, project.Run("check", "--fail-on-unmanaged").Code);

        // A copy without the view and the trigger differs, and diff says so instead of "no changes".
        var copy = project.Database("copy.db");
        BatchRebuildTests.Execute(copy, "CREATE TABLE accounts (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);");
        var diff = project.Run("diff", "--from", "sqlite:///app.db", "--to", "sqlite:///copy.db");
        Assert.AreEqual(1, diff.Code, diff.Out + diff.Err);
        StringAssert.Contains(diff.Out, "Only in --from, not managed: 2 objects\n  trigger accounts.accounts_trim\n  view named_accounts\n");
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
