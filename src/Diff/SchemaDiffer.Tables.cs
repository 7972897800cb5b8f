using DiffMigrate.Migrations;
using DiffMigrate.Schema;

namespace DiffMigrate.Diff;

public sealed partial class SchemaDiffer
{
    private List<MigrationOperation> DiffTable(TablePair from, TablePair to, EquatableArray<RenameHint> hints)
    {
        var name = to.Original.Name;
        var renames = new List<MigrationOperation>();
        var fromColumns = from.Original.Columns.Zip(from.Normalized.Columns, (o, n) => (Original: o, Normalized: n)).ToList();
        foreach (var hint in hints.Where(h => h.Column is not null && normalizer.Name(h.Table) == to.Normalized.Name))
        {
            var oldIndex = fromColumns.FindIndex(c => Same(c.Original.Name, hint.OldName));
            if (oldIndex >= 0 && to.Original.FindColumn(hint.Column!) is not null && !fromColumns.Any(c => Same(c.Original.Name, hint.Column!)))
            {
                renames.Add(new RenameColumn(name, fromColumns[oldIndex].Original.Name, hint.Column!));
                var (o, n) = fromColumns[oldIndex];
                fromColumns[oldIndex] = (o with { Name = hint.Column! }, n with { Name = hint.Column! });
            }
        }

        var added = new List<MigrationOperation>();
        var altered = new List<MigrationOperation>();
        var droppedColumns = new List<MigrationOperation>();
        for (var i = 0; i < to.Original.Columns.Count; i++)
        {
            var (original, normalized) = (to.Original.Columns[i], to.Normalized.Columns[i]);
            var match = fromColumns.FindIndex(c => Same(c.Original.Name, original.Name));
            if (match < 0) added.Add(new AddColumn(name, original));
            else if (fromColumns[match].Normalized with { Name = normalized.Name } != normalized)
            {
                altered.Add(new AlterColumn(name, fromColumns[match].Original, original));
            }
        }
        foreach (var (original, _) in fromColumns)
        {
            if (to.Original.FindColumn(original.Name) is null && !to.Original.Columns.Any(c => Same(c.Name, original.Name)))
            {
                droppedColumns.Add(new DropColumn(name, original));
            }
        }

        var drops = new List<MigrationOperation>();
        var adds = new List<MigrationOperation>();
        DiffPrimaryKey(name, from, to, drops, adds);
        Match(from.Original.ForeignKeys, from.Normalized.ForeignKeys, to.Original.ForeignKeys, to.Normalized.ForeignKeys,
            (a, b) => a with { Name = null } == b with { Name = null } && SameName(a.Name, b.Name),
            f => drops.Add(new DropForeignKey(name, f)), f => adds.Add(new AddForeignKey(name, f)));
        Match(from.Original.UniqueConstraints, from.Normalized.UniqueConstraints, to.Original.UniqueConstraints, to.Normalized.UniqueConstraints,
            (a, b) => a.Columns == b.Columns && SameName(a.Name, b.Name),
            u => drops.Add(new DropUniqueConstraint(name, u)), u => adds.Add(new AddUniqueConstraint(name, u)));
        Match(from.Original.CheckConstraints, from.Normalized.CheckConstraints, to.Original.CheckConstraints, to.Normalized.CheckConstraints,
            (a, b) => a.Sql == b.Sql && SameName(a.Name, b.Name),
            c => drops.Add(new DropCheckConstraint(name, c)), c => adds.Add(new AddCheckConstraint(name, c)));
        Match(from.Original.Indexes, from.Normalized.Indexes, to.Original.Indexes, to.Normalized.Indexes,
            (a, b) => a == b,
            x => drops.Add(new DropIndex(name, x)), x => adds.Add(new CreateIndex(name, x)));
        if (from.Normalized.Comment != to.Normalized.Comment)
        {
            altered.Add(new AlterTableComment(name, to.Original.Comment, from.Original.Comment));
        }
        return [.. renames, .. added, .. altered, .. drops, .. adds, .. droppedColumns];
    }

    private static void DiffPrimaryKey(QualifiedName name, TablePair from, TablePair to, List<MigrationOperation> drops, List<MigrationOperation> adds)
    {
        var (a, b) = (from.Normalized.PrimaryKey, to.Normalized.PrimaryKey);
        if (a is null && b is null) return;
        if (a is not null && b is not null && a.Columns == b.Columns && SameName(a.Name, b.Name)) return;
        if (from.Original.PrimaryKey is { } old) drops.Add(new DropPrimaryKey(name, old));
        if (to.Original.PrimaryKey is { } @new) adds.Add(new AddPrimaryKey(name, @new));
    }

    /// <summary>
    /// Pairs items of two lists with <paramref name="equal"/> (on normalised forms); unpaired source items are
    /// removed and unpaired target items added, carrying the original (as written) objects.
    /// </summary>
    private static void Match<T>(
        EquatableArray<T> fromOriginal, EquatableArray<T> fromNormalized,
        EquatableArray<T> toOriginal, EquatableArray<T> toNormalized,
        Func<T, T, bool> equal, Action<T> remove, Action<T> add)
    {
        var unmatched = Enumerable.Range(0, toNormalized.Count).ToList();
        for (var i = 0; i < fromNormalized.Count; i++)
        {
            var found = unmatched.FindIndex(j => equal(fromNormalized[i], toNormalized[j]));
            if (found >= 0) unmatched.RemoveAt(found);
            else remove(fromOriginal[i]);
        }
        foreach (var j in unmatched) add(toOriginal[j]);
    }

    /// <summary>Names match when equal, or when either side cannot tell (an unnamed or unreported name).</summary>
    private static bool SameName(string? a, string? b) => a is null || b is null || string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
