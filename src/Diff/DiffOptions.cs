using System.Text.RegularExpressions;
using DiffMigrate.Dialects;
using DiffMigrate.Schema;

namespace DiffMigrate.Diff;

/// <summary>What a comparison looks at.</summary>
/// <param name="Dialect">The target database: decides what "equal" means (types, expressions, comments).</param>
/// <param name="VersionTable">Never part of a diff.</param>
/// <param name="IncludeTables">Glob patterns (<c>*</c>, <c>?</c>) of the tables to compare; null means all.</param>
/// <param name="ExcludeTables">Glob patterns of tables to leave out; exclusion wins.</param>
/// <param name="ModelServerForms">
/// The model's tables as the database server prints them (types, defaults, checks, index expressions), element for
/// element, when the server could canonicalise them; compared instead of the model's own spelling, while the
/// operations keep the model's spelling. Its views, routines and triggers, as the server stores them, are both
/// compared and written.
/// </param>
internal sealed record DiffOptions(
    Dialect Dialect,
    string VersionTable = "diffmigrate_version",
    IReadOnlyList<string>? IncludeTables = null,
    IReadOnlyList<string>? ExcludeTables = null,
    DatabaseSchema? ModelServerForms = null)
{
    /// <summary>True when the table named <paramref name="name"/> takes part in the comparison.</summary>
    public bool Compares(string name)
    {
        if (string.Equals(name, VersionTable, StringComparison.OrdinalIgnoreCase)) return false;
        if (ExcludeTables is { } exclude && exclude.Any(p => Glob(p, name))) return false;
        return IncludeTables is not { } include || include.Any(p => Glob(p, name));
    }

    // Singleline and \z: a name with a line feed in it matches * (and "t\n" does not match t).
    private static bool Glob(string pattern, string name) =>
        Regex.IsMatch(name, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "\\z",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
}
