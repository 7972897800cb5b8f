using DiffMigrate.Migrations;

namespace DiffMigrate;

/// <summary>What <see cref="Operations.BatchAlterTable"/> passes to its lambda: the table-level operations, without the table.</summary>
public sealed class BatchOperations
{
    private readonly QualifiedName table;
    private readonly List<MigrationOperation> recorded = [];

    internal BatchOperations(QualifiedName table) => this.table = table;

    internal IReadOnlyList<MigrationOperation> Recorded => recorded;

    /// <summary>Adds a column, at the end or (in a rebuild) before or after another one.</summary>
    public void AddColumn(Column column, string? before = null, string? after = null) => recorded.Add(new AddColumn(table, column, before, after));

    /// <summary>Changes the table's storage options from <paramref name="existing"/> to <paramref name="options"/> (SQLite's STRICT, WITHOUT ROWID).</summary>
    public void AlterTableOptions(TableOptions options, TableOptions existing) => recorded.Add(new AlterTableOptions(table, options, existing));

    /// <summary>Drops a column.</summary>
    public void DropColumn(Column column) => recorded.Add(new DropColumn(table, column));

    /// <summary>
    /// Changes a column from <paramref name="existing"/> to <paramref name="column"/>; <paramref name="usingSql"/> is
    /// an explicit conversion (an SQL expression over the row before the change, such as <c>CAST(score AS INTEGER)</c>)
    /// for values the database would not convert without loss.
    /// </summary>
    public void AlterColumn(Column existing, Column column, string? usingSql = null) => recorded.Add(new AlterColumn(table, existing, column, usingSql));

    /// <summary>Renames a column.</summary>
    public void RenameColumn(string oldName, string newName) => recorded.Add(new RenameColumn(table, oldName, newName));

    /// <summary>Creates an index.</summary>
    public void CreateIndex(TableIndex index) => recorded.Add(new CreateIndex(table, index));

    /// <summary>Drops an index.</summary>
    public void DropIndex(TableIndex index) => recorded.Add(new DropIndex(table, index));

    /// <summary>Adds a primary key.</summary>
    public void AddPrimaryKey(PrimaryKey primaryKey) => recorded.Add(new AddPrimaryKey(table, primaryKey));

    /// <summary>Drops the primary key.</summary>
    public void DropPrimaryKey(PrimaryKey primaryKey) => recorded.Add(new DropPrimaryKey(table, primaryKey));

    /// <summary>Adds a foreign key.</summary>
    public void AddForeignKey(ForeignKey foreignKey) => recorded.Add(new AddForeignKey(table, foreignKey));

    /// <summary>Drops a foreign key.</summary>
    public void DropForeignKey(ForeignKey foreignKey) => recorded.Add(new DropForeignKey(table, foreignKey));

    /// <summary>Adds a UNIQUE constraint.</summary>
    public void AddUniqueConstraint(UniqueConstraint constraint) => recorded.Add(new AddUniqueConstraint(table, constraint));

    /// <summary>Drops a UNIQUE constraint.</summary>
    public void DropUniqueConstraint(UniqueConstraint constraint) => recorded.Add(new DropUniqueConstraint(table, constraint));

    /// <summary>Adds a CHECK constraint.</summary>
    public void AddCheckConstraint(CheckConstraint constraint) => recorded.Add(new AddCheckConstraint(table, constraint));

    /// <summary>Drops a CHECK constraint.</summary>
    public void DropCheckConstraint(CheckConstraint constraint) => recorded.Add(new DropCheckConstraint(table, constraint));

    /// <summary>Adds an exclusion constraint (PostgreSQL).</summary>
    public void AddExclusionConstraint(ExclusionConstraint constraint) => recorded.Add(new AddExclusionConstraint(table, constraint));

    /// <summary>Drops an exclusion constraint (PostgreSQL).</summary>
    public void DropExclusionConstraint(ExclusionConstraint constraint) => recorded.Add(new DropExclusionConstraint(table, constraint));

    /// <summary>Validates a constraint added NOT VALID (PostgreSQL's VALIDATE CONSTRAINT); with <paramref name="undo"/>, its reverse, which runs nothing.</summary>
    public void ValidateConstraint(string name, bool undo = false) => recorded.Add(new ValidateConstraint(table, name, undo));

    /// <summary>Sets or removes the table comment.</summary>
    public void AlterTableComment(string? comment, string? existingComment = null) => recorded.Add(new AlterTableComment(table, comment, existingComment));
}
