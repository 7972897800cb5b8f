using System.Text.RegularExpressions;
using DiffMigrate.Schema;

namespace DiffMigrate.Diff;

internal sealed partial class SchemaDiffer
{
    /// <summary>
    /// True when a column becomes generated, or generated from another expression, where ALTER COLUMN exists but
    /// cannot set a generation expression (PostgreSQL before 17 can only drop one): the column is dropped and added
    /// again instead. Where there is no ALTER COLUMN (SQLite) the table rebuild makes the column anew anyway.
    /// </summary>
    private bool Replaces(Column from, Column to) =>
        options.Dialect.SupportsAlterColumn && to.Computed is not null && !string.Equals(from.Computed, to.Computed, StringComparison.Ordinal);

    /// <summary>
    /// The table without the keys, indexes and checks that use one of <paramref name="columns"/>: dropping the
    /// column drops them with it, so they are dropped before it and created again after it rather than compared.
    /// </summary>
    private static (TablePair Compared, Table Dependents) Split(TablePair pair, IReadOnlySet<string> columns)
    {
        if (columns.Count == 0) return (pair, pair.Original with { ForeignKeys = default, Indexes = default, UniqueConstraints = default, CheckConstraints = default, ExclusionConstraints = default });
        bool Names(IEnumerable<string> names) => names.Any(columns.Contains);
        bool Mentions(string? sql) => sql is not null && columns.Any(c => Regex.IsMatch(sql, $@"(?<![\w$""]){Regex.Escape(c)}(?![\w$""])|""{Regex.Escape(c)}""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
        var (fks, otherFks) = Partition(pair.Original.ForeignKeys, pair.Normalized.ForeignKeys, f => Names(f.Columns));
        var (indexes, otherIndexes) = Partition(pair.Original.Indexes, pair.Normalized.Indexes,
            i => Names(i.Columns) || i.Columns.Any(Mentions) || Names(i.Include) || Mentions(i.Filter));
        var (uniques, otherUniques) = Partition(pair.Original.UniqueConstraints, pair.Normalized.UniqueConstraints, u => Names(u.Columns));
        var (checks, otherChecks) = Partition(pair.Original.CheckConstraints, pair.Normalized.CheckConstraints, c => Mentions(c.Sql));
        var (exclusions, otherExclusions) = Partition(pair.Original.ExclusionConstraints, pair.Normalized.ExclusionConstraints, x => Mentions(x.Definition));
        var rest = new TablePair(
            pair.Original with
            {
                ForeignKeys = otherFks.Original, Indexes = otherIndexes.Original, UniqueConstraints = otherUniques.Original, CheckConstraints = otherChecks.Original,
                ExclusionConstraints = otherExclusions.Original,
            },
            pair.Normalized with
            {
                ForeignKeys = otherFks.Normalized, Indexes = otherIndexes.Normalized, UniqueConstraints = otherUniques.Normalized, CheckConstraints = otherChecks.Normalized,
                ExclusionConstraints = otherExclusions.Normalized,
            });
        return (rest, pair.Original with { ForeignKeys = fks, Indexes = indexes, UniqueConstraints = uniques, CheckConstraints = checks, ExclusionConstraints = exclusions });
    }

    /// <summary>The originals whose normalized form is <paramref name="dependent"/>, and the other (original, normalized) pairs.</summary>
    private static (EquatableArray<T> Dependent, (EquatableArray<T> Original, EquatableArray<T> Normalized) Other) Partition<T>(
        EquatableArray<T> original, EquatableArray<T> normalized, Func<T, bool> dependent)
    {
        var pairs = Pairs(original, normalized);
        var other = pairs.Where(p => !dependent(p.Normalized)).ToList();
        return (pairs.Where(p => dependent(p.Normalized)).Select(p => p.Original).ToEquatableArray(),
            (other.Select(p => p.Original).ToEquatableArray(), other.Select(p => p.Normalized).ToEquatableArray()));
    }
}
