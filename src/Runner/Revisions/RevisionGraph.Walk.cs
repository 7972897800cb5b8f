namespace DiffMigrate.Runner.Revisions;

internal sealed partial class RevisionGraph
{
    /// <summary>
    /// Everything reachable from <paramref name="targets"/> through <paramref name="next"/>, targets included, each
    /// once, depth first from the last link pushed (the visiting order decides where a branch label stops).
    /// </summary>
    private IEnumerable<RevisionNode> Related(IEnumerable<RevisionNode> targets, Func<RevisionNode, IEnumerable<string>> next)
    {
        var seen = new HashSet<RevisionNode>();
        var todo = new Stack<RevisionNode>();
        foreach (var target in targets)
        {
            todo.Push(target);
            while (todo.Count > 0)
            {
                var node = todo.Pop();
                if (!seen.Add(node)) continue;
                foreach (var id in next(node)) todo.Push(Node(id));
                yield return node;
            }
        }
    }

    private IEnumerable<RevisionNode> Ancestors(IEnumerable<RevisionNode> targets, bool includeDependencies = true) =>
        Related(targets, includeDependencies ? n => n.NormalizedDown : n => n.Down);

    private IEnumerable<RevisionNode> Descendants(IEnumerable<RevisionNode> targets, bool includeDependencies = true) =>
        Related(targets, includeDependencies ? n => n.AllNext : n => n.Next);

    /// <summary>
    /// Orders <paramref name="revisions"/> newest first, each before what it builds on. Starting from the heads (in
    /// load order), one branch is followed down until another head still needs the next revision; then that head's
    /// branch is finished first. This is Alembic's order, and the order upgrades (reversed) and downgrades run in.
    /// </summary>
    private List<RevisionNode> TopologicalSort(IReadOnlyCollection<RevisionNode> revisions, IEnumerable<RevisionNode> heads)
    {
        var todo = revisions.ToHashSet();
        var current = heads.Where(todo.Contains).Distinct().OrderBy(n => n.Order).ToList();
        var ancestors = current.Select(AncestorSet).ToList();
        var output = new List<RevisionNode>(todo.Count);
        var index = 0;
        while (current.Count > 0)
        {
            var candidate = current[index];
            var other = ancestors.FindIndex(a => a.Contains(candidate));
            while (other == index) other = ancestors.FindIndex(other + 1, a => a.Contains(candidate));
            if (other >= 0)
            {
                // Another head still builds on the candidate: finish that head's branch first.
                index = other;
                continue;
            }
            if (todo.Remove(candidate)) output.Add(candidate);
            var next = candidate.NormalizedDown.Select(Node).Where(n => todo.Contains(n) && !current.Contains(n)).ToList();
            if (next.Count == 0)
            {
                current.RemoveAt(index);
                ancestors.RemoveAt(index);
                index = Math.Max(index - 1, 0);
            }
            else if (candidate.NormalizedDependencies.Length == 0 && candidate.Down.Count == 1)
            {
                current[index] = next[0];
                ancestors[index].Remove(candidate);
            }
            else
            {
                current[index] = next[0];
                ancestors[index] = AncestorSet(next[0]);
                current.AddRange(next.Skip(1));
                ancestors.AddRange(next.Skip(1).Select(AncestorSet));
            }
        }
        return output;

        HashSet<RevisionNode> AncestorSet(RevisionNode node) => Ancestors([node]).ToHashSet();
    }
}
