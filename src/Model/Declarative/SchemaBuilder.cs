using DiffMigrate.Declarative;
using DiffMigrate.Schema;

namespace DiffMigrate;

/// <summary>
/// The fluent alternative to entity attributes: derive from this class, override <see cref="Define"/>, and describe
/// tables there. Every non-abstract subclass in the model assembly (with a parameterless constructor) is used.
/// </summary>
public abstract class SchemaDefinition
{
    /// <summary>Declares tables (and attribute-mapped entities) on <paramref name="builder"/>.</summary>
    public abstract void Define(SchemaBuilder builder);
}

/// <summary>What <see cref="SchemaDefinition.Define"/> receives.</summary>
public sealed class SchemaBuilder
{
    internal List<TableDefinition> Tables { get; } = [];
    internal List<Type> Entities { get; } = [];
    internal List<EnumType> Enums { get; } = [];
    internal List<EnumValueRename> EnumRenames { get; } = [];
    internal List<Sequence> Sequences { get; } = [];
    internal List<Extension> Extensions { get; } = [];
    internal List<DefinedObject> Objects { get; } = [];
    internal List<Domain> Domains { get; } = [];

    /// <summary>
    /// An enumerated type. Columns use it with <c>SqlType.Enum(name, values)</c> (or a C# enum property); declare it
    /// here to give it a schema, to keep it while no column uses it, or to declare value renames.
    /// </summary>
    public SchemaBuilder Enum(QualifiedName name, string[] values, params (string OldValue, string NewValue)[] renamedValues)
    {
        Enums.Add(new EnumType(name, values));
        EnumRenames.AddRange(renamedValues.Select(r => new EnumValueRename(name, r.OldValue, r.NewValue)));
        return this;
    }

    /// <summary>
    /// An extension the database needs (PostgreSQL's <c>CREATE EXTENSION</c>), its objects in <paramref name="schema"/>
    /// (null: the default schema). Created before the tables, dropped after them.
    /// </summary>
    public SchemaBuilder Extension(string name, string? schema = null)
    {
        Extensions.Add(new Extension(name, schema));
        return this;
    }

    /// <summary>
    /// A view defined by <paramref name="query"/> (what follows <c>CREATE VIEW name AS</c>). It is compared as the
    /// database stores it, so spacing and keyword case are never a change.
    /// </summary>
    public SchemaBuilder View(QualifiedName name, string query) => Object(DefinedObject.View(name, query));

    /// <summary>A materialized view (PostgreSQL) defined by <paramref name="query"/>, with its indexes.</summary>
    public SchemaBuilder MaterializedView(QualifiedName name, string query, params TableIndex[] indexes) =>
        Object(DefinedObject.MaterializedView(name, query, indexes));

    /// <summary>
    /// A function: its name, its argument types (<c>"integer, text"</c>; "" for none: with the name they tell
    /// overloads apart) and its whole <c>CREATE FUNCTION</c> statement.
    /// </summary>
    public SchemaBuilder Function(QualifiedName name, string arguments, string definition) => Object(DefinedObject.Function(name, arguments, definition));

    /// <summary>A procedure: its name, its argument types and its whole <c>CREATE PROCEDURE</c> statement.</summary>
    public SchemaBuilder Procedure(QualifiedName name, string arguments, string definition) => Object(DefinedObject.Procedure(name, arguments, definition));

    /// <summary>An aggregate: its name, its argument types and its whole <c>CREATE AGGREGATE</c> statement.</summary>
    public SchemaBuilder Aggregate(QualifiedName name, string arguments, string definition) => Object(DefinedObject.Aggregate(name, arguments, definition));

    /// <summary>A trigger named <paramref name="name"/> on <paramref name="table"/>: its whole <c>CREATE TRIGGER</c> statement.</summary>
    public SchemaBuilder Trigger(string name, QualifiedName table, string definition) => Object(DefinedObject.Trigger(name, table, definition));

    /// <summary>Any <see cref="DefinedObject"/>.</summary>
    public SchemaBuilder Object(DefinedObject definedObject)
    {
        Objects.Add(definedObject ?? throw new ArgumentNullException(nameof(definedObject)));
        return this;
    }

