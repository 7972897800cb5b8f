namespace DiffMigrate.Runner.Revisions;

/// <summary>
/// A revision with its links, as Alembic's revision map keeps them: versioned down revisions, dependencies
/// (resolved from labels, then normalised to drop those an ancestor already has), both kinds of children, and
/// branch labels propagated along the branch.
/// </summary>
internal sealed class RevisionNode(RevisionInfo info, int order)
{
    public RevisionInfo Info { get; } = info;
    public string Id => Info.Id;
    public int Order { get; } = order;
    public IReadOnlyList<string> Down => Info.DownRevisions;
    public string[] ResolvedDependencies { get; set; } = [];
    public string[] NormalizedDependencies { get; set; } = [];
    public List<string> Next { get; } = [];
    public List<string> AllNext { get; } = [];
    public HashSet<string> Labels { get; } = new(info.BranchLabels, StringComparer.Ordinal);

    public IEnumerable<string> AllDown => Down.Concat(ResolvedDependencies).Distinct(StringComparer.Ordinal);
    public IEnumerable<string> NormalizedDown => Down.Concat(NormalizedDependencies).Distinct(StringComparer.Ordinal);
    public bool IsRealBranchPoint => AllNext.Count > 1;
    public bool IsMergePoint => Down.Count > 1;

    public override string ToString() => Id;
}
