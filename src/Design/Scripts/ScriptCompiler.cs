using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Text;
using DiffMigrate.Runner.Scripts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DiffMigrate.Design.Scripts;

/// <summary>
/// Compiles revision scripts into one in-memory assembly with Roslyn, only for the revisions that run. The result
/// is cached under <paramref name="cacheDirectory"/> by a hash of the scripts' paths and contents and of the
/// DiffMigrate.Model build, so an unchanged set is not compiled again.
/// </summary>
internal sealed class ScriptCompiler(string cacheDirectory)
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return trusted.Append(typeof(Migration).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();
    });

    /// <summary>How many times this instance actually compiled (cache misses); for tests.</summary>
    public int Compilations { get; private set; }

    /// <summary>The migrations of <paramref name="scripts"/>, by revision id.</summary>
    public IReadOnlyDictionary<string, Migration> Load(IReadOnlyList<ScriptHeader> scripts)
    {
        if (scripts.Count == 0) return new Dictionary<string, Migration>();
        var sources = scripts.Select(s => (s.Path, Text: File.ReadAllText(s.Path))).ToList();
        var cached = Path.Combine(cacheDirectory, Hash(sources) + ".dll");
        byte[] image;
        if (File.Exists(cached))
        {
            image = File.ReadAllBytes(cached);
        }
        else
        {
            image = Compile(sources);
            Compilations++;
            Directory.CreateDirectory(cacheDirectory);
            var temporary = cached + "." + Environment.ProcessId + ".tmp";
            File.WriteAllBytes(temporary, image);
            File.Move(temporary, cached, overwrite: true);
        }
        var assembly = new ScriptLoadContext().LoadFromStream(new MemoryStream(image));
        var found = RevisionHeaders.FromAssembly(assembly, scripts.ToDictionary(s => s.Id, s => s.Path, StringComparer.Ordinal))
            .ToDictionary(f => f.Header.Id, f => f.Migration, StringComparer.Ordinal);
        return scripts.ToDictionary(s => s.Id, s => found.TryGetValue(s.Id, out var migration)
            ? migration
            : throw new ScriptException(
                $"{s.Path}: class {s.ClassName} is marked [Revision(\"{s.Id}\")] but is not a Migration (derive it from DiffMigrate.Migration)."),
            StringComparer.Ordinal);
    }

    private static byte[] Compile(List<(string Path, string Text)> sources)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, s.Path, Encoding.UTF8));
        var compilation = CSharpCompilation.Create(
            "DiffMigrate.Revisions." + Guid.NewGuid().ToString("N"),
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20).Select(ScriptDirectory.Format);
            throw new ScriptException("revision scripts do not compile:\n" + string.Join("\n", errors));
        }
        return output.ToArray();
    }

    private static string Hash(List<(string Path, string Text)> sources)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var model = typeof(Migration).Assembly;
        sha.AppendData(Encoding.UTF8.GetBytes(model.GetName().Version + "|" + model.ManifestModule.ModuleVersionId + "|"));
        foreach (var (path, text) in sources)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(path) + "\0" + text + "\0"));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..32];
    }

    /// <summary>Loads compiled revisions while sharing DiffMigrate.Model with the tool, so that Migration is one type.</summary>
    private sealed class ScriptLoadContext() : AssemblyLoadContext("DiffMigrate.Revisions", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName name) =>
            string.Equals(name.Name, typeof(Migration).Assembly.GetName().Name, StringComparison.Ordinal) ? typeof(Migration).Assembly : null;
    }
}
