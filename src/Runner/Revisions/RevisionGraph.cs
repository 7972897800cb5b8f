namespace DiffMigrate.Runner.Revisions;

/// <summary>
/// The directed acyclic graph of revisions: pure, no I/O. Built once from metadata; answers heads, bases, names
/// and traversal plans. Everything is linear in the size of the graph (no per-ancestor descendant walks).
/// </summary>
public sealed partial class RevisionGraph
{
    private readonly Dictionary<string, RevisionInfo> byId;
    private readonly Dictionary<string, List<string>> children;
    private readonly Dictionary<string, int> loadOrder;

    private RevisionGraph(IReadOnlyList<RevisionInfo> revisions)
    {
        Revisions = revisions;
        byId = new Dictionary<string, RevisionInfo>(StringComparer.Ordinal);
        loadOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < revisions.Count; i++)
        {
            var revision = revisions[i];
            if (!byId.TryAdd(revision.Id, revision))
            {
                throw new RevisionException($"Revision {revision.Id} is present more than once ({byId[revision.Id].Path} and {revision.Path}).");
            }
            loadOrder[revision.Id] = i;
        }
        children = revisions.ToDictionary(r => r.Id, _ => new List<string>(), StringComparer.Ordinal);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var revision in revisions)
        {
            foreach (var down in revision.DownRevisions)
            {
                if (down == revision.Id) throw new RevisionException($"Revision {revision.Id} lists itself as its down revision.");
                if (!children.TryGetValue(down, out var list))
                {
                    throw new RevisionException($"Revision {down}, the down revision of {revision.Id} ({revision.Path}), is not present.");
                }
                list.Add(revision.Id);
            }
            foreach (var dependency in revision.DependsOn.Where(d => !byId.ContainsKey(d) && !labels.ContainsKey(d) && !revisions.Any(r => r.BranchLabels.Contains(d))))
            {
                throw new RevisionException($"Revision {revision.Id} depends on {dependency}, which is not present.");
            }
            foreach (var label in revision.BranchLabels)
            {
                if (!labels.TryAdd(label, revision.Id)) throw new RevisionException($"Branch label '{label}' is used by both {labels[label]} and {revision.Id}.");
            }
        }
        CheckForCycles();
        Heads = revisions.Where(r => children[r.Id].Count == 0).Select(r => r.Id).ToList();
        Bases = revisions.Where(r => r.DownRevisions.Count == 0).Select(r => r.Id).ToList();
    }

    /// <summary>All revisions, in load order.</summary>
    public IReadOnlyList<RevisionInfo> Revisions { get; }

    /// <summary>Revisions that no other revision follows, in load order.</summary>
    public IReadOnlyList<string> Heads { get; }

    /// <summary>Revisions with no down revision, in load order.</summary>
    public IReadOnlyList<string> Bases { get; }

    /// <summary>Builds and validates the graph.</summary>
    public static RevisionGraph Build(IEnumerable<RevisionInfo> revisions) => new(revisions.ToList());

    /// <summary>The revision with exactly this id.</summary>
    public RevisionInfo Get(string id) =>
        byId.TryGetValue(id, out var revision) ? revision : throw new RevisionException($"No such revision or branch '{id}'.");

    /// <summary>The revisions that follow <paramref name="id"/>.</summary>
    public IReadOnlyList<string> ChildrenOf(string id) => children[id];

    /// <summary>True when more than one revision follows <paramref name="id"/>.</summary>
    public bool IsBranchPoint(string id) => children[id].Count > 1;

    /// <summary><paramref name="ids"/> and everything they build on (down revisions and dependencies).</summary>
    public HashSet<string> AncestorsAndSelf(IEnumerable<string> ids)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(ids);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!seen.Add(id)) continue;
            var revision = Get(id);
            foreach (var down in revision.DownRevisions) stack.Push(down);
            foreach (var dependency in revision.DependsOn) foreach (var resolved in ResolveDependency(dependency)) stack.Push(resolved);
        }
        return seen;
    }

    private IEnumerable<string> ResolveDependency(string dependency) =>
        byId.ContainsKey(dependency) ? [dependency] : Revisions.Where(r => r.BranchLabels.Contains(dependency)).Select(r => r.Id);

    private void CheckForCycles()
    {
        // Kahn's algorithm: whatever is left once no revision without pending parents remains lies on a cycle.
        var pending = Revisions.ToDictionary(r => r.Id, r => r.DownRevisions.Count, StringComparer.Ordinal);
        var ready = new Queue<string>(pending.Where(p => p.Value == 0).Select(p => p.Key));
        var visited = 0;
        while (ready.Count > 0)
        {
            var id = ready.Dequeue();
            visited++;
            foreach (var child in children[id]) if (--pending[child] == 0) ready.Enqueue(child);
        }
        if (visited != Revisions.Count)
        {
            var cycle = pending.Where(p => p.Value > 0).Select(p => p.Key).Order(StringComparer.Ordinal);
            throw new RevisionException($"Cycle detected in the revision graph among: {string.Join(", ", cycle)}.");
        }
    }

    private int Order(string id) => loadOrder[id];
}
