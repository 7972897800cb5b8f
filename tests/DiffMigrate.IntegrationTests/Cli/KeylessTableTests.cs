using DiffMigrate.IntegrationTests.Sqlite;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Cli;

/// <summary>
/// A table without a primary key can be in a model when it says so (<c>t.NoPrimaryKey()</c>): it is created, compared,
/// scaffolded and rebuilt like any other; a table that simply lacks one is still an error (usually a forgotten key).
/// </summary>
[TestClass]
public sealed class KeylessTableTests
{
    private const string Model = """b.Table("audit_log", t => { t.Column("at", SqlType.DateTime); t.Column("message", SqlType.Text).Nullable(); t.NoPrimaryKey(); t.Index("ix_audit_log_at", ["at"]); });""";

    [TestMethod]
    public void A_declared_keyless_table_round_trips_on_sqlite()
    {
        using var project = ModelProject.For(Model);
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "log").Code);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Out + upgrade.Err);
        Assert.IsEmpty(TempProject.Strings(project.Database(), "SELECT name FROM pragma_table_info('audit_log') WHERE pk > 0"));
        var check = project.Run("check");
        Assert.AreEqual(0, check.Code, check.Out + check.Err);
    }

    [TestMethod]
    public void A_keyless_postgres_table_is_scaffolded_and_compares_equal()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute("CREATE TABLE audit_log (at timestamp NOT NULL, message text); CREATE INDEX ix_audit_log_at ON audit_log (at);");
        using var scaffold = new TempProject();
        var written = scaffold.Run("scaffold", "--url", database.Url, "--out", "Model");
        Assert.AreEqual(0, written.Code, written.Out + written.Err);
        Assert.IsFalse(written.Err.Contains("WARNING", StringComparison.Ordinal), written.Err);
        var source = File.ReadAllText(Path.Combine(scaffold.Directory, "Model", "DatabaseModel.cs"));
        StringAssert.Contains(source, "t.NoPrimaryKey();");
        ModelAssembly.Compile([source], Path.Combine(scaffold.Directory, "Scaffolded.dll"));

        using var project = ModelProject.For(Model, database);
        var check = project.Run("check");
        Assert.AreEqual(0, check.Code, check.Out + check.Err);
    }

    [TestMethod]
    public void The_attribute_style_writes_a_keyless_entity_that_compares_equal_and_builds_the_same_table()
    {
        using var project = new TempProject().Initialized(database: "b.db");
        BatchRebuildTests.Execute(project.Database("a.db"), "CREATE TABLE audit_log (at TEXT NOT NULL, message TEXT); CREATE INDEX ix_audit_log_at ON audit_log (at);");
        var (code, _, err) = project.Run("scaffold", "--url", "sqlite:///a.db", "--out", "Scaffolded", "--namespace", "Adopted", "--style", "attributes");
        Assert.AreEqual(0, code, err);
        var files = Directory.GetFiles(Path.Combine(project.Directory, "Scaffolded"), "*.cs").Select(File.ReadAllText).ToList();
        var entity = files.Single(f => f.Contains("class AuditLog", StringComparison.Ordinal));
        StringAssert.Contains(entity, "[Keyless]\n");
        var model = ModelAssembly.Compile(files, Path.Combine(project.Directory, "Adopted.dll"));
        project.UseModel(model);
        var compare = project.Run("diff", "--from", "sqlite:///a.db", "--to", "model");
        Assert.AreEqual(0, compare.Code, compare.Out + compare.Err + "\n" + entity);
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "--from-empty", "-m", "baseline").Code);
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        Assert.IsEmpty(TempProject.Strings(project.Database("b.db"), "SELECT name FROM pragma_table_info('audit_log') WHERE pk > 0"));
        Assert.AreEqual(0, project.Run("diff", "--from", "sqlite:///a.db", "--to", "sqlite:///b.db").Code);
    }

    [TestMethod]
    public void A_table_that_only_lacks_a_key_is_still_an_error()
    {
        using var project = ModelProject.For("""b.Table("audit_log", t => { t.Column("at", SqlType.DateTime); });""");
        var check = project.Run("check");
        Assert.AreEqual(2, check.Code, check.Out + check.Err);
        StringAssert.Contains(check.Err, "table audit_log has no primary key: declare one, or t.NoPrimaryKey() ([Keyless] on a class) to say it has none on purpose.");
    }
}
