using DiffMigrate.Migrations;

namespace DiffMigrate.Diff;

internal sealed partial class SchemaDiffer
{
    /// <summary>
    /// Columns by name (renames are already applied): added, altered (one op per column), replaced (dropped and added
    /// again, see <see cref="Replaces"/>), dropped.
    /// </summary>
    private (List<MigrationOperation> Added, List<MigrationOperation> Altered, List<(Column From, Column To)> Replaced, List<MigrationOperation> Dropped) DiffColumns(
        QualifiedName name, TablePair from, TablePair to)
    {
        var added = new List<MigrationOperation>();
        var altered = new List<MigrationOperation>();
        var replaced = new List<(Column, Column)>();
        var dropped = new List<MigrationOperation>();
        Match.Pair(Pairs(from.Original.Columns, from.Normalized.Columns), Pairs(to.Original.Columns, to.Normalized.Columns),
            (a, b) => SameColumn(a.Name, b.Name),
            (a, b) =>
            {
                if (a.Normalized with { Name = b.Normalized.Name } == b.Normalized) return;
                if (Replaces(a.Normalized, b.Normalized)) replaced.Add((a.Original, b.Original));
                else altered.Add(new AlterColumn(name, a.Original, b.Original));
            },
            a => dropped.Add(new DropColumn(name, a)),
            b => added.Add(new AddColumn(name, b)));
        return (added, altered, replaced, dropped);
    }

    /// <summary>Column names match exactly where the dialect's names keep their case, else ignoring case.</summary>
    private bool SameColumn(string a, string b) =>
        string.Equals(a, b, options.Dialect.CaseSensitiveNames ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
}
