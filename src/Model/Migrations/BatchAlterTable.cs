using DiffMigrate.Schema;

namespace DiffMigrate.Migrations;

/// <summary>When a <see cref="BatchAlterTable"/> rebuilds its table ("move and copy").</summary>
public enum Recreate
{
    /// <summary>Only when an operation in the batch needs it on the target database (SQLite's limited ALTER).</summary>
    Auto,
    /// <summary>Always rebuild the table.</summary>
    Always,
    /// <summary>Never: plain ALTER statements, or a clear error where the database has none.</summary>
    Never,
}

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
    EquatableArray<string> Triggers = default) : MigrationOperation
{
    /// <inheritdoc/>
    public override bool IsDestructive => Operations.Any(o => o.IsDestructive);

    /// <inheritdoc/>
    public override QualifiedName? TableName => Table;
}
