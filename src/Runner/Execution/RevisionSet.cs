using System.Reflection;
using DiffMigrate.Runner.Revisions;
using DiffMigrate.Runner.Scripts;

namespace DiffMigrate.Runner.Execution;

/// <summary>
/// The revisions a run can use: a graph built from metadata alone, and a loader that compiles (or instantiates)
/// only the revisions that actually run.
/// </summary>
public sealed class RevisionSet
{
    private readonly Func<IReadOnlyList<string>, IReadOnlyDictionary<string, Migration>> load;
    private readonly Dictionary<string, Migration> loaded = new(StringComparer.Ordinal);

    private RevisionSet(RevisionGraph graph, Func<IReadOnlyList<string>, IReadOnlyDictionary<string, Migration>> load)
    {
        Graph = graph;
        this.load = load;
    }

    /// <summary>The revision graph.</summary>
    public RevisionGraph Graph { get; }

    /// <summary>Revisions read from <c>versions/*.cs</c>: headers parsed with Roslyn, bodies compiled on demand.</summary>
    public static RevisionSet FromScriptDirectory(string versionsPath, string cacheDirectory) =>
        FromScriptDirectories([versionsPath], recursive: false, cacheDirectory);

    /// <summary>Revisions read from several version folders (sub-folders too when <paramref name="recursive"/>), in load order.</summary>
    public static RevisionSet FromScriptDirectories(IReadOnlyList<string> locations, bool recursive, string cacheDirectory)
    {
        var headers = new ScriptDirectory(locations, recursive, Path.Combine(cacheDirectory, "headers.txt")).ReadHeaders();
        var byId = headers.ToDictionary(h => h.Id, StringComparer.Ordinal);
        var graph = RevisionGraph.Build(headers.Select(ToInfo));
        var compiler = new ScriptCompiler(cacheDirectory);
        return new RevisionSet(graph, ids => compiler.Load(ids.Select(id => byId[id]).ToList()));
    }

    /// <summary>Revisions compiled into an application assembly.</summary>
    public static RevisionSet FromAssembly(Assembly assembly)
    {
        var found = ScriptCompiler.FromAssembly(assembly);
        var graph = RevisionGraph.Build(found.Select(f => ToInfo(f.Header)));
        var byId = found.ToDictionary(f => f.Header.Id, f => f.Migration, StringComparer.Ordinal);
        return new RevisionSet(graph, ids => ids.ToDictionary(id => id, id => byId[id], StringComparer.Ordinal));
    }

    /// <summary>The migration instances for <paramref name="ids"/>, compiling them together the first time.</summary>
    public IReadOnlyDictionary<string, Migration> Load(IReadOnlyList<string> ids)
    {
        var missing = ids.Where(id => !loaded.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            foreach (var (id, migration) in load(missing)) loaded[id] = migration;
        }
        return ids.Distinct(StringComparer.Ordinal).ToDictionary(id => id, id => loaded[id], StringComparer.Ordinal);
    }

    private static RevisionInfo ToInfo(ScriptHeader header) =>
        new(header.Id, header.DownRevisions, header.BranchLabels, header.DependsOn, header.Message, header.Path);
}
