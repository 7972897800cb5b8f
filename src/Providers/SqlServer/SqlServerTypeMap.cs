using DiffMigrate.Dialects;

namespace DiffMigrate.Providers.SqlServer;

/// <summary>
/// SQL Server's type names. Text is Unicode (NVARCHAR, NCHAR), unbounded text and binary are NVARCHAR(MAX) and
/// VARBINARY(MAX) (a length beyond what a bounded column takes, 4000 characters or 8000 bytes, is MAX too), a boolean is
/// BIT, a date-time DATETIME2 (100 ns, as wide as .NET's DateTime), with an offset DATETIMEOFFSET, a UUID
/// UNIQUEIDENTIFIER, JSON NVARCHAR(MAX) (SQL Server 2016's JSON functions read text), an enum NVARCHAR as long as its
/// longest value (SQL Server has no enum types). Other spellings become <see cref="SqlType.Raw"/> in lower case.
/// </summary>
internal sealed class SqlServerTypeMap : SqlTypeMap
{
    /// <summary>The shared instance.</summary>
    public static SqlServerTypeMap Instance { get; } = new();

    private const int MaxNChars = 4000;
    private const int MaxBytes = 8000;

    /// <inheritdoc/>
    public override string ToSql(SqlType type) => type.Kind switch
    {
        SqlTypeKind.Int16 => "SMALLINT",
        SqlTypeKind.Int32 => "INT",
        SqlTypeKind.Int64 => "BIGINT",
        SqlTypeKind.Decimal when type.Precision is { } p => type.Scale is { } s ? $"DECIMAL({p}, {s})" : $"DECIMAL({p})",
        SqlTypeKind.Decimal => "DECIMAL",
        SqlTypeKind.Single => "REAL",
        SqlTypeKind.Double => "FLOAT",
        SqlTypeKind.Boolean => "BIT",
        SqlTypeKind.String => type.Length is { } n and <= MaxNChars ? $"NVARCHAR({n})" : "NVARCHAR(MAX)",
        SqlTypeKind.FixedChar => type.Length is { } n ? n <= MaxNChars ? $"NCHAR({n})" : throw new DiffMigrateException(
            $"SQL Server's NCHAR holds at most {MaxNChars} characters, not {n} ({type}): use SqlType.String() for NVARCHAR(MAX).") : "NCHAR(1)",
        SqlTypeKind.Text => "NVARCHAR(MAX)",
        SqlTypeKind.Binary => type.Length is { } n and <= MaxBytes ? $"VARBINARY({n})" : "VARBINARY(MAX)",
        SqlTypeKind.Date => "DATE",
        SqlTypeKind.Time => "TIME",
        SqlTypeKind.DateTime => "DATETIME2",
        SqlTypeKind.DateTimeOffset => "DATETIMEOFFSET",
        SqlTypeKind.Uuid => "UNIQUEIDENTIFIER",
        SqlTypeKind.Json => "NVARCHAR(MAX)",
        SqlTypeKind.Enum => $"NVARCHAR({Math.Clamp(type.Values.Select(v => v.Length).DefaultIfEmpty(1).Max(), 1, MaxNChars)})",
        SqlTypeKind.Raw => type.Name ?? "",
        _ => throw new NotSupportedException($"SQL Server has no spelling for {type}."),
    };

    /// <inheritdoc/>
    public override SqlType Parse(string sql)
    {
        var text = sql.Trim();
        var max = text.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (max is "NVARCHAR(MAX)" or "VARCHAR(MAX)") return SqlType.String();
        if (max == "VARBINARY(MAX)") return SqlType.Binary();
        var (name, args) = Split(text);
        return (name, args.Length) switch
        {
            ("SMALLINT", 0) => SqlType.Int16,
            ("INT" or "INTEGER", 0) => SqlType.Int32,
            ("BIGINT", 0) => SqlType.Int64,
            // SQL Server's DECIMAL without arguments is DECIMAL(18, 0).
            ("DECIMAL" or "NUMERIC", 0) => SqlType.Decimal(18, 0),
            ("DECIMAL" or "NUMERIC", 1) => SqlType.Decimal(args[0], 0),
            ("DECIMAL" or "NUMERIC", 2) => SqlType.Decimal(args[0], args[1]),
            ("REAL", 0) => SqlType.Single,
            ("FLOAT", 1) when args[0] <= 24 => SqlType.Single,
            ("FLOAT", 0) => SqlType.Double,
            ("FLOAT", 1) when args[0] > 24 => SqlType.Double,
            ("BIT", 0) => SqlType.Boolean,
            ("NVARCHAR", 1) => SqlType.String(args[0]),
            ("NCHAR", 1) => SqlType.FixedChar(args[0]),
            ("NCHAR", 0) => SqlType.FixedChar(1),
            ("VARBINARY", 1) => SqlType.Binary(args[0]),
            ("DATE", 0) => SqlType.Date,
            ("TIME", 0) => SqlType.Time,
            ("TIME", 1) when args[0] == 7 => SqlType.Time,
            ("DATETIME2", 0) => SqlType.DateTime,
            ("DATETIME2", 1) when args[0] == 7 => SqlType.DateTime,
            ("DATETIMEOFFSET", 0) => SqlType.DateTimeOffset,
            ("DATETIMEOFFSET", 1) when args[0] == 7 => SqlType.DateTimeOffset,
            ("UNIQUEIDENTIFIER", 0) => SqlType.Uuid,
            _ => SqlType.Raw(string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))),
        };
    }

    /// <summary>
    /// A column's type as sys.columns and sys.types describe it (the system type's name, max_length in bytes, precision,
    /// scale), read back through <see cref="Parse"/>: NVARCHAR and NCHAR lengths are bytes (two a character), -1 is MAX;
    /// DECIMAL and NUMERIC have (precision, scale); DATETIME2, DATETIMEOFFSET and TIME have their fractional digits in scale.
    /// </summary>
    public SqlType FromCatalog(string name, int maxLength, int precision, int scale) => Parse(CatalogSpelling(name, maxLength, precision, scale));

    /// <summary>The T-SQL spelling of a catalog type, as <see cref="FromCatalog"/> reads it.</summary>
    internal static string CatalogSpelling(string name, int maxLength, int precision, int scale)
    {
        var type = name.ToUpperInvariant();
        string Length(int divisor) => maxLength < 0 ? "MAX" : (maxLength / divisor).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return type switch
        {
            "NVARCHAR" or "NCHAR" => $"{type}({Length(2)})",
            "VARCHAR" or "CHAR" or "VARBINARY" or "BINARY" => $"{type}({Length(1)})",
            "DECIMAL" or "NUMERIC" => FormattableString.Invariant($"{type}({precision}, {scale})"),
            "DATETIME2" or "DATETIMEOFFSET" or "TIME" => FormattableString.Invariant($"{type}({scale})"),
            _ => type,
        };
    }
}
