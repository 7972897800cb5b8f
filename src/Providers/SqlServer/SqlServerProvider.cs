using System.Data.Common;
using System.Globalization;
using DiffMigrate.Dialects;
using DiffMigrate.Inspect;
using DiffMigrate.Render.Sql;

namespace DiffMigrate.Providers.SqlServer;

/// <summary>
/// SQL Server 2017 and later through Microsoft.Data.SqlClient (which the CLI ships): the T-SQL renderer, offline
/// scripts with GO batches and a transaction per revision, URL parsing, the inspector over the sys.* catalog views,
/// sp_getapplock as the migration lock, scratch databases on the same server. None of it has run against a live server
/// here (none can run on these machines): the inspector is tested on catalog rows made in memory.
/// </summary>
internal sealed class SqlServerProvider : DatabaseProvider
{
    public override Dialect Dialect => SqlServerDialect.Instance;
    public override IReadOnlyList<string> Schemes { get; } = ["mssql", "sqlserver"];
    public override IReadOnlyList<string> UrlForms { get; } = ["mssql://user:pass@host:port/db", "sqlserver://user:pass@host:port/db"];
    public override string ConnectionTypeName => "SqlConnection";
    public override string DriverFactoryTypeName => "Microsoft.Data.SqlClient.SqlClientFactory, Microsoft.Data.SqlClient";
    public override IDatabaseInspector Inspector { get; } = new SqlServerInspector();
    public override SqlRenderer Renderer { get; } = new SqlServerSqlRenderer();

    public override string TableExistsSql(QualifiedName table) =>
        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' " +
        $"AND TABLE_SCHEMA = {(table.Schema is { } schema ? SqlServerSyntax.Instance.StringLiteral(schema) : "SCHEMA_NAME()")} AND TABLE_NAME = {SqlServerSyntax.Instance.StringLiteral(table.Name)}";

    // An application lock owned by the session, like PostgreSQL's advisory lock; it lives in the current database.
    // sp_getapplock answers 0 or 1 when granted and a negative number when not (-1 at once with a timeout of 0), so
    // the try is read back as 1 or 0. The holder is read from sys.dm_tran_locks, whose resource_description of an
    // application lock is documented as <DbPrincipalId>:<up to 32 characters of the name>:(<hash>); the name here is at
    // most 31 characters, so it stands whole, and it is matched with the colons around it (or the square brackets some
    // servers print around it) so that diffmigrate.12 does not match diffmigrate.123. That view needs VIEW SERVER STATE:
    // without it the holder is unknown (NULL), and the wait goes on without naming one.
    public override AdvisoryLock Lock { get; } = new(
        key => $"DECLARE @result int; EXEC @result = sp_getapplock @Resource = {LockName(key)}, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 0; " +
            "SELECT CASE WHEN @result >= 0 THEN 1 ELSE 0 END",
        key => $"DECLARE @result int; EXEC @result = sp_releaseapplock @Resource = {LockName(key)}, @LockOwner = 'Session'; SELECT @result",
        HolderSql);

    /// <summary>The name of the migration lock with <paramref name="key"/>, as a literal: what another tool must sp_getapplock to keep runners out.</summary>
    public static string LockName(long key) => "N'diffmigrate." + key.ToString(CultureInfo.InvariantCulture) + "'";

    private static string HolderSql(long key)
    {
        var name = "diffmigrate." + key.ToString(CultureInfo.InvariantCulture);
        return "BEGIN TRY SELECT TOP (1) request_session_id FROM sys.dm_tran_locks " +
            "WHERE resource_type = N'APPLICATION' AND request_mode = N'X' AND request_status IN (N'GRANT', N'GRANTED') AND resource_database_id = DB_ID() " +
            $"AND (resource_description LIKE N'%:{name}:(%' OR resource_description LIKE N'%:[[]{name}]:(%') END TRY " +
            "BEGIN CATCH SELECT CAST(NULL AS int) END CATCH";
    }

    public override bool IsBusy(DbException error) => SqlServerFailures.IsBusy(error);

    public override string? DescribeFailure(DbException error, DbConnection connection) => SqlServerFailures.Describe(error, connection);

    public override DatabaseUrl ParseUrl(string url, string rest, string baseDirectory) => SqlServerUrl.Parse(Dialect, url, rest);

    // A database of its own on the same server, named in brackets and in the connection string's Initial Catalog (a
    // SqlClient string may spell it Database too: that key goes). A DROP DATABASE fails while any session uses the
    // database, and SqlClient keeps a closed connection open in its pool: SINGLE_USER WITH ROLLBACK IMMEDIATE ends those
    // sessions first (the dropping connection itself is in the URL's database, not in this one).
    public override ScratchDatabase CreateScratch(DatabaseUrl url, Func<DatabaseUrl, DbConnection> open) =>
        ScratchDatabase.OnServer(url, open, ScratchDropSql, Bracketed, ["Initial Catalog", "Database"]);

    /// <summary><paramref name="name"/> in square brackets, always.</summary>
    public static string Bracketed(string name) => "[" + name.Replace("]", "]]", StringComparison.Ordinal) + "]";

    /// <summary>The statement that drops the scratch database <paramref name="quoted"/> (its bracketed name).</summary>
    public static string ScratchDropSql(string quoted) => $"ALTER DATABASE {quoted} SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE {quoted}";
}
