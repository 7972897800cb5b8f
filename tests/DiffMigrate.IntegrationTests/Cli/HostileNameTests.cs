using DiffMigrate.IntegrationTests.Sqlite;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Render;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Cli;

/// <summary>
/// A database whose names are C# (after a line terminator) and a message that is C#: the real CLI writes them into
/// revisions and models, compiles and runs those, and no payload ever runs; the files compile, the commands work.
/// </summary>
[TestClass]
public sealed class HostileNameTests
{
    private const string Payload = "System.IO.File.WriteAllText(\"pwned.txt\", \"x\");//";

    [TestMethod]
    [DataRow("\u2028")]
    [DataRow("\r")]
    [DataRow("\u0085")]
    [DataRow("\u2029")]
    [DataRow("\n")]
    public void A_dropped_table_named_with_code_is_only_ever_data(string breaker)
    {
        using var project = new TempProject().Initialized();
        var table = "x" + breaker + Payload;
        var column = "c" + breaker + Payload;
        BatchRebuildTests.Execute(project.Database(),
            $"CREATE TABLE {Quote(table)} (id INTEGER PRIMARY KEY, {Quote(column)} TEXT DEFAULT {SqlString("d" + breaker + Payload)}); " +
            $"INSERT INTO {Quote(table)} (id, {Quote(column)}) VALUES (1, 'kept')");

        var revision = Run(project, 0, "revision", "--autogenerate", "-m", "adopt" + breaker + Payload, "--rev-id", "000000000001");
        var path = Directory.GetFiles(project.VersionsPath, "*.cs").Single();
        Assert.AreEqual("000000000001_adopt_system_io_file_writealltext_pwned.cs", Path.GetFileName(path));
        var source = File.ReadAllText(path);
        StringAssert.Contains(source, "op.DropTable(", "the table is dropped");
        StringAssert.Contains(source, "// DM101 error x" + VisibleText.Escape(breaker) + "System.IO.File", "the lint note names the table, escaped, in a comment");
        Assert.IsFalse(source.Any(c => VisibleText.IsLineTerminator(c) && c != '\n'), "no line terminator but LF in the file");
        AssertNoHiddenCharacters(revision);

        AssertAtMostOneError(project.Run("lint"));
        var offline = Run(project, 0, "upgrade", "head", "--sql");
        StringAssert.Contains(offline.Out, "DROP TABLE");
        Run(project, 0, "upgrade", "head");
        CollectionAssert.DoesNotContain(CliWorkflowTests.Tables(project.Database()).ToList(), table, "upgrade dropped the table");
        Run(project, 0, "downgrade", "base");
        CollectionAssert.Contains(CliWorkflowTests.Tables(project.Database()).ToList(), table, "downgrade recreates it under its exact name");
        AssertNoPayloadRan(project);
    }

