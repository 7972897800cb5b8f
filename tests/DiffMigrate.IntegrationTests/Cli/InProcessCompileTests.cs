using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.Cli;

/// <summary>
/// A model compiled in-process after an edit (without nullable analysis, issue 17) reads as the real build of the same
/// sources does: the nullability of every property, also beside code the analysis would warn about.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class InProcessCompileTests
{
    private const string PostEntity =
        "using System.ComponentModel.DataAnnotations.Schema;\n\nnamespace Shop;\n\n[Table(\"posts\")]\npublic class Post\n{\n    public int Id { get; set; }\n\n    public string Title { get; set; } = \"\";\n}\n";

    [TestMethod]
    public void An_edit_compiled_in_process_reads_as_the_real_build_reads_it()
    {
        using var project = new TempProject();
        var model = Path.Combine(project.Directory, "Shop");
        Directory.CreateDirectory(model);
        var source = Path.Combine(model, "Post.cs");
        File.WriteAllText(source, PostEntity);
        var csproj = Path.Combine(model, "Shop.csproj");
        File.WriteAllText(csproj,
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable>" +
            "<ImplicitUsings>enable</ImplicitUsings></PropertyGroup>" +
            $"<ItemGroup><Reference Include=\"DiffMigrate.Model\"><HintPath>{Path.Combine(AppContext.BaseDirectory, "DiffMigrate.Model.dll")}</HintPath></Reference></ItemGroup></Project>");
        project.Initialized(csproj);
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "baseline").Code);
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);

        // Slug's initialiser is a nullable warning (CS8625), Summary's getter another (CS8603): warnings, not errors.
        File.WriteAllText(source, PostEntity.Replace("    public string Title",
            "    public string? Subtitle { get; set; }\n\n    public string Slug { get; set; } = null;\n\n" +
            "    private string? summary;\n\n    public string Summary { get => summary; set => summary = value; }\n\n" +
            "#nullable disable\n    public string Legacy { get; set; }\n#nullable restore\n\n    public string Title", StringComparison.Ordinal));
        var compiled = project.Run("check");
        Assert.AreEqual(1, compiled.Code, compiled.Out + compiled.Err);
        StringAssert.Contains(compiled.Err, "Compiling model " + csproj);
        Assert.AreEqual("NULL", Nullability(compiled.Out, "subtitle"));
        Assert.AreEqual("NOT NULL", Nullability(compiled.Out, "slug"));
        Assert.AreEqual("NOT NULL", Nullability(compiled.Out, "summary"));

        // The same sources built by dotnet build: the same operations, line for line.
        File.Delete(Path.Combine(model, "obj", "diffmigrate", "model.json"));
        var built = project.Run("check");
        Assert.AreEqual(1, built.Code, built.Out + built.Err);
        StringAssert.Contains(built.Err, "Building model " + csproj);
        Assert.AreEqual(built.Out, compiled.Out);
        Assert.IsNotNull(Nullability(built.Out, "legacy"));
    }

    // "NULL" or "NOT NULL" at the end of the check's "+ column posts.<name> ..." line, or null when there is none.
    private static string? Nullability(string output, string column)
    {
        var line = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith($"+ column posts.{column} ", StringComparison.Ordinal));
        return line is null ? null : line.EndsWith(" NOT NULL", StringComparison.Ordinal) ? "NOT NULL" : line.EndsWith(" NULL", StringComparison.Ordinal) ? "NULL" : line;
    }
}
