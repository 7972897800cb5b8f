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
}
