using DiffMigrate.Runner.Revisions;

namespace DiffMigrate.Tests.Revisions;

/// <summary>Every validation of the graph and of identifiers gives one clear error that names what is wrong.</summary>
[TestClass]
public sealed class RevisionGraphErrorTests
{
    private static RevisionInfo Rev(string id, string[]? down = null, string[]? labels = null, string[]? depends = null) =>
        new(id, down ?? [], labels ?? [], depends ?? [], id, $"/versions/{id}.cs");

    private static RevisionException BuildFails(params RevisionInfo[] revisions) =>
        Assert.ThrowsExactly<RevisionException>(() => RevisionGraph.Build(revisions));

    [TestMethod]
    public void A_self_loop_names_the_revision()
    {
        var error = BuildFails(Rev("a"), Rev("b", ["b"]));
        Assert.AreEqual(RevisionErrorKind.Cycle, error.Kind);
        Assert.AreEqual("Self-loop is detected in revisions (b)", error.Message);
    }

    [TestMethod]
    public void A_dependency_on_itself_is_a_dependency_cycle()
    {
        var error = BuildFails(Rev("a"), Rev("b", ["a"], depends: ["b"]));
        Assert.AreEqual(RevisionErrorKind.DependencyCycle, error.Kind);
        StringAssert.Contains(error.Message, "(b)");
    }

    [TestMethod]
    public void A_cycle_names_only_the_revisions_in_it()
    {
        var error = BuildFails(Rev("root"), Rev("x", ["root"]), Rev("p", ["r"]), Rev("q", ["p"]), Rev("r", ["q"]));
        Assert.AreEqual(RevisionErrorKind.Cycle, error.Kind);
        Assert.AreEqual("Cycle is detected in revisions (p, q, r)", error.Message);
    }

    [TestMethod]
    public void A_dependency_cycle_names_the_revisions_in_it()
    {
        var error = BuildFails(Rev("a"), Rev("b", ["a"], depends: ["c"]), Rev("c", ["a"], depends: ["b"]));
        Assert.AreEqual(RevisionErrorKind.DependencyCycle, error.Kind);
        StringAssert.Contains(error.Message, "b, c");
    }

    [TestMethod]
    public void A_missing_down_revision_names_both_revisions_and_the_file()
    {
        var error = BuildFails(Rev("a"), Rev("b", ["zzz"]));
        Assert.AreEqual("Revision zzz referenced from b (/versions/b.cs) is not present.", error.Message);
    }

    [TestMethod]
    public void A_missing_dependency_names_both_revisions()
    {
        var error = BuildFails(Rev("a"), Rev("b", ["a"], depends: ["nope"]));
        Assert.AreEqual("Revision nope, a dependency of b (/versions/b.cs), is not present.", error.Message);
    }

    [TestMethod]
    public void A_duplicate_id_names_both_files()
    {
        var error = BuildFails(Rev("a"), new RevisionInfo("a", [], [], [], "again", "/versions/other.cs"));
        Assert.AreEqual("Revision a is present more than once (/versions/a.cs and /versions/other.cs).", error.Message);
    }

    [TestMethod]
    public void A_duplicate_branch_label_names_both_revisions()
    {
        var error = BuildFails(Rev("a", labels: ["x"]), Rev("b", ["a"], labels: ["x"]));
        Assert.AreEqual("Branch name 'x' in revision b already used by revision a", error.Message);
    }

    [TestMethod]
    public void A_branch_label_may_not_shadow_a_revision_id()
    {
        var error = BuildFails(Rev("abcd1"), Rev("b", ["abcd1"], labels: ["abcd1"]));
        StringAssert.Contains(error.Message, "'abcd1'");
    }

    [TestMethod]
    public void An_ambiguous_prefix_lists_the_candidates()
    {
        var graph = RevisionGraph.Build([Rev("abcd1111"), Rev("abcd2222", ["abcd1111"])]);
        var error = Assert.ThrowsExactly<RevisionException>(() => graph.Resolve("abcd", []));
        Assert.AreEqual(RevisionErrorKind.Resolution, error.Kind);
        StringAssert.Contains(error.Message, "'abcd1111'");
        StringAssert.Contains(error.Message, "'abcd2222'");
        Assert.AreEqual("abcd2222", graph.Resolve("abcd2", []).Single());
    }

    [TestMethod]
    public void Head_with_several_heads_names_them()
    {
        var graph = RevisionGraph.Build([Rev("a"), Rev("b1", ["a"]), Rev("b2", ["a"])]);
        var error = Assert.ThrowsExactly<RevisionException>(() => graph.Resolve("head", []));
        Assert.AreEqual(RevisionErrorKind.MultipleHeads, error.Kind);
        Assert.AreEqual("Multiple heads are present for given argument 'head'; b1, b2", error.Message);
        CollectionAssert.AreEqual(new[] { "b1", "b2" }, graph.Resolve("heads", []).ToArray());
    }

    [TestMethod]
    public void A_revision_outside_the_named_branch_is_refused()
    {
        var graph = RevisionGraph.Build([Rev("a"), Rev("b", ["a"], labels: ["left"]), Rev("c", ["a"], labels: ["right"])]);
        var error = Assert.ThrowsExactly<RevisionException>(() => graph.Resolve("left@c", []));
        Assert.AreEqual("Revision c is not a member of branch 'left'", error.Message);
        Assert.AreEqual("b", graph.Resolve("left@head", []).Single());
    }
}
