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
