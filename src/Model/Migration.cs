using DiffMigrate.Schema;

namespace DiffMigrate;

/// <summary>
/// A revision script: a class deriving <see cref="Migration"/>, marked with <see cref="RevisionAttribute"/>, whose
/// <see cref="Upgrade"/> and <see cref="Downgrade"/> record operations on <see cref="Operations"/>.
/// The protected factories (<see cref="Column"/>, <see cref="PrimaryKey"/>, ...) build the pieces those calls take.
/// </summary>
public abstract class Migration
{
    /// <summary>Records the operations that move the database from the down revisions to this one.</summary>
    public abstract void Upgrade(Operations op);

    /// <summary>Records the operations that move the database back to the down revisions.</summary>
    public abstract void Downgrade(Operations op);

    /// <summary>A column definition.</summary>
    protected static Column Column(
        string name,
        SqlType type,
        bool nullable = false,
        string? defaultSql = null,
        Identity? identity = null,
        string? computed = null,
        string? comment = null,
        string? collation = null,
        bool computedVirtual = false,
        string? onUpdate = null)
        => new(name, type, nullable, defaultSql, identity, computed, comment, collation, computedVirtual, onUpdate);

    /// <summary>A primary key.</summary>
    protected static PrimaryKey PrimaryKey(string? name, params string[] columns) => new(name, columns);

    /// <summary>A foreign key.</summary>
    protected static ForeignKey ForeignKey(
        string? name,
        string[] columns,
        QualifiedName referredTable,
        string[] referredColumns,
        ReferentialAction onDelete = ReferentialAction.NoAction,
        ReferentialAction onUpdate = ReferentialAction.NoAction,
        bool deferrable = false,
        bool initiallyDeferred = false,
        bool notValid = false)
        => new(name, columns, referredTable, referredColumns, onDelete, onUpdate, deferrable, initiallyDeferred, notValid);

    /// <summary>A UNIQUE constraint.</summary>
    protected static UniqueConstraint Unique(string? name, params string[] columns) => new(name, columns);

    /// <summary>A UNIQUE constraint with options.</summary>
    protected static UniqueConstraint Unique(string? name, string[] columns, bool nullsNotDistinct, bool deferrable = false, bool initiallyDeferred = false)
        => new(name, columns, nullsNotDistinct, deferrable, initiallyDeferred);

    /// <summary>A CHECK constraint; <paramref name="notValid"/> adds it without checking the rows already there (PostgreSQL).</summary>
    protected static CheckConstraint Check(string? name, string sql, bool notValid = false) => new(name, sql, notValid);

    /// <summary>An exclusion constraint: <paramref name="definition"/> is what follows EXCLUDE (PostgreSQL).</summary>
    protected static ExclusionConstraint Exclude(string? name, string definition) => new(name, definition);

    /// <summary>
    /// An index on columns (or expressions, flagged in <paramref name="expressions"/>); <paramref name="descending"/>
    /// flags DESC keys, <paramref name="method"/> names the access method, <paramref name="include"/> the covered columns,
    /// <paramref name="keyOptions"/> each key's NULLS order, operator class and collation (null entries for none) and
    /// <paramref name="nullsNotDistinct"/> makes NULLs collide in a unique index.
    /// </summary>
    protected static TableIndex Index(string name, string[] columns, bool unique = false, string? filter = null, bool[]? expressions = null,
        string? method = null, string[]? include = null, bool[]? descending = null, IndexKeyOptions?[]? keyOptions = null, bool nullsNotDistinct = false)
        => new(name, columns, unique, filter, expressions ?? [], method, include ?? [], descending ?? [],
            keyOptions is { } options && options.Any(o => o is not null && !o.IsDefault) ? options.Select(o => o ?? IndexKeyOptions.None).ToArray() : [],
            nullsNotDistinct);

    /// <summary>A sequence definition.</summary>
    protected static Sequence Sequence(QualifiedName name, long? start = null, long? increment = null, long? minValue = null,
        long? maxValue = null, bool cycle = false, long? cache = null)
        => new(name, start, increment, minValue, maxValue, cycle, cache);

    /// <summary>A domain definition: <paramref name="baseType"/> with NOT NULL, a default, checks on VALUE and a collation.</summary>
    protected static Domain Domain(QualifiedName name, SqlType baseType, bool notNull = false, string? defaultSql = null, CheckConstraint[]? checks = null,
        string? collation = null)
        => new(name, baseType, notNull, defaultSql, checks ?? [], collation);

    /// <summary>A whole table definition, e.g. the copyFrom of <see cref="Operations.BatchAlterTable"/>.</summary>
    protected static Table Definition(QualifiedName name, params TableElement[] elements) => TableBuilder.Build(name, elements);

    /// <summary>PARTITION BY <paramref name="key"/> (PostgreSQL), as an element of <see cref="Operations.CreateTable"/>.</summary>
    protected static TablePartitioning Partitioning(string key) => new(key);

    /// <summary>PARTITION OF <paramref name="parent"/> with <paramref name="bound"/> (PostgreSQL), as an element of <see cref="Operations.CreateTable"/>.</summary>
    protected static TablePartitionOf PartitionOf(QualifiedName parent, string bound) => new(parent, bound);

    /// <summary>A table comment, as an element of <see cref="Operations.CreateTable"/>.</summary>
    protected static TableComment Comment(string text) => new(text);

    /// <summary>A table's storage options (SQLite's STRICT and WITHOUT ROWID), as an element of <see cref="Operations.CreateTable"/>.</summary>
    protected static TableOptions Options(bool strict = false, bool withoutRowid = false) => new(strict, withoutRowid);
}

/// <summary>
/// Identifies a revision: <c>[Revision("id", "down id", ..., BranchLabels = new[] { ... }, DependsOn = new[] { ... },
/// Message = "...")]</c>. No down id makes a base revision; two or more make a merge.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RevisionAttribute(string id, params string[] downRevisions) : Attribute
{
    /// <summary>The revision id (12 lowercase hex characters by default).</summary>
    public string Id { get; } = id;

    /// <summary>The revisions this one follows.</summary>
    public IReadOnlyList<string> DownRevisions { get; } = downRevisions;

    /// <summary>Branch labels that name this revision's branch.</summary>
    public string[] BranchLabels { get; set; } = [];

    /// <summary>Revisions that must be applied before this one without being its parents.</summary>
    public string[] DependsOn { get; set; } = [];

    /// <summary>The message given to <c>diffmigrate revision -m</c>.</summary>
    public string? Message { get; set; }
}
