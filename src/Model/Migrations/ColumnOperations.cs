namespace DiffMigrate.Migrations;

/// <summary>
/// Adds a column to an existing table: at the end, or <see cref="Before"/> / <see cref="After"/> another column when
/// the table is rebuilt (a plain ALTER always appends).
/// </summary>
public sealed record AddColumn(QualifiedName Table, Column Column, string? Before = null, string? After = null) : TableEdit(Table);

/// <summary>Drops a column; carries the whole column so that it can be added back.</summary>
public sealed record DropColumn(QualifiedName Table, Column Column) : TableEdit(Table)
{
    /// <inheritdoc/>
    public override bool IsDestructive => true;
}

/// <summary>
/// Changes a column's type, nullability, default, comment or collation: <see cref="Existing"/> is the column
/// before, <see cref="Column"/> after (same name; a rename is <see cref="RenameColumn"/>). <see cref="Using"/> is an
/// explicit conversion: an SQL expression over the row before the change that gives the column's new value
/// (PostgreSQL's <c>ALTER COLUMN ... TYPE ... USING</c>; what a SQLite rebuild copies). Without it a type change
/// converts only what converts without loss, and fails otherwise.
/// </summary>
public sealed record AlterColumn(QualifiedName Table, Column Existing, Column Column, string? Using = null) : TableEdit(Table);

/// <summary>Renames a column.</summary>
public sealed record RenameColumn(QualifiedName Table, string OldName, string NewName) : TableEdit(Table);
