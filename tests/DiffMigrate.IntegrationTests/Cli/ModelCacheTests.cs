using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.Cli;

/// <summary>
/// A model given as a .csproj is built once, then taken from its cache while nothing changed, compiled in-process
/// after an edit of its sources, and built again after any other change: each kind of input is edited here and the
/// next command must see the change (issue 17).
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ModelCacheTests
{
    private const string Unchanged = "Model unchanged: ";
    private const string Building = "Building model ";
    private const string Compiling = "Compiling model ";

    private static readonly string PostEntity =
        "using System.ComponentModel.DataAnnotations.Schema;\n\nnamespace Shop;\n\n[Table(\"posts\")]\npublic class Post\n{\n    public int Id { get; set; }\n\n    public string Title { get; set; } = \"\";\n}\n";

    [TestMethod]
    public void An_unchanged_model_is_not_rebuilt_and_edited_sources_are_compiled_in_process()
    {
        using var project = new TempProject();
        var model = ModelDirectory(project, "Shop");
        File.WriteAllText(Path.Combine(model, "Post.cs"), PostEntity);
        var csproj = Project(model, "Shop");
        Baseline(project, csproj);

        var unchanged = project.Run("check");
        Assert.AreEqual(0, unchanged.Code, unchanged.Out + unchanged.Err);
        StringAssert.Contains(unchanged.Err, Unchanged + csproj);
        Assert.DoesNotContain(Building, unchanged.Err);
        Assert.DoesNotContain(Compiling, unchanged.Err);

        // A source edited: compiled in-process, and the new column is seen.
        Edit(Path.Combine(model, "Post.cs"), "    public string Title", "    public string? Subtitle { get; set; }\n\n    public string Title");
        var edited = project.Run("check");
        Assert.AreEqual(1, edited.Code, edited.Out + edited.Err);
        StringAssert.Contains(edited.Out, "subtitle");
        StringAssert.Contains(edited.Err, Compiling + csproj);
        Assert.DoesNotContain(Building, edited.Err);
        Assert.IsTrue(File.Exists(Path.Combine(model, "obj", "diffmigrate", "Shop.dll")));

        // The compiled model is the cached one from now on.
        var again = project.Run("check");
        Assert.AreEqual(1, again.Code, again.Out + again.Err);
        StringAssert.Contains(again.Out, "subtitle");
        StringAssert.Contains(again.Err, Unchanged + csproj);

        // A source file added (the default Compile glob) is compiled in too.
        File.WriteAllText(Path.Combine(model, "Tag.cs"), PostEntity.Replace("posts", "tags").Replace("class Post", "class Tag"));
        var added = project.Run("check");
        Assert.AreEqual(1, added.Code, added.Out + added.Err);
        StringAssert.Contains(added.Out, "tags");
        StringAssert.Contains(added.Err, Compiling + csproj);

        // ... and removed again, with the edit undone: the database agrees with the model once more.
        File.Delete(Path.Combine(model, "Tag.cs"));
        Edit(Path.Combine(model, "Post.cs"), "    public string? Subtitle { get; set; }\n\n", "");
        var reverted = project.Run("check");
        Assert.AreEqual(0, reverted.Code, reverted.Out + reverted.Err);
        Assert.DoesNotContain(Building, reverted.Err);
    }

    [TestMethod]
    public void A_compile_error_in_process_gives_one_clear_message_with_file_and_line()
    {
        using var project = new TempProject();
        var model = ModelDirectory(project, "Shop");
        File.WriteAllText(Path.Combine(model, "Post.cs"), PostEntity);
        var csproj = Project(model, "Shop");
        Baseline(project, csproj);

        Edit(Path.Combine(model, "Post.cs"), "public int Id { get; set; }", "public int Id { get; set }");
        var broken = project.Run("check");
        Assert.AreEqual(2, broken.Code, broken.Out + broken.Err);
        var errors = broken.Err.Split('\n').Where(l => l.StartsWith("ERROR: ", StringComparison.Ordinal)).ToList();
        Assert.HasCount(1, errors, broken.Err);
        StringAssert.Contains(errors[0], "The model does not build: " + csproj);
        StringAssert.Contains(broken.Err, Path.Combine(model, "Post.cs") + "(8,");
        StringAssert.Contains(broken.Err, ": error CS");
        StringAssert.Contains(broken.Err, Compiling);
        Assert.DoesNotContain("   at ", broken.Err);

        // Still broken on the next run (the failed compile is not cached), fixed after the fix.
        Assert.AreEqual(2, project.Run("check").Code);
        Edit(Path.Combine(model, "Post.cs"), "public int Id { get; set }", "public int Id { get; set; }");
        var fixedRun = project.Run("check");
        Assert.AreEqual(0, fixedRun.Code, fixedRun.Out + fixedRun.Err);
    }

    [TestMethod]
    public void A_lost_cache_falls_back_to_a_build_or_a_compile()
    {
        using var project = new TempProject();
        var model = ModelDirectory(project, "Shop");
        File.WriteAllText(Path.Combine(model, "Post.cs"), PostEntity);
        var csproj = Project(model, "Shop");
        Baseline(project, csproj);
        Edit(Path.Combine(model, "Post.cs"), "    public string Title", "    public string? Subtitle { get; set; }\n\n    public string Title");
        Assert.AreEqual(1, project.Run("check").Code);

        // The compiled assembly deleted: compiled again, not taken from the stale build output.
        File.Delete(Path.Combine(model, "obj", "diffmigrate", "Shop.dll"));
        var recompiled = project.Run("check");
        Assert.AreEqual(1, recompiled.Code, recompiled.Out + recompiled.Err);
        StringAssert.Contains(recompiled.Out, "subtitle");
        StringAssert.Contains(recompiled.Err, Compiling + csproj);

        // The record deleted: a real build, which sees the edit as well.
        File.Delete(Path.Combine(model, "obj", "diffmigrate", "model.json"));
        var rebuilt = project.Run("check");
        Assert.AreEqual(1, rebuilt.Code, rebuilt.Out + rebuilt.Err);
        StringAssert.Contains(rebuilt.Out, "subtitle");
        StringAssert.Contains(rebuilt.Err, Building + csproj + " (no cached build)");

        // A corrupt record is no record.
        File.WriteAllText(Path.Combine(model, "obj", "diffmigrate", "model.json"), "{ not json");
        var corrupt = project.Run("check");
        Assert.AreEqual(1, corrupt.Code, corrupt.Out + corrupt.Err);
        StringAssert.Contains(corrupt.Err, Building + csproj + " (no cached build)");
    }

    [TestMethod]
    public void A_project_property_that_an_if_uses_is_seen()
    {
        using var project = new TempProject();
        var model = ModelDirectory(project, "Shop");
        File.WriteAllText(Path.Combine(model, "Post.cs"),
            PostEntity.Replace("    public string Title", "#if WITH_BODY\n    public string? Body { get; set; }\n#endif\n\n    public string Title"));
        var csproj = Project(model, "Shop");
        Baseline(project, csproj);

        Edit(csproj, "</PropertyGroup>", "<DefineConstants>$(DefineConstants);WITH_BODY</DefineConstants></PropertyGroup>");
        var defined = project.Run("check");
        Assert.AreEqual(1, defined.Code, defined.Out + defined.Err);
        StringAssert.Contains(defined.Out, "body");
        StringAssert.Contains(defined.Err, Building + csproj + " (changed: " + csproj + ")");

        // The recorded constants are those of the new evaluation: an in-process compile after a source edit keeps them.
        Edit(Path.Combine(model, "Post.cs"), "    public string Title", "    public int Views { get; set; }\n\n    public string Title");
        var compiled = project.Run("check");
        Assert.AreEqual(1, compiled.Code, compiled.Out + compiled.Err);
        StringAssert.Contains(compiled.Err, Compiling + csproj);
        StringAssert.Contains(compiled.Out, "body");
        StringAssert.Contains(compiled.Out, "views");

        // A Directory.Build.props added above the project is an input too.
        Edit(csproj, "<DefineConstants>$(DefineConstants);WITH_BODY</DefineConstants>", "");
        File.WriteAllText(Path.Combine(project.Directory, "Directory.Build.props"),
            "<Project><PropertyGroup><DefineConstants>$(DefineConstants);WITH_BODY</DefineConstants></PropertyGroup></Project>");
        var props = project.Run("check");
        Assert.AreEqual(1, props.Code, props.Out + props.Err);
        StringAssert.Contains(props.Out, "body");
        StringAssert.Contains(props.Err, Building);
    }

    [TestMethod]
    public void A_referenced_projects_source_is_seen()
    {
        using var project = new TempProject();
        var library = ModelDirectory(project, "Names");
        File.WriteAllText(Path.Combine(library, "Names.cs"), "namespace Names;\n\npublic static class Columns\n{\n    public const string Title = \"title\";\n}\n");
        var libraryProject = Project(library, "Names");
        var model = ModelDirectory(project, "Shop");
        File.WriteAllText(Path.Combine(model, "Post.cs"),
            PostEntity.Replace("    public string Title", "    [Column(Names.Columns.Title)]\n    public string Title"));
        var csproj = Project(model, "Shop", $"<ProjectReference Include=\"{libraryProject}\" />");
        Baseline(project, csproj);
        var unchanged = project.Run("check");
        Assert.AreEqual(0, unchanged.Code, unchanged.Out + unchanged.Err);
        StringAssert.Contains(unchanged.Err, Unchanged);

        Edit(Path.Combine(library, "Names.cs"), "\"title\"", "\"headline\"");
        var renamed = project.Run("check");
        Assert.AreEqual(1, renamed.Code, renamed.Out + renamed.Err);
        StringAssert.Contains(renamed.Out, "headline");
        StringAssert.Contains(renamed.Err, Building + csproj + " (changed: " + Path.Combine(library, "Names.cs") + ")");
    }

    [TestMethod]
    public void A_package_version_is_seen()
    {
        // Humanizer 2.14.1 and 3.0.10 are both in the machine's package cache (the tool uses 3.0.10); the model names a
        // table after the major version it runs with, so the loaded dependency is judged, not just the compile.
        using var project = new TempProject();
        var model = ModelDirectory(project, "Shop");
        File.WriteAllText(Path.Combine(model, "Post.cs"), PostEntity);
        File.WriteAllText(Path.Combine(model, "Versioned.cs"),
            "using DiffMigrate;\nusing DiffMigrate.Schema;\n\npublic sealed class Versioned : SchemaDefinition\n{\n" +
            "    public override void Define(SchemaBuilder b) =>\n" +
            "        b.Table(\"humanizer_v\" + typeof(Humanizer.InflectorExtensions).Assembly.GetName().Version!.Major, t => t.Column(\"id\", SqlType.Int64).PrimaryKey());\n}\n");
        var csproj = Project(model, "Shop", "<PackageReference Include=\"Humanizer.Core\" Version=\"2.14.1\" />");
        Baseline(project, csproj);
        Assert.Contains("humanizer_v2", CliWorkflowTests.Tables(project.Database()));

        Edit(csproj, "Version=\"2.14.1\"", "Version=\"3.0.10\"");
        var upgraded = project.Run("check");
        Assert.AreEqual(1, upgraded.Code, upgraded.Out + upgraded.Err);
        StringAssert.Contains(upgraded.Out, "humanizer_v3");
        StringAssert.Contains(upgraded.Err, Building);

        // Humanizer 3 brings analyzers of its own: a source edit now needs the real build, and says why.
        Edit(Path.Combine(model, "Post.cs"), "    public string Title", "    public int Views { get; set; }\n\n    public string Title");
        var edited = project.Run("check");
        Assert.AreEqual(1, edited.Code, edited.Out + edited.Err);
        StringAssert.Contains(edited.Out, "views");
        StringAssert.Contains(edited.Err, "analyzers or source generators from packages");
    }

    private static string ModelDirectory(TempProject project, string name)
    {
        var directory = Path.Combine(project.Directory, name);
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static string Project(string directory, string name, string items = "")
    {
        var path = Path.Combine(directory, name + ".csproj");
        var model = Path.Combine(AppContext.BaseDirectory, "DiffMigrate.Model.dll");
        File.WriteAllText(path,
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable>" +
            "<ImplicitUsings>enable</ImplicitUsings></PropertyGroup>" +
            $"<ItemGroup><Reference Include=\"DiffMigrate.Model\"><HintPath>{model}</HintPath></Reference>{items}</ItemGroup></Project>");
        return path;
    }

    // The first build, a revision of the model as it is and the database upgraded to it: check passes from here.
    private static void Baseline(TempProject project, string csproj)
    {
        project.Initialized(csproj);
        var revision = project.Run("revision", "--autogenerate", "-m", "baseline");
        Assert.AreEqual(0, revision.Code, revision.Out + revision.Err);
        StringAssert.Contains(revision.Err, Building + csproj + " (no cached build)");
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Out + upgrade.Err);
    }

    private static void Edit(string path, string from, string to)
    {
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }
}
