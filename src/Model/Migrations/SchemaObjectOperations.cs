using DiffMigrate.Schema;

namespace DiffMigrate.Migrations;

/// <summary>An operation on a schema object other than a table (schemas, enums, sequences).</summary>
public abstract record SchemaObjectOperation : MigrationOperation
{
    /// <inheritdoc/>
    public override QualifiedName? TableName => null;
}

/// <summary>Creates a schema if it does not exist (EF Core's EnsureSchema).</summary>
public sealed record CreateSchema(string Name) : SchemaObjectOperation;

/// <summary>Drops a schema, which must be empty.</summary>
public sealed record DropSchema(string Name) : SchemaObjectOperation;

/// <summary>Creates an enumerated type.</summary>
public sealed record CreateEnum(EnumType Enum) : SchemaObjectOperation;

/// <summary>Drops an enumerated type; carries its values so that it can be created again.</summary>
public sealed record DropEnum(EnumType Enum) : SchemaObjectOperation
{
    /// <inheritdoc/>
    public override bool IsDestructive => true;
}

/// <summary>
/// Adds <see cref="Value"/> to an enum. <see cref="Values"/> is the whole list after the addition: it places the
/// new value and lets the operation be reversed.
/// </summary>
public sealed record AddEnumValue(QualifiedName Enum, string Value, EquatableArray<string> Values) : SchemaObjectOperation;

/// <summary>
/// Removes <see cref="Value"/> from an enum. <see cref="Values"/> is the whole list before the removal. Databases
/// that cannot drop an enum value rebuild the type and convert its columns; rows holding the value make that fail
/// (and the revision roll back) rather than lose data.
/// </summary>
public sealed record DropEnumValue(QualifiedName Enum, string Value, EquatableArray<string> Values) : SchemaObjectOperation
{
    /// <inheritdoc/>
    public override bool IsDestructive => true;
}

/// <summary>
/// Puts an enum's values in another order: <see cref="Existing"/> is the order before, <see cref="Values"/> the
/// same values in the order after. The order is what <c>&lt;</c> and <c>ORDER BY</c> compare by; databases that
/// cannot reorder values in place rebuild the type and convert its columns (no row changes its value).
/// </summary>
public sealed record ReorderEnumValues(QualifiedName Enum, EquatableArray<string> Existing, EquatableArray<string> Values) : SchemaObjectOperation;

/// <summary>Renames one value of an enum (rows holding it follow).</summary>
public sealed record RenameEnumValue(QualifiedName Enum, string OldValue, string NewValue) : SchemaObjectOperation;

/// <summary>Creates an extension (if it is not there yet).</summary>
public sealed record CreateExtension(Extension Extension) : SchemaObjectOperation;

/// <summary>Drops an extension; the database refuses while something uses its objects, so nothing is dropped with it.</summary>
public sealed record DropExtension(Extension Extension) : SchemaObjectOperation
{
    /// <inheritdoc/>
    public override bool IsDestructive => true;
}

/// <summary>Moves an extension's objects from <see cref="Existing"/>'s schema to <see cref="Extension"/>'s.</summary>
public sealed record AlterExtension(Extension Existing, Extension Extension) : SchemaObjectOperation;

/// <summary>Creates a sequence.</summary>
public sealed record CreateSequence(Sequence Sequence) : SchemaObjectOperation;

/// <summary>Drops a sequence; carries its definition so that it can be created again (its position is lost).</summary>
public sealed record DropSequence(Sequence Sequence) : SchemaObjectOperation
{
    /// <inheritdoc/>
    public override bool IsDestructive => true;
}

/// <summary>Changes a sequence's options from <see cref="Existing"/> to <see cref="Sequence"/> (same name).</summary>
public sealed record AlterSequence(Sequence Existing, Sequence Sequence) : SchemaObjectOperation;

/// <summary>Creates a domain; carries the whole definition so that it can be dropped and created again.</summary>
public sealed record CreateDomain(Domain Domain) : SchemaObjectOperation;

/// <summary>Drops a domain; the database refuses while a column uses it, so nothing is dropped with it.</summary>
public sealed record DropDomain(Domain Domain) : SchemaObjectOperation
{
    /// <inheritdoc/>
    public override bool IsDestructive => true;
}

/// <summary>
/// Changes a domain from <see cref="Existing"/> to <see cref="Domain"/> (same name and base type): its default, NOT NULL
/// and checks (a changed check is dropped and added again); adding NOT NULL or a check fails if a column holds a value it refuses.
/// </summary>
public sealed record AlterDomain(Domain Existing, Domain Domain) : SchemaObjectOperation;
