using System.Text;
using DiffMigrate.Dialects.Postgres;
using DiffMigrate.Dialects.Sqlite;

namespace DiffMigrate.Dialects;

/// <summary>
/// What a database can do, as data: the differ, renderers and runner read these flags instead of testing the
/// dialect's name. <see cref="MaxIdentifierLength"/> is counted in <see cref="IdentifierUnit"/>: PostgreSQL keeps
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
    /// <summary>SQLite: transactional DDL, no schemas or comments, ALTER limited to add/drop/rename.</summary>
    public static Dialect Sqlite { get; } = new("sqlite", "main", TransactionalDdl: true, SupportsSchemas: false,
        SupportsComments: false, SupportsEnumTypes: false, SupportsSequences: false, SupportsAlterColumn: false, SupportsConstraintAlter: false,
        MaxIdentifierLength: int.MaxValue, IdentifierUnit: IdentifierUnit.Characters, Types: SqliteTypeMap.Instance, Expressions: SqliteExpressionRules.Instance);

    /// <summary>PostgreSQL.</summary>
    public static Dialect Postgres { get; } = new("postgresql", "public", TransactionalDdl: true, SupportsSchemas: true,
        SupportsComments: true, SupportsEnumTypes: true, SupportsSequences: true, SupportsAlterColumn: true, SupportsConstraintAlter: true,
        MaxIdentifierLength: 63, IdentifierUnit: IdentifierUnit.Utf8Bytes, Types: PostgresTypeMap.Instance, Expressions: PostgresExpressionRules.Instance);

    /// <summary>The length of <paramref name="name"/> in <see cref="IdentifierUnit"/>.</summary>
    public int IdentifierLength(string name) => IdentifierUnit switch
    {
        IdentifierUnit.Utf8Bytes => Encoding.UTF8.GetByteCount(name),
        _ => name.Length,
    };

    /// <summary>The dialect called <paramref name="name"/> (sqlite, postgresql/postgres/pg).</summary>
    public static Dialect FromName(string name) => name.ToLowerInvariant() switch
    {
        "sqlite" => Sqlite,
        "postgresql" or "postgres" or "pg" => Postgres,
        // Named so that a SQL Server URL is told why, not that the name is unknown; the dialect comes with its provider.
        "mssql" or "sqlserver" => throw new ArgumentException("SQL Server is not supported yet (sqlite and postgresql are).", nameof(name)),
        _ => throw new ArgumentException($"Unknown dialect '{name}': expected sqlite or postgresql.", nameof(name)),
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
