using DiffMigrate.Dialects.Postgres;
using DiffMigrate.Dialects.Sqlite;

namespace DiffMigrate.Dialects;

/// <summary>
/// What a database can do, as data: the differ, renderers and runner read these flags instead of testing the
/// dialect's name.
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
    SqlTypeMap Types,
    ExpressionRules Expressions)
{
    /// <summary>SQLite: transactional DDL, no schemas or comments, ALTER limited to add/drop/rename.</summary>
    public static Dialect Sqlite { get; } = new("sqlite", "main", TransactionalDdl: true, SupportsSchemas: false,
        SupportsComments: false, SupportsEnumTypes: false, SupportsSequences: false, SupportsAlterColumn: false, SupportsConstraintAlter: false,
        MaxIdentifierLength: int.MaxValue, Types: SqliteTypeMap.Instance, Expressions: SqliteExpressionRules.Instance);

    /// <summary>PostgreSQL.</summary>
    public static Dialect Postgres { get; } = new("postgresql", "public", TransactionalDdl: true, SupportsSchemas: true,
        SupportsComments: true, SupportsEnumTypes: true, SupportsSequences: true, SupportsAlterColumn: true, SupportsConstraintAlter: true,
        MaxIdentifierLength: 63, Types: PostgresTypeMap.Instance, Expressions: PostgresExpressionRules.Instance);

    /// <summary>SQL Server.</summary>
    public static Dialect SqlServer { get; } = new("mssql", "dbo", TransactionalDdl: true, SupportsSchemas: true,
        SupportsComments: true, SupportsEnumTypes: false, SupportsSequences: true, SupportsAlterColumn: true, SupportsConstraintAlter: true,
        MaxIdentifierLength: 128, Types: SqliteTypeMap.Instance, Expressions: SqliteExpressionRules.Instance); // until the SQL Server type map lands

    /// <summary>The dialect called <paramref name="name"/> (sqlite, postgresql/postgres, mssql/sqlserver).</summary>
    public static Dialect FromName(string name) => name.ToLowerInvariant() switch
    {
        "sqlite" => Sqlite,
        "postgresql" or "postgres" or "pg" => Postgres,
        "mssql" or "sqlserver" => SqlServer,
        _ => throw new ArgumentException($"Unknown dialect '{name}': expected sqlite, postgresql or mssql.", nameof(name)),
    };
}
