using DiffMigrate.Dialects;

namespace DiffMigrate.Providers.Postgres;

/// <summary>
/// PostgreSQL's type names. <see cref="Parse"/> reads both the catalog's spelling (<c>format_type</c>:
/// <c>character varying(20)</c>, <c>timestamp with time zone</c>) and the usual aliases (<c>varchar(20)</c>,
/// <c>timestamptz</c>, <c>int4</c>); types with no neutral kind (interval, citext, arrays, inet, ...) become
/// <see cref="SqlType.Raw"/> in the catalog's spelling, so that <c>Raw("int[]")</c> and <c>integer[]</c> compare equal.
/// </summary>
internal sealed class PostgresTypeMap : SqlTypeMap
{
    /// <summary>The shared instance.</summary>
    public static PostgresTypeMap Instance { get; } = new();

    /// <inheritdoc/>
    public override string ToSql(SqlType type) => type.Kind switch
    {
        SqlTypeKind.Int16 => "smallint",
        SqlTypeKind.Int32 => "integer",
        SqlTypeKind.Int64 => "bigint",
        SqlTypeKind.Decimal when type.Precision is { } p => type.Scale is { } s ? $"numeric({p}, {s})" : $"numeric({p})",
        SqlTypeKind.Decimal => "numeric",
        SqlTypeKind.Single => "real",
        SqlTypeKind.Double => "double precision",
        SqlTypeKind.Boolean => "boolean",
        SqlTypeKind.String => type.Length is { } n ? $"varchar({n})" : "varchar",
        SqlTypeKind.FixedChar => type.Length is { } n ? $"char({n})" : "char",
        SqlTypeKind.Text => "text",
        SqlTypeKind.Binary => "bytea",
        SqlTypeKind.Date => "date",
        SqlTypeKind.Time => "time",
        SqlTypeKind.DateTime => "timestamp",
        SqlTypeKind.DateTimeOffset => "timestamptz",
        SqlTypeKind.Uuid => "uuid",
        SqlTypeKind.Json => "jsonb",
        SqlTypeKind.Enum => PostgresIdentifiers.Quote(EnumType.NameOf(type)),
        SqlTypeKind.Raw => type.Name ?? "",
        _ => throw new NotSupportedException($"PostgreSQL has no spelling for {type}."),
    };

    /// <summary>
    /// Enums compare by name only (their values are the enum's own operations, not the column's), without the
    /// default schema; every other type as the catalog would report it.
    /// </summary>
    public override SqlType Normalize(SqlType type) => type.Kind == SqlTypeKind.Enum
        ? new SqlType(SqlTypeKind.Enum, Name: EnumType.NameOf(type) is { Schema: "public" } n ? n.Name : EnumType.NameOf(type).ToString())
        : Parse(ToSql(type));

    /// <inheritdoc/>
    public override SqlType Parse(string sql)
    {
        var text = sql.Trim();
        if (text.EndsWith("[]", StringComparison.Ordinal))
        {
            // Arrays keep the element's catalog spelling: int[] and integer[] are one type.
            return SqlType.Raw(CatalogName(Parse(text[..^2])) + "[]");
        }
        var (name, args) = Split(text);
        int? Arg(int i) => args.Length > i ? args[i] : null;
        return (name, args.Length) switch
        {
            ("SMALLINT" or "INT2", 0) => SqlType.Int16,
            ("INTEGER" or "INT" or "INT4", 0) => SqlType.Int32,
            ("BIGINT" or "INT8", 0) => SqlType.Int64,
            ("NUMERIC" or "DECIMAL", <= 2) => SqlType.Decimal(Arg(0), Arg(1)),
            ("REAL" or "FLOAT4", 0) => SqlType.Single,
            ("DOUBLE PRECISION" or "FLOAT8" or "FLOAT", 0) => SqlType.Double,
            ("BOOLEAN" or "BOOL", 0) => SqlType.Boolean,
            ("CHARACTER VARYING" or "VARCHAR", <= 1) => SqlType.String(Arg(0)),
            ("CHARACTER" or "CHAR" or "BPCHAR", 1) => SqlType.FixedChar(args[0]),
            ("CHARACTER" or "CHAR" or "BPCHAR", 0) => SqlType.FixedChar(1),
            ("TEXT", 0) => SqlType.Text,
            ("BYTEA", 0) => SqlType.Binary(),
            ("DATE", 0) => SqlType.Date,
            ("TIME" or "TIME WITHOUT TIME ZONE", 0) => SqlType.Time,
            ("TIMESTAMP" or "TIMESTAMP WITHOUT TIME ZONE", 0) => SqlType.DateTime,
            ("TIMESTAMPTZ" or "TIMESTAMP WITH TIME ZONE", 0) => SqlType.DateTimeOffset,
            ("UUID", 0) => SqlType.Uuid,
            ("JSONB", 0) => SqlType.Json,
            _ => SqlType.Raw(RawName(text)),
        };
    }

    /// <summary>The catalog (<c>format_type</c>) spelling of a type, used for array elements.</summary>
    private string CatalogName(SqlType type) => type.Kind switch
    {
        SqlTypeKind.String => type.Length is { } n ? $"character varying({n})" : "character varying",
        SqlTypeKind.FixedChar => $"character({type.Length ?? 1})",
        SqlTypeKind.Decimal when type.Precision is { } p => $"numeric({p},{type.Scale ?? 0})",
        SqlTypeKind.Time => "time without time zone",
        SqlTypeKind.DateTime => "timestamp without time zone",
        SqlTypeKind.DateTimeOffset => "timestamp with time zone",
        _ => ToSql(type),
    };

    /// <summary>Unquoted names fold to lower case, as the server folds them; quoted ones are kept.</summary>
    private static string RawName(string text) =>
        text.Contains('"', StringComparison.Ordinal) ? text : string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