    /// <summary>
    /// A domain (PostgreSQL's <c>CREATE DOMAIN</c>): <paramref name="baseType"/> with NOT NULL, a default, checks on
    /// <c>VALUE</c> (an unnamed one is named as PostgreSQL names it: <c>{name}_check</c>, then <c>{name}_check1</c>, ...)
    /// and a collation. Columns use it with <c>SqlType.Raw(name)</c>. Created before the tables, dropped after them.
    /// </summary>
    public SchemaBuilder Domain(QualifiedName name, SqlType baseType, bool notNull = false, string? defaultSql = null, CheckConstraint[]? checks = null,
        string? collation = null)
    {
        var number = 0;
        string Unnamed() => $"{name.Name}_check{(number++ == 0 ? "" : (number - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))}";
        Domains.Add(new Domain(name, baseType, notNull, defaultSql,
            (checks ?? []).Select(c => c.Name is null ? c with { Name = Unnamed() } : c).OrderBy(c => c.Name, StringComparer.Ordinal).ToEquatableArray(), collation));
        return this;
    }

    /// <summary>A standalone sequence; null options are the database's defaults.</summary>
    public SchemaBuilder Sequence(QualifiedName name, long? start = null, long? increment = null, long? minValue = null,
        long? maxValue = null, bool cycle = false, long? cache = null)
    {
        Sequences.Add(new Sequence(name, start, increment, minValue, maxValue, cycle, cache));
        return this;
    }

    /// <summary>A table described column by column.</summary>
    public SchemaBuilder Table(QualifiedName name, Action<TableDefinition> define)
    {
        var table = new TableDefinition(new TableDraft(name, $"SchemaDefinition table {name}"));
        define(table);
        Tables.Add(table);
        return this;
    }

    /// <summary>
    /// A partition of <paramref name="of"/> (PostgreSQL) with <paramref name="bound"/> as PostgreSQL prints it
    /// (<c>FOR VALUES FROM (...) TO (...)</c>, <c>FOR VALUES IN (...)</c>, <c>FOR VALUES WITH (MODULUS m, REMAINDER r)</c>
    /// or <c>DEFAULT</c>). It has its parent's columns, and the keys and indexes it inherits: <paramref name="define"/>
    /// declares only what is its own (checks, indexes, a PARTITION BY of its own).
    /// </summary>
    public SchemaBuilder Partition(QualifiedName name, QualifiedName of, string bound, Action<TableDefinition>? define = null)
    {
        var table = new TableDefinition(new TableDraft(name, $"SchemaDefinition partition {name}") { PartitionOf = of, PartitionBound = bound });
        define?.Invoke(table);
        Tables.Add(table);
        return this;
    }

    /// <summary>Includes an attribute-mapped class (with or without [Table]).</summary>
    public SchemaBuilder Entity<T>() where T : class => Entity(typeof(T));

    /// <summary>Includes an attribute-mapped class (with or without [Table]).</summary>
    public SchemaBuilder Entity(Type type)
    {
        Entities.Add(type);
        return this;
    }
}

/// <summary>One table of a <see cref="SchemaBuilder"/>.</summary>
public sealed class TableDefinition
{
    internal TableDefinition(TableDraft draft) => Draft = draft;

    internal TableDraft Draft { get; }

    /// <summary>A NOT NULL column (call <see cref="ColumnDefinition.Nullable"/> to allow NULL).</summary>
    public ColumnDefinition Column(string name, SqlType type)
    {
        var column = new ColumnDraft(name, type);
        Draft.Columns.Add(column);
        return new ColumnDefinition(this, column);
    }

    /// <summary>The primary key (named by the naming convention unless <paramref name="name"/> is given).</summary>
    public TableDefinition PrimaryKey(string[] columns, string? name = null)
    {
        Draft.PrimaryKey = [.. columns];
        Draft.PrimaryKeyName = name;
        return this;
    }

    /// <summary>The primary key on these columns.</summary>
    public TableDefinition PrimaryKey(params string[] columns) => PrimaryKey(columns, null);

    /// <summary>
    /// The table has no primary key, on purpose (a log or staging table, a table adopted as it is; EF Core's
    /// HasNoKey). Without this, a table without a key is an error, as it is usually a forgotten key.
    /// </summary>
    public TableDefinition NoPrimaryKey()
    {
        Draft.Keyless = true;
        return this;
    }

    /// <summary>A non-unique index on these columns.</summary>
    public TableDefinition Index(params string[] columns) => Index(null, columns);

