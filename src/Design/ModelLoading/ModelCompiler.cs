using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace DiffMigrate.Design.ModelLoading;

/// <summary>
/// Compiles the model project's sources in-process with Roslyn, with the references and options its last build
/// resolved. Only errors fail: warnings (and the SDK's analyzers) are left to <c>dotnet build</c>, which the model's
/// own build still runs; what the tool needs is the types.
/// </summary>
internal static class ModelCompiler
{
    // The SDK's own source generators act only on these attributes; a model that uses one is built by dotnet build.
    private static readonly string[] GeneratorTriggers = ["GeneratedRegex", "JsonSerializable", "LibraryImport", "GeneratedComInterface", "JSImport", "JSExport"];

    /// <summary>A source as it was read for the compile: its stamp describes exactly the text compiled.</summary>
    public sealed record Source(FileStamp Stamp, SourceText Text);

    /// <summary>Reads <paramref name="paths"/>, stamping each from the bytes read.</summary>
    public static List<Source> Read(IEnumerable<string> paths) =>
        paths.Select(path =>
        {
            var ticks = File.GetLastWriteTimeUtc(path).Ticks;
            var bytes = File.ReadAllBytes(path);
            var stamp = new FileStamp(path, bytes.Length, ticks, ContentHash.Of(bytes));
            return new Source(stamp, SourceText.From(new MemoryStream(bytes), canBeEmbedded: true));
        }).ToList();

    /// <summary>Why these sources need the SDK's build after all, or null.</summary>
    public static string? GeneratorNeeded(IEnumerable<Source> sources)
    {
        foreach (var source in sources)
        {
            var text = source.Text.ToString();
            if (GeneratorTriggers.FirstOrDefault(t => text.Contains(t, StringComparison.Ordinal)) is { } trigger)
                return $"{Path.GetFileName(source.Stamp.Path)} uses {trigger}, which needs the SDK's source generators";
        }
        return null;
    }

    /// <summary>The assembly image, or the compiler's errors in <c>dotnet build</c>'s form.</summary>
    public static byte[] Compile(string project, CompileSettings settings, IReadOnlyList<Source> sources)
    {
        var language = LanguageVersionFacts.TryParse(settings.LangVersion, out var parsed) ? parsed : LanguageVersion.Default;
        // No nullable analysis: it only warns, and it was about half the time a large model took (a Define of 200 tables
        // is one method of 200 lambdas, walked again for each). The annotations are declared, so the assembly, and the
        // nullability the model reads from it, is the same byte for byte.
        var parse = new CSharpParseOptions(language, DocumentationMode.None, SourceCodeKind.Regular, settings.DefineConstants)
            .WithFeatures([new("run-nullable-analysis", "never")]);
        var options = new CSharpCompilationOptions(
                settings.OutputType switch
                {
                    "Exe" => OutputKind.ConsoleApplication,
                    "WinExe" => OutputKind.WindowsApplication,
                    _ => OutputKind.DynamicallyLinkedLibrary,
                },
                optimizationLevel: settings.Optimize ? OptimizationLevel.Release : OptimizationLevel.Debug,
                checkOverflow: settings.CheckForOverflowUnderflow,
                allowUnsafe: settings.AllowUnsafeBlocks,
                nullableContextOptions: settings.Nullable.ToLowerInvariant() switch
                {
                    "enable" => NullableContextOptions.Enable,
                    "warnings" => NullableContextOptions.Warnings,
                    "annotations" => NullableContextOptions.Annotations,
                    _ => NullableContextOptions.Disable,
                },
                deterministic: true);

        // The references are read and bound on a second core while the sources are parsed: a compilation given more
        // trees keeps its references' symbols, and the namespaces loaded here are those every lookup then goes through.
        var referenced = Task.Run(() =>
        {
            var empty = CSharpCompilation.Create(settings.AssemblyName, null, settings.References.Select(r => MetadataReference.CreateFromFile(r)), options);
            _ = empty.GlobalNamespace.GetMembers("System");
            return empty;
        });
        var trees = sources.AsParallel().AsOrdered().Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, s.Stamp.Path)).ToList();
        var compilation = referenced.GetAwaiter().GetResult().AddSyntaxTrees(trees);
        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => d.ToString()).Distinct(StringComparer.Ordinal).Take(20);
            throw new DiffMigrateException($"The model does not build: {project}\n" + string.Join("\n", errors));
        }
        return output.ToArray();
    }
}
