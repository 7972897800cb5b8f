using DiffMigrate.Schema;

namespace DiffMigrate.Migrations;

/// <summary>Creates an index.</summary>
public sealed record CreateIndex(QualifiedName Table, TableIndex Index) : MigrationOperation
{
    /// <inheritdoc/>
    public override QualifiedName? TableName => Table;
}

/// <summary>Drops an index; carries its definition so that it can be recreated.</summary>
public sealed record DropIndex(QualifiedName Table, TableIndex Index) : MigrationOperation
{
    /// <inheritdoc/>
    public override QualifiedName? TableName => Table;
}