    /// <summary>
    /// An index with options: <paramref name="expressions"/> flags entries that are SQL expressions,
    /// <paramref name="descending"/> the DESC keys; <paramref name="method"/> is the access method (gin, gist, hash,
    /// ...) and <paramref name="include"/> the covered non-key columns. <paramref name="keyOptions"/> has per key
    /// where NULLs sort, the operator class and the collation (null entries for none); with
    /// <paramref name="nullsNotDistinct"/> a unique index makes NULLs collide (PostgreSQL 15).
    /// </summary>
    public TableDefinition Index(string? name, string[] columns, bool unique = false, string? filter = null, bool[]? expressions = null,
        string? method = null, string[]? include = null, bool[]? descending = null, IndexKeyOptions?[]? keyOptions = null, bool nullsNotDistinct = false)
    {
        var options = (keyOptions ?? []).Select(o => o ?? IndexKeyOptions.None).ToArray();
        Draft.Indexes.Add(new TableIndex(name ?? "", [.. columns], unique, filter,
            expressions is { } e && e.Contains(true) ? (EquatableArray<bool>)e : default, method, include ?? [],
            descending is { } d && d.Contains(true) ? (EquatableArray<bool>)d : default,
            options.Any(o => !o.IsDefault) ? (EquatableArray<IndexKeyOptions>)options : default, nullsNotDistinct));
        return this;
    }

    /// <summary>A UNIQUE constraint on these columns.</summary>
    public TableDefinition Unique(params string[] columns) => Unique(columns, nullsNotDistinct: false);

    /// <summary>
    /// A UNIQUE constraint; with <paramref name="nullsNotDistinct"/>, NULLs count as equal (PostgreSQL 15); with
    /// <paramref name="deferrable"/> it can be checked at commit, and with <paramref name="initiallyDeferred"/> it is (PostgreSQL).
    /// </summary>
    public TableDefinition Unique(string[] columns, bool nullsNotDistinct, string? name = null, bool deferrable = false, bool initiallyDeferred = false)
    {
        Draft.Uniques.Add(new UniqueConstraint(name, [.. columns], nullsNotDistinct, deferrable, initiallyDeferred));
        return this;
    }

    /// <summary>A CHECK constraint; <paramref name="name"/> is the naming convention's {name}.</summary>
    public TableDefinition Check(string sql, string name) => Check(sql, name, exactName: false);

    /// <summary>
    /// A CHECK constraint; with <paramref name="exactName"/>, <paramref name="name"/> is the whole constraint name; with
    /// <paramref name="notValid"/> it is added without checking the rows already there (PostgreSQL's NOT VALID: a
    /// database where it is validated satisfies it too).
    /// </summary>
    public TableDefinition Check(string sql, string name, bool exactName, bool notValid = false)
    {
        if (notValid) Draft.NotValidChecks.Add(Draft.Checks.Count);
        Draft.Checks.Add((name, sql, null, exactName));
        return this;
    }

    /// <summary>
    /// An exclusion constraint (PostgreSQL): <paramref name="definition"/> is what follows EXCLUDE, e.g.
    /// <c>USING gist (room WITH =, during WITH &amp;&amp;)</c>; null <paramref name="name"/> lets the server name it.
    /// </summary>
    public TableDefinition Exclude(string definition, string? name = null)
    {
        Draft.Exclusions.Add(new ExclusionConstraint(name, definition));
        return this;
    }

    /// <summary>
    /// A foreign key on several columns; with <paramref name="notValid"/> it is added without checking the rows
    /// already there (PostgreSQL's NOT VALID: a database where it is validated satisfies it too).
    /// </summary>
    public TableDefinition ForeignKey(string[] columns, QualifiedName referredTable, string[] referredColumns,
        ReferentialAction onDelete = ReferentialAction.NoAction, ReferentialAction onUpdate = ReferentialAction.NoAction, string? name = null,
        bool deferrable = false, bool initiallyDeferred = false, bool notValid = false)
    {
        Draft.ForeignKeys.Add(new ForeignKeyDraft([.. columns], referredTable, null, [.. referredColumns], onDelete, onUpdate, name, Draft.Origin,
            deferrable, initiallyDeferred, notValid));
        return this;
    }

    /// <summary>
    /// Makes the table partitioned (PostgreSQL): <paramref name="key"/> as PostgreSQL prints it, e.g. <c>RANGE (logdate)</c>,
    /// <c>LIST (region)</c>, <c>HASH (id)</c>. Its partitions are declared with <see cref="SchemaBuilder.Partition"/>.
    /// </summary>
    public TableDefinition PartitionBy(string key)
    {
        Draft.PartitionBy = key;
        return this;
    }