    [TestMethod]
    [DataRow("a\r[assembly: System.Obsolete]")]
    [DataRow("a\u2028System.IO.File.WriteAllText(\"pwned.txt\", \"x\");")]
    [DataRow("a\u0085}}} class X {")]
    [DataRow("../../a\u2029\0\u001b[2J")]
    public void A_message_with_code_after_a_line_terminator_is_only_ever_a_comment_and_an_attribute(string message)
    {
        using var project = new TempProject().Initialized();
        Run(project, 0, "revision", "-m", message, "--rev-id", "000000000001");
        Run(project, 0, "revision", "-m", "second", "--rev-id", "000000000002");
        var files = Directory.GetFiles(project.VersionsPath, "*.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.HasCount(2, files, string.Join(", ", files));
        Assert.IsTrue(files.All(f => f!.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.')), string.Join(", ", files));
        Assert.AreEqual("000000000002 (head)\n", Run(project, 0, "heads").Out);
        Run(project, 0, "upgrade", "head");
        CollectionAssert.AreEqual(new[] { "000000000002" }, project.VersionRows().ToList());
        Run(project, 0, "upgrade", "base:head", "--sql");
        AssertNoPayloadRan(project);
    }

    [TestMethod]
    [DataRow("builder")]
    [DataRow("attributes")]
    public void A_scaffolded_model_of_hostile_names_compiles_and_compares_equal(string style)
    {
        using var project = new TempProject().Initialized();
        var h = "\u2028" + Payload;
        BatchRebuildTests.Execute(project.Database("a.db"), $"""
            CREATE TABLE {Quote("t" + h)} (
                {Quote("id" + h)} INTEGER NOT NULL CONSTRAINT {Quote("pk" + h)} PRIMARY KEY,
                {Quote("n\r" + Payload)} TEXT DEFAULT {SqlString("d\u0085" + Payload)},
                {Quote("class")} TEXT,
                {Quote("ToString")} TEXT,
                CONSTRAINT {Quote("ck\u2029" + Payload)} CHECK ({Quote("class")} <> '*/{Payload.Replace("'", "''", StringComparison.Ordinal)}'));
            CREATE INDEX {Quote("ix\r\n" + Payload)} ON {Quote("t" + h)} ({Quote("class")});
            CREATE TABLE {Quote("DateTime")} (id INTEGER NOT NULL PRIMARY KEY, {Quote("when")} DATETIME);
            """);
        Run(project, 0, "scaffold", "--url", "sqlite:///a.db", "--out", "Scaffolded", "--namespace", "Adopted", "--style", style);
        var files = Directory.GetFiles(Path.Combine(project.Directory, "Scaffolded"), "*.cs");
        var model = ModelAssembly.Compile(files.Select(File.ReadAllText), Path.Combine(project.Directory, "Adopted.dll"));
        project.UseModel(model);
        var compare = project.Run("diff", "--from", "sqlite:///a.db", "--to", "model");
        Assert.AreEqual(0, compare.Code, compare.Out + compare.Err + string.Join("\n", files.Select(File.ReadAllText)));
        Run(project, 2, "scaffold", "--url", "sqlite:///a.db", "--out", "Again", "--namespace", "Adopted;\u2028class X {}");
        AssertNoPayloadRan(project);
    }

    [TestMethod]
    public void An_error_naming_a_hostile_table_shows_it_escaped_on_its_lines()
    {
        using var project = new TempProject().Initialized();
        Run(project, 0, "revision", "-m", "broken", "--rev-id", "000000000001");
        var path = Directory.GetFiles(project.VersionsPath, "*.cs").Single();
        File.WriteAllText(path, File.ReadAllText(path).Replace("// Generated by diffmigrate: review before applying.",
            "op.Execute(\"SELECT * FROM \\\"t\\u001b[2J\\u001b]0;owned\\u0007\\u2028x\\r\\\"\");", StringComparison.Ordinal));
        var (code, _, err) = project.Run("upgrade", "head");
        Assert.AreEqual(2, code, err);
        Assert.AreEqual(1, err.Split('\n').Count(l => l.StartsWith("ERROR: ", StringComparison.Ordinal)), err);
        StringAssert.Contains(err, "t\\u001b[2J\\u001b]0;owned\\u0007\\u2028x\\r", "the name, escaped");
        foreach (var line in err.Split('\n')) Assert.IsFalse(VisibleText.NeedsEscape(line), line);
    }

    [TestMethod]
    public void Graph_commands_print_a_hand_written_message_with_escapes_and_terminators_escaped()
    {
        using var project = new TempProject().Initialized();
        Run(project, 0, "revision", "-m", "plain", "--rev-id", "000000000001");
        var path = Directory.GetFiles(project.VersionsPath, "*.cs").Single();
        // A message as anyone could write it by hand: a terminal escape, a carriage return and a line separator.
        File.WriteAllText(path, File.ReadAllText(path).Replace("Message = \"plain\"", "Message = \"a\\u001b[2Jb\\rc\\u2028d\"", StringComparison.Ordinal));
        foreach (var args in new[] { new[] { "history" }, ["history", "-v"], ["show", "head"], ["heads", "-v"] })
        {
            var (_, output, _) = Run(project, 0, args);
            StringAssert.Contains(output, "a\\u001b[2Jb", string.Join(" ", args));
            foreach (var line in output.Split('\n')) Assert.IsFalse(VisibleText.NeedsEscape(line), $"{string.Join(" ", args)}: {line}");
        }
    }

    [TestMethod]
    public void Init_in_a_folder_named_with_quotes_and_json_writes_a_configuration_that_loads()
    {
        using var project = new TempProject();
        const string folder = "odd\"dir\u2028\"url\": \"sqlite:evil.db\", x";
        Run(project, 0, "init", folder);
        Run(project, 0, "revision", "-m", "first", "--rev-id", "000000000001");
        Assert.IsTrue(File.Exists(Path.Combine(project.Directory, folder, "versions", "000000000001_first.cs")), "the revision is in the folder named");
        Assert.AreEqual("000000000001 (head)\n", Run(project, 0, "heads").Out);
        StringAssert.Contains(File.ReadAllText(Path.Combine(project.Directory, "diffmigrate.json")), "\"url\": \"sqlite:///app.db\"");
        Run(project, 0, "upgrade", "head");
        Assert.IsTrue(File.Exists(project.Database()) && !File.Exists(project.Database("evil.db")) && !File.Exists(Path.Combine(project.Directory, folder, "evil.db")), "the configured database, not one the folder name wrote");
    }

    [TestMethod]
    public void Init_refuses_a_folder_named_with_control_characters_and_writes_nothing()
    {
        using var project = new TempProject();
        var (_, _, err) = Run(project, 2, "init", "odd\ndir\r\"url\": \"sqlite:evil.db\"");
        StringAssert.Contains(err, "odd\\u000adir\\u000d", "the name, escaped");
        Assert.IsEmpty(Directory.EnumerateFileSystemEntries(project.Directory).ToList(), "no folder and no configuration");
    }

    private static (int Code, string Out, string Err) Run(TempProject project, int expected, params string[] args)
    {
        var result = project.Run(args);
        Assert.AreEqual(expected, result.Code, $"{string.Join(" ", args)}:\n{result.Out}\n{result.Err}");
        AssertAtMostOneError(result);
        return result;
    }

    private static void AssertAtMostOneError((int Code, string Out, string Err) result)
    {
        Assert.IsLessThanOrEqualTo(1, result.Err.Split('\n').Count(l => l.StartsWith("ERROR: ", StringComparison.Ordinal)), result.Err);
        if (result.Code == 2) Assert.AreEqual(1, result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, "one ERROR line: " + result.Err);
        Assert.DoesNotContain("   at ", result.Err, "no stack trace");
    }

    // Terminal output shows names with escapes, never the raw characters.
    private static void AssertNoHiddenCharacters((int Code, string Out, string Err) result)
    {
        foreach (var line in (result.Out + result.Err).Split('\n')) Assert.IsFalse(VisibleText.NeedsEscape(line), line);
    }

    private static void AssertNoPayloadRan(TempProject project)
    {
        var found = Directory.GetFiles(project.Directory, "pwned.txt", SearchOption.AllDirectories)
            .Concat(new[] { Environment.CurrentDirectory, AppContext.BaseDirectory }.Select(d => Path.Combine(d, "pwned.txt")).Where(File.Exists))
            .ToList();
        Assert.IsEmpty(found, "the payload ran: " + string.Join(", ", found));
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string SqlString(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
