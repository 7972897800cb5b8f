using DiffMigrate.Schema;

namespace DiffMigrate.Migrations;

/// <summary>
/// One schema change. Every concrete operation is a sealed record that carries enough of the previous state to be
/// reversed (<see cref="OperationReverser"/>), except where it says otherwise.
/// </summary>
public abstract record MigrationOperation
{
    /// <summary>True when applying the operation can lose data.</summary>
    public virtual bool IsDestructive => false;

    /// <summary>The table the operation works on, or null for operations that are not about one table.</summary>
    public abstract QualifiedName? TableName { get; }
}
