namespace DiffMigrate.Runner.Revisions;

/// <summary>
/// The directed acyclic graph of revisions: pure, no I/O. Built once from metadata; answers heads, bases, names
/// and traversal plans with Alembic's semantics (its revision map), so that people who know Alembic can trust it.
/// </summary>
internal sealed partial class RevisionGraph
{
    private readonly Dictionary<string, RevisionNode> nodes = new(StringComparer.Ordinal);
    // Revision ids and branch labels, as Alembic's map holds both: labels resolve like ids.
    private readonly Dictionary<string, RevisionNode> names = new(StringComparer.Ordinal);
    private readonly List<RevisionNode> ordered = [];

    private RevisionGraph(IReadOnlyList<RevisionInfo> revisions)
    {
        Revisions = revisions;
        foreach (var revision in revisions)
        {
            if (revision.DownRevisions.Contains(revision.Id, StringComparer.Ordinal))
            {
                throw new RevisionException($"Self-loop is detected in revisions ({revision.Id})", RevisionErrorKind.Cycle);
            }
            if (revision.DependsOn.Contains(revision.Id, StringComparer.Ordinal))
            {
                throw new RevisionException($"Dependency self-loop is detected in revisions ({revision.Id})", RevisionErrorKind.DependencyCycle);
            }
            var node = new RevisionNode(revision, ordered.Count);
            if (!nodes.TryAdd(revision.Id, node))
            {
                throw new RevisionException($"Revision {revision.Id} is present more than once ({nodes[revision.Id].Info.Path} and {revision.Path}).");
            }
            ordered.Add(node);
            names[revision.Id] = node;
        }
        foreach (var node in ordered)
        {
            foreach (var label in node.Info.BranchLabels)
            {
                if (names.TryGetValue(label, out var other))
                {
                    throw new RevisionException($"Branch name '{label}' in revision {node.Id} already used by revision {other.Id}");
                }
                names[label] = node;
            }
        }
        foreach (var node in ordered)
        {
            node.ResolvedDependencies = node.Info.DependsOn
                .Select(d => names.TryGetValue(d, out var target)
                    ? target.Id
                    : throw new RevisionException($"Revision {d}, a dependency of {node.Id} ({node.Info.Path}), is not present."))
                .ToArray();
        }
        var heads = new HashSet<string>(StringComparer.Ordinal);
        var realHeads = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in ordered)
        {
            foreach (var down in node.AllDown)
            {
                if (!nodes.TryGetValue(down, out var parent))
                {
                    throw new RevisionException($"Revision {down} referenced from {node.Id} ({node.Info.Path}) is not present.");
                }
                parent.AllNext.Add(node.Id);
                if (node.Down.Contains(down, StringComparer.Ordinal))
                {
                    parent.Next.Add(node.Id);
                    heads.Add(down);
                }
                realHeads.Add(down);
            }
        }
        Heads = ordered.Where(n => !heads.Contains(n.Id)).Select(n => n.Id).ToList();
        RealHeads = ordered.Where(n => !realHeads.Contains(n.Id)).Select(n => n.Id).ToList();
        Bases = ordered.Where(n => n.Down.Count == 0).Select(n => n.Id).ToList();
        RealBases = ordered.Where(n => n.Down.Count == 0 && n.Info.DependsOn.Count == 0).Select(n => n.Id).ToList();
        DetectCycles();
        NormalizeDependencies();
        PropagateBranchLabels();
    }

    /// <summary>All revisions, in load order.</summary>
    public IReadOnlyList<RevisionInfo> Revisions { get; }

    /// <summary>Revisions that no other revision names as a down revision, in load order (Alembic's heads).</summary>
    public IReadOnlyList<string> Heads { get; }

    /// <summary>Heads that no other revision depends on either: what <c>heads</c> as a target means.</summary>
    public IReadOnlyList<string> RealHeads { get; }

    /// <summary>Revisions with no down revision, in load order.</summary>
    public IReadOnlyList<string> Bases { get; }

    private IReadOnlyList<string> RealBases { get; }

    /// <summary>Builds and validates the graph.</summary>
    public static RevisionGraph Build(IEnumerable<RevisionInfo> revisions) => new(revisions.ToList());

    /// <summary>The revision with exactly this id.</summary>
    public RevisionInfo Get(string id) =>
        nodes.TryGetValue(id, out var node) ? node.Info : throw new RevisionException($"No such revision or branch '{id}'", RevisionErrorKind.Resolution);

    /// <summary>The revisions that follow <paramref name="id"/> through their down revisions.</summary>
    public IReadOnlyList<string> ChildrenOf(string id) => Node(id).Next;

    /// <summary>True when more than one revision follows <paramref name="id"/>.</summary>
    public bool IsBranchPoint(string id) => Node(id).Next.Count > 1;

    /// <summary>True when no revision names <paramref name="id"/> as a down revision (a head, perhaps only an effective one).</summary>
    public bool IsHead(string id) => Node(id).Next.Count == 0;

    /// <summary>True when nothing builds on <paramref name="id"/>, neither as a down revision nor as a dependency.</summary>
    public bool IsRealHead(string id) => Node(id).AllNext.Count == 0;

    /// <summary>True when <paramref name="id"/> has more than one down revision.</summary>
    public bool IsMergePoint(string id) => Node(id).IsMergePoint;

    /// <summary>The branch labels that apply to <paramref name="id"/>: its own and those propagated along its branch.</summary>
    public IReadOnlyCollection<string> BranchLabelsOf(string id) => Node(id).Labels;

    /// <summary><paramref name="ids"/> and everything they build on (down revisions and dependencies).</summary>
    public HashSet<string> AncestorsAndSelf(IEnumerable<string> ids) =>
        Ancestors(ids.Select(Node), includeDependencies: true).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);

    private RevisionNode Node(string id) => nodes[id];

    private void DetectCycles()
    {
        if (ordered.Count == 0) return;
        if (Heads.Count == 0 || Bases.Count == 0) throw Cycle("Cycle", ordered.Select(n => n.Id), RevisionErrorKind.Cycle);
        var reachable = Related(Heads.Select(Node), n => n.Down).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        reachable.IntersectWith(Related(Bases.Select(Node), n => n.Next).Select(n => n.Id));
        if (reachable.Count != ordered.Count) throw Cycle("Cycle", ordered.Select(n => n.Id).Where(id => !reachable.Contains(id)), RevisionErrorKind.Cycle);

        if (RealHeads.Count == 0 || RealBases.Count == 0) throw Cycle("Dependency cycle", ordered.Select(n => n.Id), RevisionErrorKind.DependencyCycle);
        reachable = Related(RealHeads.Select(Node), n => n.AllDown).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        reachable.IntersectWith(Related(RealBases.Select(Node), n => n.AllNext).Select(n => n.Id));
        if (reachable.Count != ordered.Count)
        {
            throw Cycle("Dependency cycle", ordered.Select(n => n.Id).Where(id => !reachable.Contains(id)), RevisionErrorKind.DependencyCycle);
        }

        static RevisionException Cycle(string what, IEnumerable<string> ids, RevisionErrorKind kind) =>
            new($"{what} is detected in revisions ({string.Join(", ", ids.Order(StringComparer.Ordinal))})", kind);
    }

    /// <summary>A dependency that an ancestor already has adds nothing: it is left out of the normalised list.</summary>
    private void NormalizeDependencies()
    {
        foreach (var node in ordered.Where(n => n.ResolvedDependencies.Length > 0))
        {
            var inherited = Ancestors([node], includeDependencies: false).Where(a => a != node).SelectMany(a => a.ResolvedDependencies)
                .ToHashSet(StringComparer.Ordinal);
            node.NormalizedDependencies = node.ResolvedDependencies.Where(d => !inherited.Contains(d)).ToArray();
        }
    }

    /// <summary>
    /// A label applies to its revision and every descendant, and below it down to the nearest branch or merge point
    /// (walked, as Alembic does, from the last descendant visited).
    /// </summary>
    private void PropagateBranchLabels()
    {
        foreach (var labelled in ordered.Where(n => n.Info.BranchLabels.Count > 0))
        {
            RevisionNode last = labelled;
            foreach (var node in Related([labelled], n => n.Next))
            {
                node.Labels.UnionWith(labelled.Info.BranchLabels);
                last = node;
            }
            for (var parent = last; !parent.IsRealBranchPoint && !parent.IsMergePoint;)
            {
                parent.Labels.UnionWith(labelled.Info.BranchLabels);
                if (parent.Down.Count == 0) break;
                parent = Node(parent.Down[0]);
            }
        }
    }
}
