using DiffMigrate.Dialects;
using DiffMigrate.Dialects.Sqlite;
using DiffMigrate.Inspect;
using DiffMigrate.Inspect.Postgres;
using DiffMigrate.Inspect.Sqlite;
using DiffMigrate.Render.Sql;
using DiffMigrate.Render.Sql.Postgres;
using DiffMigrate.Render.Sql.Sqlite;
using DiffMigrate.Runner.Execution;
using DiffMigrate.Schema;

namespace DiffMigrate.Runner.Database;

/// <summary>
/// The per-dialect pieces a run needs: the one composition point that switches on the dialect.
/// <see cref="Canonicalizer"/>, <see cref="Lock"/>, <see cref="Rebuild"/> and <see cref="IndexValidSql"/> are null where
/// the dialect needs or has none. <see cref="IndexValidSql"/> gives one row, whether the named index is valid (a
/// stopped CREATE INDEX CONCURRENTLY leaves an invalid one), or no row when there is no such index.
/// </summary>
public sealed record DialectServices(
    Dialect Dialect,
    IDatabaseInspector Inspector,
    SqlRenderer Renderer,
    Func<QualifiedName, string> TableExistsSql,
    IModelCanonicalizer? Canonicalizer = null,
    AdvisoryLock? Lock = null,
    TableRebuild? Rebuild = null,
    Func<QualifiedName, string>? IndexValidSql = null)
{
    /// <summary>The services for <paramref name="dialect"/>; a clear error for dialects not built yet.</summary>
    public static DialectServices For(Dialect dialect) => dialect.Name switch
    {
        "sqlite" => new DialectServices(dialect, new SqliteInspector(), new SqliteSqlRenderer(),
            t => $"SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = {Literal(t.Name)}",
            Rebuild: new TableRebuild("PRAGMA foreign_keys", "PRAGMA foreign_keys = OFF", "PRAGMA foreign_keys = ON", "PRAGMA foreign_key_check",
                t => $"SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = {Literal(t.Name)} ORDER BY rowid",
                b => SqliteAlterTable.Rebuilds(b.Recreate, b.Operations, b.CopyFrom))),
        "postgresql" => new DialectServices(dialect, new PostgresInspector(), new PostgresSqlRenderer(),
            t => $"SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = {(t.Schema is null ? "current_schema()" : Literal(t.Schema))} AND tablename = {Literal(t.Name)}",
            new PostgresModelCanonicalizer(),
            new AdvisoryLock(
                key => $"SELECT pg_try_advisory_lock({key})",
                key => $"SELECT pg_advisory_unlock({key})",
                key => $"SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = {key & 0xFFFFFFFF} AND classid = {key >> 32} LIMIT 1"),
            IndexValidSql: i => "SELECT x.indisvalid FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class c ON c.oid = x.indexrelid " +
                $"JOIN pg_catalog.pg_namespace s ON s.oid = c.relnamespace WHERE c.relname = {Literal(i.Name)} AND s.nspname = {(i.Schema is null ? "current_schema()" : Literal(i.Schema))}"),
        _ => throw new DiffMigrateException(
            $"The {dialect.Name} dialect is not supported yet: SQLite and PostgreSQL are (SQL Server is on the roadmap)."),
    };

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
