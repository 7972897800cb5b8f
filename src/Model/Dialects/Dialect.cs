using DiffMigrate.Schema;
using System.Text;

namespace DiffMigrate.Dialects;

/// <summary>
/// What a database can do, as data: the differ, renderers and runner read these flags instead of testing the
/// dialect's name. Each provider (src/Providers) defines its own. <see cref="MaxIdentifierLength"/> is counted in <see cref="IdentifierUnit"/>: PostgreSQL keeps
/// 63 bytes of UTF-8 (NAMEDATALEN - 1) and cuts longer names without an error, so a longer model name could never
/// match the database.
/// </summary>
public sealed record Dialect(
    string Name,
    string? DefaultSchema,
    bool TransactionalDdl,
    bool SupportsSchemas,
    bool SupportsComments,
    bool SupportsEnumTypes,
    bool SupportsSequences,
    bool SupportsAlterColumn,
    bool SupportsConstraintAlter,
    int MaxIdentifierLength,
    IdentifierUnit IdentifierUnit,
    SqlTypeMap Types,
    ExpressionRules Expressions)
{
    /// <summary>
    /// True where a table's identity is its rowid (SQLite): the sole INTEGER primary key column, 64-bit whatever it
    /// was declared as, and no other column can be an identity. Such a key is numbered by the database either way;
    /// an identity is the one declared AUTOINCREMENT, whose values are never reused.
    /// </summary>
    public bool IdentityIsRowid { get; init; }

    /// <summary>True where the database has extensions (PostgreSQL's CREATE EXTENSION).</summary>
    public bool SupportsExtensions { get; init; }

    /// <summary>
    /// True where a table can be STRICT (SQLite): its columns then take only the types <see cref="SqlTypeMap.StrictType"/>
    /// maps to, and the differ compares a strict table's columns by those.
    /// </summary>
    public bool SupportsStrictTables { get; init; }

    /// <summary>True where a table can be stored WITHOUT ROWID (SQLite).</summary>
    public bool SupportsWithoutRowid { get; init; }

    /// <summary>True where the database has domains (PostgreSQL's CREATE DOMAIN).</summary>
    public bool SupportsDomains { get; init; }

    /// <summary>True where a column can be given a value on every update of its row (MariaDB's and MySQL's ON UPDATE CURRENT_TIMESTAMP).</summary>
    public bool SupportsColumnOnUpdate { get; init; }

    /// <summary>True where a generated column can be VIRTUAL (computed when read) rather than STORED (SQLite).</summary>
    public bool SupportsVirtualComputedColumns { get; init; }

    /// <summary>
    /// True where names that differ only in case are different objects (PostgreSQL keeps a quoted name's case:
    /// <c>"Amount"</c> is not <c>amount</c>); false where names compare case-insensitively (SQLite).
    /// </summary>
    public bool CaseSensitiveNames { get; init; }

    /// <summary>The kinds of <see cref="DefinedObject"/> the database has (views, routines, triggers, ...).</summary>
    public EquatableArray<DefinedObjectKind> ObjectKinds { get; init; }

    /// <summary>
    /// True where a routine is known by its name alone (no overloading: SQL Server), so a model's argument types do
    /// not take part in pairing it with the database's.
    /// </summary>
    public bool RoutinesKeyedByName { get; init; }

    /// <summary>
    /// True where a UNIQUE constraint is a unique index and nothing else (MySQL, MariaDB): the catalog cannot tell which
    /// was written, so a unique index of plain column keys and a unique constraint on the same columns compare as one.
    /// </summary>
    public bool UniqueConstraintsAreIndexes { get; init; }

    /// <summary>True where a generated column takes no NOT NULL and is reported nullable (MariaDB): its nullability is not compared.</summary>
    public bool ComputedColumnsNullable { get; init; }

    /// <summary>
    /// True where an identity has no options the catalog reports (MySQL's AUTO_INCREMENT: its first value is a table
    /// option that moves on as rows are added): an identity compares as an identity, whatever its options.
    /// </summary>
    public bool IdentityOptionsNotReported { get; init; }

    /// <summary>
    /// True where an identity is neither ALWAYS nor BY DEFAULT (SQL Server's IDENTITY takes a given value only under SET
    /// IDENTITY_INSERT ON, whatever the model says, and the catalog has no such flag): identities compare without it.
    /// </summary>
    public bool IdentityGenerationNotReported { get; init; }

    /// <summary>
    /// True where a computed column declares no type (SQL Server: <c>name AS (expr)</c>): its type, and the nullability
    /// of one that is not PERSISTED, are its expression's, so they are not compared.
    /// </summary>
    public bool ComputedColumnsTypedByExpression { get; init; }

    /// <summary>True where ON DELETE/UPDATE RESTRICT and NO ACTION are the same (InnoDB checks both at once): they compare equal.</summary>
    public bool RestrictIsNoAction { get; init; }

    /// <summary>True where the database has objects of <paramref name="kind"/>.</summary>
    public bool SupportsObject(DefinedObjectKind kind) => ObjectKinds.Contains(kind);

    /// <summary>True where an index key can say where NULLs sort (NULLS FIRST / NULLS LAST).</summary>
    public bool SupportsIndexNullsOrder { get; init; }

    /// <summary>True where an index key can name its operator class.</summary>
    public bool SupportsOperatorClasses { get; init; }

    /// <summary>True where an index key can name its collation (COLLATE per key).</summary>
    public bool SupportsIndexKeyCollation { get; init; }

    /// <summary>True where a unique index can make NULLs collide (NULLS NOT DISTINCT).</summary>
    public bool SupportsIndexNullsNotDistinct { get; init; }

    /// <summary>True where a foreign key or check can be added NOT VALID (rows already there unchecked) and validated later.</summary>
    public bool SupportsNotValidConstraints { get; init; }

    /// <summary>True where a table can have exclusion constraints (PostgreSQL's EXCLUDE).</summary>
    public bool SupportsExclusionConstraints { get; init; }

    /// <summary>True where a UNIQUE constraint can be DEFERRABLE (checked at commit).</summary>
    public bool SupportsDeferrableUnique { get; init; }

    /// <summary>True where a table can be partitioned declaratively (PARTITION BY, PARTITION OF).</summary>
    public bool SupportsPartitioning { get; init; }

    /// <summary>The collation a key without one gets when its column (or expression) has none, as the dialect names it.</summary>
    public string? DefaultCollation { get; init; }

    /// <summary>Which table changes ALTER TABLE cannot make in place, where some cannot; null where it can make all.</summary>
    public TableRebuildRule? RebuildRule { get; init; }

    /// <summary>The length of <paramref name="name"/> in <see cref="IdentifierUnit"/>.</summary>
    public int IdentifierLength(string name) => IdentifierUnit switch
    {
        IdentifierUnit.Utf8Bytes => Encoding.UTF8.GetByteCount(name),
        _ => name.Length,
    };
}

/// <summary>What <see cref="Dialect.MaxIdentifierLength"/> counts.</summary>
public enum IdentifierUnit
{
    /// <summary>UTF-16 characters (SQL Server's sysname; SQLite has no limit).</summary>
    Characters,
    /// <summary>Bytes of the UTF-8 encoding (PostgreSQL).</summary>
    Utf8Bytes,
}
