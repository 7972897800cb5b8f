namespace DiffMigrate.Runner.Revisions;

internal sealed partial class RevisionGraph
{
    /// <summary>The steps from the version rows <paramref name="rows"/> up to <paramref name="target"/>.</summary>
    public IReadOnlyList<MigrationStep> PlanUpgrade(IReadOnlyList<string> rows, string target) =>
        PlanUpgrade(rows, [target]);

    /// <summary>The steps from <paramref name="rows"/> up to several targets at once.</summary>
    public IReadOnlyList<MigrationStep> PlanUpgrade(IReadOnlyList<string> rows, IReadOnlyList<string> targets)
    {
        var order = Guard(() => Iterate(targets, rows, implicitBase: true), "upgrade", targets);
        return Steps(rows, Enumerable.Reverse(order).Select(Node), upgrade: true);
    }

    /// <summary>The steps from <paramref name="rows"/> down to <paramref name="target"/> (<c>base</c> or null for none).</summary>
    public IReadOnlyList<MigrationStep> PlanDowngrade(IReadOnlyList<string> rows, string? target)
    {
        var order = Guard(() => Iterate(rows, target is null or "base" ? [] : [target], selectForDowngrade: true), "downgrade", [target ?? "base"]);
        return Steps(rows, order.Select(Node), upgrade: false);
    }

    private static IReadOnlyList<string> Guard(Func<IReadOnlyList<string>> plan, string direction, IReadOnlyList<string> targets)
    {
        try
        {
            return plan();
        }
        catch (RevisionException e) when (e.Kind == RevisionErrorKind.RangeNotAncestor)
        {
            throw new RevisionException(
                $"Destination {string.Join(", ", targets)} is not a valid {direction} target from current head(s)", RevisionErrorKind.Command, e);
        }
    }

    private List<MigrationStep> Steps(IReadOnlyList<string> rows, IEnumerable<RevisionNode> order, bool upgrade)
    {
        var current = rows.ToList();
        var steps = new List<MigrationStep>();
        foreach (var node in order)
        {
            var after = upgrade ? AfterUpgrade(current, node) : AfterDowngrade(current, node);
            steps.Add(new MigrationStep(node.Info, upgrade, current, after));
            current = after;
        }
        return steps;
    }

    /// <summary>The version rows after one step through <paramref name="id"/> from <paramref name="rows"/>.</summary>
    public IReadOnlyList<string> RowsAfter(IReadOnlyList<string> rows, string id, bool upgrade) =>
        upgrade ? AfterUpgrade([.. rows], Node(id)) : AfterDowngrade([.. rows], Node(id));

    /// <summary>The version rows after upgrading through <paramref name="node"/> (Alembic's HeadMaintainer).</summary>
    private List<string> AfterUpgrade(List<string> rows, RevisionNode node)
    {
        var down = node.NormalizedDown.ToList();
        var present = down.Where(rows.Contains).ToList();
        if (present.Count == 0) return [.. rows, node.Id]; // a new branch (or a base)
        if (down.Count > 1 && present.Count > 1)
        {
            // A merge: the rows it joins become one, except those another row still implies.
            var others = rows.Except(down).ToList();
            var implied = others.Count == 0 ? [] : Ancestors(others.Select(Node)).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
            var merged = down.Where(d => !implied.Contains(d)).ToHashSet(StringComparer.Ordinal);
            return Replace(rows.Where(r => !merged.Contains(r) || r == merged.Last()).ToList(), merged.Last(), node.Id);
        }
        return Replace(rows, present[0], node.Id);
    }

    /// <summary>The version rows after downgrading <paramref name="node"/>: update, unmerge, or delete the branch.</summary>
    private List<string> AfterDowngrade(List<string> rows, RevisionNode node)
    {
        if (!rows.Contains(node.Id)) return rows; // implied by another row, which a later step removes
        var to = UnmergeTargets(rows, node);
        if (to.Count == 0) return rows.Where(r => r != node.Id).ToList();
        var after = Replace(rows, node.Id, to[^1]);
        after.AddRange(to.Take(to.Count - 1).Where(t => !after.Contains(t)));
        return after;
    }

    /// <summary>The down revisions that need a row once <paramref name="node"/> goes: those no other row implies.</summary>
    private List<string> UnmergeTargets(List<string> rows, RevisionNode node)
    {
        var down = node.NormalizedDown.ToList();
        var others = rows.Where(r => r != node.Id).ToList();
        HashSet<string> implied = others.Count > 0
            ? Ancestors(others.Select(Node)).Select(n => n.Id).ToHashSet(StringComparer.Ordinal)
            : down.SelectMany(d => Ancestors([Node(d)]).Where(a => a.Id != d).Select(a => a.Id)).ToHashSet(StringComparer.Ordinal);
        return down.Where(d => !implied.Contains(d)).ToList();
    }

    private static List<string> Replace(List<string> rows, string from, string to) => rows.Select(r => r == from ? to : r).ToList();

    /// <summary>The version rows after stamping <paramref name="targets"/> over <paramref name="rows"/> (no revision runs).</summary>
    public IReadOnlyList<string> Stamp(IReadOnlyList<string> rows, IReadOnlyList<string> targets, bool purge)
    {
        var current = purge ? [] : rows.ToList();
        foreach (var step in StampSteps(current, targets))
        {
            if (!step.IsUpgrade && step.BranchMove) current.Remove(step.From[0]);
            else if (step.IsUpgrade && (step.BranchMove || step.From.Any(f => !current.Contains(f))) && step.To.Any(t => !current.Contains(t)))
            {
                current.Add(step.To[0]);
            }
            else
            {
                var first = current.IndexOf(step.From[^1]);
                current.RemoveAll(step.From.Contains);
                current.Insert(Math.Clamp(first, 0, current.Count), step.To[0]);
            }
        }
        return current;
    }

    /// <summary>
    /// How a stamp moves the rows, as Alembic plans it: per target, nothing when it is already a row; one step
    /// replacing the rows on its line of descent when there are some; otherwise a new branch row. <c>base</c> deletes.
    /// </summary>
    public IReadOnlyList<StampStep> StampSteps(IReadOnlyList<string> rows, IReadOnlyList<string> targets)
    {
        var heads = GetRevisions(rows).Where(n => n is not null).Select(n => n!).ToList();
        if (targets.Count == 0) targets = ["base"];
        var onLine = targets.SelectMany(t => FilterForLineage(heads, t, includeDependencies: true)).Distinct().ToList();
        var destinations = GetRevisions(targets);
        if (destinations.Count == 0) destinations = [null];
        var steps = new List<StampStep>();
        foreach (var destination in destinations)
        {
            if (destination is null)
            {
                steps.AddRange(onLine.Select(h => new StampStep([h.Id], [], IsUpgrade: false, BranchMove: true)));
                continue;
            }
            if (onLine.Contains(destination)) continue;
            var from = onLine.Select(h => h.Id).ToList();
            if (Descendants([destination]).Any(onLine.Contains)) steps.Add(new StampStep(from, [destination.Id], IsUpgrade: false, BranchMove: false));
            else if (Ancestors([destination]).Any(onLine.Contains)) steps.Add(new StampStep(from, [destination.Id], IsUpgrade: true, BranchMove: false));
            else steps.Add(new StampStep([], [destination.Id], IsUpgrade: true, BranchMove: true));
        }
        return steps;
    }
}

/// <summary>One stamp step: the rows it replaces and the rows it writes.</summary>
internal sealed record StampStep(IReadOnlyList<string> From, IReadOnlyList<string> To, bool IsUpgrade, bool BranchMove);
