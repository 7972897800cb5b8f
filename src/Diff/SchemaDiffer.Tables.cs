using DiffMigrate.Migrations;

namespace DiffMigrate.Diff;

internal sealed partial class SchemaDiffer
{
    /// <summary>The changes to a table present on both sides, in the per-table order (see the class comment).</summary>
    private List<MigrationOperation> DiffTable(TablePair from, TablePair to, List<MigrationOperation> renames)
    {
        var name = to.Original.Name;
        var (added, altered, droppedColumns) = DiffColumns(name, from, to);
        if (from.Normalized.Comment != to.Normalized.Comment)
        {
            altered.Add(new AlterTableComment(name, to.Original.Comment, from.Original.Comment));
        }
        // Drops go dependents first (foreign keys, indexes, ..., primary key); adds the other way round, so that a
        // new primary key or unique constraint exists before the foreign keys that may rely on it.
        var drops = new List<MigrationOperation>();
        List<MigrationOperation> addedKeys = [], addedChecks = [], addedUniques = [], addedIndexes = [], addedForeignKeys = [];
        DiffForeignKeys(name, from, to, drops, addedForeignKeys);
        DiffIndexes(name, from, to, drops, addedIndexes);
        DiffUniqueConstraints(name, from, to, drops, addedUniques);
        DiffCheckConstraints(name, from, to, drops, addedChecks);
        DiffPrimaryKey(name, from, to, drops, addedKeys);
        List<MigrationOperation> adds = [.. addedKeys, .. addedUniques, .. addedChecks, .. addedIndexes, .. addedForeignKeys];
        return [.. renames, .. added, .. altered, .. drops, .. adds, .. droppedColumns];
    }

    /// <summary>Names match when equal, or when either side cannot tell (an unnamed or unreported name).</summary>
    private static bool SameName(string? a, string? b) => a is null || b is null || string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
