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
/// canonicalised by the inspector. A generated column (<paramref name="Computed"/>) is STORED unless
/// <paramref name="ComputedVirtual"/> makes it VIRTUAL (computed when read; SQLite). <paramref name="OnUpdate"/> is
/// the value the database writes into the column whenever a row is updated (MariaDB's and MySQL's
/// <c>ON UPDATE CURRENT_TIMESTAMP</c>; the other databases use a trigger).
/// </summary>
public sealed record Column(
    string Name,
    SqlType Type,
    bool Nullable = false,
    string? Default = null,
    Identity? Identity = null,
    string? Computed = null,
    string? Comment = null,
    string? Collation = null,
    bool ComputedVirtual = false,
    string? OnUpdate = null) : TableElement;

/// <summary>A primary key. A null name means unnamed (or unknown, when the dialect cannot report it).</summary>
public sealed record PrimaryKey(string? Name, EquatableArray<string> Columns) : TableElement;

/// <summary>
/// A foreign key from <see cref="Columns"/> to <see cref="ReferredColumns"/> of <see cref="ReferredTable"/>.
/// <paramref name="NotValid"/> (PostgreSQL) adds it without checking the rows already there; see <see cref="CheckConstraint"/>.
/// </summary>
public sealed record ForeignKey(
    string? Name,
    EquatableArray<string> Columns,
    QualifiedName ReferredTable,
    EquatableArray<string> ReferredColumns,
    ReferentialAction OnDelete = ReferentialAction.NoAction,
    ReferentialAction OnUpdate = ReferentialAction.NoAction,
    bool Deferrable = false,
    bool InitiallyDeferred = false,
    bool NotValid = false) : TableElement;

/// <summary>
/// A UNIQUE constraint; <paramref name="NullsNotDistinct"/> makes NULLs collide (PostgreSQL 15);
/// <paramref name="Deferrable"/> and <paramref name="InitiallyDeferred"/> let it be checked at commit (PostgreSQL).
/// </summary>
public sealed record UniqueConstraint(
    string? Name,
    EquatableArray<string> Columns,
    bool NullsNotDistinct = false,
    bool Deferrable = false,
    bool InitiallyDeferred = false) : TableElement;

/// <summary>
/// A CHECK constraint; <see cref="Sql"/> is the boolean expression. <paramref name="NotValid"/> (PostgreSQL) adds it
/// without checking the rows already there (new rows are checked). A validated database constraint satisfies a
/// NOT VALID model one (validated is stronger): no change; a NOT VALID database constraint against a valid model one
/// is validated in place (<c>VALIDATE CONSTRAINT</c>).
/// </summary>
public sealed record CheckConstraint(string? Name, string Sql, bool NotValid = false) : TableElement;

/// <summary>
/// A PostgreSQL exclusion constraint. <paramref name="Definition"/> is what follows <c>EXCLUDE</c>, as
/// <c>pg_get_constraintdef</c> prints it, e.g. <c>USING gist (room WITH =, during WITH &amp;&amp;)</c>, with its
/// WHERE clause and DEFERRABLE where it has them; the server's form is compared, not the spelling.
/// </summary>
public sealed record ExclusionConstraint(string? Name, string Definition) : TableElement;

/// <summary>Where NULLs sort in an index key: the direction's default (ASC: last, DESC: first), first or last.</summary>
public enum NullsOrder
{
    /// <summary>The direction's default: NULLS LAST ascending, NULLS FIRST descending.</summary>
    Default,
    /// <summary>NULLS FIRST.</summary>
    First,
    /// <summary>NULLS LAST.</summary>
    Last,
}

/// <summary>
/// Options of one index key: where NULLs sort (<paramref name="Nulls"/>), the operator class (null for the default
/// one of the key's type and access method, e.g. <c>text_pattern_ops</c>, <c>jsonb_path_ops</c>) and the key's
/// collation (null for the column's own).
/// </summary>
public sealed record IndexKeyOptions(NullsOrder Nulls = NullsOrder.Default, string? OperatorClass = null, string? Collation = null)
{
    /// <summary>No option: every key without one compares equal to this.</summary>
    public static IndexKeyOptions None { get; } = new();

    /// <summary>True when no option is set.</summary>
    public bool IsDefault => this == None;
}

