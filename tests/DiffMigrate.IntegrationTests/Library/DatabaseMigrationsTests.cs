using DiffMigrate.Design.Scripts;
using DiffMigrate.IntegrationTests.Cli;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Runner;
using Microsoft.Data.Sqlite;

namespace DiffMigrate.IntegrationTests.Library;

/// <summary>The application entry point: upgrade at start-up with the application's own connection.</summary>
[TestClass]
public sealed class DatabaseMigrationsTests
{
    [TestMethod]
    public void Revisions_compiled_into_the_application_upgrade_to_head_once()
    {
        using var project = new TempProject();
        using var connection = new SqliteConnection($"Data Source={project.Database()};Pooling=False");
        var log = new List<string>();

        var applied = DatabaseMigrations.UpgradeToHead(connection, typeof(DatabaseMigrationsTests).Assembly, new MigrationOptions(Log: log.Add));

        Assert.AreEqual(2, applied);
        CollectionAssert.AreEqual(new[] { "Running upgrade  -> 0000000000a1, create notes", "Running upgrade 0000000000a1 -> 0000000000a2, add tags" }, log);
        CollectionAssert.AreEqual(new[] { "diffmigrate_version", "notes" }, CliWorkflowTests.Tables(project.Database()).ToList());
        Assert.AreEqual(0, DatabaseMigrations.UpgradeToHead(connection, typeof(DatabaseMigrationsTests).Assembly), "a second start applies nothing");
    }

    [TestMethod]
    public void Revisions_in_a_script_directory_upgrade_and_a_failing_one_leaves_no_trace()
    {
        using var project = new TempProject();
        Directory.CreateDirectory(project.VersionsPath);
        File.WriteAllText(Path.Combine(project.VersionsPath, "a_first.cs"), Script("aaaaaaaaaaaa", null, """op.Execute("CREATE TABLE first (id INTEGER PRIMARY KEY)", "DROP TABLE first");"""));
        File.WriteAllText(Path.Combine(project.VersionsPath, "b_broken.cs"), Script("bbbbbbbbbbbb", "aaaaaaaaaaaa", """op.Execute("CREATE TABLE second (id INTEGER PRIMARY KEY REFERENCES nowhere(", null);"""));
        using var connection = new SqliteConnection($"Data Source={project.Database()};Pooling=False");
        var scripts = Path.Combine(project.Directory, "migrations");

        var error = Assert.ThrowsExactly<DiffMigrateException>(() => DatabaseMigrations.UpgradeToHead(connection, ScriptRevisions.FromScriptLocation(scripts)));
        StringAssert.Contains(error.Message, "bbbbbbbbbbbb");
        Assert.IsEmpty(CliWorkflowTests.Tables(project.Database()), "the whole upgrade rolls back, the first revision included");

        File.WriteAllText(Path.Combine(project.VersionsPath, "b_broken.cs"), Script("bbbbbbbbbbbb", "aaaaaaaaaaaa", """op.Execute("CREATE TABLE second (id INTEGER PRIMARY KEY)", "DROP TABLE second");"""));
        Assert.AreEqual(2, DatabaseMigrations.UpgradeToHead(connection, ScriptRevisions.FromScriptLocation(scripts)));
        CollectionAssert.AreEqual(new[] { "diffmigrate_version", "first", "second" }, CliWorkflowTests.Tables(project.Database()).ToList());
    }

    private static string Script(string id, string? down, string upgrade) => $$"""
        using DiffMigrate;

        [Revision("{{id}}"{{(down is null ? "" : $", \"{down}\"")}}, Message = "step {{id}}")]
        public sealed class Step_{{id}} : Migration
        {
            public override void Upgrade(Operations op) { {{upgrade}} }
            public override void Downgrade(Operations op) { }
        }
        """;
}
