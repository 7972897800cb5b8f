using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Workloads;
using Microsoft.Data.Sqlite;

namespace DiffMigrate.IntegrationTests.Sqlite;

/// <summary>
/// SQLite's STRICT and WITHOUT ROWID tables and VIRTUAL/STORED generated columns are part of the model: read, compared,
/// changed through a rebuild that keeps the rows, kept by a rebuild for any other change, scaffolded; and refused in
/// one line on PostgreSQL.
/// </summary>
[TestClass]
public sealed class SqliteTableOptionsTests
{
    private const string Plain = """
        b.Table("items", t => { t.Column("id", SqlType.Int64).PrimaryKey(); t.Column("name", SqlType.String(40)); t.Column("qty", SqlType.Int32).Nullable(); t.Column("price", SqlType.Decimal(10, 2)).Nullable(); });
        """;

    [TestMethod]
    public void Strict_and_without_rowid_are_added_kept_by_other_rebuilds_and_dropped_keeping_rows()
    {
        using var project = ModelProject.For(Plain);
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "items", "--rev-id", "0000000000a1").Code);
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        BatchRebuildTests.Execute(project.Database(), "INSERT INTO items (id, name, qty, price) VALUES (1, 'a', 5, 1.5), (2, 'b', NULL, NULL)");

        Remodel(project, Plain.Replace("t.Column(\"price\"", "t.Strict(); t.WithoutRowid(); t.Column(\"price\"", StringComparison.Ordinal), "Strict");
        var check = project.Run("check");
        Assert.AreEqual(1, check.Code, check.Out + check.Err);
        StringAssert.Contains(check.Out, "~ table items options: (none) -> STRICT, WITHOUT ROWID");
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "strict", "--rev-id", "0000000000a2").Code);
        var offline = project.Run("upgrade", "0000000000a1:0000000000a2", "--sql");
        Assert.AreEqual(0, offline.Code, offline.Out + offline.Err);
        StringAssert.Contains(offline.Out, ") WITHOUT ROWID, STRICT;");
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Out + upgrade.Err);
        StringAssert.EndsWith(Sql(project), ") WITHOUT ROWID, STRICT");
        // The model's VARCHAR and NUMERIC are TEXT in a strict table: declared so, and compared so.
        StringAssert.Contains(Sql(project), "name TEXT NOT NULL");
        CollectionAssert.AreEqual(new[] { "1|a|5|1.5", "2|b||" }, Rows(project));
        Assert.AreEqual(0, project.Run("check").Code);
        var nothing = project.Run("revision", "--autogenerate", "-m", "nothing", "--rev-id", "0000000000a9");
        Assert.AreEqual(0, nothing.Code, nothing.Out + nothing.Err);
        StringAssert.Contains(nothing.Err, "No changes detected; no revision written.");
        Assert.IsEmpty(Directory.GetFiles(project.VersionsPath, "0000000000a9*.cs"));
        var wrong = Assert.ThrowsExactly<SqliteException>(() => BatchRebuildTests.Execute(project.Database(), "INSERT INTO items (id, name, qty) VALUES (3, 'c', 'many')"));
        StringAssert.Contains(wrong.Message, "cannot store TEXT value in INTEGER column items.qty");

        // A rebuild for an unrelated change (a new CHECK) keeps both options.
        Remodel(project, Plain.Replace("t.Column(\"price\"", "t.Strict(); t.WithoutRowid(); t.Check(\"length(name) > 0\", \"ck_items_name\", exactName: true); t.Column(\"price\"", StringComparison.Ordinal), "Check");
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "check", "--rev-id", "0000000000a3").Code);
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        StringAssert.Contains(Sql(project), "ck_items_name");
        StringAssert.EndsWith(Sql(project), ") WITHOUT ROWID, STRICT");
        Assert.AreEqual(0, project.Run("check").Code);

        Remodel(project, Plain, "Dropped");
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "loose", "--rev-id", "0000000000a4").Code);
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        Assert.IsFalse(Sql(project).Contains("STRICT", StringComparison.Ordinal) || Sql(project).Contains("ROWID", StringComparison.Ordinal), Sql(project));
        CollectionAssert.AreEqual(new[] { "1|a|5|1.5", "2|b||" }, Rows(project));
        Assert.AreEqual(0, project.Run("check").Code);

        var down = project.Run("downgrade", "0000000000a1");
        Assert.AreEqual(0, down.Code, down.Out + down.Err);
        Assert.IsFalse(Sql(project).Contains("STRICT", StringComparison.Ordinal), Sql(project));
        CollectionAssert.AreEqual(new[] { "1|a|5|1.5", "2|b||" }, Rows(project));
    }

    [TestMethod]
    public void Virtual_and_stored_generated_columns_are_kept_apart_changed_and_kept_by_rebuilds()
    {
        const string Model = """
            b.Table("items", t => { t.Column("id", SqlType.Int64).PrimaryKey(); t.Column("qty", SqlType.Int32); t.Column("twice", SqlType.Int64).Computed("qty * 2", stored: false); t.Column("thrice", SqlType.Int64).Computed("qty * 3"); });
            """;
        using var project = ModelProject.For(Model);
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "items", "--rev-id", "0000000000b1").Code);
        var script = File.ReadAllText(Directory.GetFiles(project.VersionsPath, "0000000000b1*.cs").Single());
        StringAssert.Contains(script, "computed: \"qty * 2\", computedVirtual: true");
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        BatchRebuildTests.Execute(project.Database(), "INSERT INTO items (id, qty) VALUES (1, 5)");
        StringAssert.Contains(Sql(project), "GENERATED ALWAYS AS (qty * 2) VIRTUAL");
        StringAssert.Contains(Sql(project), "GENERATED ALWAYS AS (qty * 3) STORED");
        Assert.AreEqual("2|3", string.Join("|", TempProject.Strings(project.Database(), "SELECT hidden FROM pragma_table_xinfo('items') WHERE name IN ('twice', 'thrice') ORDER BY name DESC")));
        Assert.AreEqual(0, project.Run("check").Code);

        // Spelled differently, the same expression compares equal.
        Remodel(project, Model.Replace("\"qty * 2\"", "\"(QTY*2)\"", StringComparison.Ordinal), "Spelling");
        var same = project.Run("check");
        Assert.AreEqual(0, same.Code, same.Out + same.Err);

        // VIRTUAL becomes STORED and STORED VIRTUAL, with an unrelated new column: one rebuild, the row kept.
        var swapped = Model.Replace("\"qty * 2\", stored: false", "\"qty * 2\"", StringComparison.Ordinal).Replace("\"qty * 3\"", "\"qty * 3\", stored: false", StringComparison.Ordinal)
            .Replace("t.Column(\"qty\", SqlType.Int32);", "t.Column(\"qty\", SqlType.Int32); t.Column(\"note\", SqlType.Text).Nullable();", StringComparison.Ordinal);
        Remodel(project, swapped, "Swapped");
        var check = project.Run("check");
        Assert.AreEqual(1, check.Code, check.Out + check.Err);
        StringAssert.Contains(check.Out, "column items.twice");
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "swap", "--rev-id", "0000000000b2").Code);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Out + upgrade.Err);
        StringAssert.Contains(Sql(project), "GENERATED ALWAYS AS (qty * 2) STORED");
        StringAssert.Contains(Sql(project), "GENERATED ALWAYS AS (qty * 3) VIRTUAL");
        Assert.AreEqual("1|5|10|15", TempProject.Strings(project.Database(), "SELECT id || '|' || qty || '|' || twice || '|' || thrice FROM items").Single());
        Assert.AreEqual(0, project.Run("check").Code);

        // A rebuild for something else (a CHECK) keeps which is which.
        Remodel(project, swapped.Replace("t.Column(\"id\"", "t.Check(\"qty >= 0\", \"ck_items_qty\", exactName: true); t.Column(\"id\"", StringComparison.Ordinal), "Check");
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "check", "--rev-id", "0000000000b3").Code);
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        StringAssert.Contains(Sql(project), "ck_items_qty");
        StringAssert.Contains(Sql(project), "GENERATED ALWAYS AS (qty * 2) STORED");
        StringAssert.Contains(Sql(project), "GENERATED ALWAYS AS (qty * 3) VIRTUAL");
        Assert.AreEqual(0, project.Run("check").Code);

        // Dropping a generated column.
        Remodel(project, swapped.Replace(" t.Column(\"thrice\", SqlType.Int64).Computed(\"qty * 3\", stored: false);", "", StringComparison.Ordinal), "Drop");
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "drop", "--rev-id", "0000000000b4").Code);
        var offline = project.Run("upgrade", "0000000000b3:0000000000b4", "--sql");
        Assert.AreEqual(0, offline.Code, offline.Out + offline.Err);
        StringAssert.Contains(offline.Out, "GENERATED ALWAYS AS (qty * 2) STORED");
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        Assert.IsFalse(Sql(project).Contains("thrice", StringComparison.Ordinal), Sql(project));
        Assert.AreEqual("1|5|10", TempProject.Strings(project.Database(), "SELECT id || '|' || qty || '|' || twice FROM items").Single());
        Assert.AreEqual(0, project.Run("check").Code);
    }

    [TestMethod]
    public void A_database_with_options_and_generated_columns_is_scaffolded_into_a_model_that_compares_equal()
    {
        using var scaffold = new TempProject();
        var database = scaffold.Database();
        BatchRebuildTests.Execute(database, """
            CREATE TABLE tags (name TEXT PRIMARY KEY, hits INTEGER NOT NULL, blob BLOB, anything ANY) STRICT;
            CREATE TABLE pairs (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;
            CREATE TABLE items (id INTEGER PRIMARY KEY, qty INTEGER NOT NULL, twice INTEGER GENERATED ALWAYS AS (qty * 2) VIRTUAL, thrice INTEGER AS (qty * 3) STORED);
            """);
        var written = scaffold.Run("scaffold", "--url", "sqlite:///" + database, "--out", "Model");
        Assert.AreEqual(0, written.Code, written.Out + written.Err);
        var source = File.ReadAllText(Path.Combine(scaffold.Directory, "Model", "DatabaseModel.cs"));
        StringAssert.Contains(source, "t.Strict();");
        StringAssert.Contains(source, "t.WithoutRowid();");
        StringAssert.Contains(source, ".Computed(\"qty * 2\", stored: false)");
        StringAssert.Contains(source, ".Computed(\"qty * 3\")");

        using var project = new TempProject();
        project.Initialized(ModelAssembly.Compile([source], Path.Combine(project.Directory, "Scaffolded.dll")), database);
        var check = project.Run("check");
        Assert.AreEqual(0, check.Code, check.Out + check.Err);
    }

    [TestMethod]
    public void A_strict_table_with_a_type_it_cannot_hold_is_one_clear_error()
    {
        using var project = ModelProject.For("""b.Table("items", t => { t.Column("id", SqlType.Int64).PrimaryKey(); t.Column("doc", SqlType.Raw("XML")); t.Strict(); });""");
        var check = project.Run("check");
        Assert.AreEqual(2, check.Code, check.Out + check.Err);
        StringAssert.EndsWith(check.Err, "\nERROR: The model declares table items STRICT, which takes only INTEGER, REAL, TEXT, BLOB and ANY columns: column doc's type Raw(XML) is none of them (SqlType.Raw(\"ANY\") takes any value).\n");
    }

    [TestMethod]
    [DataRow("t.Strict();", "ERROR: The model declares table items STRICT, but postgresql has no such table option: remove it from the model for this database.")]
    [DataRow("t.WithoutRowid();", "ERROR: The model declares table items WITHOUT ROWID, but postgresql has no such table option: remove it from the model for this database.")]
    [DataRow("t.Column(\"twice\", SqlType.Int32).Computed(\"id * 2\", stored: false);",
        "ERROR: The model declares column items.twice a VIRTUAL generated column, but postgresql has only STORED ones: make it stored for this database.")]
    public void Sqlite_only_options_in_a_postgres_model_are_one_clear_error(string option, string error)
    {
        using var database = PostgresServer.CreateDatabase();
        using var project = ModelProject.For($$"""b.Table("items", t => { t.Column("id", SqlType.Int32).PrimaryKey(); {{option}} });""", database);
        var check = project.Run("check");
        Assert.AreEqual(2, check.Code, check.Out + check.Err);
        Assert.AreEqual(error + "\n", check.Err);
    }

    /// <summary>Points the project at a new model built from <paramref name="body"/>.</summary>
    internal static void Remodel(TempProject project, string body, string name)
    {
        var source = "using DiffMigrate;\nusing DiffMigrate.Schema;\n\npublic sealed class Model : SchemaDefinition\n{\n    public override void Define(SchemaBuilder b)\n    {\n" +
            body + "\n    }\n}\n";
        var dll = ModelAssembly.Compile(source, Path.Combine(project.Directory, name + ".dll"));
        var config = Path.Combine(project.Directory, "diffmigrate.json");
        var text = File.ReadAllText(config);
        var start = text.IndexOf(project.Directory, StringComparison.Ordinal);
        var end = text.IndexOf(".dll", start, StringComparison.Ordinal) + 4;
        File.WriteAllText(config, text[..start] + dll + text[end..]);
    }

    private static string Sql(TempProject project) => TempProject.Strings(project.Database(), "SELECT sql FROM sqlite_schema WHERE name = 'items'").Single();

    private static List<string> Rows(TempProject project) =>
        TempProject.Strings(project.Database(), "SELECT id || '|' || name || '|' || ifnull(qty, '') || '|' || ifnull(price, '') FROM items ORDER BY id").ToList();
}
