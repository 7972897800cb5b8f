namespace DiffMigrate.Migrations;

/// <summary>Adds a primary key to an existing table.</summary>
public sealed record AddPrimaryKey(QualifiedName Table, PrimaryKey PrimaryKey) : TableEdit(Table);

/// <summary>Drops a primary key.</summary>
public sealed record DropPrimaryKey(QualifiedName Table, PrimaryKey PrimaryKey) : TableEdit(Table);

/// <summary>Adds a foreign key to an existing table.</summary>
public sealed record AddForeignKey(QualifiedName Table, ForeignKey ForeignKey) : TableEdit(Table);

/// <summary>Drops a foreign key.</summary>
public sealed record DropForeignKey(QualifiedName Table, ForeignKey ForeignKey) : TableEdit(Table);

/// <summary>Adds a UNIQUE constraint.</summary>
public sealed record AddUniqueConstraint(QualifiedName Table, UniqueConstraint Constraint) : TableEdit(Table);

/// <summary>Drops a UNIQUE constraint.</summary>
public sealed record DropUniqueConstraint(QualifiedName Table, UniqueConstraint Constraint) : TableEdit(Table);

/// <summary>Adds a CHECK constraint.</summary>
public sealed record AddCheckConstraint(QualifiedName Table, CheckConstraint Constraint) : TableEdit(Table);

/// <summary>Drops a CHECK constraint.</summary>
public sealed record DropCheckConstraint(QualifiedName Table, CheckConstraint Constraint) : TableEdit(Table);

/// <summary>Adds an exclusion constraint (PostgreSQL).</summary>
public sealed record AddExclusionConstraint(QualifiedName Table, ExclusionConstraint Constraint) : TableEdit(Table);

/// <summary>Drops an exclusion constraint (PostgreSQL).</summary>
public sealed record DropExclusionConstraint(QualifiedName Table, ExclusionConstraint Constraint) : TableEdit(Table);

/// <summary>
/// Checks the rows already in the table against a constraint added NOT VALID (PostgreSQL's <c>VALIDATE
/// CONSTRAINT</c>, which does not block writes while it scans), and marks it valid. Its reverse (<paramref name="Undo"/>)
/// runs nothing: a validated constraint satisfies a model that has it NOT VALID, and PostgreSQL cannot mark it NOT
/// VALID again.
/// </summary>
public sealed record ValidateConstraint(QualifiedName Table, string Name, bool Undo = false) : TableEdit(Table);
