using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Tests.Support;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Postgres;

/// <summary><c>diff</c> on PostgreSQL for a change that raises every lint rule that applies there, in every format.</summary>
[TestClass]
public sealed class PostgresDiffTests
{
    private const string Before = """
        b.Enum("mood", ["sad", "ok", "happy"]);
        b.Enum("size", ["s", "m"]);
        b.Sequence("seq_a");
        b.Sequence("seq_c");
        b.Table("people", t =>
        {
            t.Column("id", SqlType.Int32).Identity().PrimaryKey();
            t.Column("name", SqlType.String(100)).Nullable();
            t.Column("nickname", SqlType.String(50)).Nullable();
            t.Column("code", SqlType.String(20));
            t.Column("score", SqlType.Int32).Nullable();
            t.Column("bio", SqlType.Text).Nullable();
            t.Column("feeling", SqlType.Enum("mood", "sad", "ok", "happy")).Nullable();
            t.Check("score >= 0", "score");
            t.Unique("code");
            t.Index("ix_people_score", ["score"]);
            t.Comment("People");
        });
        b.Table("orders", t =>
        {
            t.Column("id", SqlType.Int32).Identity().PrimaryKey();
            t.Column("person_id", SqlType.Int32).Nullable();
            t.Column("legacy_id", SqlType.Int32).Nullable();
            t.Column("amount", SqlType.Decimal(10, 2)).Default("0");
            t.ForeignKey(["legacy_id"], "legacy", ["id"]);
        });
        b.Table("legacy", t => t.Column("id", SqlType.Int32).Identity().PrimaryKey());
        b.Table("old_names", t =>
        {
            t.Column("id", SqlType.Int32).Identity();
            t.PrimaryKey(["id"], "pk_names");
        });
        """;

    private const string After = """
        b.Enum("mood", ["unhappy", "ok", "great"], ("sad", "unhappy"));
        b.Enum("color", ["red", "blue"]);
        b.Sequence("seq_b", start: 5);
        b.Sequence("seq_c", increment: 2);
        b.Table("people", t =>
        {
            t.Column("id", SqlType.Int32).Identity().PrimaryKey();
            t.Column("full_name", SqlType.String(100)).Nullable().RenamedFrom("name");
            t.Column("alias", SqlType.String(50)).Nullable();
            t.Column("code", SqlType.String(10));
            t.Column("score", SqlType.Int64);
            t.Column("feeling", SqlType.Enum("mood", "unhappy", "ok", "great")).Nullable();
            t.Unique("code", "score");
            t.Index("ix_people_code", ["code"]);
            t.Comment("Persons");
        });
        b.Table("orders", t =>
        {
            t.Column("id", SqlType.Int32).Identity();
            t.Column("person_id", SqlType.Int32).Nullable();
            t.Column("legacy_id", SqlType.Int32).Nullable();
            t.Column("amount", SqlType.Decimal(12, 2)).Default("0");
            t.Column("note", SqlType.Text);
            t.PrimaryKey(["id"], "pk_orders_id");
            t.ForeignKey(["person_id"], "people", ["id"]);
            t.Check("amount >= 0", "amount");
        });
        b.Table(new QualifiedName("audit", "events"), t => t.Column("id", SqlType.Int64).Identity().PrimaryKey());
        b.Table("new_names", t =>
        {
            t.RenamedFrom("old_names");
            t.Column("id", SqlType.Int32).Identity();
            t.PrimaryKey(["id"], "pk_names");
        });
        """;

    [TestMethod]
    public void Every_format_matches_its_snapshot()
    {
        using var database = PostgresServer.CreateDatabase();
        using var project = new TempProject();
        project.Environment["DIFFMIGRATE_URL"] = database.Url;
        project.Initialized(ModelAssembly.Compile(Model(Before), Path.Combine(project.Directory, "Before.dll")));
        ModelAssembly.Compile(Model(After), Path.Combine(project.Directory, "After.dll"));
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "before", "--rev-id", "000000000001").Code);
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        var config = Path.Combine(project.Directory, "diffmigrate.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("Before.dll", "After.dll", StringComparison.Ordinal));

        foreach (var (format, extension) in new[] { ("text", "txt"), ("markdown", "md"), ("json", "json"), ("sql", "sql"), ("csharp", "cs.txt") })
        {
            var (code, output, err) = project.Run("diff", "--format", format, "--date", "2026-01-01T00:00:00+00:00");
            Assert.AreEqual(0, code, err);
            Snapshot.Match($"cli/postgresql/diff.{extension}", output);
        }

        // The candidate applies as shown: written as a revision, upgraded, and nothing is left to do.
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "after", "--rev-id", "000000000002").Code);
        database.Execute("INSERT INTO people (name, code, score) VALUES ('Ada', 'a', 1)");
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Err);
        Assert.AreEqual(0, project.Run("check").Code);
        Assert.AreEqual("Ada", database.Strings("SELECT full_name FROM people").Single(), "the declared rename keeps the values");
    }

    private static string Model(string body) =>
        "using DiffMigrate;\nusing DiffMigrate.Schema;\n\npublic sealed class Model : SchemaDefinition\n{\n    public override void Define(SchemaBuilder b)\n    {\n" +
        body + "\n    }\n}\n";
}
