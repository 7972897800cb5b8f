using DiffMigrate.Migrations;

namespace DiffMigrate.Dialects;

/// <summary>
/// Which table changes a database's ALTER TABLE makes in place, where some it cannot make at all (SQLite): the one
/// rule that autogenerate (which changes go in a batch), the renderer (whether a batch rebuilds its table), the
/// runner and the safety lint share.
/// </summary>
public abstract class TableRebuildRule
{
    /// <summary>True when ALTER TABLE does <paramref name="operation"/> in place; <paramref name="table"/> is the table before it, when known.</summary>
    public abstract bool InPlace(MigrationOperation operation, Table? table);

    /// <summary>True when a batch with these operations and <paramref name="recreate"/> rebuilds its table.</summary>
    public bool Rebuilds(Recreate recreate, IEnumerable<MigrationOperation> operations, Table? table) =>
        recreate == Recreate.Always || recreate == Recreate.Auto && operations.Any(o => !InPlace(o, table));

    /// <summary>True when <paramref name="batch"/> rebuilds its table.</summary>
    public bool Rebuilds(BatchAlterTable batch) => Rebuilds(batch.Recreate, batch.Operations, batch.CopyFrom);
}
