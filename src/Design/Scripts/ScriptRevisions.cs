using System.Text;
using DiffMigrate.Runner.Execution;
using DiffMigrate.Runner.Revisions;
using DiffMigrate.Runner.Scripts;

namespace DiffMigrate.Design.Scripts;

/// <summary>
/// Revisions read from script folders: headers parsed with Roslyn, bodies compiled on demand. Lives with the
/// design-time tools because it needs a compiler; an application that ships its revisions compiled uses
/// <see cref="RevisionSet.FromAssembly"/> instead.
/// </summary>
public static class ScriptRevisions
{
    /// <summary>The revisions in <c>&lt;scriptLocation&gt;/versions</c>, compiled into <c>&lt;scriptLocation&gt;/.diffmigrate-cache</c>.</summary>
    public static RevisionSet FromScriptLocation(string scriptLocation) =>
        FromDirectories([Path.Combine(scriptLocation, "versions")], recursive: false, Path.Combine(scriptLocation, ".diffmigrate-cache"));

    /// <summary>Revisions read from several version folders (sub-folders too when <paramref name="recursive"/>), in load order.</summary>
    public static RevisionSet FromDirectories(IReadOnlyList<string> locations, bool recursive, string cacheDirectory)
    {
        var headers = new ScriptDirectory(locations, recursive, Path.Combine(cacheDirectory, "headers.txt")).ReadHeaders();
        var byId = headers.ToDictionary(h => h.Id, StringComparer.Ordinal);
        var graph = RevisionGraph.Build(headers.Select(RevisionSet.ToInfo));
        var compiler = new ScriptCompiler(cacheDirectory);
        return new RevisionSet(graph, ids => compiler.Load(ids.Select(id => byId[id]).ToList())) { OfflineSql = OfflineCache(cacheDirectory, byId) };
    }

    /// <summary>
    /// The offline SQL cache of scripts in <paramref name="cacheDirectory"/>: a revision's entry is keyed by its
    /// file's name and text and by the compiler's build (the rest of the key is the runner's).
    /// </summary>
    internal static OfflineSqlCache OfflineCache(string cacheDirectory, IReadOnlyDictionary<string, ScriptHeader> byId)
    {
        var compiler = typeof(ScriptCompiler).Assembly.ManifestModule.ModuleVersionId.ToString("N");
        return new OfflineSqlCache(Path.Combine(cacheDirectory, "offline-sql.txt"), id =>
        {
            var path = byId[id].Path;
            var text = File.ReadAllBytes(path);
            return ContentHash.Of([.. Encoding.UTF8.GetBytes(Path.GetFileName(path) + "\0" + compiler + "\0"), .. text]);
        });
    }
}
