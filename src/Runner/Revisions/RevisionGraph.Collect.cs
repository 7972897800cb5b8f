using System.Globalization;
using System.Text.RegularExpressions;

namespace DiffMigrate.Runner.Revisions;

internal sealed partial class RevisionGraph
{
    /// <summary>
    /// The revisions between <paramref name="upper"/> and <paramref name="lower"/>, newest first (Alembic's
    /// iterate_revisions). For a downgrade, <paramref name="upper"/> is the current rows and <paramref name="lower"/>
    /// the target; for an upgrade, <paramref name="upper"/> is the target and <paramref name="lower"/> the current rows.
    /// </summary>
    public IReadOnlyList<string> Iterate(
        IReadOnlyList<string> upper, IReadOnlyList<string> lower, bool inclusive = false, bool implicitBase = false, bool selectForDowngrade = false)
    {
        var (revisions, heads) = selectForDowngrade
            ? CollectDowngrade(upper, lower.Count == 0 ? null : Single(lower), inclusive, implicitBase)
            : CollectUpgrade(upper, lower, inclusive, implicitBase);
        return TopologicalSort(revisions, heads).Select(n => n.Id).ToList();

        static string Single(IReadOnlyList<string> items) =>
            items.Count == 1 ? items[0] : throw new RevisionException("A downgrade target is a single revision.", RevisionErrorKind.Command);
    }

    /// <summary><paramref name="steps"/> up (positive) or down (negative) from <paramref name="start"/>; null past the end.</summary>
    private RevisionNode? Walk(RevisionNode? start, int steps, string? label = null, bool noOverwalk = true)
    {
        var current = start;
        for (var i = 0; i < Math.Abs(steps); i++)
        {
            List<RevisionNode?> next;
            if (steps > 0)
            {
                var up = GetRevisions(current is null ? Bases : current.Next);
                next = label is null ? up : [.. FilterForLineage(up.Select(n => n!), label)];
            }
            else if (current == BaseMarker) next = [];
            else
            {
                next = GetRevisions(current is null ? Heads : current.Down);
                if (next.Count == 0) next = [BaseMarker];
            }
            if (next.Count == 0) return noOverwalk ? null : current;
            if (next.Count > 1)
            {
                throw new RevisionException(
                    $"Ambiguous walk: {current?.Id ?? (steps > 0 ? "base" : "head")} has several {(steps > 0 ? "next" : "down")} revisions " +
                    $"({string.Join(", ", next.Select(n => n?.Id ?? "base"))}); name a branch (label@...) or a revision on one side");
            }
            current = next[0];
        }
        return current;
    }

    private (string? Label, RevisionNode? Target) ParseDowngradeTarget(IReadOnlyList<string> current, string? target)
    {
        if (target is null) return (null, null);
        var match = RelativeForm().Match(target);
        if (!match.Success)
        {
            var at = target.LastIndexOf('@');
            return (at > 0 ? target[..at] : null, GetRevision(at >= 0 ? target[(at + 1)..] : target));
        }
        var label = match.Groups[1].Success ? match.Groups[1].Value : null;
        var symbol = match.Groups[2].Success ? match.Groups[2].Value : null;
        var relative = Steps(match.Groups[3].Value, target);
        if (relative >= 0)
        {
            if (symbol is null) throw Produced(match.Groups[3].Value, relative);
            return (label, Walk(GetRevision(symbol), relative, label) ?? throw TooFar(target));
        }
        var fromCurrent = symbol is null;
        if (fromCurrent)
        {
            if (label is not null)
            {
                var onBranch = FilterForLineage(GetRevisions(current).Select(n => n!), label);
                if (onBranch.Count == 0) onBranch = FilterForLineage(AllCurrent(current), label);
                if (onBranch.Count != 1) throw new RevisionException($"Relative revision {target} is ambiguous on branch '{label}'.");
                symbol = onBranch[0].Id;
            }
            else
            {
                if (current.Count == 0) throw Produced(match.Groups[3].Value, relative);
                // Alembic warns that this is ambiguous with several heads, and walks from the first row.
                symbol = current[0];
                label = symbol;
            }
        }
        var start = label is null ? GetRevision(symbol) : GetRevision($"{label}@{symbol}");
        var found = Walk(start, relative) ?? throw (fromCurrent ? Produced(match.Groups[3].Value, relative) : TooFar(target));
        return (label, found);
    }

    private List<RevisionNode?> ParseUpgradeTarget(IReadOnlyList<string> current, IReadOnlyList<string> target, bool scalar)
    {
        var match = scalar ? RelativeForm().Match(target[0]) : Match.Empty;
        if (!match.Success) return GetRevisions(target);
        var label = match.Groups[1].Success ? match.Groups[1].Value : null;
        var symbol = match.Groups[2].Success ? match.Groups[2].Value : null;
        var relative = Steps(match.Groups[3].Value, target[0]);
        if (relative <= 0)
        {
            if (symbol is null) throw Produced(match.Groups[3].Value, relative);
            return [Walk(label is null ? GetRevision(symbol) : GetRevision($"{label}@{symbol}"), relative)];
        }
        if (symbol is not null) return [Walk(GetRevision(symbol), relative, label)];
        List<RevisionNode?> starts = current.Count == 0 ? [null] : GetRevisions(current);
        if (label is not null)
        {
            starts = [.. FilterForLineage(GetRevisions(current).Where(n => n is not null).Select(n => n!), label)];
            if (starts.Count == 0)
            {
                // The branch is not among the current heads: start from its tips below them, or from base.
                var active = FilterForLineage(Ancestors(GetRevisions(current).Where(n => n is not null).Select(n => n!)), label);
                var below = active.SelectMany(n => n.NormalizedDown).ToHashSet(StringComparer.Ordinal);
                starts = [.. active.Where(n => !below.Contains(n.Id))];
                if (starts.Count == 0) starts = [null];
            }
        }
        if (starts.Count > 1) throw new RevisionException("Ambiguous upgrade from multiple current revisions", RevisionErrorKind.Command);
        return [Walk(starts[0], relative, label) ?? throw Produced(match.Groups[3].Value, relative)];
    }

