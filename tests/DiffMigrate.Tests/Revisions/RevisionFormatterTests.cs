using DiffMigrate.Runner.Revisions;

namespace DiffMigrate.Tests.Revisions;

[TestClass]
public sealed class RevisionFormatterTests
{
    private static readonly RevisionGraph Graph = RevisionGraph.Build(
    [
        new RevisionInfo("a", [], [], [], "first"),
        new RevisionInfo("b", ["a"], [], [], "fork"),
        new RevisionInfo("c1", ["b"], ["left"], [], "left side"),
        new RevisionInfo("c2", ["b"], [], [], "right side"),
        new RevisionInfo("m", ["c1", "c2"], [], [], "merge"),
    ]);

    [TestMethod]
    public void Heads_show_propagated_labels_and_the_head_marker() =>
        Assert.AreEqual("m (left) (head)", RevisionFormatter.Head(Graph, "m"));

    [TestMethod]
    public void History_is_newest_first_with_base_merge_and_branchpoint_markers()
    {
        var lines = RevisionFormatter.History(Graph, verbose: false).ToList();
        Assert.AreEqual("c1, c2 -> m (left) (head) (mergepoint), merge", lines[0]);
        Assert.AreEqual("<base> -> a, first", lines[^1]);
        CollectionAssert.Contains(lines, "a -> b (branchpoint), fork");
        Assert.IsLessThan(lines.IndexOf("a -> b (branchpoint), fork"), lines.FindIndex(l => l.Contains("-> c2", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void The_verbose_entry_begins_with_Rev()
    {
        var entry = RevisionFormatter.Entry(Graph, Graph.Get("b"));
        StringAssert.StartsWith(entry, "Rev: b (branchpoint)\nParent: a\nBranches into: c1, c2\n");
    }

    // x depends on c1: c1 stays a head of its own (no revision names it as a down revision) but is only an
    // effective head, since x needs it.
    private static readonly RevisionGraph Dependent = RevisionGraph.Build(
    [
        new RevisionInfo("a", [], [], [], "first"),
        new RevisionInfo("b", ["a"], [], [], "fork"),
        new RevisionInfo("c1", ["b"], [], [], "left side"),
        new RevisionInfo("c2", ["b"], [], [], "right side"),
        new RevisionInfo("x", ["c2"], [], ["c1"], "needs left"),
    ]);

    [TestMethod]
    public void A_head_that_another_revision_depends_on_is_an_effective_head()
    {
        Assert.AreEqual("c1 (effective head)", RevisionFormatter.Head(Dependent, "c1"));
        Assert.AreEqual("x (head)", RevisionFormatter.Head(Dependent, "x"));
        Assert.AreEqual("b -> c1 (effective head), left side", RevisionFormatter.HistoryLine(Dependent, Dependent.Get("c1")));
    }

    [TestMethod]
    public void History_shows_dependencies_next_to_the_down_revision() =>
        Assert.AreEqual("c2 (c1) -> x (head), needs left", RevisionFormatter.HistoryLine(Dependent, Dependent.Get("x")));

    [TestMethod]
    public void The_current_indicator_follows_the_head_indicators_in_history_and_ends_the_Rev_line()
    {
        Assert.AreEqual("c1, c2 -> m (left) (head) (current) (mergepoint), merge", RevisionFormatter.HistoryLine(Graph, Graph.Get("m"), ["m"]));
        StringAssert.StartsWith(RevisionFormatter.Entry(Graph, Graph.Get("m"), ["m"]), "Rev: m (head) (mergepoint) (current)\nMerges: c1, c2\n");
    }

    [TestMethod]
    public void Current_lines_have_tree_indicators_but_no_labels()
    {
        Assert.AreEqual("m (head) (mergepoint)", RevisionFormatter.Current(Graph, "m"));
        Assert.AreEqual("c1", RevisionFormatter.Current(Graph, "c1"));
    }

    [TestMethod]
    public void A_branch_block_lists_the_children_indented_by_the_width_of_the_id() =>
        Assert.AreEqual("b (branchpoint)\n  -> c1 (left)\n  -> c2\n", RevisionFormatter.Branch(Graph, "b", verbose: false));

    [TestMethod]
    public void The_verbose_branch_block_is_the_entry_then_the_children_with_their_messages()
    {
        var block = RevisionFormatter.Branch(Graph, "b", verbose: true);
        StringAssert.StartsWith(block, "Rev: b (branchpoint)\n");
        StringAssert.EndsWith(block, "\n\n  -> c1 (left), left side\n  -> c2, right side\n");
    }

    [TestMethod]
    public void The_whole_entry_has_every_section_in_alembics_order()
    {
        var graph = RevisionGraph.Build(
        [
            new RevisionInfo("a", [], ["core"], [], "first", "/v/a.cs"),
            new RevisionInfo("o", [], [], [], "other root", "/v/o.cs"),
            new RevisionInfo("b", ["a"], [], ["o"], "second\n\nmore words", "/v/b.cs"),
        ]);
        Assert.AreEqual("Rev: b (head)\nParent: a\nAlso depends on: o\nBranch names: core\nPath: /v/b.cs\n\n    second\n    \n    more words\n",
            RevisionFormatter.Entry(graph, graph.Get("b")));
    }
}
