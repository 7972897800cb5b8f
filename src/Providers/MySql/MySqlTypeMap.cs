using System.Text;
using DiffMigrate.Dialects;
using DiffMigrate.Schema;

namespace DiffMigrate.Providers.MySql;

/// <summary>
/// MariaDB's and MySQL's type names. The neutral kinds take the spelling that holds what they hold elsewhere:
/// DATETIME(6) and TIME(6) (microseconds, as PostgreSQL keeps), LONGTEXT and LONGBLOB for unbounded text and binary,
/// TINYINT(1) for a boolean (what BOOLEAN is stored as), CHAR(36) for a UUID (MySQL 8 has no UUID type), ENUM with
/// its values inline. <see cref="Parse"/> reads <c>information_schema.columns.column_type</c> (MariaDB keeps display
/// widths, <c>int(11)</c>; MySQL 8 drops them); other spellings become <see cref="SqlType.Raw"/> in lower case.
/// </summary>
internal sealed class MySqlTypeMap : SqlTypeMap
{
    /// <summary>The shared instance.</summary>
    public static MySqlTypeMap Instance { get; } = new();

    /// <inheritdoc/>
    public override string ToSql(SqlType type) => type.Kind switch
    {
        SqlTypeKind.Int16 => "SMALLINT",
        SqlTypeKind.Int32 => "INT",
        SqlTypeKind.Int64 => "BIGINT",
        SqlTypeKind.Decimal when type.Precision is { } p => type.Scale is { } s ? $"DECIMAL({p}, {s})" : $"DECIMAL({p})",
        SqlTypeKind.Decimal => "DECIMAL",
        SqlTypeKind.Single => "FLOAT",
        SqlTypeKind.Double => "DOUBLE",
        SqlTypeKind.Boolean => "TINYINT(1)",
        SqlTypeKind.String => type.Length is { } n ? $"VARCHAR({n})" : "LONGTEXT",
        SqlTypeKind.FixedChar => type.Length is { } n ? $"CHAR({n})" : "CHAR",
        SqlTypeKind.Text => "LONGTEXT",
        SqlTypeKind.Binary => type.Length is { } n ? $"VARBINARY({n})" : "LONGBLOB",
        SqlTypeKind.Date => "DATE",
        SqlTypeKind.Time => "TIME(6)",
        SqlTypeKind.DateTime => "DATETIME(6)",
        SqlTypeKind.DateTimeOffset => throw new DiffMigrateException(
            $"MariaDB and MySQL have no date-time type that keeps a time zone offset ({type}): use SqlType.DateTime for UTC values, or SqlType.Raw(\"TIMESTAMP(6)\") for the server's time-zone-converted TIMESTAMP."),
        SqlTypeKind.Uuid => "CHAR(36)",
        SqlTypeKind.Json => "JSON",
        SqlTypeKind.Enum => "ENUM(" + string.Join(", ", type.Values.Select(MySqlSyntax.Instance.StringLiteral)) + ")",
        SqlTypeKind.Raw => type.Name ?? "",
        _ => throw new NotSupportedException($"MySQL has no spelling for {type}."),
    };

    /// <summary>An ENUM compares by its values (inline, it has no name of its own); every other type as the server reports it.</summary>
    public override SqlType Normalize(SqlType type) => type.Kind == SqlTypeKind.Enum ? new SqlType(SqlTypeKind.Enum, Values: type.Values) : Parse(ToSql(type));

    /// <inheritdoc/>
    public override SqlType Parse(string sql)
    {
        var text = sql.Trim();
        if (Values(text, "ENUM") is { } values) return new SqlType(SqlTypeKind.Enum, Values: values);
        if (Values(text, "SET") is not null) return SqlType.Raw(text);
        var (name, args) = Split(text);
        int? Arg(int i) => args.Length > i ? args[i] : null;
        return (name, args.Length) switch
        {
            ("TINYINT", 1) when args[0] == 1 => SqlType.Boolean,
            ("BOOLEAN" or "BOOL", 0) => SqlType.Boolean,
            // A display width says nothing about what the column holds.
            ("SMALLINT", <= 1) => SqlType.Int16,
            ("INT" or "INTEGER", <= 1) => SqlType.Int32,
            ("BIGINT", <= 1) => SqlType.Int64,
            ("DECIMAL" or "NUMERIC" or "DEC" or "FIXED", 0) => SqlType.Decimal(10, 0),
            ("DECIMAL" or "NUMERIC" or "DEC" or "FIXED", 1) => SqlType.Decimal(args[0], 0),
            ("DECIMAL" or "NUMERIC" or "DEC" or "FIXED", 2) => SqlType.Decimal(args[0], args[1]),
            ("FLOAT", 0) => SqlType.Single,
            ("DOUBLE" or "DOUBLE PRECISION" or "REAL", 0) => SqlType.Double,
            ("VARCHAR" or "CHARACTER VARYING", 1) => SqlType.String(args[0]),
            ("CHAR" or "CHARACTER", 1) => SqlType.FixedChar(args[0]),
            ("CHAR" or "CHARACTER", 0) => SqlType.FixedChar(1),
            ("LONGTEXT", 0) => SqlType.Text,
            ("VARBINARY", 1) => SqlType.Binary(Arg(0)),
            ("LONGBLOB", 0) => SqlType.Binary(),
            ("DATE", 0) => SqlType.Date,
            ("TIME", 1) when args[0] == 6 => SqlType.Time,
            ("DATETIME", 1) when args[0] == 6 => SqlType.DateTime,
            ("JSON", 0) => SqlType.Json,
            // MariaDB 10.7's own type; MySQL has none (the map writes CHAR(36), which reads back as CHAR(36)).
            ("UUID", 0) => SqlType.Uuid,
            _ => SqlType.Raw(RawName(text)),
        };
    }

    /// <summary>The quoted values of <c>ENUM('a','b')</c> (or SET), or null when <paramref name="text"/> is not one.</summary>
    private static EquatableArray<string>? Values(string text, string keyword)
    {
        if (!text.StartsWith(keyword, StringComparison.OrdinalIgnoreCase)) return null;
        var rest = text[keyword.Length..].TrimStart();
        if (rest.Length < 2 || rest[0] != '(' || !rest.EndsWith(')')) return null;
        var values = new List<string>();
        var i = 1;
        while (i < rest.Length - 1)
        {
            while (i < rest.Length - 1 && (rest[i] == ',' || char.IsWhiteSpace(rest[i]))) i++;
            if (i >= rest.Length - 1) break;
            if (rest[i] != '\'') return null;
            var value = new StringBuilder();
            i++;
            while (true)
            {
                if (i >= rest.Length - 1) return null;
                if (rest[i] == '\'' && rest[i + 1] == '\'') { value.Append('\''); i += 2; continue; }
                if (rest[i] == '\\' && i + 1 < rest.Length - 1) { value.Append(rest[i + 1]); i += 2; continue; }
                if (rest[i] == '\'') { i++; break; }
                value.Append(rest[i++]);
            }
            values.Add(value.ToString());
        }
        return values.ToEquatableArray();
    }

    /// <summary>Lower case with single spaces, without the display width of an integer (<c>int(10) unsigned</c> is <c>int unsigned</c>).</summary>
    private static string RawName(string text)
    {
        var lower = string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        foreach (var integer in new[] { "tinyint", "smallint", "mediumint", "int", "integer", "bigint" })
        {
            if (lower.StartsWith(integer + "(", StringComparison.Ordinal) && lower.IndexOf(')', StringComparison.Ordinal) is var close and > 0)
            {
                return integer + lower[(close + 1)..];
            }
        }
        return lower;
    }
}