    /// <summary>
    /// A STRICT table (SQLite): each column holds only values of its type, stored as INTEGER, REAL, TEXT, BLOB or ANY
    /// (a VARCHAR column is a TEXT one, a BIGINT an INTEGER). Refused on databases without strict tables.
    /// </summary>
    public TableDefinition Strict()
    {
        Draft.Strict = true;
        return this;
    }

    /// <summary>A table stored WITHOUT ROWID (SQLite): rows are kept in primary-key order; it needs a primary key and has no identity.</summary>
    public TableDefinition WithoutRowid()
    {
        Draft.WithoutRowid = true;
        return this;
    }

    /// <summary>The table comment.</summary>
    public TableDefinition Comment(string text)
    {
        Draft.Comment = text;
        return this;
    }

    /// <summary>Declares that the table was called <paramref name="oldName"/>: autogenerate renames it.</summary>
    public TableDefinition RenamedFrom(string oldName)
    {
        Draft.RenamedFrom = oldName;
        return this;
    }
}

/// <summary>One column of a <see cref="TableDefinition"/>; every method returns itself for chaining.</summary>
public sealed class ColumnDefinition
{
    private readonly TableDefinition table;
    private readonly ColumnDraft column;

    internal ColumnDefinition(TableDefinition table, ColumnDraft column) => (this.table, this.column) = (table, column);

    /// <summary>Allows NULL (or not, with false).</summary>
    public ColumnDefinition Nullable(bool nullable = true) { column.Nullable = nullable; return this; }

    /// <summary>The server-side DEFAULT, as SQL.</summary>
    public ColumnDefinition Default(string sql) { column.Default = sql; return this; }

    /// <summary>
    /// An identity column. Options left null take the database's defaults for the column's type and the direction of
    /// <paramref name="increment"/> (a negative increment counts down from -1); <paramref name="cycle"/> wraps around.
    /// </summary>
    public ColumnDefinition Identity(
        bool always = false, long? start = null, long? increment = null, long? minValue = null, long? maxValue = null, bool cycle = false,
        long? cache = null)
    {
        column.Identity = new Identity(always, start, increment, MinValue: minValue, MaxValue: maxValue, Cycle: cycle, Cache: cache);
        return this;
    }

    /// <summary>A PostgreSQL <c>serial</c> column (an owned sequence with a nextval default).</summary>
    public ColumnDefinition Serial() { column.Identity = new Identity(Serial: true); return this; }

    /// <summary>A stored generated column.</summary>
    public ColumnDefinition Computed(string sql) { column.Computed = sql; return this; }

    /// <summary>A generated column: STORED, or with <paramref name="stored"/> false VIRTUAL (computed when read; SQLite).</summary>
    public ColumnDefinition Computed(string sql, bool stored) { column.Computed = sql; column.ComputedVirtual = !stored; return this; }

    /// <summary>The column comment.</summary>
    public ColumnDefinition Comment(string text) { column.Comment = text; return this; }

    /// <summary>The column collation.</summary>
    public ColumnDefinition Collation(string name) { column.Collation = name; return this; }

    /// <summary>The value written into the column whenever its row is updated: MariaDB's and MySQL's <c>ON UPDATE CURRENT_TIMESTAMP</c>.</summary>
    public ColumnDefinition OnUpdate(string sql) { column.OnUpdate = sql; return this; }

    /// <summary>Declares that the column was called <paramref name="oldName"/>: autogenerate renames it.</summary>
    public ColumnDefinition RenamedFrom(string oldName) { column.RenamedFrom = oldName; return this; }

    /// <summary>This column alone is the primary key.</summary>
    public ColumnDefinition PrimaryKey() { table.PrimaryKey(column.Name); return this; }

    /// <summary>A UNIQUE constraint on this column.</summary>
    public ColumnDefinition Unique() { table.Unique(column.Name); return this; }

    /// <summary>An index on this column.</summary>
    public ColumnDefinition Indexed(bool unique = false) { table.Index(null, [column.Name], unique); return this; }

    /// <summary>A CHECK constraint about this column; {name} defaults to the column name.</summary>
    public ColumnDefinition Check(string sql, string? name = null) { table.Draft.Checks.Add((name, sql, column.Name, false)); return this; }

    /// <summary>A foreign key from this column.</summary>
    public ColumnDefinition References(QualifiedName table, string column, ReferentialAction onDelete = ReferentialAction.NoAction,
        ReferentialAction onUpdate = ReferentialAction.NoAction, string? name = null)
    {
        this.table.ForeignKey([this.column.Name], table, [column], onDelete, onUpdate, name);
        return this;
    }
}
