using System.Data.Common;
using System.Globalization;
using DiffMigrate.Diff.Lint;
using DiffMigrate.Dialects;
using DiffMigrate.Inspect;
using DiffMigrate.Render.Sql;

namespace DiffMigrate.Providers.MySql;

/// <summary>
/// MariaDB (10.11, tested live) and MySQL (8, not tested live) through MySqlConnector: GET_LOCK as the migration lock,
/// scratch databases on the same server.
/// </summary>
/// <remarks>
/// Where MySQL 8 differs, the SQL is the form both take, from what their manuals say (MySQL is not run by the tests):
/// a check is dropped with DROP CONSTRAINT (MariaDB has no DROP CHECK; MySQL has DROP CONSTRAINT from 8.0.19); a
/// default on TEXT, BLOB or JSON is written in parentheses (MySQL 8.0.13 takes no literal there); a generated column
/// has no NOT NULL (MariaDB refuses it; MySQL would take it); a UUID is CHAR(36) (MySQL has no UUID type). Only MySQL
/// 8.0.13 has functional index keys (an expression in parentheses), and only MySQL keeps JSON as its own type (MariaDB's
/// JSON is LONGTEXT with a json_valid check, which its catalog lists as a check constraint named after the column).
/// RENAME COLUMN needs MySQL 8.0 or MariaDB 10.5.2.
/// </remarks>
internal sealed class MySqlProvider : DatabaseProvider
{
    public override Dialect Dialect => MySqlDialect.Instance;
    public override IReadOnlyList<string> Schemes { get; } = ["mysql", "mariadb"];
    public override IReadOnlyList<string> UrlForms { get; } = ["mysql://user:pass@host:port/db", "mariadb://user:pass@host:port/db", "mysql://user:pass@/db?unix_socket=/path"];
    public override string ConnectionTypeName => "MySqlConnection";
    public override string DriverFactoryTypeName => "MySqlConnector.MySqlConnectorFactory, MySqlConnector";
    public override IDatabaseInspector Inspector { get; } = new MySqlInspector();
    public override SqlRenderer Renderer { get; } = new MySqlSqlRenderer();
    public override DialectLint LintRules { get; } = new MySqlLint();

    // MariaDB's forms of the model's defaults, generated columns and checks (MySQL 8 is left to the built-in normaliser).
    public override IModelCanonicalizer Canonicalizer { get; }

    public MySqlProvider() => Canonicalizer = new MySqlCanonicalizer(Renderer);

    // GET_LOCK belongs to the session, like PostgreSQL's advisory lock; its name is text (64 characters at most), so the
    // key is written into one. The result is compared to 1 because GET_LOCK answers 1, 0 or NULL (an error).
    public override AdvisoryLock Lock { get; } = new(
        key => $"SELECT COALESCE(GET_LOCK({LockName(key)}, 0), 0) = 1",
        key => $"SELECT RELEASE_LOCK({LockName(key)})",
        key => $"SELECT IS_USED_LOCK({LockName(key)})");

    /// <summary>The name of the migration lock with <paramref name="key"/>: what another tool must GET_LOCK to keep runners out.</summary>
    public static string LockName(long key) => "'diffmigrate." + key.ToString(CultureInfo.InvariantCulture) + "'";

    public override string TableExistsSql(QualifiedName table) =>
        "SELECT count(*) FROM information_schema.tables WHERE table_type = 'BASE TABLE' " +
        $"AND table_schema = {(table.Schema is { } schema ? MySqlSyntax.Instance.StringLiteral(schema) : "DATABASE()")} AND table_name = {MySqlSyntax.Instance.StringLiteral(table.Name)}";

    public override string? DescribeFailure(DbException error, DbConnection connection) => MySqlFailures.Describe(error, connection);

    public override DatabaseUrl ParseUrl(string url, string rest, string baseDirectory) => MySqlUrl.Parse(Dialect, url, rest);

    // A database of its own on the same server, dropped afterwards.
    public override ScratchDatabase CreateScratch(DatabaseUrl url, Func<DatabaseUrl, DbConnection> open) =>
        ScratchDatabase.OnServer(url, open, name => $"DROP DATABASE IF EXISTS {name}");
}
