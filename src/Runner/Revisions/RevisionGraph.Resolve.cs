using System.Globalization;
using System.Text.RegularExpressions;

namespace DiffMigrate.Runner.Revisions;

public sealed partial class RevisionGraph
{
    /// <summary>
    /// The revisions <paramref name="identifier"/> names (empty for base): a full id, a unique prefix of 4+
    /// characters, <c>head</c>, <c>heads</c>, <c>base</c>, a branch label, <c>label@head</c>, or a relative
    /// form (<c>+N</c>, <c>-N</c> from <paramref name="currentHeads"/>; <c>id+N</c>, <c>head-N</c>, <c>base+N</c>).
    /// </summary>
    public IReadOnlyList<string> Resolve(string identifier, IReadOnlyList<string> currentHeads)
    {
        var relative = RelativeForm().Match(identifier);
        if (relative.Success)
        {
            var steps = int.Parse(relative.Groups["n"].Value, CultureInfo.InvariantCulture) * (relative.Groups["sign"].Value == "-" ? -1 : 1);
            var from = relative.Groups["from"].Value;
            IReadOnlyList<string> start = from.Length == 0 ? currentHeads : Resolve(from, currentHeads);
            if (start.Count > 1) throw new RevisionException($"'{identifier}' is ambiguous: it starts from several revisions ({string.Join(", ", start)}).");
            return Walk(start.Count == 0 ? null : start[0], steps, identifier);
        }
        switch (identifier)
        {
            case "base": return [];
            case "heads": return Heads;
            case "head" when Heads.Count <= 1: return Heads;
            case "head":
                throw new RevisionException(
                    $"Multiple head revisions are present ({string.Join(", ", Heads)}); name one, use '<branch>@head', or 'heads' for all of them.");
        }
        var at = identifier.IndexOf('@', StringComparison.Ordinal);
        if (at > 0)
        {
            var label = Label(identifier[..at]) ?? throw new RevisionException($"No such branch label '{identifier[..at]}'.");
            var rest = identifier[(at + 1)..];
            var branch = Descendants(label).Concat(AncestorsAndSelf([label])).ToHashSet(StringComparer.Ordinal);
            if (rest == "head") return Heads.Where(branch.Contains).Take(1).ToList();
            if (rest == "base") return Bases.Where(branch.Contains).Take(1).ToList();
            var id = Single(rest);
            if (!branch.Contains(id)) throw new RevisionException($"Revision {id} is not a member of branch '{identifier[..at]}'.");
            return [id];
        }
        return [Label(identifier) ?? Single(identifier)];
    }

    private string Single(string identifier)
    {
        if (byId.ContainsKey(identifier)) return identifier;
        if (identifier.Length >= 4)
        {
            var matches = Revisions.Where(r => r.Id.StartsWith(identifier, StringComparison.Ordinal)).Select(r => r.Id).ToList();
            if (matches.Count == 1) return matches[0];
            if (matches.Count > 1) throw new RevisionException($"Multiple revisions start with '{identifier}': {string.Join(", ", matches)}.");
        }
        throw new RevisionException($"Can't locate revision identified by '{identifier}'.");
    }

    private string? Label(string name) => Revisions.FirstOrDefault(r => r.BranchLabels.Contains(name))?.Id;

    private HashSet<string> Descendants(string id)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([id]);
        while (stack.Count > 0)
        {
            foreach (var child in children[stack.Pop()]) if (seen.Add(child)) stack.Push(child);
        }
        return seen;
    }

    /// <summary><paramref name="steps"/> revisions up (positive) or down (negative) from <paramref name="start"/> (null = base).</summary>
    private List<string> Walk(string? start, int steps, string identifier)
    {
        var current = start;
        for (var i = 0; i < Math.Abs(steps); i++)
        {
            IReadOnlyList<string> next = steps > 0
                ? current is null ? Bases : children[current]
                : current is null ? throw Short() : Get(current).DownRevisions;
            if (steps < 0 && next.Count == 0 && i == Math.Abs(steps) - 1) return [];
            if (next.Count != 1)
            {
                throw next.Count == 0 ? Short() : new RevisionException($"'{identifier}' is ambiguous: {current ?? "base"} leads to {string.Join(", ", next)}.");
            }
            current = next[0];
        }
        return current is null ? [] : [current];

        RevisionException Short() => new($"Relative revision '{identifier}' didn't produce {Math.Abs(steps)} migrations.");
    }

    [GeneratedRegex(@"^(?<from>.*?)(?<sign>[+-])(?<n>\d+)$")]
    private static partial Regex RelativeForm();
}
