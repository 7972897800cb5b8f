using System.Data.Common;
using DiffMigrate.Diff.Lint;
using DiffMigrate.Dialects;
using DiffMigrate.Inspect;
using DiffMigrate.Render.Sql;

namespace DiffMigrate.Providers.Postgres;

/// <summary>PostgreSQL through Npgsql: server-side canonical forms, an advisory lock, scratch databases on the same server.</summary>
internal sealed class PostgresProvider : DatabaseProvider
{
    public override Dialect Dialect => PostgresDialect.Instance;
    public override IReadOnlyList<string> Schemes { get; } = ["postgresql", "postgres", "pg"];
    public override IReadOnlyList<string> UrlForms { get; } = ["postgresql://user:pass@host:port/db"];
    public override string ConnectionTypeName => "NpgsqlConnection";
    public override string DriverFactoryTypeName => "Npgsql.NpgsqlFactory, Npgsql";
    public override IDatabaseInspector Inspector { get; } = new PostgresInspector();
    public override SqlRenderer Renderer { get; } = new PostgresSqlRenderer();
    public override IModelCanonicalizer Canonicalizer { get; } = new PostgresModelCanonicalizer();
    public override DialectLint LintRules { get; } = new PostgresLint();

    public override AdvisoryLock Lock { get; } = new(
        key => $"SELECT pg_try_advisory_lock({key})",
        key => $"SELECT pg_advisory_unlock({key})",
        key => $"SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = {key & 0xFFFFFFFF} AND classid = {key >> 32} LIMIT 1");

    public override Func<QualifiedName, string> IndexValidSql { get; } = i =>
        "SELECT x.indisvalid FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class c ON c.oid = x.indexrelid " +
        $"JOIN pg_catalog.pg_namespace s ON s.oid = c.relnamespace WHERE c.relname = {Literal(i.Name)} AND s.nspname = {SchemaOf(i)}";

    public override string TableExistsSql(QualifiedName table) =>
        $"SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = {SchemaOf(table)} AND tablename = {Literal(table.Name)}";

    // 57P01-57P03: the server is shutting down or restarting (admin_shutdown, crash_shutdown, cannot_connect_now).
    public override string? DescribeFailure(DbException error, DbConnection connection) =>
        error.SqlState is { } state && state.StartsWith("57P0", StringComparison.Ordinal) ? $"the database server ended the connection ({error.Message})" : null;

    // A command that only reads sends the catalog queries (and the canonicaliser's, in a transaction rolled back),
    // whose columns are all of built-in types: Npgsql need not load the database's type catalog first, four statements
    // over every type (some 20 ms of each start, most of it the server's). A mode the user set wins.
    public override string ForCatalogReading(string connectionString)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            return connectionString;   // as written: opening it, the driver says what is wrong with it
        }
        if (builder.ContainsKey(CompatibilityMode) || builder.ContainsKey("ServerCompatibilityMode")) return connectionString;
        builder[CompatibilityMode] = "NoTypeLoading";
        return builder.ConnectionString;
    }

    private const string CompatibilityMode = "Server Compatibility Mode";

    // No schema means the connection's own (the search path), never a hard-coded "public".
    private static string SchemaOf(QualifiedName name) => name.Schema is null ? "current_schema()" : Literal(name.Schema);

    public override DatabaseUrl ParseUrl(string url, string rest, string baseDirectory)
    {
        var parts = UrlParts.Parse(rest);
        var builder = new DbConnectionStringBuilder();
        if (parts.User is { } user) builder["Username"] = user;
        if (parts.Password is { } password) builder["Password"] = password;
        if (parts.Port is { } port) builder["Port"] = port;
        if (parts.Host.Length > 0) builder["Host"] = parts.Host;
        foreach (var (key, value) in parts.Query) builder[key.Equals("host", StringComparison.OrdinalIgnoreCase) ? "Host" : key] = value;
        var database = parts.Database;
        if (database.Length > 0) builder["Database"] = database;
        return new DatabaseUrl(Dialect, builder.ConnectionString, SecretMask.Apply(url, SecretMask.In(url)));
    }

    // A database of its own on the same server, dropped afterwards; WITH (FORCE) also ends pooled connections to it.
    public override ScratchDatabase CreateScratch(DatabaseUrl url, Func<DatabaseUrl, DbConnection> open) =>
        ScratchDatabase.OnServer(url, open, name => $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
}
