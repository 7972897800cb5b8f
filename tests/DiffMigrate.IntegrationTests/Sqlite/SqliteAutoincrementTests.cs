using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.Sqlite;

/// <summary>
/// On SQLite an identity is a rowid alias declared AUTOINCREMENT (ids are never reused); an INTEGER PRIMARY KEY
/// without it is numbered by SQLite too, but may reuse the largest id after a delete. The two compare as different,
/// a revision turns one into the other keeping every row, and a rebuild for any other change keeps what the table had.
/// </summary>
[TestClass]
public sealed class SqliteAutoincrementTests
{
    private const string Plain = """b.Table("items", t => { t.Column("id", SqlType.Int64).PrimaryKey(); t.Column("name", SqlType.Text); });""";
    private const string Identity = """b.Table("items", t => { t.Column("id", SqlType.Int64).PrimaryKey().Identity(); t.Column("name", SqlType.Text); });""";

    [TestMethod]
    [DataRow("INTEGER PRIMARY KEY", Plain, null)]
    [DataRow("INTEGER PRIMARY KEY AUTOINCREMENT", Identity, null)]
    [DataRow("INTEGER PRIMARY KEY", Identity, "identity added")]
    [DataRow("INTEGER PRIMARY KEY AUTOINCREMENT", Plain, "identity removed")]
    public void Autoincrement_is_the_identity_and_a_revision_converges_keeping_rows(string key, string model, string? change)
    {
        using var project = ModelProject.For(model);
        BatchRebuildTests.Execute(project.Database(), $"CREATE TABLE items (id {key}, name TEXT NOT NULL); INSERT INTO items (name) VALUES ('a'), ('b');");
        var check = project.Run("check");
        if (change is null)
        {
            Assert.AreEqual(0, check.Code, check.Out + check.Err);
            return;
        }
        Assert.AreEqual(1, check.Code, check.Out + check.Err);
        StringAssert.Contains(check.Out, $"column items.id: ");
        StringAssert.Contains(check.Out, change);
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "key").Code);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Out + upgrade.Err);
        Assert.AreEqual(0, project.Run("check").Code);
        CollectionAssert.AreEqual(new[] { "1|a", "2|b" }, TempProject.Strings(project.Database(), "SELECT id || '|' || name FROM items ORDER BY id").ToList());
        var sql = TempProject.Strings(project.Database(), "SELECT sql FROM sqlite_schema WHERE name = 'items'").Single();
        Assert.AreEqual(change == "identity added", sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase), sql);
    }

    [TestMethod]
    [DataRow("INTEGER PRIMARY KEY", Plain)]
    [DataRow("INTEGER PRIMARY KEY AUTOINCREMENT", Identity)]
    public void A_rebuild_for_another_change_keeps_what_the_key_was(string key, string model)
    {
        using var project = ModelProject.For(model.Replace("t.Column(\"name\", SqlType.Text);", "t.Column(\"name\", SqlType.Text); t.Check(\"length(name) > 0\", \"ck_items_name\", exactName: true);", StringComparison.Ordinal));
        BatchRebuildTests.Execute(project.Database(), $"CREATE TABLE items (id {key}, name TEXT NOT NULL); INSERT INTO items (name) VALUES ('a');");
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "check").Code);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Out + upgrade.Err);
        var sql = TempProject.Strings(project.Database(), "SELECT sql FROM sqlite_schema WHERE name = 'items'").Single();
        StringAssert.Contains(sql, "ck_items_name");
        Assert.AreEqual(key.Contains("AUTOINCREMENT", StringComparison.Ordinal), sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase), sql);
        Assert.AreEqual(0, project.Run("check").Code);
    }
}