/// <summary>
/// An index. Each entry of <see cref="Columns"/> is a column name, or an SQL expression when the matching
/// entry of <see cref="Expressions"/> is true; a true entry of <see cref="Descending"/> sorts that key DESC.
/// <see cref="Filter"/> is a partial-index WHERE clause, <see cref="Method"/> the access method (null for the
/// default, btree) and <see cref="Include"/> the non-key columns of a covering index. <see cref="KeyOptions"/> has
/// the options of each key (empty when no key has one), and <see cref="NullsNotDistinct"/> makes NULLs collide in a
/// unique index (PostgreSQL 15).
/// </summary>
public sealed record TableIndex(
    string Name,
    EquatableArray<string> Columns,
    bool IsUnique = false,
    string? Filter = null,
    EquatableArray<bool> Expressions = default,
    string? Method = null,
    EquatableArray<string> Include = default,
    EquatableArray<bool> Descending = default,
    EquatableArray<IndexKeyOptions> KeyOptions = default,
    bool NullsNotDistinct = false) : TableElement
{
    /// <summary>True when key <paramref name="i"/> is an SQL expression rather than a column name.</summary>
    public bool IsExpression(int i) => i < Expressions.Count && Expressions[i];

    /// <summary>True when key <paramref name="i"/> sorts descending.</summary>
    public bool IsDescending(int i) => i < Descending.Count && Descending[i];

    /// <summary>The options of key <paramref name="i"/> (<see cref="IndexKeyOptions.None"/> when it has none).</summary>
    public IndexKeyOptions KeyOption(int i) => i < KeyOptions.Count && KeyOptions[i] is { } options ? options : IndexKeyOptions.None;

    /// <summary>True when some key has an option.</summary>
    public bool HasKeyOptions => KeyOptions.Any(o => o is not null && !o.IsDefault);
}

/// <summary>A table comment, as an element of <c>op.CreateTable</c>.</summary>
public sealed record TableComment(string Text) : TableElement;

/// <summary>
/// A table's storage options, as an element of <c>op.CreateTable</c>: SQLite's <c>STRICT</c> (each column holds only
/// values of its declared type: INTEGER, REAL, TEXT, BLOB or ANY) and <c>WITHOUT ROWID</c> (rows stored by primary key).
/// </summary>
public sealed record TableOptions(bool Strict = false, bool WithoutRowid = false) : TableElement
{
    /// <summary>No option.</summary>
    public static TableOptions None { get; } = new();
}

/// <summary>A table's PARTITION BY (PostgreSQL), as an element of <c>op.CreateTable</c>: <paramref name="Key"/> as <c>pg_get_partkeydef</c> prints it, e.g. <c>RANGE (logdate)</c>.</summary>
public sealed record TablePartitioning(string Key) : TableElement;

/// <summary>
/// That the table is a partition of <paramref name="Parent"/> (PostgreSQL), as an element of <c>op.CreateTable</c>:
/// <paramref name="Bound"/> as <c>pg_get_expr(relpartbound)</c> prints it, e.g. <c>FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')</c> or <c>DEFAULT</c>.
/// </summary>
public sealed record TablePartitionOf(QualifiedName Parent, string Bound) : TableElement;

/// <summary>
/// A table and everything defined on it. <paramref name="Strict"/> and <paramref name="WithoutRowid"/> are SQLite's
/// table options (see <see cref="TableOptions"/>). <paramref name="PartitionBy"/> makes it a partitioned table (PostgreSQL);
/// <paramref name="PartitionOf"/> and <paramref name="PartitionBound"/> make it a partition of another, which
/// holds only what is its own: the columns, and the constraints and indexes it inherits, are its parent's.
/// </summary>
public sealed record Table(
    QualifiedName Name,
    EquatableArray<Column> Columns,
    PrimaryKey? PrimaryKey = null,
    EquatableArray<ForeignKey> ForeignKeys = default,
    EquatableArray<TableIndex> Indexes = default,
    EquatableArray<UniqueConstraint> UniqueConstraints = default,
    EquatableArray<CheckConstraint> CheckConstraints = default,
    string? Comment = null,
    bool Strict = false,
    bool WithoutRowid = false,
    EquatableArray<ExclusionConstraint> ExclusionConstraints = default,
    string? PartitionBy = null,
    QualifiedName? PartitionOf = null,
    string? PartitionBound = null)
{
    /// <summary>The table's storage options.</summary>
    public TableOptions Options => new(Strict, WithoutRowid);

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
