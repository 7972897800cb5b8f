using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Tests.Support;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Cli;

/// <summary><c>diff</c> in every format, and <c>lint</c> over revisions, for a change that raises findings and a rename suggestion.</summary>
[TestClass]
public sealed class DiffCommandTests
{
    private const string Before = """
        b.Table("people", t =>
        {
            t.Column("id", SqlType.Int32).Identity().PrimaryKey();
            t.Column("name", SqlType.String(100)).Nullable();
            t.Column("bio", SqlType.Text).Nullable();
            t.Column("code", SqlType.String(20));
        });
        b.Table("legacy", t => t.Column("id", SqlType.Int32).Identity().PrimaryKey());
        """;

    private const string After = """
        b.Table("people", t =>
        {
            t.Column("id", SqlType.Int32).Identity().PrimaryKey();
            t.Column("full_name", SqlType.String(100)).Nullable();
            t.Column("code", SqlType.String(10));
            t.Column("email", SqlType.Text);
            t.Unique("code");
        });
        b.Table("tags", t =>
        {
            t.Column("id", SqlType.Int32).Identity().PrimaryKey();
            t.Column("label", SqlType.String(40));
        });
        """;

    [TestMethod]
    [DataRow("text", "txt")]
    [DataRow("markdown", "md")]
    [DataRow("json", "json")]
    [DataRow("sql", "sql")]
    [DataRow("csharp", "cs.txt")]
    public void Every_format_matches_its_snapshot(string format, string extension)
    {
        using var project = AtHead();
        var (code, output, err) = project.Run("diff", "--format", format, "--date", "2026-01-01T00:00:00+00:00");
        Assert.AreEqual(0, code, err);
        Snapshot.Match($"cli/diff.{extension}", output);
        Assert.IsTrue(File.Exists(project.Database()) && Directory.GetFiles(project.VersionsPath, "*.cs").Length == 1, "diff writes no revision");
    }

    [TestMethod]
    public void Exit_code_says_whether_there_are_changes()
    {
        using var project = AtHead();
        Assert.AreEqual(1, project.Run("diff", "--exit-code").Code);
        var config = Path.Combine(project.Directory, "diffmigrate.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("After.dll", "Before.dll", StringComparison.Ordinal));
        var (code, output, _) = project.Run("diff", "--exit-code");
        Assert.AreEqual(0, code);
        Assert.AreEqual("No changes: the model matches the database.\n", output);
    }

    [TestMethod]
    public void Lint_reads_revisions_without_a_database_and_accepted_findings_do_not_fail_it()
    {
        using var project = AtHead();
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "after", "--rev-id", "000000000002").Code);
        File.Delete(project.Database());
        var (code, output, err) = project.Run("lint", "--fail-on", "error");
        Assert.AreEqual(1, code, err);
        StringAssert.Contains(output, "000000000002 (000000000002_after.cs): DM101 error legacy: drops table legacy and its 1 columns of data");
        StringAssert.Contains(err, "finding(s) at error or above");

        var path = Directory.GetFiles(project.VersionsPath, "000000000002*.cs").Single();
        File.WriteAllText(path, File.ReadAllText(path).Replace("[Revision(", """
            [AcceptLint("DM101", Reason = "legacy is empty")]
            [AcceptLint("DM102", Table = "people")]
            [Revision(
            """, StringComparison.Ordinal));
        (code, output, err) = project.Run("lint", "--fail-on", "error");
        Assert.AreEqual(0, code, output + err);
        StringAssert.Contains(output, "DM101 error legacy: drops table legacy and its 1 columns of data [accepted: legacy is empty]");
        Assert.AreEqual(1, project.Run("lint", "000000000001:head", "--fail-on", "warning").Code);
    }

    [TestMethod]
    public void Revision_to_stdout_with_a_fixed_id_and_date_gives_the_same_bytes_and_writes_no_file()
    {
        using var project = AtHead();
        string[] args = ["revision", "--autogenerate", "-m", "after", "--rev-id", "0000000000aa", "--date", "2026-01-01T00:00:00+00:00", "--stdout"];
        var first = project.Run(args);
        var second = project.Run(args);
        Assert.AreEqual(0, first.Code, first.Err);
        Assert.AreEqual(first.Out, second.Out);
        StringAssert.StartsWith(first.Out, "// after\n// Revision ID: 0000000000aa\n// Revises: 000000000001\n// Create Date: 2026-01-01 00:00:00\n");
        Assert.HasCount(1, Directory.GetFiles(project.VersionsPath, "*.cs"));
    }

    [TestMethod]
    public void Declaring_the_suggested_rename_keeps_the_values_on_SQLite()
    {
        using var project = AtHead();
        Sqlite.BatchRebuildTests.Execute(project.Database(), "INSERT INTO people (name, code) VALUES ('Ada', 'a')");
        ModelAssembly.Compile(Model(After.Replace("""t.Column("full_name", SqlType.String(100)).Nullable();""",
            """t.Column("full_name", SqlType.String(100)).Nullable().RenamedFrom("name");""", StringComparison.Ordinal)
            .Replace("""t.Column("email", SqlType.Text);""", """t.Column("email", SqlType.Text).Default("''");""", StringComparison.Ordinal)), Path.Combine(project.Directory, "Declared.dll"));
        var config = Path.Combine(project.Directory, "diffmigrate.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("After.dll", "Declared.dll", StringComparison.Ordinal));

        var (_, text, _) = project.Run("diff");
        StringAssert.Contains(text, "~ column people.name renamed to full_name");
        Assert.DoesNotContain("did you rename", text);
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "rename", "--rev-id", "000000000002").Code);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Err);
        Assert.AreEqual("Ada", Sqlite.BatchRebuildTests.Scalar(project.Database(), "SELECT full_name FROM people"));
    }

    /// <summary>A database at head for the Before model, with the configuration pointing at the After model.</summary>
    internal static TempProject AtHead()
    {
        var project = new TempProject();
        var before = ModelAssembly.Compile(Model(Before), Path.Combine(project.Directory, "Before.dll"));
        ModelAssembly.Compile(Model(After), Path.Combine(project.Directory, "After.dll"));
        project.Initialized(before);
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "before", "--rev-id", "000000000001").Code);
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        var config = Path.Combine(project.Directory, "diffmigrate.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("Before.dll", "After.dll", StringComparison.Ordinal));
        return project;
    }

    private static string Model(string body) =>
        "using DiffMigrate;\nusing DiffMigrate.Schema;\n\npublic sealed class Model : SchemaDefinition\n{\n    public override void Define(SchemaBuilder b)\n    {\n" +
        body + "\n    }\n}\n";
}
