using DiffMigrate.Schema;

namespace DiffMigrate.Migrations;

/// <summary>Adds a primary key to an existing table.</summary>
public sealed record AddPrimaryKey(QualifiedName Table, PrimaryKey PrimaryKey) : MigrationOperation
{
    /// <inheritdoc/>
    public override QualifiedName? TableName => Table;
}

/// <summary>Drops a primary key.</summary>
public sealed record DropPrimaryKey(QualifiedName Table, PrimaryKey PrimaryKey) : MigrationOperation
{
    /// <inheritdoc/>
    public override QualifiedName? TableName => Table;
}

/// <summary>Adds a foreign key to an existing table.</summary>
public sealed record AddForeignKey(QualifiedName Table, ForeignKey ForeignKey) : MigrationOperation
{
    /// <inheritdoc/>
    public override QualifiedName? TableName => Table;
}

/// <summary>Drops a foreign key.</summary>
public sealed record DropForeignKey(QualifiedName Table, ForeignKey ForeignKey) : MigrationOperation
{
    /// <inheritdoc/>
    public override QualifiedName? TableName => Table;
}

/// <summary>Adds a UNIQUE constraint.</summary>
public sealed record AddUniqueConstraint(QualifiedName Table, UniqueConstraint Constraint) : MigrationOperation
{
    /// <inheritdoc/>
    public override QualifiedName? TableName => Table;
}

/// <summary>Drops a UNIQUE constraint.</summary>
public sealed record DropUniqueConstraint(QualifiedName Table, UniqueConstraint Constraint) : MigrationOperation
{
    /// <inheritdoc/>
    public override QualifiedName? TableName => Table;
}

/// <summary>Adds a CHECK constraint.</summary>
public sealed record AddCheckConstraint(QualifiedName Table, CheckConstraint Constraint) : MigrationOperation
{
    /// <inheritdoc/>
    public override QualifiedName? TableName => Table;
}

/// <summary>Drops a CHECK constraint.</summary>
public sealed record DropCheckConstraint(QualifiedName Table, CheckConstraint Constraint) : MigrationOperation
{
    /// <inheritdoc/>
    public override QualifiedName? TableName => Table;
}
