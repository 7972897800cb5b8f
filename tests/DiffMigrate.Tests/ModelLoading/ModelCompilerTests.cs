using System.Reflection;
using System.Security.Cryptography;
using DiffMigrate.Design.ModelLoading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace DiffMigrate.Tests.ModelLoading;

/// <summary>
/// The in-process compile of a model leaves out nullable analysis and parses and binds on two cores (issue 17): the
/// assembly must still be the one the compiler makes with all of it, byte for byte, files in the order given.
/// </summary>
[TestClass]
public sealed class ModelCompilerTests
{
    // Nullability the model reads (annotated properties, a disabled context, generics, lambdas, records) and code the
    // analysis warns about: none of it may change the assembly.
    private static readonly string[] Sources =
    [
        "#nullable enable\nusing DiffMigrate;\nusing DiffMigrate.Schema;\n\npublic sealed class ShopModel : SchemaDefinition\n{\n" +
        "    public override void Define(SchemaBuilder builder)\n    {\n" +
        "        foreach (var name in new[] { \"orders\", \"lines\" })\n" +
        "            builder.Table(name, t => { t.Column(\"id\", SqlType.Int64).Identity(); t.Column(\"note\", SqlType.Text).Nullable(); });\n" +
        "        string? maybe = System.Environment.GetEnvironmentVariable(\"NOPE\");\n        string sure = maybe;\n" +
        "        System.Func<string?, int> length = s => s!.Length;\n        _ = sure.Length + length(maybe);\n    }\n}\n",
        "#nullable enable\nnamespace Shop.Entities;\n\npublic class Post\n{\n    public int Id { get; set; }\n    public string Title { get; set; } = \"\";\n" +
        "    public string? Subtitle { get; set; }\n    public System.Collections.Generic.List<string?> Tags { get; } = [];\n" +
        "    public T? First<T>(System.Collections.Generic.IEnumerable<T> items) where T : class => System.Linq.Enumerable.FirstOrDefault(items);\n}\n",
        "#nullable disable\nnamespace Shop.Entities;\n\npublic class Legacy\n{\n    public string Name { get; set; }\n    public Post Post { get; set; }\n}\n",
        "#nullable enable\nnamespace Shop.Entities;\n\npublic sealed record Tag(string Name, string? Colour)\n{\n" +
        "    public string Label => Colour is null ? Name : $\"{Name} ({Colour})\";\n}\n",
    ];

    [TestMethod]
    public void Leaving_out_nullable_analysis_changes_no_byte_of_the_assembly()
    {
        var folder = Path.Combine(Path.GetTempPath(), "diffmigrate-compiler-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var paths = Sources.Select((text, i) => Path.Combine(folder, $"Source{i}.cs")).ToList();
            for (var i = 0; i < paths.Count; i++) File.WriteAllText(paths[i], Sources[i]);
            var settings = new CompileSettings("Shop", "Library", "latest", "enable", false, false, false, ["DEBUG", "NET"], paths, References(), true, null);

            var image = ModelCompiler.Compile(Path.Combine(folder, "Shop.csproj"), settings, ModelCompiler.Read(paths));

            // The same compile as the SDK's compiler runs it: nullable analysis on, one tree after the other.
            var parse = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Regular, ["DEBUG", "NET"]);
            var trees = paths.Select(p => CSharpSyntaxTree.ParseText(SourceText.From(new MemoryStream(File.ReadAllBytes(p)), canBeEmbedded: true), parse, p));
            var full = CSharpCompilation.Create("Shop", trees, References().Select(r => MetadataReference.CreateFromFile(r)),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
            using var expected = new MemoryStream();
            var result = full.Emit(expected);
            Assert.IsTrue(result.Success, string.Join("\n", result.Diagnostics));
            Assert.IsTrue(result.Diagnostics.Any(d => d.Id == "CS8600"), "the sources give the analysis something to warn about: " + string.Join("\n", result.Diagnostics));

            Assert.AreEqual(Convert.ToHexString(SHA256.HashData(expected.ToArray())), Convert.ToHexString(SHA256.HashData(image)));
            var post = Assembly.Load(image).GetType("Shop.Entities.Post")!;
            var nullability = new NullabilityInfoContext();
            Assert.AreEqual(NullabilityState.Nullable, nullability.Create(post.GetProperty("Subtitle")!).ReadState);
            Assert.AreEqual(NullabilityState.NotNull, nullability.Create(post.GetProperty("Title")!).ReadState);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void A_compile_error_is_still_an_error()
    {
        var folder = Path.Combine(Path.GetTempPath(), "diffmigrate-compiler-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, "Broken.cs");
            File.WriteAllText(path, "#nullable enable\npublic class Broken\n{\n    public string Name { get; set; } = 42;\n}\n");
            var settings = new CompileSettings("Broken", "Library", "latest", "enable", false, false, false, [], [path], References(), true, null);
            var error = Assert.ThrowsExactly<DiffMigrateException>(() => ModelCompiler.Compile(Path.Combine(folder, "Broken.csproj"), settings, ModelCompiler.Read([path])));
            StringAssert.Contains(error.Message, path + "(4,");
            StringAssert.Contains(error.Message, "error CS0029");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<string> References()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return [.. new[] { "System.Private.CoreLib", "System.Runtime", "System.Collections", "System.Linq" }.Select(n => Path.Combine(runtime, n + ".dll")),
            typeof(SchemaBuilder).Assembly.Location];
    }
}
