using DiffMigrate.Schema;

namespace DiffMigrate;

/// <summary>The neutral kinds of SQL type; each dialect maps them to its own spelling.</summary>
public enum SqlTypeKind
{
    /// <summary>16-bit integer (SMALLINT).</summary>
    Int16,
    /// <summary>32-bit integer (INTEGER).</summary>
    Int32,
    /// <summary>64-bit integer (BIGINT).</summary>
    Int64,
    /// <summary>Exact decimal with optional precision and scale (NUMERIC(p,s)).</summary>
    Decimal,
    /// <summary>Single-precision float (REAL).</summary>
    Single,
    /// <summary>Double-precision float (DOUBLE PRECISION).</summary>
    Double,
    /// <summary>Boolean.</summary>
    Boolean,
    /// <summary>Variable-length string with an optional maximum length (VARCHAR(n)).</summary>
    String,
    /// <summary>Fixed-length string (CHAR(n)).</summary>
    FixedChar,
    /// <summary>Unbounded text.</summary>
    Text,
    /// <summary>Binary data with an optional maximum length.</summary>
    Binary,
    /// <summary>Calendar date.</summary>
    Date,
    /// <summary>Time of day.</summary>
    Time,
    /// <summary>Date and time without time zone.</summary>
    DateTime,
    /// <summary>Date and time with time zone.</summary>
    DateTimeOffset,
    /// <summary>UUID / GUID.</summary>
    Uuid,
    /// <summary>JSON document.</summary>
    Json,
    /// <summary>Enumerated type with a name and ordered values.</summary>
    Enum,
    /// <summary>A dialect type spelled verbatim (the escape hatch).</summary>
    Raw,
}

/// <summary>
/// A neutral SQL type. Use the static members (<see cref="Int32"/>, <see cref="String(int?)"/>, ...) to build one;
/// they are also what rendered revisions call.
/// </summary>
public sealed record SqlType(
    SqlTypeKind Kind,
    int? Length = null,
    int? Precision = null,
    int? Scale = null,
    string? Name = null,
    EquatableArray<string> Values = default)
{
    /// <summary>SMALLINT.</summary>
    public static SqlType Int16 { get; } = new(SqlTypeKind.Int16);
    /// <summary>INTEGER.</summary>
    public static SqlType Int32 { get; } = new(SqlTypeKind.Int32);
    /// <summary>BIGINT.</summary>
    public static SqlType Int64 { get; } = new(SqlTypeKind.Int64);
    /// <summary>REAL.</summary>
    public static SqlType Single { get; } = new(SqlTypeKind.Single);
    /// <summary>DOUBLE PRECISION.</summary>
    public static SqlType Double { get; } = new(SqlTypeKind.Double);
    /// <summary>BOOLEAN.</summary>
    public static SqlType Boolean { get; } = new(SqlTypeKind.Boolean);
    /// <summary>Unbounded text.</summary>
    public static SqlType Text { get; } = new(SqlTypeKind.Text);
    /// <summary>DATE.</summary>
    public static SqlType Date { get; } = new(SqlTypeKind.Date);
    /// <summary>TIME.</summary>
    public static SqlType Time { get; } = new(SqlTypeKind.Time);
    /// <summary>Timestamp without time zone.</summary>
    public static SqlType DateTime { get; } = new(SqlTypeKind.DateTime);
    /// <summary>Timestamp with time zone.</summary>
    public static SqlType DateTimeOffset { get; } = new(SqlTypeKind.DateTimeOffset);
    /// <summary>UUID.</summary>
    public static SqlType Uuid { get; } = new(SqlTypeKind.Uuid);
    /// <summary>JSON.</summary>
    public static SqlType Json { get; } = new(SqlTypeKind.Json);

    /// <summary>NUMERIC(precision, scale).</summary>
    public static SqlType Decimal(int? precision = null, int? scale = null) => new(SqlTypeKind.Decimal, Precision: precision, Scale: scale);
    /// <summary>VARCHAR(length), or unbounded when length is null.</summary>
    public static SqlType String(int? length = null) => new(SqlTypeKind.String, Length: length);
    /// <summary>CHAR(length).</summary>
    public static SqlType FixedChar(int length) => new(SqlTypeKind.FixedChar, Length: length);
    /// <summary>Binary data.</summary>
    public static SqlType Binary(int? length = null) => new(SqlTypeKind.Binary, Length: length);
    /// <summary>An enumerated type named <paramref name="name"/> with ordered values.</summary>
    public static SqlType Enum(string name, params string[] values) => new(SqlTypeKind.Enum, Name: name, Values: values);
    /// <summary>A dialect type spelled verbatim, e.g. <c>SqlType.Raw("citext")</c>.</summary>
    public static SqlType Raw(string sql) => new(SqlTypeKind.Raw, Name: sql);

    /// <summary>True for the integer kinds.</summary>
    public bool IsInteger => Kind is SqlTypeKind.Int16 or SqlTypeKind.Int32 or SqlTypeKind.Int64;

    /// <summary>A short readable spelling, for messages and diff output.</summary>
    public override string ToString() => Kind switch
    {
        SqlTypeKind.Decimal when Precision is not null => $"Decimal({Precision}{(Scale is null ? "" : $", {Scale}")})",
        SqlTypeKind.String or SqlTypeKind.FixedChar or SqlTypeKind.Binary when Length is not null => $"{Kind}({Length})",
        SqlTypeKind.Enum => $"Enum({Name}: {string.Join(", ", Values)})",
        SqlTypeKind.Raw => $"Raw({Name})",
        _ => Kind.ToString(),
    };
}
