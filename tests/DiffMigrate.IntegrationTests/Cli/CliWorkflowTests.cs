using DiffMigrate.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace DiffMigrate.IntegrationTests.Cli;

[TestClass]
public sealed class CliWorkflowTests
{
    [TestMethod]
    public void Init_creates_the_versions_folder_and_a_commented_configuration()
    {
        using var project = new TempProject();
        var (code, output, _) = project.Run("init", "migrations");
        Assert.AreEqual(0, code);
        Assert.IsTrue(Directory.Exists(project.VersionsPath));
        var config = File.ReadAllText(Path.Combine(project.Directory, "diffmigrate.json"));
        StringAssert.Contains(config, "// Where revision scripts live");
        StringAssert.Contains(config, "\"scriptLocation\": \"migrations\"");
        StringAssert.Contains(output, "versions");
    }

    [TestMethod]
    public void Autogenerate_upgrade_current_check_and_downgrade_the_blog_sample()
    {
        using var project = new TempProject().Initialized();

        var revision = project.Run("revision", "--autogenerate", "-m", "create blog", "--rev-id", "aaaaaaaaaaaa");
        Assert.AreEqual(0, revision.Code, revision.Err);
        var file = Directory.GetFiles(project.VersionsPath, "*.cs").Single();
        Assert.AreEqual("aaaaaaaaaaaa_create_blog.cs", Path.GetFileName(file));
        var source = File.ReadAllText(file);
        StringAssert.Contains(source, "[Revision(\"aaaaaaaaaaaa\"");
        StringAssert.Contains(source, "op.CreateTable(");

        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Err);
        StringAssert.Contains(upgrade.Err, "Running upgrade  -> aaaaaaaaaaaa, create blog");

        var current = project.Run("current");
        Assert.AreEqual("aaaaaaaaaaaa (head)", current.Out.Trim());

        var check = project.Run("check");
        Assert.AreEqual(0, check.Code, check.Out + check.Err);

        // A no-op autogenerate after upgrade writes no revision (issue 17; --allow-empty writes the empty one).
        var noop = project.Run("revision", "--autogenerate", "-m", "nothing", "--rev-id", "bbbbbbbbbbbb");
        Assert.AreEqual(0, noop.Code, noop.Err);
        StringAssert.Contains(noop.Err, "No changes detected; no revision written.");
        Assert.IsFalse(File.Exists(Path.Combine(project.VersionsPath, "bbbbbbbbbbbb_nothing.cs")));

        var down = project.Run("downgrade", "base");
        Assert.AreEqual(0, down.Code, down.Err);
        StringAssert.Contains(down.Err, "Running downgrade aaaaaaaaaaaa -> , create blog");
        CollectionAssert.AreEqual(new[] { "diffmigrate_version" }, Tables(project.Database()).ToList());
    }

    [TestMethod]
    public void Check_exits_1_and_lists_the_differences_when_the_database_drifts()
    {
        using var project = new TempProject().Initialized();
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "init").Code);
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        Execute(project.Database(), "CREATE TABLE stray (id INTEGER PRIMARY KEY)");

        var check = project.Run("check");
        Assert.AreEqual(1, check.Code, check.Err);
        StringAssert.Contains(check.Out, "- table stray");
    }

    [TestMethod]
    public void Offline_upgrade_prints_a_script_with_a_comment_per_step()
    {
        using var project = new TempProject().Initialized();
        Assert.AreEqual(0, project.Run("revision", "-m", "first", "--rev-id", "111111111111").Code);
        Assert.AreEqual(0, project.Run("revision", "-m", "second", "--rev-id", "222222222222").Code);

        var (code, sql, err) = project.Run("upgrade", "head", "--sql");
        Assert.AreEqual(0, code, err);
        StringAssert.StartsWith(sql, "BEGIN;");
        StringAssert.Contains(sql, "CREATE TABLE diffmigrate_version");
        StringAssert.Contains(sql, "-- Running upgrade  -> 111111111111");
        StringAssert.Contains(sql, "-- Running upgrade 111111111111 -> 222222222222");
        StringAssert.Contains(sql, "INSERT INTO diffmigrate_version (version_num) VALUES ('111111111111')");
        StringAssert.Contains(sql, "UPDATE diffmigrate_version SET version_num='222222222222'");
        StringAssert.EndsWith(sql.TrimEnd(), "COMMIT;");
        Assert.IsFalse(File.Exists(project.Database()), "offline mode must not touch the database");
    }

    [TestMethod]
    public void Two_revisions_with_the_same_message_do_not_clash()
    {
        using var project = new TempProject().Initialized();
        Assert.AreEqual(0, project.Run("revision", "-m", "same").Code);
        Assert.AreEqual(0, project.Run("revision", "-m", "same").Code);
        Assert.HasCount(2, Directory.GetFiles(project.VersionsPath, "*.cs"));
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Err);
    }

    internal static IReadOnlyList<string> Tables(string database) =>
        TempProject.Strings(database, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");

    internal static void Execute(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
