using DiffMigrate.IntegrationTests.Sqlite;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Cli;

/// <summary>
/// <c>include</c>/<c>exclude</c> object patterns in diffmigrate.json: every command that compares leaves an excluded
/// object alone, on the database side and on the model side; a bad pattern is one error.
/// </summary>
[TestClass]
public sealed class ObjectFilterCliTests
{
    private const string HandMade = """
        CREATE TABLE audit_log (id INTEGER PRIMARY KEY, what TEXT);
        ALTER TABLE authors ADD COLUMN row_version INTEGER;
        CREATE INDEX ix_tmp_tags ON tags (id);
        """;

    [TestMethod]
    public void Excluded_objects_only_in_the_database_are_not_dropped_by_any_command()
    {
        using var project = AtHead();
        BatchRebuildTests.Execute(project.Database(), HandMade);
        var (code, output, err) = project.Run("check");
        Assert.AreEqual(1, code, err);
        foreach (var name in new[] { "audit_log", "row_version", "ix_tmp_tags" }) StringAssert.Contains(output, name, "without the filter, check sees it");

        Exclude(project, "\"table:audit_*\", \"column:*.row_version\", \"index:ix_tmp_*\"");
        (code, output, err) = project.Run("check");
        Assert.AreEqual(0, code, output + err);
        Assert.AreEqual("No new upgrade operations detected.\n", output);
        (code, output, err) = project.Run("diff", "--exit-code");
        Assert.AreEqual(0, code, output + err);
        (code, output, err) = project.Run("drift");
        Assert.AreEqual(0, code, output + err);
        Assert.AreEqual(0, project.Run("check", "--from-migrations").Code);

        (code, _, err) = project.Run("revision", "--autogenerate", "--allow-empty", "-m", "nothing", "--rev-id", "000000000002");
        Assert.AreEqual(0, code, err);
        var revision = File.ReadAllText(Directory.GetFiles(project.VersionsPath, "000000000002*.cs").Single());
        foreach (var name in new[] { "audit_log", "row_version", "ix_tmp_tags" }) Assert.DoesNotContain(name, revision);
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        Assert.AreEqual("2", BatchRebuildTests.Scalar(project.Database(), "SELECT count(*) FROM sqlite_master WHERE name IN ('audit_log', 'ix_tmp_tags')"));
        Assert.AreEqual("1", BatchRebuildTests.Scalar(project.Database(), "SELECT count(*) FROM pragma_table_info('authors') WHERE name = 'row_version'"));
    }

    [TestMethod]
    public void An_excluded_table_only_in_the_model_is_not_created()
    {
        using var project = new TempProject().Initialized();
        Exclude(project, "\"table:newsletter_*\"");
        var (code, _, err) = project.Run("revision", "--autogenerate", "--from-empty", "-m", "baseline", "--rev-id", "000000000001");
        Assert.AreEqual(0, code, err);
        var revision = File.ReadAllText(Directory.GetFiles(project.VersionsPath, "000000000001*.cs").Single());
        StringAssert.Contains(revision, "\"categories\"");
        Assert.DoesNotContain("newsletter_subscriptions", revision);
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        Assert.AreEqual("0", BatchRebuildTests.Scalar(project.Database(), "SELECT count(*) FROM sqlite_master WHERE name = 'newsletter_subscriptions'"));
        Assert.AreEqual(0, project.Run("check").Code, "the excluded table is no difference");
    }

    [TestMethod]
    public void Include_patterns_of_a_kind_limit_that_kind_only()
    {
        using var project = AtHead();
        BatchRebuildTests.Execute(project.Database(), HandMade);
        Include(project, "\"table:a*\"");
        var (code, output, err) = project.Run("check");
        Assert.AreEqual(1, code, err);
        StringAssert.Contains(output, "row_version", "authors is included, and its columns with it");
        StringAssert.Contains(output, "audit_log");
        Assert.DoesNotContain("ix_tmp_tags", output, "tags is not included");
    }

