using System.Text;

namespace DiffMigrate.Runner.Revisions;

/// <summary>The text formats of <c>heads</c>, <c>history</c>, <c>current</c> and <c>show</c>, as Alembic prints them.</summary>
public static class RevisionFormatter
{
    /// <summary><c>&lt;id&gt; (&lt;labels&gt;) (head)</c>.</summary>
    public static string Head(RevisionGraph graph, string id)
    {
        var revision = graph.Get(id);
        return revision.Id + Labels(graph, revision) + (graph.Heads.Contains(id) ? " (head)" : "");
    }

    /// <summary>One history line: <c>&lt;down&gt; -&gt; &lt;id&gt; (head) (branchpoint) (mergepoint), &lt;message&gt;</c>.</summary>
    public static string HistoryLine(RevisionGraph graph, RevisionInfo revision, IReadOnlyCollection<string>? current = null) =>
        $"{Parents(revision)} -> {revision.Id}{Labels(graph, revision)}{Indicators(graph, revision, current)}, {revision.Message}";

    /// <summary>The history, newest first.</summary>
    public static IEnumerable<string> History(RevisionGraph graph, bool verbose, IReadOnlyCollection<string>? current = null)
    {
        var ordered = NewestFirst(graph);
        return verbose ? ordered.Select(r => Entry(graph, r, current)) : ordered.Select(r => HistoryLine(graph, r, current));
    }

    /// <summary>One <c>current</c> line: <c>&lt;id&gt; (head)</c>.</summary>
    public static string Current(RevisionGraph graph, string id) => id + Indicators(graph, graph.Get(id), null);

    /// <summary>The verbose entry beginning <c>Rev: &lt;id&gt;</c>.</summary>
    public static string Entry(RevisionGraph graph, RevisionInfo revision, IReadOnlyCollection<string>? current = null)
    {
        var text = new StringBuilder($"Rev: {revision.Id}{Indicators(graph, revision, current)}\n");
        text.Append(revision.DownRevisions.Count > 1 ? "Merges: " : "Parent: ").Append(Parents(revision)).Append('\n');
        if (revision.DependsOn.Count > 0) text.Append("Also depends on: ").Append(string.Join(", ", revision.DependsOn)).Append('\n');
        if (graph.IsBranchPoint(revision.Id)) text.Append("Branches into: ").Append(string.Join(", ", graph.ChildrenOf(revision.Id))).Append('\n');
        if (revision.BranchLabels.Count > 0) text.Append("Branch names: ").Append(string.Join(", ", revision.BranchLabels)).Append('\n');
        text.Append("Path: ").Append(revision.Path).Append('\n');
        text.Append('\n').Append(string.Join("\n", (revision.Message ?? "").Split('\n').Select(l => "    " + l))).Append('\n');
        return text.ToString();
    }

    private static string Parents(RevisionInfo revision) =>
        revision.DownRevisions.Count == 0 ? "<base>" : string.Join(", ", revision.DownRevisions);

    // Labels as Alembic shows them: the revision's own and those propagated along its branch, sorted.
    private static string Labels(RevisionGraph graph, RevisionInfo revision)
    {
        var labels = graph.BranchLabelsOf(revision.Id);
        return labels.Count == 0 ? "" : $" ({string.Join(", ", labels.Order(StringComparer.Ordinal))})";
    }

    private static string Indicators(RevisionGraph graph, RevisionInfo revision, IReadOnlyCollection<string>? current) =>
        (graph.Heads.Contains(revision.Id) ? " (head)" : "")
        + (current?.Contains(revision.Id) == true ? " (current)" : "")
        + (graph.IsBranchPoint(revision.Id) ? " (branchpoint)" : "")
        + (revision.DownRevisions.Count > 1 ? " (mergepoint)" : "");

    /// <summary>Children before parents; among unrelated revisions, later-loaded first.</summary>
    private static List<RevisionInfo> NewestFirst(RevisionGraph graph)
    {
        var pending = graph.Revisions.ToDictionary(r => r.Id, r => graph.ChildrenOf(r.Id).Count, StringComparer.Ordinal);
        var order = new List<RevisionInfo>();
        var ready = new Stack<RevisionInfo>(graph.Revisions.Where(r => pending[r.Id] == 0));
        while (ready.Count > 0)
        {
            var revision = ready.Pop();
            order.Add(revision);
            foreach (var down in revision.DownRevisions.Reverse()) if (--pending[down] == 0) ready.Push(graph.Get(down));
        }
        return order;
    }
}
