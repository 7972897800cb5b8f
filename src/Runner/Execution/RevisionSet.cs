using System.Reflection;
using DiffMigrate.Runner.Revisions;
using DiffMigrate.Runner.Scripts;

namespace DiffMigrate.Runner.Execution;

/// <summary>
/// The revisions a run can use: a graph built from metadata alone, and a loader that compiles (or instantiates)
/// only the revisions that actually run. Script folders are read by the design-time ScriptRevisions.
/// </summary>
public sealed class RevisionSet
{
    private readonly Func<IReadOnlyList<string>, IReadOnlyDictionary<string, Migration>> load;
    private readonly Dictionary<string, Migration> loaded = new(StringComparer.Ordinal);

    /// <summary>Revisions of <paramref name="graph"/>, whose migrations <paramref name="load"/> creates for a list of ids.</summary>
    internal RevisionSet(RevisionGraph graph, Func<IReadOnlyList<string>, IReadOnlyDictionary<string, Migration>> load)
    {
        Graph = graph;
        this.load = load;
    }

    /// <summary>The revision graph.</summary>
    internal RevisionGraph Graph { get; }

    /// <summary>Where offline (<c>--sql</c>) runs keep each revision's SQL; null when they render every time.</summary>
    internal OfflineSqlCache? OfflineSql { get; init; }

    /// <summary>Revisions compiled into an application assembly.</summary>
    public static RevisionSet FromAssembly(Assembly assembly)
    {
        var found = RevisionHeaders.FromAssembly(assembly);
        var graph = RevisionGraph.Build(found.Select(f => ToInfo(f.Header)));
        var byId = found.ToDictionary(f => f.Header.Id, f => f.Migration, StringComparer.Ordinal);
        return new RevisionSet(graph, ids => ids.ToDictionary(id => id, id => byId[id], StringComparer.Ordinal));
    }

    /// <summary>The migration instances for <paramref name="ids"/>, compiling them together the first time.</summary>
    internal IReadOnlyDictionary<string, Migration> Load(IReadOnlyList<string> ids)
    {
        var missing = ids.Where(id => !loaded.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            foreach (var (id, migration) in load(missing)) loaded[id] = migration;
        }
        return ids.Distinct(StringComparer.Ordinal).ToDictionary(id => id, id => loaded[id], StringComparer.Ordinal);
    }

    /// <summary>The graph's view of <paramref name="header"/>.</summary>
    internal static RevisionInfo ToInfo(ScriptHeader header) =>
        new(header.Id, header.DownRevisions, header.BranchLabels, header.DependsOn, header.Message, header.Path);
}
