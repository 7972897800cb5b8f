using System.Text;
using DiffMigrate.Render;

namespace DiffMigrate.Runner.Revisions;

/// <summary>
/// The text formats of <c>heads</c>, <c>branches</c>, <c>history</c>, <c>current</c> and <c>show</c>, as Alembic
/// prints them, so that habits and scripts carry over.
/// </summary>
internal static class RevisionFormatter
{
    /// <summary>A <c>heads</c> line: <c>&lt;id&gt; (&lt;labels&gt;) (head)</c>, or <c>(effective head)</c> for a head another revision depends on.</summary>
    public static string Head(RevisionGraph graph, string id) => Short(graph, id, labels: true, treeIndicators: false);

    /// <summary>One <c>current</c> line: <c>&lt;id&gt; (head)</c>, with the tree indicators and no labels.</summary>
    public static string Current(RevisionGraph graph, string id) => Short(graph, id, labels: false, treeIndicators: true);

    /// <summary>
    /// One history line: <c>&lt;down&gt; (&lt;depends on&gt;) -&gt; &lt;id&gt; (&lt;labels&gt;) (head) (current) (branchpoint) (mergepoint), &lt;message&gt;</c>.
    /// </summary>
    public static string HistoryLine(RevisionGraph graph, RevisionInfo revision, IReadOnlyCollection<string>? current = null)
    {
        var parents = revision.DependsOn.Count > 0 ? $"{Parents(revision)} ({string.Join(", ", revision.DependsOn)})" : Parents(revision);
        return $"{parents} -> {Short(graph, revision.Id, labels: true, treeIndicators: true, current)}, {Shown(revision.Message)}";
    }

    /// <summary>The whole history, newest first, in Alembic's traversal order.</summary>
    public static IEnumerable<string> History(RevisionGraph graph, bool verbose, IReadOnlyCollection<string>? current = null) =>
        History(graph, graph.Iterate(["heads"], ["base"], inclusive: true), verbose, current);

    /// <summary>The history of <paramref name="ids"/> (already ordered): one line each, or one verbose entry each.</summary>
    public static IEnumerable<string> History(RevisionGraph graph, IEnumerable<string> ids, bool verbose, IReadOnlyCollection<string>? current = null) =>
        ids.Select(id => verbose ? Entry(graph, graph.Get(id), current) : HistoryLine(graph, graph.Get(id), current));

    /// <summary>
    /// One <c>branches</c> block: the branch point, then a <c>-&gt; &lt;child&gt;</c> line for each revision that
    /// follows it, indented by the width of the id.
    /// </summary>
    public static string Branch(RevisionGraph graph, string id, bool verbose)
    {
        var text = new StringBuilder(verbose ? Entry(graph, graph.Get(id)) : Short(graph, id, labels: true, treeIndicators: true)).Append('\n');
        var indent = new string(' ', id.Length);
        text.AppendJoin('\n', graph.ChildrenOf(id).Select(child =>
            $"{indent} -> {Short(graph, child, labels: true, treeIndicators: true)}{(verbose ? ", " + Shown(graph.Get(child).Message) : "")}"));
        return text.Append('\n').ToString();
    }

    /// <summary>The verbose entry beginning <c>Rev: &lt;id&gt;</c> (<c>show</c>, and <c>-v</c> elsewhere).</summary>
    public static string Entry(RevisionGraph graph, RevisionInfo revision, IReadOnlyCollection<string>? current = null)
    {
        var id = revision.Id;
        var text = new StringBuilder("Rev: ").Append(id)
            .Append(graph.IsHead(id) ? " (head)" : "")
            .Append(graph.IsBranchPoint(id) ? " (branchpoint)" : "")
            .Append(graph.IsMergePoint(id) ? " (mergepoint)" : "")
            .Append(current?.Contains(id) == true ? " (current)" : "")
            .Append('\n');
        text.Append(graph.IsMergePoint(id) ? "Merges: " : "Parent: ").Append(Parents(revision)).Append('\n');
        if (revision.DependsOn.Count > 0) text.Append("Also depends on: ").AppendJoin(", ", revision.DependsOn).Append('\n');
        if (graph.IsBranchPoint(id)) text.Append("Branches into: ").AppendJoin(", ", graph.ChildrenOf(id)).Append('\n');
        var labels = graph.BranchLabelsOf(id);
        if (labels.Count > 0) text.Append("Branch names: ").AppendJoin(", ", labels.Order(StringComparer.Ordinal)).Append('\n');
        text.Append("Path: ").Append(Shown(revision.Path)).Append('\n');
        text.Append('\n').AppendJoin("\n", (revision.Message ?? "").Split('\n').Select(l => "    " + Shown(l))).Append('\n');
        return text.ToString();
    }

    // A message or path comes from a script anyone may have written: escape escapes and line terminators so that
    // one revision stays one line and cannot drive the terminal.
    private static string? Shown(string? text) => text is null ? null : VisibleText.Escape(text);

    // Alembic's short form: the id, its labels, the head indicators, then the tree indicators.
    private static string Short(RevisionGraph graph, string id, bool labels, bool treeIndicators, IReadOnlyCollection<string>? current = null)
    {
        var text = new StringBuilder(id);
        var names = graph.BranchLabelsOf(id);
        if (labels && names.Count > 0) text.Append(" (").AppendJoin(", ", names.Order(StringComparer.Ordinal)).Append(')');
        if (graph.IsRealHead(id)) text.Append(" (head)");
        else if (graph.IsHead(id)) text.Append(" (effective head)");
        if (current?.Contains(id) == true) text.Append(" (current)");
        if (treeIndicators && graph.IsBranchPoint(id)) text.Append(" (branchpoint)");
        if (treeIndicators && graph.IsMergePoint(id)) text.Append(" (mergepoint)");
        return text.ToString();
    }

    private static string Parents(RevisionInfo revision) =>
        revision.DownRevisions.Count == 0 ? "<base>" : string.Join(", ", revision.DownRevisions);
}
