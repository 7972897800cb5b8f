using DiffMigrate.Providers.Postgres;
using DiffMigrate.Inspect;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Design.Commands;
using DiffMigrate.Runner.Configuration;
using DiffMigrate.Schema;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Postgres;

/// <summary>Names that need quotes (an apostrophe, spaces, double quotes, upper case, key words, unicode) make no difference.</summary>
[TestClass]
public sealed class PostgresQuotedNameTests
{
    private const string Source = """
        using DiffMigrate;
        using DiffMigrate.Schema;

        public sealed class Model : SchemaDefinition
        {
            public override void Define(SchemaBuilder b)
            {
                b.Enum("Mood", ["sad", "o'k", "happy"]);
                b.Enum(new QualifiedName("Audit Log", "Level \"x\""), ["low", "high"]);
                b.Table("Awkward Table", t =>
                {
                    t.Column("id", SqlType.Int32).PrimaryKey();
                    t.Column("co'l", SqlType.Int32).Nullable().Check("\"co'l\" > 0");
                    t.Column("feeling", SqlType.Enum("Mood", "sad", "o'k", "happy")).Default("'o''k'");
                    t.Column("level", SqlType.Enum("Audit Log.Level \"x\"", "low", "high")).Default("'low'");
                    t.Column("say \"hi\"", SqlType.Text).Nullable().Default("'x'");
                    t.Column("select", SqlType.Int32).Nullable().Check("\"select\" >= 0");
                    t.Column("Upper", SqlType.Int32).Nullable();
                    t.Column("twice", SqlType.Int32).Nullable().Computed("\"Upper\" * 2");
                    t.Column("café", SqlType.Text).Nullable();
                    t.Index("ix_awkward_cafe", ["lower(\"café\")"], filter: "\"co'l\" > 1 AND \"say \"\"hi\"\"\" <> ''", expressions: [true]);
                    t.Check("\"co'l\" < 100 OR \"say \"\"hi\"\"\" = 'it''s'", "pair");
                });
            }
        }
        """;

    [TestMethod]
    public void Awkward_names_upgrade_and_check_clean_with_the_server_canonicalising()
    {
        using var database = PostgresServer.CreateDatabase();
        using var project = new TempProject();
        project.Initialized(ModelAssembly.Compile(Source, Path.Combine(project.Directory, "Model.dll")));
        project.Environment["DIFFMIGRATE_URL"] = database.Url;

        var first = project.Run("revision", "--autogenerate", "-m", "awkward", "--rev-id", "000000000001");
        Assert.AreEqual(0, first.Code, first.Err);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Err + "\n" + File.ReadAllText(Directory.GetFiles(project.VersionsPath, "*.cs").Single()));

        var check = project.Run("check");
        Assert.AreEqual(0, check.Code, check.Out + check.Err);
        Assert.DoesNotContain("could not canonicalise", check.Err, "the server canonicalised the model: no fallback");
        Assert.DoesNotContain("could not canonicalise", first.Err);
    }

    [TestMethod]
    public async Task The_canonicaliser_answers_for_every_awkward_name_and_the_fallback_agrees()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute(""""
            CREATE TYPE "Mood" AS ENUM ('sad', 'o''k');
            CREATE SCHEMA "Audit Log";
            CREATE TYPE "Audit Log"."Level ""x""" AS ENUM ('low', 'high');
            CREATE TABLE "Awkward Table" (
                id int CONSTRAINT "pk_Awkward Table" PRIMARY KEY,
                "co'l" int CONSTRAINT "ck_Awkward Table_co'l" CHECK ("co'l" > 0),
                feeling "Mood" NOT NULL DEFAULT 'o''k',
                level "Audit Log"."Level ""x""" NOT NULL DEFAULT 'low',
                "select" int DEFAULT 0,
                "café" text DEFAULT 'é');
            """");
        var model = new DatabaseSchema(
            [new Table("Awkward Table",
                [new Column("id", SqlType.Int32), new Column("co'l", SqlType.Int32, Nullable: true),
                    new Column("feeling", SqlType.Enum("Mood", "sad", "o'k"), Default: "'o''k'"),
                    new Column("level", SqlType.Enum("Audit Log.Level \"x\"", "low", "high"), Default: "'low'"),
                    new Column("select", SqlType.Int32, Nullable: true, Default: "0"), new Column("café", SqlType.Text, Nullable: true, Default: "'é'")],
                new PrimaryKey("pk_Awkward Table", ["id"]), CheckConstraints: [new CheckConstraint("ck_Awkward Table_co'l", "\"co'l\" > 0")])],
            Enums: [new EnumType("Mood", ["sad", "o'k"]), new EnumType(new QualifiedName("Audit Log", "Level \"x\""), ["low", "high"])],
            Schemas: ["Audit Log"]);
        await using var connection = database.Open();
        var inspected = await new PostgresInspector().InspectAsync(connection, new InspectOptions([], ["Audit Log"]));
        var canonicalizer = new PostgresModelCanonicalizer();
        // Asked as for a new table (against the database as it stands, the text rules settle every element).
        var (forms, problem) = await canonicalizer.CanonicalizeAsync(connection, model, inspected with { Tables = [] });
        Assert.IsNull(problem);
        Assert.AreEqual(0, canonicalizer.FallbackCount);
        Assert.AreEqual(1, canonicalizer.LastRoundTripCount);
        Assert.AreEqual("'o''k'::\"Mood\"", forms!.Tables[0].FindColumn("feeling")!.Default);
        var (settled, _) = await canonicalizer.CanonicalizeAsync(connection, model, inspected);
        Assert.AreEqual(0, canonicalizer.LastRoundTripCount);
        Assert.AreEqual(model.Tables[0], settled!.Tables[0]);

        var config = DiffMigrateConfig.Defaults(Path.GetTempPath(), "migrations");
        var withServer = Autogenerate.Diff(inspected, model, PostgresDialect.Instance, config, forms);
        Assert.IsEmpty(withServer, string.Join("\n", withServer.Select(OperationText.Describe)));
        // The built-in normaliser alone (the server unreachable or refusing) strips the casts to quoted enum names too.
        var fallback = Autogenerate.Diff(inspected, model, PostgresDialect.Instance, config);
        Assert.IsEmpty(fallback, string.Join("\n", fallback.Select(OperationText.Describe)));
    }

    [TestMethod]
    public void The_fallback_normaliser_strips_casts_to_quoted_and_qualified_type_names()
    {
        var rules = PostgresExpressionRules.Instance;
        foreach (var cast in new[] { "\"Mood\"", "\"my \"\"mood\"\"\"", "audit.\"Mood\"", "\"Audit Log\".\"Level \"\"x\"\"\"", "\"Audit\".level", "\"café\"", "\"select\"" })
        {
            Assert.AreEqual(rules.Canonical("'ok'"), rules.Canonical($"'ok'::{cast}"), cast);
        }
        Assert.AreNotEqual(rules.Canonical("'ok'"), rules.Canonical("'ok' || \"Mood\""));
    }
}
