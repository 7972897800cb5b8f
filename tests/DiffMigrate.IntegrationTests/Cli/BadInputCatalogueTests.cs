using System.Security.Cryptography;
using DiffMigrate.IntegrationTests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DiffMigrate.IntegrationTests.Cli;

/// <summary>
/// Bad input of every kind, one case each: configuration, URLs (with passwords), models, revision files, targets,
/// version tables and files. Every case must end in exit code 2 and exactly one "ERROR: " line that says what and
/// where, with no stack trace unless --verbose, never "unexpected ... please report it", no password in anything
/// printed (with --verbose too), and nothing changed on disk (the database's bytes, the versions folder).
/// </summary>
[TestClass]
public sealed partial class BadInputCatalogueTests
{
    // Distinctive, so that finding it anywhere in the output is a leak and nothing else.
    private const string Secret = "Zq9-s3cr3t_Pw";

    // Loopback port 1: nothing listens there, so a PostgreSQL URL fails fast with "connection refused".
    private const string Refused = "127.0.0.1:1";

    private sealed record Case(string Name, string[] Args, params string[] Mentions)
    {
        /// <summary>Keys of diffmigrate.json as raw JSON values, over the base configuration (null removes one).</summary>
        public Dictionary<string, string?> Keys { get; init; } = [];

        /// <summary>The whole text of diffmigrate.json instead of the base configuration.</summary>
        public string? Json { get; init; }

        /// <summary>What else the case needs on disk (revision files, a broken database, ...).</summary>
        public Action<TempProject>? Arrange { get; init; }

        public Dictionary<string, string> Environment { get; init; } = [];

        /// <summary>A password that must never be printed.</summary>
        public string? Password { get; init; }
    }

    private static readonly IReadOnlyList<Case> All = [.. ConfigCases(), .. UrlCases(), .. ModelCases(), .. RevisionCases(), .. TargetCases(),
        .. VersionTableCases(), .. FileCases()];

    public static IEnumerable<object[]> Names() => All.Select(c => new object[] { c.Name });

    [TestMethod]
    public void The_catalogue_is_large_and_its_names_unique()
    {
        Assert.IsGreaterThanOrEqualTo(60, All.Count);
        Assert.HasCount(All.Count, All.Select(c => c.Name).Distinct(StringComparer.Ordinal));
    }

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void Bad_input_is_one_clear_error_and_changes_nothing(string name)
    {
        var @case = All.Single(c => c.Name == name);
        using var project = Arrange(@case);
        var before = Snapshot(project);

        var result = project.Run(@case.Args);
        var all = result.Out + result.Err;
        Assert.AreEqual(2, result.Code, all);
        var errors = result.Err.Split('\n').Where(l => l.StartsWith("ERROR: ", StringComparison.Ordinal)).ToList();
        Assert.HasCount(1, errors, result.Err);
        Assert.DoesNotContain("   at ", result.Err, "no stack trace without --verbose");
        Assert.DoesNotContain("unexpected", result.Err);
        Assert.DoesNotContain("please report", result.Err);
        foreach (var text in @case.Mentions) StringAssert.Contains(result.Err, text.Replace("{dir}", project.Directory, StringComparison.Ordinal), all);
        if (@case.Password is { } password) Assert.DoesNotContain(password, all, "the password is printed");
        CollectionAssert.AreEqual(before, Snapshot(project), "something changed on disk");

        var verbose = project.Run([.. @case.Args, "--verbose"]);
        Assert.AreEqual(2, verbose.Code, verbose.Out + verbose.Err);
        Assert.HasCount(1, verbose.Err.Split('\n').Where(l => l.StartsWith("ERROR: ", StringComparison.Ordinal)), verbose.Err);
        Assert.DoesNotContain("please report", verbose.Err);
        if (@case.Password is { } secret) Assert.DoesNotContain(secret, verbose.Out + verbose.Err, "the password is printed with --verbose");
        CollectionAssert.AreEqual(before, Snapshot(project), "something changed on disk (--verbose)");
    }

