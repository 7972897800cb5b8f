using System.Data.Common;
using DiffMigrate.Diff.Lint;
using DiffMigrate.Dialects;
using DiffMigrate.Inspect;
using DiffMigrate.Providers;
using DiffMigrate.Render.Sql;
using DiffMigrate.Runner.Execution;
using DiffMigrate.Runner.Revisions;
using Microsoft.Data.Sqlite;

namespace DiffMigrate.IntegrationTests.Library;

/// <summary>
/// The runner reads <see cref="Dialect.TransactionalDdl"/>: where DDL commits by itself (MySQL, MariaDB), a failing
/// revision cannot roll back, so each statement runs on its own with a progress marker and the failure says how far
/// it got. Shown on SQLite with the capability switched off, against the same revisions on SQLite as it is.
/// </summary>
[TestClass]
public sealed class NonTransactionalDdlTests
{
    [TestMethod]
    public void Transactional_ddl_rolls_a_failing_revision_back_whole()
    {
        using var connection = Open();
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => Upgrade(connection, DatabaseProviders.Sqlite));
        StringAssert.Contains(error.Message, "bbbbbbbbbbbb");
        Assert.IsEmpty(Tables(connection), "one transaction: the whole upgrade rolls back, revision a and the version table included");
    }

    [TestMethod]
    public void Non_transactional_ddl_keeps_what_ran_marks_where_it_stopped_and_resumes_there()
    {
        using var connection = Open();
        var provider = new AutocommitSqlite();
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => Upgrade(connection, provider));
        StringAssert.Contains(error.Message, "bbbbbbbbbbbb");
        CollectionAssert.AreEquivalent(new[] { "diffmigrate_version", "a", "b1" }, Tables(connection), "b's first statement stays applied");
        var stopped = new Migrator(connection, provider, Revisions(fixedSecond: false), "diffmigrate_version", _ => { }).Interrupted();
        StringAssert.Contains(stopped.Single(), "revision bbbbbbbbbbbb stopped at its statement 2");

        var log = new List<string>();
        Assert.AreEqual(1, new Migrator(connection, provider, Revisions(fixedSecond: true), "diffmigrate_version", log.Add).Upgrade("heads"));
        Assert.IsTrue(log.Any(l => l.Contains("Resuming revision bbbbbbbbbbbb at its statement 2", StringComparison.Ordinal)), string.Join("\n", log));
        CollectionAssert.AreEquivalent(new[] { "diffmigrate_version", "a", "b1", "b2" }, Tables(connection), "b1 is not run twice");
    }

    [TestMethod]
    public void An_offline_script_for_non_transactional_ddl_has_no_transaction_and_says_why()
    {
        var statements = new[] { new SqlStatement("CREATE TABLE t (id INTEGER)") };
        var script = OfflineScript.Script(new AutocommitSqlite(), statements);
        Assert.DoesNotContain("BEGIN", script);
        Assert.DoesNotContain("COMMIT", script);
        StringAssert.Contains(script, "commits each DDL statement by itself");
        StringAssert.StartsWith(OfflineScript.Script(DatabaseProviders.Sqlite, statements), "BEGIN;");
    }

    private static int Upgrade(DbConnection connection, DatabaseProvider provider) =>
        new Migrator(connection, provider, Revisions(fixedSecond: false), "diffmigrate_version", _ => { }).Upgrade("heads");

    private static RevisionSet Revisions(bool fixedSecond)
    {
        var migrations = new Dictionary<string, Migration>
        {
            ["aaaaaaaaaaaa"] = new Sql("CREATE TABLE a (id INTEGER)"),
            ["bbbbbbbbbbbb"] = new Sql("CREATE TABLE b1 (id INTEGER)", fixedSecond ? "CREATE TABLE b2 (id INTEGER)" : "CREATE TABLE a (id INTEGER)"),
        };
        var graph = RevisionGraph.Build([new RevisionInfo("aaaaaaaaaaaa", [], [], []), new RevisionInfo("bbbbbbbbbbbb", ["aaaaaaaaaaaa"], [], [])]);
        return new RevisionSet(graph, ids => ids.ToDictionary(id => id, id => migrations[id], StringComparer.Ordinal));
    }

    private static SqliteConnection Open()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    private static List<string> Tables(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    private sealed class Sql(params string[] statements) : Migration
    {
        public override void Upgrade(Operations op)
        {
            foreach (var statement in statements) op.Execute(statement);
        }

        public override void Downgrade(Operations op)
        {
        }
    }

    /// <summary>SQLite as it would behave if each DDL statement committed by itself.</summary>
    private sealed class AutocommitSqlite : DatabaseProvider
    {
        private static readonly DatabaseProvider Sqlite = DatabaseProviders.Sqlite;
        public override Dialect Dialect { get; } = Sqlite.Dialect with { TransactionalDdl = false };
        public override IReadOnlyList<string> Schemes => Sqlite.Schemes;
        public override IReadOnlyList<string> UrlForms => Sqlite.UrlForms;
        public override string ConnectionTypeName => Sqlite.ConnectionTypeName;
        public override string DriverFactoryTypeName => Sqlite.DriverFactoryTypeName;
        public override IDatabaseInspector Inspector => Sqlite.Inspector;
        public override SqlRenderer Renderer => Sqlite.Renderer;
        public override TableRebuild? Rebuild => Sqlite.Rebuild;
        public override DialectLint? LintRules => Sqlite.LintRules;
        public override string TableExistsSql(QualifiedName table) => Sqlite.TableExistsSql(table);
        public override DatabaseUrl ParseUrl(string url, string rest, string baseDirectory) => Sqlite.ParseUrl(url, rest, baseDirectory);
        public override ScratchDatabase CreateScratch(DatabaseUrl url, Func<DatabaseUrl, DbConnection> open) => Sqlite.CreateScratch(url, open);
        public override bool IsBusy(DbException error) => Sqlite.IsBusy(error);
    }
}
