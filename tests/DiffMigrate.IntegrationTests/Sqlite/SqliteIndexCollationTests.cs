using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Sqlite;

/// <summary>
/// SQLite's per-key index collation (read from pragma_index_xinfo) compares by meaning both ways, converges, and
/// survives scaffold; options SQLite lacks (NULLS FIRST/LAST, operator classes, NULLS NOT DISTINCT) are an error
/// naming the table and index.
/// </summary>
[TestClass]
public sealed class SqliteIndexCollationTests
{
    private const string Columns = """
        t.Column("name", SqlType.Text).Nullable();
        t.Column("code", SqlType.Text).Nullable().Collation("NOCASE");
        """;

    private const string Table = "CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, name TEXT, code TEXT COLLATE NOCASE);";

    private static readonly (string Name, string Index, string Model, bool Same)[] Cases =
    [
        ("key collation", "CREATE INDEX ix_t ON t (name COLLATE NOCASE);", "t.Index(\"ix_t\", [\"name\"], keyOptions: [new(Collation: \"NOCASE\")]);", true),
        ("key collation in lower case", "CREATE INDEX ix_t ON t (name collate nocase);", "t.Index(\"ix_t\", [\"name\"], keyOptions: [new(Collation: \"NOCASE\")]);", true),
        ("binary spelled out", "CREATE INDEX ix_t ON t (name COLLATE BINARY);", "t.Index(\"ix_t\", [\"name\"]);", true),
        ("the column's own collation", "CREATE INDEX ix_t ON t (code);", "t.Index(\"ix_t\", [\"code\"], keyOptions: [new(Collation: \"nocase\")]);", true),
        ("desc with collation", "CREATE INDEX ix_t ON t (name COLLATE RTRIM DESC, code);",
            "t.Index(\"ix_t\", [\"name\", \"code\"], descending: [true, false], keyOptions: [new(Collation: \"RTRIM\"), null]);", true),
        ("expression key collation", "CREATE INDEX ix_t ON t (lower(name) COLLATE NOCASE);",
            "t.Index(\"ix_t\", [\"lower(name)\"], expressions: [true], keyOptions: [new(Collation: \"NOCASE\")]);", true),
        ("expression key collation written inline", "CREATE INDEX ix_t ON t (lower(name) COLLATE NOCASE);",
            "t.Index(\"ix_t\", [\"lower(name) COLLATE NOCASE\"], expressions: [true]);", true),
        ("collation in database, none in model", "CREATE INDEX ix_t ON t (name COLLATE NOCASE);", "t.Index(\"ix_t\", [\"name\"]);", false),
        ("none in database, collation in model", "CREATE INDEX ix_t ON t (name);", "t.Index(\"ix_t\", [\"name\"], keyOptions: [new(Collation: \"NOCASE\")]);", false),
        ("another collation", "CREATE INDEX ix_t ON t (name COLLATE RTRIM);", "t.Index(\"ix_t\", [\"name\"], keyOptions: [new(Collation: \"NOCASE\")]);", false),
        ("binary on a nocase column", "CREATE INDEX ix_t ON t (code);", "t.Index(\"ix_t\", [\"code\"], keyOptions: [new(Collation: \"BINARY\")]);", false),
        ("expression collation dropped", "CREATE INDEX ix_t ON t (lower(name) COLLATE NOCASE);", "t.Index(\"ix_t\", [\"lower(name)\"], expressions: [true]);", false),
    ];

    public static IEnumerable<object[]> AllCases => Cases.Select(c => new object[] { c.Name });

