using DiffMigrate.Design.ModelLoading;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Schema;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Cli;

/// <summary>
/// The schema a model evaluated to is kept while nothing it depends on changes (issue 17), and never used stale: a new
/// assembly, a new naming convention or a model that reads its environment is run again.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ModelSchemaCacheTests
{
    private const string Variable = "DIFFMIGRATE_TEST_MODEL_TABLE";

    private static string Model(string table, string columns) =>
        "using DiffMigrate;\nusing DiffMigrate.Schema;\n\npublic sealed class M : SchemaDefinition\n{\n    public override void Define(SchemaBuilder b) =>\n" +
        $"        b.Table({table}, t => {{ t.Column(\"id\", SqlType.Int64).PrimaryKey(); {columns} }});\n}}\n";

    [TestMethod]
    public void A_model_is_run_again_when_its_assembly_or_the_naming_convention_changes_and_read_from_the_cache_otherwise()
    {
        using var project = new TempProject();
        var dll = Path.Combine(project.Directory, "Model.dll");
        ModelAssembly.Compile(Model("\"posts\"", ""), dll);
        Baseline(project, dll);

        // The cache is what the next command reads: a schema planted under the same key is what it compares.
        Assert.AreEqual(0, project.Run("check").Code);
        Plant(project, new DatabaseSchema([new Table(new QualifiedName(null, "planted"), [new Column("id", SqlType.Int64)])]));
        var planted = project.Run("check");
        Assert.AreEqual(1, planted.Code, planted.Out + planted.Err);
        StringAssert.Contains(planted.Out, "planted");

        // A new assembly at the same path is run: its column is seen, and then it is the one cached.
        ModelAssembly.Compile(Model("\"posts\"", "t.Column(\"title\", SqlType.Text).Nullable();"), dll);
        var edited = project.Run("check");
        Assert.AreEqual(1, edited.Code, edited.Out + edited.Err);
        StringAssert.Contains(edited.Out, "title");
        Assert.DoesNotContain("planted", edited.Out);
        var again = project.Run("check");
        Assert.AreEqual(1, again.Code, again.Out + again.Err);
        StringAssert.Contains(again.Out, "title");
        Assert.DoesNotContain("The model runs", again.Err);

        // The naming convention names the primary key: a new one is a difference, not the cached name.
        ModelAssembly.Compile(Model("\"posts\"", ""), dll);
        project.EditConfig("\"primaryKey\": \"pk_{table}\"", "\"primaryKey\": \"pkey_{table}\"");
        var renamed = project.Run("check");
        Assert.AreEqual(1, renamed.Code, renamed.Out + renamed.Err);
        StringAssert.Contains(renamed.Out, "+ primary key on posts(id)");
        Assert.DoesNotContain("planted", renamed.Out);
    }

    [TestMethod]
    public void A_model_that_reads_its_environment_runs_on_every_command()
    {
        using var project = new TempProject();
        var dll = Path.Combine(project.Directory, "EnvModel.dll");
        ModelAssembly.Compile(Model($"System.Environment.GetEnvironmentVariable(\"{Variable}\") ?? \"posts\"", ""), dll);
        try
        {
            Environment.SetEnvironmentVariable(Variable, "posts");
            Baseline(project, dll);
            var same = project.Run("check");
            Assert.AreEqual(0, same.Code, same.Out + same.Err);
            // Said once, when the assembly was first seen (by the baseline's autogenerate), not on every command.
            Assert.DoesNotContain("The model runs", same.Err);
            var file = Assert.ContainsSingle(Directory.GetFiles(Cache(project), "model-*.schema"));
            StringAssert.Contains(File.ReadAllText(file), "it calls System.Environment.GetEnvironmentVariable");

            Environment.SetEnvironmentVariable(Variable, "articles");
            var other = project.Run("check");
            Assert.AreEqual(1, other.Code, other.Out + other.Err);
            StringAssert.Contains(other.Out, "articles");
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, null);
        }
    }

    private static string Cache(TempProject project) => Path.Combine(project.Directory, "migrations", ".diffmigrate-cache");

    // The cached file's key line kept, its schema replaced.
    private static void Plant(TempProject project, DatabaseSchema schema)
    {
        var file = Assert.ContainsSingle(Directory.GetFiles(Cache(project), "model-*.schema"));
        var bytes = File.ReadAllBytes(file);
        var keyEnd = Array.IndexOf(bytes, (byte)'\n');
        Assert.AreEqual(1, bytes[keyEnd + 1], "a cached schema, not a reason to run");
        File.WriteAllBytes(file, [.. bytes[..(keyEnd + 2)], .. SchemaSnapshot.Write(schema)]);
    }

    private static void Baseline(TempProject project, string model)
    {
        project.Initialized(model);
        var revision = project.Run("revision", "--autogenerate", "-m", "baseline");
        Assert.AreEqual(0, revision.Code, revision.Out + revision.Err);
        Assert.AreEqual(model.Contains("Env", StringComparison.Ordinal), revision.Err.Contains("The model runs on every command (it calls System.Environment.GetEnvironmentVariable)", StringComparison.Ordinal), revision.Err);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Out + upgrade.Err);
    }
}
