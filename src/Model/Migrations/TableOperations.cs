namespace DiffMigrate.Migrations;

/// <summary>Creates a table with its columns and constraints (indexes come as separate <see cref="CreateIndex"/>).</summary>
public sealed record CreateTable(Table Table) : MigrationOperation
{
    /// <inheritdoc/>
    public override QualifiedName? TableName => Table.Name;
}

/// <summary>Drops a table; carries the whole definition so that it can be recreated.</summary>
public sealed record DropTable(Table Table) : MigrationOperation
{
    /// <inheritdoc/>
    public override bool IsDestructive => true;
    /// <inheritdoc/>
    public override QualifiedName? TableName => Table.Name;
}

/// <summary>Renames a table within its schema.</summary>
public sealed record RenameTable(QualifiedName Table, string NewName) : TableOperation(Table);

/// <summary>Sets or removes a table comment.</summary>
public sealed record AlterTableComment(QualifiedName Table, string? Comment, string? ExistingComment) : TableEdit(Table);

/// <summary>Changes a table's storage options (SQLite's STRICT and WITHOUT ROWID): SQLite rebuilds the table.</summary>
public sealed record AlterTableOptions(QualifiedName Table, TableOptions Options, TableOptions Existing) : TableEdit(Table);
