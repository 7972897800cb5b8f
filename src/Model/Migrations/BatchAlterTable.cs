using DiffMigrate.Schema;

namespace DiffMigrate.Migrations;

/// <summary>
/// Column and constraint operations on one table, applied together: as plain ALTERs where the database has them,
/// otherwise by rebuilding the table (create the new definition, copy the rows, drop the old table, rename, then
/// recreate indexes and triggers). <see cref="CopyFrom"/> is the table's definition before the batch: the runner
/// reads it from the database when it is null, and offline scripts need it. <see cref="Triggers"/> are the
/// CREATE TRIGGER statements to run again after a rebuild; the runner fills them in.
/// </summary>
public sealed record BatchAlterTable(
    QualifiedName Table,
    EquatableArray<MigrationOperation> Operations,
    Recreate Recreate = Recreate.Auto,
    Table? CopyFrom = null,
    EquatableArray<string> Triggers = default) : TableOperation(Table)
{
    /// <inheritdoc/>
    public override bool IsDestructive => Operations.Any(o => o.IsDestructive);
}
