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

/// <summary>
/// An operation on one existing table, named by <see cref="Table"/>. (<see cref="CreateTable"/> and
/// <see cref="DropTable"/> carry the whole definition instead, and say their table themselves.)
/// </summary>
public abstract record TableOperation(QualifiedName Table) : MigrationOperation
{
    /// <inheritdoc/>
    public sealed override QualifiedName? TableName => Table;
}

/// <summary>
/// A column, index, constraint or comment change to one table: what a <see cref="BatchAlterTable"/> holds,
/// <see cref="BatchOperations"/> records and <see cref="TableEditor"/> applies to a table definition.
/// </summary>
public abstract record TableEdit(QualifiedName Table) : TableOperation(Table)
{
    /// <summary>The online-DDL clauses asked of this change (set by <see cref="Operations.Online"/>), or null for none.</summary>
    public OnlineDdl? Online { get; init; }
}
