using DiffMigrate.Dialects;
using DiffMigrate.Inspect;
using DiffMigrate.Inspect.Sqlite;
using DiffMigrate.Render.Sql;
using DiffMigrate.Render.Sql.Sqlite;
using DiffMigrate.Schema;

namespace DiffMigrate.Runner.Database;

/// <summary>The per-dialect pieces a run needs: the one composition point that switches on the dialect.</summary>
public sealed record DialectServices(Dialect Dialect, IDatabaseInspector Inspector, SqlRenderer Renderer, Func<QualifiedName, string> TableExistsSql)
{
    /// <summary>The services for <paramref name="dialect"/>; a clear error for dialects not built yet.</summary>
    public static DialectServices For(Dialect dialect) => dialect.Name switch
    {
        "sqlite" => new DialectServices(dialect, new SqliteInspector(), new SqliteSqlRenderer(),
            t => $"SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '{t.Name.Replace("'", "''", StringComparison.Ordinal)}'"),
        _ => throw new DiffMigrateException(
            $"The {dialect.Name} dialect is not supported yet: SQLite is (PostgreSQL and SQL Server are on the roadmap)."),
    };
}