    [TestMethod]
    public void A_bad_pattern_is_one_error_naming_the_file_and_the_pattern()
    {
        using var project = AtHead();
        Exclude(project, "\"tabel:audit_*\"");
        var config = Path.Combine(project.Directory, "diffmigrate.json");
        foreach (var command in new[] { "check", "revision --autogenerate -m x", "upgrade head" })
        {
            var (code, output, err) = project.Run(command.Split(' '));
            Assert.AreEqual(2, code, command);
            Assert.AreEqual("", output, command);
            Assert.AreEqual($"ERROR: {config}: 'exclude' pattern 'tabel:audit_*' has an unknown kind 'tabel': expected schema, table, column, index, unique, " +
                "foreignKey, check, enum, sequence, view, materializedView, foreignTable, compositeType, partition, partitioning, domain, rangeType, function, procedure, aggregate, trigger, rule, policy, rowSecurity, exclusionConstraint, notValid, grant, extension, eventTrigger, publication (did you mean 'table'?).\n", err, command);
        }
    }

    [TestMethod]
    public void On_PostgreSQL_excluded_schemas_tables_columns_indexes_enums_and_sequences_are_left_alone()
    {
        using var database = PostgresServer.CreateDatabase();
        using var project = new TempProject();
        project.Initialized(ModelAssembly.Compile("""
            using DiffMigrate;
            using DiffMigrate.Schema;

            public sealed class Model : SchemaDefinition
            {
                public override void Define(SchemaBuilder b)
                {
                    b.Table("authors", t => { t.Column("id", SqlType.Int32).Identity().PrimaryKey(); t.Column("name", SqlType.String(100)); });
                    b.Table("tags", t => { t.Column("id", SqlType.Int32).Identity().PrimaryKey(); t.Column("active", SqlType.Boolean).Default("true"); });
                }
            }
            """, Path.Combine(project.Directory, "Model.dll")));
        project.Environment["DIFFMIGRATE_URL"] = database.Url;
        project.EditConfig("// \"includeSchemas\": false,", "\"includeSchemas\": true,");
        var init = project.Run("revision", "--autogenerate", "-m", "init", "--rev-id", "000000000001");
        Assert.AreEqual(0, init.Code, init.Err);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Err);
        database.Execute("""
            CREATE SCHEMA legacy; CREATE TABLE legacy.orders (id int);
            CREATE TABLE audit_log (id int); ALTER TABLE authors ADD COLUMN row_version bigint; CREATE INDEX ix_tmp_tags ON tags (id);
            CREATE TYPE mood AS ENUM ('ok'); CREATE SEQUENCE seq_tmp;
            """);
        var (code, output, err) = project.Run("check");
        Assert.AreEqual(1, code, err);
        foreach (var name in new[] { "legacy.orders", "audit_log", "row_version", "ix_tmp_tags", "mood", "seq_tmp" }) StringAssert.Contains(output, name);

        Exclude(project, "\"schema:legacy\", \"table:audit_*\", \"column:authors.row_version\", \"index:ix_tmp_*\", \"enum:mood\", \"sequence:seq_*\"");
        (code, output, err) = project.Run("check");
        Assert.AreEqual(0, code, output + err);
        (code, output, err) = project.Run("drift");
        Assert.AreEqual(0, code, output + err);
    }

    /// <summary>The Blog model, its first revision applied.</summary>
    internal static TempProject AtHead()
    {
        var project = new TempProject().Initialized();
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "init", "--rev-id", "000000000001").Code);
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        return project;
    }

    internal static void Exclude(TempProject project, string patterns) => project.EditConfig("\"exclude\": []", $"\"exclude\": [{patterns}]");

    private static void Include(TempProject project, string patterns) => project.EditConfig("\"include\": [\"*\"]", $"\"include\": [{patterns}]");
}
