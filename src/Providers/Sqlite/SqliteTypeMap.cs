using DiffMigrate.Dialects;

namespace DiffMigrate.Providers.Sqlite;

/// <summary>
/// SQLite keeps declared types verbatim in <c>sqlite_schema</c>, so each neutral type gets one distinct spelling
/// and reads back exactly. Enums have no SQLite type: they are stored as VARCHAR of the longest value.
/// </summary>
internal sealed class SqliteTypeMap : SqlTypeMap
{
    /// <summary>The shared instance.</summary>
    public static SqliteTypeMap Instance { get; } = new();

    /// <inheritdoc/>
    public override string ToSql(SqlType type) => type.Kind switch
    {
        SqlTypeKind.Int16 => "SMALLINT",
        SqlTypeKind.Int32 => "INTEGER",
        SqlTypeKind.Int64 => "BIGINT",
        SqlTypeKind.Decimal when type.Precision is { } p => type.Scale is { } s ? $"NUMERIC({p}, {s})" : $"NUMERIC({p})",
        SqlTypeKind.Decimal => "NUMERIC",
        SqlTypeKind.Single => "REAL",
        SqlTypeKind.Double => "DOUBLE",
        SqlTypeKind.Boolean => "BOOLEAN",
        SqlTypeKind.String => type.Length is { } n ? $"VARCHAR({n})" : "VARCHAR",
        SqlTypeKind.FixedChar => type.Length is { } n ? $"CHAR({n})" : "CHAR",
        SqlTypeKind.Text => "TEXT",
        SqlTypeKind.Binary => type.Length is { } n ? $"BLOB({n})" : "BLOB",
        SqlTypeKind.Date => "DATE",
        SqlTypeKind.Time => "TIME",
        SqlTypeKind.DateTime => "DATETIME",
        SqlTypeKind.DateTimeOffset => "DATETIMEOFFSET",
        SqlTypeKind.Uuid => "UUID",
        SqlTypeKind.Json => "JSON",
        SqlTypeKind.Enum => $"VARCHAR({Math.Max(1, type.Values.Select(v => v.Length).DefaultIfEmpty(1).Max())})",
        SqlTypeKind.Raw => type.Name ?? "",
        _ => throw new NotSupportedException($"SQLite has no spelling for {type}."),
    };

    /// <summary>
    /// What a STRICT table stores a type as: integers and booleans INTEGER, floats REAL, binary BLOB, everything else
    /// TEXT (as Microsoft.Data.Sqlite writes decimals, dates, GUIDs and JSON); a raw type only when it is one of the
    /// strict names (INT, INTEGER, REAL, TEXT, BLOB, ANY).
    /// </summary>
    public override SqlType? StrictType(SqlType type) => type.Kind switch
    {
        SqlTypeKind.Int16 or SqlTypeKind.Int32 or SqlTypeKind.Int64 or SqlTypeKind.Boolean => SqlType.Int32,
        SqlTypeKind.Single or SqlTypeKind.Double => SqlType.Single,
        SqlTypeKind.Binary => SqlType.Binary(),
        SqlTypeKind.Raw => (type.Name ?? "").Trim().ToUpperInvariant() switch
        {
            "INT" or "INTEGER" => SqlType.Int32,
            "REAL" => SqlType.Single,
            "TEXT" => SqlType.Text,
            "BLOB" => SqlType.Binary(),
            "ANY" => SqlType.Raw("ANY"),
            _ => null,
        },
        _ => SqlType.Text,
    };

    /// <inheritdoc/>
    public override SqlType Parse(string sql)
    {
        var (name, args) = Split(sql);
        int? Arg(int i) => args.Length > i ? args[i] : null;
        return (name, args.Length) switch
        {
            ("INTEGER" or "INT", 0) => SqlType.Int32,
            ("BIGINT" or "INT8", 0) => SqlType.Int64,
            ("SMALLINT" or "INT2", 0) => SqlType.Int16,
            ("NUMERIC" or "DECIMAL", <= 2) => SqlType.Decimal(Arg(0), Arg(1)),
            ("REAL" or "FLOAT", 0) => SqlType.Single,
            ("DOUBLE" or "DOUBLE PRECISION", 0) => SqlType.Double,
            ("BOOLEAN" or "BOOL", 0) => SqlType.Boolean,
            ("VARCHAR" or "NVARCHAR" or "CHARACTER VARYING", <= 1) => SqlType.String(Arg(0)),
            ("CHAR" or "NCHAR" or "CHARACTER", 1) => SqlType.FixedChar(args[0]),
            ("CHAR" or "NCHAR" or "CHARACTER", 0) => new SqlType(SqlTypeKind.FixedChar),
            ("TEXT" or "CLOB", 0) => SqlType.Text,
            ("BLOB", <= 1) => SqlType.Binary(Arg(0)),
            ("DATE", 0) => SqlType.Date,
            ("TIME", 0) => SqlType.Time,
            ("DATETIME" or "TIMESTAMP", 0) => SqlType.DateTime,
            ("DATETIMEOFFSET", 0) => SqlType.DateTimeOffset,
            ("UUID" or "GUID", 0) => SqlType.Uuid,
            ("JSON", 0) => SqlType.Json,
            _ => SqlType.Raw(sql.Trim()),
        };
    }
}