    [TestMethod]
    [DynamicData(nameof(AllCases))]
    public void Check_gives_the_expected_verdict_and_the_revision_converges(string name)
    {
        var (_, index, model, same) = Cases.Single(c => c.Name == name);
        using var project = Project(Table + index, Columns + model);
        var check = project.Run("check");
        Assert.AreEqual(same ? 0 : 1, check.Code, check.Out + check.Err);
        if (same) return;
        StringAssert.Contains(check.Out, "- index ix_t on t");
        var revision = project.Run("revision", "--autogenerate", "-m", "fix", "--rev-id", "00000000000f");
        Assert.AreEqual(0, revision.Code, revision.Err);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Err);
        var again = project.Run("check");
        Assert.AreEqual(0, again.Code, again.Out + again.Err);
    }

    [TestMethod]
    public void A_new_key_collation_is_described_and_created()
    {
        using var project = Project(Table + "CREATE INDEX ix_t ON t (name);", Columns + "t.Index(\"ix_t\", [\"name\"], keyOptions: [new(Collation: \"NOCASE\")]);");
        var check = project.Run("check");
        Assert.AreEqual(1, check.Code, check.Out + check.Err);
        StringAssert.Contains(check.Out, "+ index ix_t on t(name): key name COLLATE \"NOCASE\"");
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "fix", "--rev-id", "00000000000f").Code);
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        Assert.AreEqual("NOCASE", string.Join(",", TempProject.Strings(project.Database(), "SELECT upper(coll) FROM pragma_index_xinfo('ix_t') WHERE key = 1")));
    }

    [TestMethod]
    [DataRow("keyOptions: [new(NullsOrder.First)]", "NULLS FIRST on key name")]
    [DataRow("keyOptions: [new(OperatorClass: \"text_pattern_ops\")]", "operator class text_pattern_ops on key name")]
    [DataRow("unique: true, nullsNotDistinct: true", "NULLS NOT DISTINCT")]
    public void Options_SQLite_lacks_are_an_error_naming_the_index(string options, string what)
    {
        using var project = Project(Table, Columns + $"t.Index(\"ix_t\", [\"name\"], {options});");
        var check = project.Run("check");
        Assert.AreEqual(2, check.Code, check.Out + check.Err);
        Assert.AreEqual($"ERROR: The model's index 'ix_t' on table 't' uses {what}, which sqlite does not support: remove it for sqlite.", check.Err.Trim());
    }

    [TestMethod]
    public void Scaffold_keeps_key_collations()
    {
        using var project = new TempProject().Initialized(database: "b.db");
        BatchRebuildTests.Execute(project.Database("a.db"), Table + "CREATE INDEX ix_t ON t (name COLLATE NOCASE DESC, code COLLATE BINARY);" +
            "CREATE TABLE u (id INTEGER NOT NULL PRIMARY KEY, s TEXT); CREATE INDEX ix_u ON u (s COLLATE RTRIM);");
        foreach (var style in new[] { "builder", "attributes" })
        {
            var output = "Scaffolded" + style;
            var (code, _, err) = project.Run("scaffold", "--url", "sqlite:///a.db", "--out", output, "--namespace", "Adopted", "--style", style);
            Assert.AreEqual(0, code, err);
            var files = Directory.GetFiles(Path.Combine(project.Directory, output), "*.cs").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
            var source = string.Join("\n", files);
            StringAssert.Contains(source, style == "builder" ? "new IndexKeyOptions(Collation: \"RTRIM\")" : "Collations = new[] { \"RTRIM\" }", source);
            var model = ModelAssembly.Compile(files, Path.Combine(project.Directory, $"Adopted{style}.dll"));
            project.UseModel(model);
            var compare = project.Run("diff", "--from", "sqlite:///a.db", "--to", "model");
            Assert.AreEqual(0, compare.Code, style + ": " + compare.Out + compare.Err + "\n" + source);
        }
    }

    private static TempProject Project(string ddl, string body)
    {
        var project = new TempProject();
        var source = $$"""
            using DiffMigrate;
            using DiffMigrate.Schema;

            public sealed class CaseModel : SchemaDefinition
            {
                public override void Define(SchemaBuilder builder)
                {
                    builder.Table("t", t =>
                    {
                        t.Column("id", SqlType.Int32).PrimaryKey();
                        {{body}}
                    });
                }
            }
            """;
        project.Initialized(ModelAssembly.Compile(source, Path.Combine(project.Directory, "Case.dll")));
        BatchRebuildTests.Execute(project.Database(), ddl);
        return project;
    }
}
