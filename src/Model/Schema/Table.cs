using DiffMigrate.Schema;

namespace DiffMigrate;

/// <summary>A piece of a table definition: a column or a constraint (what <c>op.CreateTable</c> takes).</summary>
public abstract record TableElement;

/// <summary>
/// Identity generation on a column: SQL-standard <c>GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY</c>, or with
/// <paramref name="Serial"/> PostgreSQL's older <c>serial</c> (an owned sequence and a nextval default).
/// Null options mean the database's defaults, which depend on the column's integer type and the direction of
/// <paramref name="Increment"/>: increment 1; ascending <paramref name="MinValue"/> 1 and <paramref name="MaxValue"/>
/// the type's maximum, descending the type's minimum and -1; <paramref name="Start"/> the minimum ascending, the
/// maximum descending; <paramref name="Cache"/> 1. <paramref name="Cycle"/> wraps around at the bounds.
/// </summary>
public sealed record Identity(
    bool Always = false,
    long? Start = null,
    long? Increment = null,
    bool Serial = false,
    long? MinValue = null,
    long? MaxValue = null,
    bool Cycle = false,
    long? Cache = null);

/// <summary>
/// A column. <paramref name="Default"/> and <paramref name="Computed"/> are SQL text in the dialect's spelling,
/// canonicalised by the inspector.
/// </summary>
public sealed record Column(
    string Name,
    SqlType Type,
    bool Nullable = false,
    string? Default = null,
    Identity? Identity = null,
    string? Computed = null,
    string? Comment = null,
    string? Collation = null) : TableElement;

/// <summary>A primary key. A null name means unnamed (or unknown, when the dialect cannot report it).</summary>
public sealed record PrimaryKey(string? Name, EquatableArray<string> Columns) : TableElement;

/// <summary>A foreign key from <see cref="Columns"/> to <see cref="ReferredColumns"/> of <see cref="ReferredTable"/>.</summary>
public sealed record ForeignKey(
    string? Name,
    EquatableArray<string> Columns,
    QualifiedName ReferredTable,
    EquatableArray<string> ReferredColumns,
    ReferentialAction OnDelete = ReferentialAction.NoAction,
    ReferentialAction OnUpdate = ReferentialAction.NoAction,
    bool Deferrable = false,
    bool InitiallyDeferred = false) : TableElement;

/// <summary>A UNIQUE constraint; <paramref name="NullsNotDistinct"/> makes NULLs collide (PostgreSQL 15).</summary>
public sealed record UniqueConstraint(string? Name, EquatableArray<string> Columns, bool NullsNotDistinct = false) : TableElement;

/// <summary>A CHECK constraint; <see cref="Sql"/> is the boolean expression.</summary>
public sealed record CheckConstraint(string? Name, string Sql) : TableElement;

/// <summary>
/// An index. Each entry of <see cref="Columns"/> is a column name, or an SQL expression when the matching
/// entry of <see cref="Expressions"/> is true; a true entry of <see cref="Descending"/> sorts that key DESC.
/// <see cref="Filter"/> is a partial-index WHERE clause, <see cref="Method"/> the access method (null for the
/// default, btree) and <see cref="Include"/> the non-key columns of a covering index.
/// </summary>
public sealed record TableIndex(
    string Name,
    EquatableArray<string> Columns,
    bool IsUnique = false,
    string? Filter = null,
    EquatableArray<bool> Expressions = default,
    string? Method = null,
    EquatableArray<string> Include = default,
    EquatableArray<bool> Descending = default) : TableElement
{
    /// <summary>True when key <paramref name="i"/> is an SQL expression rather than a column name.</summary>
    public bool IsExpression(int i) => i < Expressions.Count && Expressions[i];

    /// <summary>True when key <paramref name="i"/> sorts descending.</summary>
    public bool IsDescending(int i) => i < Descending.Count && Descending[i];
}

/// <summary>A table comment, as an element of <c>op.CreateTable</c>.</summary>
public sealed record TableComment(string Text) : TableElement;

/// <summary>A table and everything defined on it.</summary>
public sealed record Table(
    QualifiedName Name,
    EquatableArray<Column> Columns,
    PrimaryKey? PrimaryKey = null,
    EquatableArray<ForeignKey> ForeignKeys = default,
    EquatableArray<TableIndex> Indexes = default,
    EquatableArray<UniqueConstraint> UniqueConstraints = default,
    EquatableArray<CheckConstraint> CheckConstraints = default,
    string? Comment = null)
{
    /// <summary>The column named <paramref name="name"/> (ordinal), or null.</summary>
    public Column? FindColumn(string name)
    {
        foreach (var column in Columns)
        {
            if (string.Equals(column.Name, name, StringComparison.Ordinal)) return column;
        }
        return null;
    }
}
