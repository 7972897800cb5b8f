using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.Cli;

/// <summary>Bad input ends in one clear line on stderr and exit code 2, with no stack trace unless --verbose.</summary>
[TestClass]
public sealed class CliErrorTests
{
    private static void AssertOneClearError((int Code, string Out, string Err) result, params string[] mustMention)
    {
        Assert.AreEqual(2, result.Code, result.Out + result.Err);
        var lines = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(1, lines.Count(l => l.StartsWith("ERROR: ", StringComparison.Ordinal)), result.Err);
        Assert.DoesNotContain("   at ", result.Err, "no stack trace without --verbose");
        foreach (var text in mustMention) StringAssert.Contains(result.Err, text);
    }

    [TestMethod]
    public void A_missing_configuration_says_where_it_looked()
    {
        using var project = new TempProject();
        AssertOneClearError(project.Run("current"), "No diffmigrate.json in " + project.Directory, "diffmigrate init");
    }

    [TestMethod]
    public void A_bad_url_is_named_with_the_forms_expected()
    {
        using var project = new TempProject().Initialized();
        AssertOneClearError(project.Run("--url", "nosuchdb://x", "current"), "Bad database URL 'nosuchdb://x'", "sqlite:///");
    }

    [TestMethod]
    public void A_revision_with_a_syntax_error_names_the_file_and_line()
    {
        using var project = new TempProject().Initialized();
        Assert.AreEqual(0, project.Run("revision", "-m", "broken", "--rev-id", "cccccccccccc").Code);
        var file = Path.Combine(project.VersionsPath, "cccccccccccc_broken.cs");
        var lines = File.ReadAllLines(file).ToList();
        var at = lines.FindIndex(l => l.Contains("public override void Upgrade", StringComparison.Ordinal));
        lines.Insert(at + 2, "        op.Execute(\"SELECT 1\")");   // missing semicolon
        File.WriteAllLines(file, lines);

        AssertOneClearError(project.Run("upgrade", "head"), "cccccccccccc_broken.cs:" + (at + 3), "CS1002");
    }

    [TestMethod]
    public void An_unknown_revision_id_is_named()
    {
        using var project = new TempProject().Initialized();
        Assert.AreEqual(0, project.Run("revision", "-m", "first").Code);
        AssertOneClearError(project.Run("upgrade", "deadbeef0000"), "deadbeef0000");
    }

    [TestMethod]
    public void An_unknown_verb_or_option_exits_2_not_1()
    {
        using var project = new TempProject();
        var result = project.Run("frobnicate");
        Assert.AreEqual(2, result.Code);
    }

    [TestMethod]
    public void Verbose_shows_the_stack_trace()
    {
        using var project = new TempProject();
        var result = project.Run("current", "--verbose");
        Assert.AreEqual(2, result.Code);
        StringAssert.Contains(result.Err, "   at ");
    }

    [TestMethod]
    [DoNotParallelize]
    public void A_model_that_does_not_build_shows_the_compiler_error_with_file_and_line()
    {
        using var project = new TempProject();
        var model = Path.Combine(project.Directory, "BadModel");
        Directory.CreateDirectory(model);
        File.WriteAllText(Path.Combine(model, "BadModel.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(model, "Entity.cs"), "public class Entity\n{\n    public int Id { get; set }\n}\n");
        project.Initialized(Path.Combine(model, "BadModel.csproj"));

        AssertOneClearError(project.Run("check"), "Entity.cs(3,");
    }
}