    // A project with the Blog model, an empty versions folder and a SQLite database holding the version table.
    private static TempProject Arrange(Case @case)
    {
        var project = new TempProject();
        Directory.CreateDirectory(project.VersionsPath);
        File.WriteAllText(Path.Combine(project.Directory, "diffmigrate.json"),
            """{ "scriptLocation": "migrations", "url": "sqlite:///app.db" }""");
        var ensure = project.Run("ensure-version");
        Assert.AreEqual(0, ensure.Code, ensure.Err);
        foreach (var (key, value) in @case.Environment) project.Environment[key] = value;
        var keys = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["scriptLocation"] = "\"migrations\"",
            ["url"] = "\"sqlite:///app.db\"",
            ["model"] = Json(TempProject.BlogModel),
        };
        foreach (var (key, value) in @case.Keys) keys[key] = value;
        File.WriteAllText(Path.Combine(project.Directory, "diffmigrate.json"), @case.Json ??
            "{\n" + string.Join(",\n", keys.Where(k => k.Value is not null).Select(k => $"  \"{k.Key}\": {k.Value}")) + "\n}\n");
        @case.Arrange?.Invoke(project);
        return project;
    }

    // Every file and folder of the project (but the tool's cache) with a hash of its bytes.
    private static List<string> Snapshot(TempProject project)
    {
        var cache = Path.Combine(project.Directory, "migrations", ".diffmigrate-cache");
        return Directory.EnumerateFileSystemEntries(project.Directory, "*", SearchOption.AllDirectories)
            .Where(p => !p.StartsWith(cache, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => Path.GetRelativePath(project.Directory, p) + (File.Exists(p) ? " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p))) : "/"))
            .ToList();
    }

    // Two small models compiled here: one whose attributes are wrong, one whose SchemaDefinition throws.
    private static readonly Lazy<(byte[] Index, byte[] Throwing)> BadModels = new(() => (
        Compile("BadModel", """
            using System.ComponentModel.DataAnnotations.Schema;
            using DiffMigrate;

            namespace BadModel;

            [Table("things")]
            [Index("Nope")]
            public class Thing
            {
                public int Id { get; set; }
            }
            """),
        Compile("Throwing", """
            using DiffMigrate;
            using DiffMigrate.Schema;

            namespace Throwing;

            public sealed class Definitions : SchemaDefinition
            {
                public override void Define(SchemaBuilder builder) => throw new System.InvalidOperationException("the model's own bug");
            }
            """)));

    private static byte[] Compile(string name, string source)
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var references = trusted.Append(typeof(Migration).Assembly.Location).Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.IsTrue(result.Success, string.Join("\n", result.Diagnostics));
        return image.ToArray();
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static void Write(TempProject project, string file, string text) =>
        File.WriteAllText(Path.Combine(project.VersionsPath, file), text);

    private const string Methods = """

            public override void Upgrade(Operations op)
            {
            }

            public override void Downgrade(Operations op)
            {
            }
        """;

    // A revision script; attribute is the whole [Revision(...)] argument list.
    private static string Script(string attribute, string className = "R", string baseList = " : Migration", string? body = null) =>
        "using DiffMigrate;\nusing DiffMigrate.Schema;\n\nnamespace Migrations;\n\n" +
        $"[Revision({attribute})]\npublic sealed class {className}{baseList}\n{{{body ?? (baseList.Length == 0 ? "" : Methods)}\n}}\n";

    private static Action<TempProject> Scripts(params (string File, string Text)[] files) => project =>
    {
        foreach (var (file, text) in files) Write(project, file, text);
    };

    private static Action<TempProject> Chain(params string[] ids) => project =>
    {
        string? down = null;
        for (var i = 0; i < ids.Length; i++)
        {
            Write(project, $"{i:D2}_{ids[i]}.cs", Script(down is null ? $"\"{ids[i]}\"" : $"\"{ids[i]}\", \"{down}\"", "R" + ids[i]));
            down = ids[i];
        }
    };
}