    private static RevisionException TooFar(string target) => new($"Walked too far: {target} goes past the end of the history");

    private static RevisionException Produced(string relative, int steps) =>
        new($"Relative revision {relative} didn't produce {Math.Abs(steps)} migrations");

    private (IReadOnlyCollection<RevisionNode> Revisions, IReadOnlyList<RevisionNode> Heads) CollectDowngrade(
        IReadOnlyList<string> upper, string? lower, bool inclusive, bool implicitBase)
    {
        var (label, target) = ParseDowngradeTarget(upper, lower);
        if (target == BaseMarker) target = null;
        List<RevisionNode> roots = target is null ? [.. ordered.Where(n => n.Down.Count == 0)]
            : inclusive ? [target]
            : [.. GetRevisions(target.Next).Select(n => n!)];
        if (label is not null && roots.Count > 1)
        {
            var onBranch = Ancestors([ResolveBranch(label)], includeDependencies: false).ToHashSet();
            roots = roots.Where(onBranch.Contains).ToList();
            if (roots.Count == 0) throw new RevisionException("Not a valid downgrade target from current heads");
        }
        var heads = GetRevisions(upper).Where(n => n is not null).Select(n => n!).ToList();
        var revisions = Descendants(roots).ToHashSet();
        var active = Ancestors(heads).ToHashSet();
        revisions.IntersectWith(active);
        if (implicitBase) revisions.UnionWith(active.Except(Ancestors(roots)));
        if (target is not null && revisions.Count == 0 && !heads.Contains(target))
        {
            throw new RevisionException("Nothing to drop", RevisionErrorKind.RangeNotAncestor);
        }
        return (revisions, heads);
    }

    private (IReadOnlyCollection<RevisionNode> Revisions, IReadOnlyList<RevisionNode> Heads) CollectUpgrade(
        IReadOnlyList<string> upper, IReadOnlyList<string> lower, bool inclusive, bool implicitBase)
    {
        var targets = ParseUpgradeTarget(lower, upper, scalar: upper.Count == 1).Where(n => n is not null && n != BaseMarker).Select(n => n!).ToList();
        if (lower.Count == 1 && lower[0].Contains('@', StringComparison.Ordinal))
        {
            var branch = lower[0][..lower[0].IndexOf('@', StringComparison.Ordinal)];
            if (GetRevision(branch) is { } labelled && labelled.Id == branch) branch = labelled.Labels.Single();
            targets = targets.Where(t => t.Labels.Contains(branch)).ToList();
        }
        var required = Ancestors(targets).ToHashSet();
        var currentRevisions = RelativeForm().IsMatch(lower.Count == 1 ? lower[0] : "")
            ? [ParseDowngradeTarget(upper, lower[0]).Target]
            : GetRevisions(lower);
        if (!implicitBase && currentRevisions.Any(r => r is not null && r != BaseMarker && !required.Contains(r)))
        {
            throw new RevisionException(
                $"Revision {string.Join(", ", lower)} is not an ancestor of revision {string.Join(", ", upper)}", RevisionErrorKind.RangeNotAncestor);
        }
        var present = currentRevisions.Where(r => r is not null && r != BaseMarker).Select(r => r!).ToList();
        var needs = required.Except(Ancestors(present)).ToHashSet();
        if (inclusive) needs.UnionWith(present);
        if (present.Count > 0 && !implicitBase) needs.IntersectWith(Descendants(present, includeDependencies: false));
        return (needs, targets);
    }

    /// <summary>The rows and everything they imply, reduced to the tips of each branch (Alembic's _get_all_current).</summary>
    /// <summary>
    /// What the version rows <paramref name="rows"/> mean is applied, as the tip of each branch: the rows, and the
    /// tips of the branches they depend on (Alembic's get_all_current), in load order.
    /// </summary>
    public IReadOnlyList<string> CurrentTips(IReadOnlyList<string> rows) => AllCurrent(rows).Select(n => n.Id).ToList();

    private List<RevisionNode> AllCurrent(IReadOnlyList<string> rows)
    {
        var top = GetRevisions(rows).Where(n => n is not null).Select(n => n!).ToHashSet();
        top.UnionWith(Ancestors(top.ToList()));
        // The set holds every ancestor of its members, so a member with a descendant in the set has a child in it:
        // checking children is enough, which keeps this linear (Alembic walks all descendants: quadratic).
        return top.Where(n => !n.Next.Any(c => top.Contains(Node(c)))).OrderBy(n => n.Order).ToList();
    }

    // The +N / -N of a relative target; a count no history could have is the user's typo, not an overflow.
    private static int Steps(string text, string target) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var steps) && steps != int.MinValue
            ? steps
            : throw new RevisionException($"Relative revision {target}: {text} steps is more than any history holds.", RevisionErrorKind.Command);

    [GeneratedRegex(@"^(?:(.+?)@)?(\w+)?((?:\+|-)\d+)")]
    private static partial Regex RelativeForm();
}
