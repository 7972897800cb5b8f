using DiffMigrate.Design.Commands;
using DiffMigrate.Design.Pipeline;
using DiffMigrate.IntegrationTests.Sqlite;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Migrations;
using DiffMigrate.Runner.Configuration;
using DiffMigrate.Runner.Database;

namespace DiffMigrate.IntegrationTests.Cli;

/// <summary>
/// The rewrite hook on generated revisions (<see cref="ComparisonOptions.RewriteOperations"/>) and what the CLI
/// builds on it: a no-op <c>revision --autogenerate</c> writes no revision (<c>--skip-empty</c> and <c>"skipEmpty": true</c>,
/// which asked for that before it was the default, still do).
/// </summary>
[TestClass]
public sealed class RevisionRewriteTests
{
    private const string NoRevision = "No changes detected; no revision written.\n";

    [TestMethod]
    public void Skip_empty_writes_no_revision_when_nothing_changed_and_exits_0()
    {
        using var project = ObjectFilterCliTests.AtHead();
        var (code, output, err) = project.Run("revision", "--autogenerate", "--skip-empty", "-m", "nothing");
        Assert.AreEqual(0, code, err);
        Assert.AreEqual("", output);
        StringAssert.EndsWith(err, NoRevision);
        Assert.HasCount(1, Directory.GetFiles(project.VersionsPath, "*.cs"));
        (code, output, err) = project.Run("revision", "--autogenerate", "--skip-empty", "-m", "nothing", "--stdout");
        Assert.AreEqual(0, code);
        Assert.AreEqual("", output, "nor to stdout");
        StringAssert.EndsWith(err, NoRevision);
    }

    [TestMethod]
    public void Without_skip_empty_no_revision_is_written_either_now_that_it_is_the_default()
    {
        using var project = ObjectFilterCliTests.AtHead();
        var (code, output, err) = project.Run("revision", "--autogenerate", "-m", "nothing", "--rev-id", "000000000002");
        Assert.AreEqual(0, code, err);
        Assert.AreEqual("", output);
        StringAssert.EndsWith(err, NoRevision);
        Assert.HasCount(1, Directory.GetFiles(project.VersionsPath, "*.cs"));
    }

    [TestMethod]
    public void Skip_empty_still_writes_a_revision_that_has_operations()
    {
        using var project = ObjectFilterCliTests.AtHead();
        BatchRebuildTests.Execute(project.Database(), "CREATE TABLE stray (id INTEGER PRIMARY KEY)");
        var (code, output, err) = project.Run("revision", "--autogenerate", "--skip-empty", "-m", "drop stray", "--rev-id", "000000000002");
        Assert.AreEqual(0, code, err);
        StringAssert.StartsWith(output, "Generating ");
        StringAssert.Contains(File.ReadAllText(Directory.GetFiles(project.VersionsPath, "000000000002*.cs").Single()), "DropTable(\"stray\"");
    }

    [TestMethod]
    public void The_configurations_skip_empty_does_what_the_flag_does_and_only_for_autogenerate()
    {
        using var project = ObjectFilterCliTests.AtHead();
        project.EditConfig("\"exclude\": []", "\"exclude\": [],\n  \"skipEmpty\": true");
        var (code, output, err) = project.Run("revision", "--autogenerate", "-m", "nothing");
        Assert.AreEqual(0, code, err);
        Assert.AreEqual("", output);
        StringAssert.EndsWith(err, NoRevision);
        Assert.HasCount(1, Directory.GetFiles(project.VersionsPath, "*.cs"));

        (code, _, err) = project.Run("revision", "-m", "by hand", "--rev-id", "000000000002");
        Assert.AreEqual(0, code, err);
        Assert.HasCount(2, Directory.GetFiles(project.VersionsPath, "*.cs"), "a revision written by hand is empty by design");
    }

    [TestMethod]
    public void Skip_empty_without_autogenerate_is_an_error()
    {
        using var project = ObjectFilterCliTests.AtHead();
        var (code, _, err) = project.Run("revision", "--skip-empty", "-m", "x");
        Assert.AreEqual(2, code);
        Assert.AreEqual("ERROR: --skip-empty applies to revision --autogenerate only.\n", err);
        Assert.HasCount(1, Directory.GetFiles(project.VersionsPath, "*.cs"));
    }

    [TestMethod]
    public void The_rewritten_operations_are_what_the_revision_holds_and_its_downgrade_reverses()
    {
        using var project = ObjectFilterCliTests.AtHead();
        BatchRebuildTests.Execute(project.Database(), "CREATE TABLE stray (id INTEGER PRIMARY KEY)");
        var seen = new List<MigrationOperation>();
        var marker = new ExecuteSql("UPDATE categories SET position = 7", "UPDATE categories SET position = 0");
        var path = Open(project, ops =>
        {
            seen.AddRange(ops);
            return [.. ops.Where(o => o is not DropTable), marker];
        }).Revision(new RevisionOptions("hooked") { Autogenerate = true, RevId = "000000000002" });

        Assert.AreEqual("DropTable:stray", string.Join(" | ", seen.Select(o => o.GetType().Name + ":" + o.TableName)), "the hook gets the generated upgrade");
        var text = File.ReadAllText(path!);
        Assert.DoesNotContain("stray", text);
        var upgrade = text.IndexOf("op.Execute(\"UPDATE categories SET position = 7\", downSql: \"UPDATE categories SET position = 0\")", StringComparison.Ordinal);
        var downgrade = text.IndexOf("op.Execute(\"UPDATE categories SET position = 0\", downSql: \"UPDATE categories SET position = 7\")", StringComparison.Ordinal);
        Assert.IsTrue(upgrade > 0 && downgrade > upgrade, text);

        BatchRebuildTests.Execute(project.Database(), "INSERT INTO categories (name, position) VALUES ('c', 1)");
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        Assert.AreEqual("7", BatchRebuildTests.Scalar(project.Database(), "SELECT position FROM categories"));
        Assert.AreEqual("1", BatchRebuildTests.Scalar(project.Database(), "SELECT count(*) FROM sqlite_master WHERE name = 'stray'"), "the dropped drop");
    }

    [TestMethod]
    public void A_rewrite_that_returns_null_cancels_the_revision()
    {
        using var project = ObjectFilterCliTests.AtHead();
        BatchRebuildTests.Execute(project.Database(), "CREATE TABLE stray (id INTEGER PRIMARY KEY)");
        using var output = new StringWriter();
        var path = Open(project, _ => null, output).Revision(new RevisionOptions("cancelled") { Autogenerate = true, RevId = "000000000002" });
        Assert.IsNull(path);
        Assert.AreEqual("The revision was cancelled by its rewrite; no revision written.\n", output.ToString());
        Assert.HasCount(1, Directory.GetFiles(project.VersionsPath, "*.cs"));
    }

    private static Project Open(TempProject project, Func<IReadOnlyList<MigrationOperation>, IReadOnlyList<MigrationOperation>?> rewrite, TextWriter? output = null)
    {
        var config = ConfigLoader.Load(null, project.Directory, null, _ => null);
        return new Project(config, project.Directory, new DriverRegistry(), output ?? TextWriter.Null, _ => { })
        {
            Comparison = ComparisonOptions.For(config) with { RewriteOperations = rewrite },
        };
    }
}
