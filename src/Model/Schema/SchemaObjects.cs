using DiffMigrate.Schema;

namespace DiffMigrate;

/// <summary>
/// A named enumerated type (PostgreSQL's <c>CREATE TYPE ... AS ENUM</c>) with its values in sort order. A column
/// of this type has <c>SqlType.Enum(name, values)</c>, the name qualified (<c>schema.name</c>) outside the default
/// schema.
/// </summary>
public sealed record EnumType(QualifiedName Name, EquatableArray<string> Values)
{
    /// <summary>The type name as <see cref="SqlType.Name"/> spells it: <c>name</c> or <c>schema.name</c>.</summary>
    public string TypeName => Name.ToString();

    /// <summary>The enum a column type names, split at its schema dot.</summary>
    public static QualifiedName NameOf(SqlType type)
    {
        var name = type.Name ?? throw new ArgumentException("An enum type needs a name.", nameof(type));
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? new QualifiedName(null, name) : new QualifiedName(name[..dot], name[(dot + 1)..]);
    }
}

/// <summary>
/// A standalone sequence. Null options mean the database's defaults (start at the minimum, increment 1, no
/// cycle, cache 1, bounds of a bigint).
/// </summary>
public sealed record Sequence(
    QualifiedName Name,
    long? Start = null,
    long? Increment = null,
    long? MinValue = null,
    long? MaxValue = null,
    bool Cycle = false,
    long? Cache = null);

/// <summary>
/// An extension (PostgreSQL's <c>CREATE EXTENSION</c>), with the schema its objects go into (null: the default
/// schema). The objects it brings (functions, types, operator classes) belong to it and are not compared one by one.
/// </summary>
public sealed record Extension(string Name, string? Schema = null);

/// <summary>
/// A domain (PostgreSQL's <c>CREATE DOMAIN</c>): <paramref name="BaseType"/> with an optional NOT NULL, DEFAULT,
/// CHECK constraints (on <c>VALUE</c>) and collation. A column of this type has <c>SqlType.Raw(name)</c>, the name
/// qualified (<c>schema.name</c>) outside the default schema.
/// </summary>
public sealed record Domain(
    QualifiedName Name,
    SqlType BaseType,
    bool NotNull = false,
    string? Default = null,
    EquatableArray<CheckConstraint> Checks = default,
    string? Collation = null);

/// <summary>A declared rename of one value of an enum: autogenerate renames it instead of dropping and adding.</summary>
public sealed record EnumValueRename(QualifiedName Enum, string OldValue, string NewValue);
