using DiffMigrate.Migrations;

namespace DiffMigrate.Diff;

internal sealed partial class SchemaDiffer
{
    /// <summary>The changes to a table present on both sides, in the per-table order (see the class comment).</summary>
    private List<MigrationOperation> DiffTable(TablePair from, TablePair to, List<MigrationOperation> renames)
    {
        var name = to.Original.Name;
        RefusePartitionChange(name, from.Normalized, to.Normalized);
        var (added, altered, replaced, droppedColumns) = DiffColumns(name, from, to);
        // What uses a replaced column goes with it: dropped before it, created again after it.
        var replacedNames = replaced.Select(r => r.From.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        (from, var fromDependents) = Split(from, replacedNames);
        (to, var toDependents) = Split(to, replacedNames);
        if (from.Normalized.Comment != to.Normalized.Comment)
        {
            altered.Add(new AlterTableComment(name, to.Original.Comment, from.Original.Comment));
        }
        if (from.Normalized.Options != to.Normalized.Options)
        {
            altered.Add(new AlterTableOptions(name, to.Original.Options, from.Original.Options));
        }
        if (to.Original.Strict && options.Dialect.SupportsStrictTables)
        {
            // Added in place (ALTER TABLE ADD COLUMN), a column of a STRICT table must be declared with a type it accepts.
            added = [.. added.Select(o => o is AddColumn add && options.Dialect.Types.StrictType(add.Column.Type) is { } strict ? add with { Column = add.Column with { Type = strict } } : o)];
        }
        // Drops go dependents first (foreign keys, indexes, ..., primary key); adds the other way round, so that a
        // new primary key or unique constraint exists before the foreign keys that may rely on it.
        if (options.Dialect.UniqueConstraintsAreIndexes) (from, to) = (UniqueIndexesAsConstraints(from, to), UniqueIndexesAsConstraints(to, from));
        var drops = new List<MigrationOperation>();
        List<MigrationOperation> addedKeys = [], addedChecks = [], addedUniques = [], addedIndexes = [], addedForeignKeys = [], addedExclusions = [], validations = [];
        DiffForeignKeys(name, from, to, drops, addedForeignKeys, validations);
        DiffIndexes(name, from, to, drops, addedIndexes);
        DiffUniqueConstraints(name, from, to, drops, addedUniques);
        DiffCheckConstraints(name, from, to, drops, addedChecks, validations);
        DiffExclusionConstraints(name, from, to, drops, addedExclusions);
        DiffPrimaryKey(name, from, to, drops, addedKeys);
        drops.AddRange([.. fromDependents.ForeignKeys.Select(f => new DropForeignKey(name, f)), .. fromDependents.Indexes.Select(i => new DropIndex(name, i)),
            .. fromDependents.UniqueConstraints.Select(u => new DropUniqueConstraint(name, u)), .. fromDependents.CheckConstraints.Select(c => new DropCheckConstraint(name, c)),
            .. fromDependents.ExclusionConstraints.Select(x => new DropExclusionConstraint(name, x))]);
        List<MigrationOperation> replacements = [.. replaced.Select(r => new DropColumn(name, r.From)), .. replaced.Select(r => new AddColumn(name, r.To))];
        List<MigrationOperation> adds =
        [
            .. addedKeys, .. addedUniques, .. toDependents.UniqueConstraints.Select(u => new AddUniqueConstraint(name, u)),
            .. addedChecks, .. toDependents.CheckConstraints.Select(c => new AddCheckConstraint(name, c)),
            .. addedIndexes, .. toDependents.Indexes.Select(i => new CreateIndex(name, i)),
            .. addedForeignKeys, .. toDependents.ForeignKeys.Select(f => new AddForeignKey(name, f)),
            .. addedExclusions, .. toDependents.ExclusionConstraints.Select(x => new AddExclusionConstraint(name, x)),
            .. validations,
        ];
        return [.. renames, .. added, .. altered, .. drops, .. replacements, .. adds, .. droppedColumns];
    }

    /// <summary>
    /// A table's PARTITION BY, parent and bound are fixed when it is created: PostgreSQL cannot change them in place, and
    /// doing it by hand (detach, a new table, moving the rows) is the author's to write.
    /// </summary>
    private static void RefusePartitionChange(QualifiedName name, Table from, Table to)
    {
        if (from.PartitionBy != to.PartitionBy)
        {
            throw new DiffMigrateException($"Table {name}: its PARTITION BY changes from {from.PartitionBy ?? "none"} to {to.PartitionBy ?? "none"}, which PostgreSQL cannot do in place; " +
                "create a new table and move the rows in a revision of your own (op.Execute), or rename the table in the model.");
        }
        if (from.PartitionOf != to.PartitionOf || from.PartitionBound != to.PartitionBound)
        {
            string Of(Table t) => t.PartitionOf is { } parent ? $"a partition of {parent} {t.PartitionBound}" : "not a partition";
            throw new DiffMigrateException($"Table {name}: it is {Of(from)} in the database and {Of(to)} in the model, which autogenerate does not change in place " +
                "(it would detach the partition and move its rows); write ALTER TABLE ... DETACH/ATTACH PARTITION in a revision of your own (op.Execute).");
        }
    }

    /// <summary>Names match when equal, or when either side cannot tell (an unnamed or unreported name).</summary>
    /// <summary>
    /// <paramref name="side"/> with each unique index of plain ascending column keys that <paramref name="other"/> has as
    /// a unique constraint (same columns and name) turned into that constraint, where the dialect cannot tell them apart.
    /// </summary>
    private static TablePair UniqueIndexesAsConstraints(TablePair side, TablePair other)
    {
        bool Plain(TableIndex i) => i.IsUnique && !i.Expressions.Contains(true) && !i.Descending.Contains(true) && i.Method is null && i.Filter is null && i.Include.IsEmpty;
        bool Constraint(TableIndex i) => Plain(i) && other.Normalized.UniqueConstraints.Any(u => u.Columns == i.Columns && SameName(u.Name, i.Name));
        var moved = side.Normalized.Indexes.Select(Constraint).ToArray();
        if (!moved.Contains(true)) return side;
        Table Move(Table table) => table with
        {
            Indexes = [.. table.Indexes.Where((_, k) => !moved[k])],
            UniqueConstraints = [.. table.UniqueConstraints, .. table.Indexes.Where((_, k) => moved[k]).Select(i => new UniqueConstraint(i.Name, i.Columns))],
        };
        return new TablePair(Move(side.Original), Move(side.Normalized));
    }

    private static bool SameName(string? a, string? b) => a is null || b is null || string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
