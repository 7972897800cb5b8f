using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DiffMigrate.Runner.Scripts;

/// <summary>
/// Compiles revision scripts into one in-memory assembly with Roslyn, only for the revisions that run. The result
/// is cached under <paramref name="cacheDirectory"/> by a hash of the scripts' paths and contents and of the
/// DiffMigrate.Model build, so an unchanged set is not compiled again.
/// </summary>
public sealed class ScriptCompiler(string cacheDirectory)
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
        var found = FromAssembly(assembly, scripts.ToDictionary(s => s.Id, s => s.Path, StringComparer.Ordinal))
            .ToDictionary(f => f.Header.Id, f => f.Migration, StringComparer.Ordinal);
        return scripts.ToDictionary(s => s.Id, s => found.TryGetValue(s.Id, out var migration)
            ? migration
            : throw new ScriptException(
                $"{s.Path}: class {s.ClassName} is marked [Revision(\"{s.Id}\")] but is not a Migration (derive it from DiffMigrate.Migration)."),
            StringComparer.Ordinal);
    }

    /// <summary>Every <see cref="Migration"/> with a [Revision] in <paramref name="assembly"/> (an application's own).</summary>
    public static IReadOnlyList<(ScriptHeader Header, Migration Migration)> FromAssembly(Assembly assembly) => FromAssembly(assembly, null);

    // paths: the script file of each revision id, for messages about compiled scripts.
    private static IReadOnlyList<(ScriptHeader Header, Migration Migration)> FromAssembly(Assembly assembly, IReadOnlyDictionary<string, string>? paths)
    {
        var found = new List<(ScriptHeader, Migration)>();
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            throw new ScriptException($"{assembly.GetName().Name}: its types cannot be loaded: {e.LoaderExceptions.FirstOrDefault(x => x is not null)?.Message ?? e.Message}", e);
        }
        foreach (var type in types)
        {
            if (type.GetCustomAttribute<RevisionAttribute>() is not { } revision) continue;
            var where = paths is not null && paths.TryGetValue(revision.Id, out var file) ? $"{file}: class {type.Name}" : type.FullName ?? type.Name;
            if (!typeof(Migration).IsAssignableFrom(type) || type.IsAbstract)
            {
                // Compiled scripts were checked for this when parsed; here it is an application's own class.
                throw new ScriptException($"{where}: marked [Revision(\"{revision.Id}\")] but is not a Migration that can be created (derive it from DiffMigrate.Migration; not abstract).");
            }
            var header = new ScriptHeader(revision.Id, revision.DownRevisions, revision.BranchLabels, revision.DependsOn, revision.Message, where, type.Name);
            ScriptDirectory.Validate(header, where);
            found.Add((header, Create(type, where)));
        }
        var sorted = found.OrderBy(f => f.Item1.Path, StringComparer.Ordinal).ToList();
        ScriptDirectory.RejectDuplicates(sorted.Select(f => f.Item1).ToList());
        return sorted;
    }

    private static Migration Create(Type type, string where)
    {
        try
        {
            return (Migration)Activator.CreateInstance(type)!;
        }
        catch (MissingMethodException e)
        {
            throw new ScriptException($"{where}: a revision class needs a public constructor without parameters.", e);
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            throw new ScriptException($"{where}: its constructor threw {inner.GetType().Name}: {inner.Message}", inner);
        }
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
