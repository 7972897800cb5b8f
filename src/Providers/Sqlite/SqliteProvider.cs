using System.Data.Common;
using DiffMigrate.Diff.Lint;
using DiffMigrate.Dialects;
using DiffMigrate.Inspect;
using DiffMigrate.Render.Sql;

namespace DiffMigrate.Providers.Sqlite;

/// <summary>SQLite through Microsoft.Data.Sqlite: one file, or memory; the write transaction is the migration lock.</summary>
internal sealed class SqliteProvider : DatabaseProvider
{
    // SQLite's primary result codes (sqlite3.h).
    private const int Busy = 5;
    private const int Locked = 6;
    private const int IoError = 10;

    public override Dialect Dialect => SqliteDialect.Instance;
    public override IReadOnlyList<string> Schemes { get; } = ["sqlite"];
    public override IReadOnlyList<string> UrlForms { get; } = ["sqlite:///relative.db", "sqlite:////absolute.db", "sqlite://"];
    public override string ConnectionTypeName => "SqliteConnection";
    public override string DriverFactoryTypeName => "Microsoft.Data.Sqlite.SqliteFactory, Microsoft.Data.Sqlite";
    public override IDatabaseInspector Inspector { get; } = new SqliteInspector();
    public override SqlRenderer Renderer { get; } = new SqliteSqlRenderer();
    public override DialectLint LintRules { get; } = new SqliteLint();

    public override TableRebuild Rebuild { get; } = new(
        "PRAGMA foreign_keys", "PRAGMA foreign_keys = OFF", "PRAGMA foreign_keys = ON", "PRAGMA foreign_key_check",
        t => $"SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = {Literal(t.Name)} ORDER BY rowid",
        SqliteAlterTable.Rule.Rebuilds);

    public override string TableExistsSql(QualifiedName table) =>
        $"SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = {Literal(table.Name)}";

    public override DatabaseUrl ParseUrl(string url, string rest, string baseDirectory)
    {
        if (rest.Length == 0 || rest is "/:memory:" or "/") return new DatabaseUrl(Dialect, "Data Source=:memory:", "sqlite://");
        if (rest[0] != '/') throw new FormatException("a SQLite URL has three slashes before a relative path (sqlite:///app.db) and four before an absolute one");
        var full = Path.GetFullPath(rest[1..], baseDirectory);
        var builder = new DbConnectionStringBuilder { ["Data Source"] = full };
        return new DatabaseUrl(Dialect, builder.ConnectionString, $"sqlite:///{full}") { File = full };
    }

    // A comparison needs no file: an in-memory database is empty, private and gone when closed.
    public override ScratchDatabase CreateScratch(DatabaseUrl url, Func<DatabaseUrl, DbConnection> open) =>
        new(open(new DatabaseUrl(Dialect, "Data Source=:memory:", "sqlite://")));

    public override bool IsBusy(DbException error) => Code(error) is Busy or Locked;

    public override string? DescribeFailure(DbException error, DbConnection connection) => Code(error) is IoError
        ? $"the database file {connection.DataSource} could not be read or written ({error.Message})"
        : null;

    // Read by name so that the provider does not depend on the driver's assembly.
    private static int? Code(DbException e) => e.GetType().GetProperty("SqliteErrorCode")?.GetValue(e) is int code ? code : null;
}
