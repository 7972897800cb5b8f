namespace DiffMigrate.Runner.Revisions;

internal sealed partial class RevisionGraph
{
    /// <summary>Stands for "below every base" when walking down past a base revision.</summary>
    private static readonly RevisionNode BaseMarker = new(new RevisionInfo("base", [], [], []), -1);

    /// <summary>
    /// The revisions <paramref name="identifier"/> names (empty for base), relative forms read against
    /// <paramref name="currentHeads"/>: a full id, a unique prefix of 4+ characters, <c>head</c>, <c>heads</c>,
    /// <c>base</c>, a branch label, <c>label@head</c>, <c>label@base</c>, <c>label@id</c>, <c>+N</c>, <c>-N</c>,
    /// <c>id+N</c>, <c>head-N</c>, <c>base+N</c>, <c>label@+N</c>, <c>label@-N</c>.
    /// </summary>
    public IReadOnlyList<string> Resolve(string identifier, IReadOnlyList<string> currentHeads)
    {
        if (RelativeForm().IsMatch(identifier))
        {
            var upward = RelativeForm().Match(identifier).Groups[3].Value[0] == '+';
            var found = upward
                ? ParseUpgradeTarget(currentHeads, [identifier], scalar: true)
                : [ParseDowngradeTarget(currentHeads, identifier).Target];
            return found.Where(n => n is not null && n != BaseMarker).Select(n => n!.Id).ToList();
        }
        if (identifier.EndsWith("@base", StringComparison.Ordinal))
        {
            var label = identifier[..^"@base".Length];
            return FilterForLineage(Bases.Select(Node), label).Select(n => n.Id).Take(1).ToList();
        }
        return GetRevisions([identifier]).Where(n => n is not null).Select(n => n!.Id).ToList();
    }

    /// <summary>Splits <c>label@rest</c> and expands <c>heads</c>, <c>head</c> and <c>base</c>.</summary>
    private (IReadOnlyList<string> Ids, string? Label) ResolveNumber(string? identifier)
    {
        string? label = null;
        if (identifier is not null && identifier.Contains('@', StringComparison.Ordinal))
        {
            var at = identifier.IndexOf('@', StringComparison.Ordinal);
            (label, identifier) = (identifier[..at], identifier[(at + 1)..]);
        }
        return identifier switch
        {
            "heads" when label is not null => (FilterForLineage(Heads.Select(Node), label).Select(n => n.Id).ToList(), label),
            "heads" => (RealHeads, label),
            "head" => (CurrentHead(label) is { } head ? [head] : [], label),
            "base" or null => ([], label),
            _ => ([identifier], label),
        };
    }

    private string? CurrentHead(string? label)
    {
        var heads = label is null ? Heads : FilterForLineage(Heads.Select(Node), label).Select(n => n.Id).ToList();
        if (heads.Count > 1)
        {
            throw new RevisionException(
                $"Multiple heads are present for given argument '{(label is null ? "head" : label + "@head")}'; {string.Join(", ", heads)}",
                RevisionErrorKind.MultipleHeads);
        }
        return heads.Count == 1 ? heads[0] : null;
    }

    /// <summary>Alembic's get_revisions: each identifier to its revisions; null stands for base.</summary>
    private List<RevisionNode?> GetRevisions(IEnumerable<string?> identifiers)
    {
        var result = new List<RevisionNode?>();
        foreach (var identifier in identifiers)
        {
            var (ids, label) = ResolveNumber(identifier);
            if (ids.Count == 1 && int.TryParse(ids[0], out var steps) && steps < 0)
            {
                var heads = GetRevisions(["heads"]).Where(h => label is null || h!.Labels.Contains(label));
                result.AddRange(heads.Select(h => Walk(h, steps)));
                continue;
            }
            result.AddRange(ids.Select(id => ForIdentifier(id, label)));
        }
        return result;
    }

    private RevisionNode? GetRevision(string? identifier)
    {
        var (ids, label) = ResolveNumber(identifier);
        if (ids.Count > 1) throw new RevisionException($"Multiple heads are present for given argument '{identifier}'; {string.Join(", ", ids)}", RevisionErrorKind.MultipleHeads);
        return ids.Count == 0 ? null : ForIdentifier(ids[0], label);
    }

    private RevisionNode ResolveBranch(string label)
    {
        if (names.TryGetValue(label, out var node)) return node;
        try
        {
            return ForIdentifier(label, null);
        }
        catch (RevisionException e) when (e.Kind == RevisionErrorKind.Resolution)
        {
            throw new RevisionException($"No such branch: '{label}'", RevisionErrorKind.Resolution, e);
        }
    }

    /// <summary>An id, a label, or a unique prefix of 4+ characters, checked against <paramref name="branch"/> when given.</summary>
    private RevisionNode ForIdentifier(string identifier, string? branch)
    {
        var branchNode = branch is null ? null : ResolveBranch(branch);
        if (!names.TryGetValue(identifier, out var node))
        {
            IEnumerable<string> candidates = names.Keys.Where(k => k.Length > 3 && k.StartsWith(identifier, StringComparison.Ordinal))
                .OrderBy(k => names[k].Order).ThenBy(k => k, StringComparer.Ordinal);
            var matches = candidates.ToList();
            if (branchNode is not null) matches = matches.Where(m => SharesLineage(names[m], [branchNode])).ToList();
            if (matches.Count == 0)
            {
                var hint = identifier.Length < 4 ? "; please ensure at least four characters are present for partial revision identifier matches" : "";
                throw new RevisionException($"No such revision or branch '{identifier}'{hint}", RevisionErrorKind.Resolution);
            }
            if (matches.Count > 1)
            {
                throw new RevisionException(
                    $"Multiple revisions start with '{identifier}': {string.Join(", ", matches.Take(3).Select(m => $"'{m}'"))}...", RevisionErrorKind.Resolution);
            }
            node = names[matches[0]];
        }
        if (branchNode is not null && !SharesLineage(node, [branchNode]))
        {
            throw new RevisionException($"Revision {node.Id} is not a member of branch '{branch}'", RevisionErrorKind.Resolution);
        }
        return node;
    }

    /// <summary>The <paramref name="targets"/> on the same line of descent as <paramref name="checkAgainst"/>.</summary>
    private List<RevisionNode> FilterForLineage(IEnumerable<RevisionNode> targets, string? checkAgainst, bool includeDependencies = false)
    {
        var (ids, label) = ResolveNumber(checkAgainst);
        var shares = (label is null ? ids : ids.Prepend(label)).Select(s => ForIdentifier(s, null)).ToList();
        return targets.Where(t => SharesLineage(t, shares, includeDependencies)).ToList();
    }

    private bool SharesLineage(RevisionNode target, IReadOnlyCollection<RevisionNode> against, bool includeDependencies = false)
    {
        if (against.Count == 0) return true;
        return Descendants([target], includeDependencies).Concat(Ancestors([target], includeDependencies)).Any(against.Contains);
    }
}
