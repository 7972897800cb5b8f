namespace DiffMigrate;

/// <summary>An index on the entity's table: <c>[Index(nameof(A), nameof(B), IsUnique = true)]</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class IndexAttribute(params string[] properties) : Attribute
{
    /// <summary>The indexed properties, in order.</summary>
    public IReadOnlyList<string> Properties { get; } = properties;
    /// <summary>A UNIQUE index.</summary>
    public bool IsUnique { get; set; }
    /// <summary>The index name; the naming convention when null.</summary>
    public string? Name { get; set; }
    /// <summary>A partial-index WHERE clause.</summary>
    public string? Filter { get; set; }
    /// <summary>The access method (gin, gist, hash, brin, ...); null for the default (btree).</summary>
    public string? Method { get; set; }
    /// <summary>Properties stored in the index without being keys (INCLUDE).</summary>
    public string[] Include { get; set; } = [];
    /// <summary>Per key, whether it sorts descending (EF Core's IsDescending).</summary>
    public bool[] IsDescending { get; set; } = [];
    /// <summary>Per key, where NULLs sort (the direction's default when left out).</summary>
    public NullsOrder[] Nulls { get; set; } = [];
    /// <summary>Per key, the operator class (<c>text_pattern_ops</c>, <c>jsonb_path_ops</c>); null or empty for the default.</summary>
    public string[] OperatorClasses { get; set; } = [];
    /// <summary>Per key, the collation; null or empty for the column's own.</summary>
    public string[] Collations { get; set; } = [];
    /// <summary>A unique index where NULLs collide (PostgreSQL 15).</summary>
    public bool NullsNotDistinct { get; set; }
}

/// <summary>A composite primary key: <c>[PrimaryKey(nameof(A), nameof(B))]</c>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PrimaryKeyAttribute(params string[] properties) : Attribute
{
    /// <summary>The key's properties, in order.</summary>
    public IReadOnlyList<string> Properties { get; } = properties;
    /// <summary>The constraint name; the naming convention when null.</summary>
    public string? Name { get; set; }
}

/// <summary>
/// A foreign key from this property: <c>[References(typeof(Author))]</c> refers to that entity's primary key;
/// <c>[References("table", "column")]</c> names the table and column directly.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ReferencesAttribute : Attribute
{
    /// <summary>Refers to the primary key of the entity <paramref name="entity"/>.</summary>
    public ReferencesAttribute(Type entity) => Entity = entity;

    /// <summary>Refers to <paramref name="column"/> of <paramref name="table"/>.</summary>
    public ReferencesAttribute(string table, string column) => (Table, Column) = (table, column);

    /// <summary>The referred entity, or null for the table/column form.</summary>
    public Type? Entity { get; }
    /// <summary>The referred table, for the table/column form.</summary>
    public string? Table { get; }
    /// <summary>The referred column, for the table/column form.</summary>
    public string? Column { get; }
    /// <summary>The referred table's schema, for the table/column form.</summary>
    public string? Schema { get; set; }
    /// <summary>ON DELETE.</summary>
    public ReferentialAction OnDelete { get; set; }
    /// <summary>ON UPDATE.</summary>
    public ReferentialAction OnUpdate { get; set; }
    /// <summary>The constraint name; the naming convention when null.</summary>
    public string? Name { get; set; }
    /// <summary>DEFERRABLE.</summary>
    public bool Deferrable { get; set; }
    /// <summary>INITIALLY DEFERRED (implies <see cref="Deferrable"/>).</summary>
    public bool InitiallyDeferred { get; set; }
}

/// <summary>A UNIQUE constraint: on a property, or on a class with the properties named.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class, AllowMultiple = true)]
public sealed class UniqueAttribute(params string[] properties) : Attribute
{
    /// <summary>The properties (class form); empty on a property.</summary>
    public IReadOnlyList<string> Properties { get; } = properties;
    /// <summary>The constraint name; the naming convention when null.</summary>
    public string? Name { get; set; }
    /// <summary>NULLS NOT DISTINCT: NULLs count as equal (PostgreSQL 15).</summary>
    public bool NullsNotDistinct { get; set; }
}

/// <summary>A CHECK constraint: <c>[Check("amount &gt;= 0", Name = "amount_nonneg")]</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class, AllowMultiple = true)]
public sealed class CheckAttribute(string sql) : Attribute
{
    /// <summary>The boolean SQL expression.</summary>
    public string Sql { get; } = sql;
    /// <summary>The check's name (the naming convention's {name}); the column name when null on a property.</summary>
    public string? Name { get; set; }
    /// <summary><see cref="Name"/> is the constraint's whole name, not the naming convention's {name}.</summary>
    public bool ExactName { get; set; }
}

/// <summary>The column's server-side DEFAULT, as SQL: <c>[ServerDefault("CURRENT_TIMESTAMP")]</c>, <c>[ServerDefault("'draft'")]</c>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ServerDefaultAttribute(string sql) : Attribute
{
    /// <summary>The default expression.</summary>
    public string Sql { get; } = sql;
}

/// <summary>Precision and scale of a decimal column.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PrecisionAttribute(int precision, int scale = 0) : Attribute
{
    /// <summary>Total digits.</summary>
    public int Precision { get; } = precision;
    /// <summary>Digits after the point.</summary>
    public int Scale { get; } = scale;
}

/// <summary>
/// On an entity class: the table has no primary key, on purpose (a log, a staging table). Without it, a class with no
/// key is an error, since that is usually a forgotten key. The builder's <c>t.NoPrimaryKey()</c> says the same.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class KeylessAttribute : Attribute;

/// <summary>A table's storage options (SQLite): <c>[TableOptions(Strict = true, WithoutRowid = true)]</c>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TableOptionsAttribute : Attribute
{
    /// <summary>STRICT: each column holds only values of its type (INTEGER, REAL, TEXT, BLOB or ANY).</summary>
    public bool Strict { get; set; }
    /// <summary>WITHOUT ROWID: rows are stored by primary key.</summary>
    public bool WithoutRowid { get; set; }
}

/// <summary>A comment on the table (class) or column (property).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class)]
public sealed class CommentAttribute(string text) : Attribute
{
    /// <summary>The comment.</summary>
    public string Text { get; } = text;
}

/// <summary>
/// Declares a rename, so that autogenerate emits a rename instead of drop + add: on a property, the column's old
/// name; on a class, the table's old name; on a member of a C# enum mapped to an enum type, the value's old name.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class | AttributeTargets.Field)]
public sealed class RenamedFromAttribute(string oldName) : Attribute
{
    /// <summary>The name before the rename.</summary>
    public string OldName { get; } = oldName;
}

/// <summary>
/// On a revision class: a safety-lint finding accepted on purpose, so that <c>diffmigrate lint --fail-on</c> passes:
/// <c>[AcceptLint("DM102", Table = "posts", Reason = "body moved to post_bodies in the previous revision")]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class AcceptLintAttribute(string code) : Attribute
{
    /// <summary>The finding's code (DM101, ...).</summary>
    public string Code { get; } = code;
    /// <summary>Only findings about this table; all tables when null.</summary>
    public string? Table { get; set; }
    /// <summary>Why the finding is accepted (for reviewers).</summary>
    public string? Reason { get; set; }
}
