namespace DiffMigrate.Runner.Revisions;

public sealed partial class RevisionGraph
{
    /// <summary>The steps from the version rows <paramref name="rows"/> up to <paramref name="target"/>.</summary>
    public IReadOnlyList<MigrationStep> PlanUpgrade(IReadOnlyList<string> rows, string target)
    {
        var targets = Resolve(target, rows);
        var applied = AncestorsAndSelf(rows);
        var needed = AncestorsAndSelf(targets);
        needed.ExceptWith(applied);
        if (needed.Count == 0 && targets.Any(t => !rows.Contains(t, StringComparer.Ordinal) && !Heads.Contains(t)) && rows.Count > 0
            && targets.All(applied.Contains) && !targets.All(t => rows.Contains(t, StringComparer.Ordinal)))
        {
            throw new RevisionException($"Destination {target} is not a valid upgrade target from the current revision(s) {string.Join(", ", rows)}: use downgrade.");
        }
        var steps = new List<MigrationStep>();
        var current = rows.ToList();
        foreach (var id in ParentsFirst(targets, needed))
        {
            var revision = Get(id);
            var after = current.Where(r => !revision.DownRevisions.Contains(r, StringComparer.Ordinal)).Append(id).ToList();
            steps.Add(new MigrationStep(revision, true, current, after));
            current = after;
        }
        return steps;
    }

    /// <summary>The steps from <paramref name="rows"/> down to <paramref name="target"/> (<c>base</c> for none).</summary>
    public IReadOnlyList<MigrationStep> PlanDowngrade(IReadOnlyList<string> rows, string? target)
    {
        var keep = target is null or "base" ? [] : AncestorsAndSelf(Resolve(target, rows));
        var undo = AncestorsAndSelf(rows);
        if (target is not (null or "base") && keep.Any(k => !undo.Contains(k)))
        {
            throw new RevisionException($"Destination {target} is not a valid downgrade target from the current revision(s) {string.Join(", ", rows)}: use upgrade.");
        }
        undo.ExceptWith(keep);
        var order = ParentsFirst(rows, undo);
        order.Reverse();
        var steps = new List<MigrationStep>();
        var current = rows.ToList();
        foreach (var id in order)
        {
            var revision = Get(id);
            var remaining = current.Where(r => r != id).ToList();
            var implied = AncestorsAndSelf(remaining);
            var after = remaining.Concat(revision.DownRevisions.Where(d => !implied.Contains(d))).ToList();
            steps.Add(new MigrationStep(revision, false, current, after));
            current = after;
        }
        return steps;
    }

    /// <summary>The version rows after stamping <paramref name="targets"/> over <paramref name="rows"/>.</summary>
    public IReadOnlyList<string> Stamp(IReadOnlyList<string> rows, IReadOnlyList<string> targets, bool purge)
    {
        var resolved = targets.SelectMany(t => Resolve(t, rows)).Distinct(StringComparer.Ordinal).ToList();
        if (purge) return resolved;
        var related = AncestorsAndSelf(resolved);
        foreach (var target in resolved) related.UnionWith(Descendants(target));
        return rows.Where(r => !related.Contains(r)).Concat(resolved).ToList();
    }

    /// <summary>
    /// The <paramref name="members"/> reachable from <paramref name="roots"/>, each after the revisions it builds on:
    /// a depth-first walk that finishes one branch (parents in load order) before starting the next.
    /// </summary>
    private List<string> ParentsFirst(IEnumerable<string> roots, HashSet<string> members)
    {
        var order = new List<string>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<(string Id, bool Expanded)>();
        foreach (var root in roots.Reverse()) stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (id, expanded) = stack.Pop();
            if (!members.Contains(id) || done.Contains(id)) continue;
            if (expanded)
            {
                done.Add(id);
                order.Add(id);
                continue;
            }
            stack.Push((id, true));
            var revision = Get(id);
            var parents = revision.DownRevisions.Concat(revision.DependsOn.SelectMany(ResolveDependency))
                .Where(members.Contains).OrderByDescending(Order);
            foreach (var parent in parents) stack.Push((parent, false));
        }
        return order;
    }
}
