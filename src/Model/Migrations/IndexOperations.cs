namespace DiffMigrate.Migrations;

/// <summary>
/// Creates an index. <see cref="Concurrently"/> builds it without blocking writes where the database can
/// (PostgreSQL's CONCURRENTLY, which cannot run in a transaction: the runner commits around it).
/// </summary>
public sealed record CreateIndex(QualifiedName Table, TableIndex Index, bool Concurrently = false) : TableEdit(Table);

/// <summary>Drops an index; carries its definition so that it can be recreated. <see cref="Concurrently"/> as for <see cref="CreateIndex"/>.</summary>
public sealed record DropIndex(QualifiedName Table, TableIndex Index, bool Concurrently = false) : TableEdit(Table);
