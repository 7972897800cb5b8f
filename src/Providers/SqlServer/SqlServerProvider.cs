using System.Data.Common;
using DiffMigrate.Dialects;
using DiffMigrate.Inspect;
using DiffMigrate.Render.Sql;

namespace DiffMigrate.Providers.SqlServer;

/// <summary>
/// SQL Server 2017 and later through Microsoft.Data.SqlClient: the T-SQL renderer, offline scripts with GO batches and
/// a transaction per revision, URL parsing, and the inspector over the sys.* catalog views (built and tested on catalog
/// rows made in memory, not yet run against a live server). Running online is not built yet; the CLI does not ship the
/// driver.
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

    public override DatabaseUrl ParseUrl(string url, string rest, string baseDirectory) => SqlServerUrl.Parse(Dialect, url, rest);

    // A database of its own on the same server, dropped afterwards.
    public override ScratchDatabase CreateScratch(DatabaseUrl url, Func<DatabaseUrl, DbConnection> open) =>
        ScratchDatabase.OnServer(url, open, name => $"DROP DATABASE IF EXISTS {name}");
}
