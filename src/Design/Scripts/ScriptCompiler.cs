using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using DiffMigrate.Runner.Scripts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DiffMigrate.Design.Scripts;

/// <summary>
/// Compiles revision scripts with Roslyn, only for the revisions that run, in slices of a few hundred scripts each:
/// one compilation at a time, against as few references as will do, so memory stays bounded however long the
/// history. Each slice is cached under <paramref name="cacheDirectory"/> by a hash of its scripts' paths and contents
/// and of the DiffMigrate.Model build, so an unchanged slice is not compiled again and an edited script recompiles
/// its own slice only.
/// </summary>
internal sealed class ScriptCompiler(string cacheDirectory, int sliceSize = ScriptCompiler.DefaultSliceSize)
{
    /// <summary>The scripts a slice holds on average.</summary>
    // Measured on the first upgrade of 5,000 generated revisions (ru_maxrss, three runs each): 100 to a slice peaks
    // 146 MiB, 400 149 MiB; 100 costs about a tenth more time when every slice compiles cold, and an edited script
    // recompiles a quarter as much.
    internal const int DefaultSliceSize = 100;

    /// <summary>How many slices this instance actually compiled (cache misses); for tests.</summary>
    public int Compilations { get; private set; }

    /// <summary>The migrations of <paramref name="scripts"/>, by revision id.</summary>
    public IReadOnlyDictionary<string, Migration> Load(IReadOnlyList<ScriptHeader> scripts)
    {
        if (scripts.Count == 0) return new Dictionary<string, Migration>();
        var slices = Slices(scripts, sliceSize);
        var images = new byte[slices.Count][];
        var compiled = Compilations;
        using (var references = new ReferenceSets())
        {
            // One slice at a time: two at once measured no faster on two busy cores, for a second compilation's memory.
            for (var i = 0; i < slices.Count; i++) images[i] = Image(slices[i], references);
        }
        var context = new ScriptLoadContext();
        var found = new Dictionary<string, Migration>(StringComparer.Ordinal);
        for (var i = 0; i < slices.Count; i++)
        {
            var assembly = context.LoadFromStream(new MemoryStream(images[i]));
            foreach (var (header, migration) in RevisionHeaders.FromAssembly(assembly, slices[i].ToDictionary(s => s.Id, s => s.Path, StringComparer.Ordinal)))
            {
                found[header.Id] = migration;
            }
            images[i] = [];
        }
        // After a compilation the heap is sized for Roslyn's garbage: compacted and handed back to the system once, so
        // that the revisions run in what they need rather than on top of the compiler's high-water mark.
        if (Compilations > compiled) GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return scripts.ToDictionary(s => s.Id, s => found.TryGetValue(s.Id, out var migration)
            ? migration
            : throw new ScriptException(
                $"{s.Path}: class {s.ClassName} is marked [Revision(\"{s.Id}\")] but is not a Migration (derive it from DiffMigrate.Migration)."),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// <paramref name="scripts"/> in path order, cut where a file name's hash says so (at least a quarter of
    /// <paramref name="size"/> scripts and at most twice it to a slice). The cuts depend on the names alone, not on
    /// positions, so adding, removing or editing a script changes its own slice and leaves the others as they were.
    /// </summary>
    internal static List<List<ScriptHeader>> Slices(IReadOnlyList<ScriptHeader> scripts, int size)
    {
        var slices = new List<List<ScriptHeader>>();
        var slice = new List<ScriptHeader>();
        var spread = (uint)Math.Max(1, size - size / 4);
        foreach (var script in scripts.OrderBy(s => s.Path, StringComparer.Ordinal))
        {
            slice.Add(script);
            if (slice.Count >= 2 * size || (slice.Count >= size / 4 && NameHash(Path.GetFileName(script.Path)) % spread == 0))
            {
                slices.Add(slice);
                slice = [];
            }
        }
        if (slice.Count > 0) slices.Add(slice);
        return slices;
    }

    // FNV-1a, stable from run to run (unlike string.GetHashCode), then mixed (MurmurHash3's finaliser): names that
    // differ only early on, as revision ids before a common slug do, would otherwise share their low bits.
    private static uint NameHash(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name) hash = (hash ^ c) * 16777619u;
        hash = (hash ^ (hash >> 16)) * 0x85ebca6bu;
        hash = (hash ^ (hash >> 13)) * 0xc2b2ae35u;
        return hash ^ (hash >> 16);
    }

    /// <summary>The slice's assembly, from the cache or compiled (and then cached).</summary>
    private byte[] Image(List<ScriptHeader> slice, ReferenceSets references)
    {
        var sources = slice.Select(s => (s.Path, Text: File.ReadAllText(s.Path))).ToList();
        var cached = Path.Combine(cacheDirectory, Hash(sources) + ".dll");
        if (File.Exists(cached)) return File.ReadAllBytes(cached);
        var image = Compile(sources, references);
        Compilations++;
        // A compilation leaves tens of MiB of garbage that the next would otherwise pile on top of: collected here, the
        // peak stays at one slice's (measured: 5,000 scripts, 206 -> 187 MiB; a collection costs far less than a compile).
        GC.Collect();
        CacheFile.Replace(cached, image);
        return image;
    }

    private static byte[] Compile(List<(string Path, string Text)> sources, ReferenceSets references)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, s.Path, Encoding.UTF8)).ToList();
        var name = "DiffMigrate.Revisions." + Guid.NewGuid().ToString("N");
        using var output = new MemoryStream();
        if (Emit(name, trees, references.Basic, output).Success) return output.ToArray();
        output.SetLength(0);
        var result = Emit(name, trees, references.All, output);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20).Select(ScriptDirectory.Format);
            throw new ScriptException("revision scripts do not compile:\n" + string.Join("\n", errors));
        }
        return output.ToArray();
    }

    private static Microsoft.CodeAnalysis.Emit.EmitResult Emit(string name, List<SyntaxTree> trees, MetadataReference[] references, MemoryStream output) =>
        CSharpCompilation.Create(name, trees, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
                    nullableContextOptions: NullableContextOptions.Enable, deterministic: true))
            .Emit(output);

    private static string Hash(List<(string Path, string Text)> sources)
    {
        var model = typeof(Migration).Assembly;
        return ContentHash.Of(sources.SelectMany(s => new[] { Path.GetFileName(s.Path), s.Text })
            .Prepend(model.GetName().Version + "|" + model.ManifestModule.ModuleVersionId));
    }

    /// <summary>
    /// Every assembly the tool runs with, as before; and the few a revision script normally needs: the model's own
    /// references and the BCL's basics. A slice is compiled against the few first (Roslyn reads the metadata of every
    /// reference: some 60 MiB for all of them), and against all only when that fails, so any script that compiles
    /// against all still compiles, with the same messages when it does not. Opened for one load and closed after it,
    /// so that the metadata and Roslyn's symbols for it do not stay in memory while the revisions run.
    /// </summary>
    private sealed class ReferenceSets : IDisposable
    {
        private static readonly string[] BasicNames = ["System.Private.CoreLib", "System.Runtime", "netstandard", "System.Collections", "System.Linq", "System.Console"];
        private readonly Dictionary<string, AssemblyMetadata> opened = new(StringComparer.Ordinal);
        private readonly Lazy<MetadataReference[]> all;
        private readonly Lazy<MetadataReference[]> basic;

        public ReferenceSets()
        {
            all = new(() => Open(_ => true));
            basic = new(() =>
            {
                var names = typeof(Migration).Assembly.GetReferencedAssemblies().Select(a => a.Name).Concat(BasicNames).ToHashSet(StringComparer.OrdinalIgnoreCase);
                return Open(path => names.Contains(Path.GetFileNameWithoutExtension(path)));
            });
        }

        public MetadataReference[] All => all.Value;

        public MetadataReference[] Basic => basic.Value;

        private MetadataReference[] Open(Func<string, bool> wanted)
        {
            var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
            lock (opened)
            {
                // One metadata per file, shared by both sets, so that no file is read twice.
                return trusted.Where(wanted).Append(typeof(Migration).Assembly.Location)
                    .Distinct(StringComparer.Ordinal)
                    .Select(p => (opened.TryGetValue(p, out var known) ? known : opened[p] = AssemblyMetadata.CreateFromFile(p)).GetReference(filePath: p))
                    .ToArray();
            }
        }

        public void Dispose()
        {
            foreach (var metadata in opened.Values) metadata.Dispose();
        }
    }

    /// <summary>Loads compiled revisions while sharing DiffMigrate.Model with the tool, so that Migration is one type.</summary>
    private sealed class ScriptLoadContext() : AssemblyLoadContext("DiffMigrate.Revisions", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName name) =>
            string.Equals(name.Name, typeof(Migration).Assembly.GetName().Name, StringComparison.Ordinal) ? typeof(Migration).Assembly : null;
    }
}
