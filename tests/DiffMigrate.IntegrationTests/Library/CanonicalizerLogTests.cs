using System.Data.Common;
using DiffMigrate.Design.Pipeline;
using DiffMigrate.Diff.Lint;
using DiffMigrate.Dialects;
using DiffMigrate.Inspect;
using DiffMigrate.Providers;
using DiffMigrate.Render.Sql;
using DiffMigrate.Schema;
using Microsoft.Data.Sqlite;

namespace DiffMigrate.IntegrationTests.Library;

/// <summary>The comparison's log says the server canonicalised the model only when a canonicaliser answered.</summary>
[TestClass]
public sealed class CanonicalizerLogTests
{
    [TestMethod]
    [DataRow(true, true)]
    [DataRow(false, false)]
    public void The_log_names_the_servers_forms_only_when_there_were_any(bool answers, bool named)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var log = new List<string>();
        var model = new DatabaseSchema([new Table("t", [new Column("id", SqlType.Int32, Default: "0")])]);

        var operations = new SchemaComparison(new CanonicalisingSqlite(answers), new ComparisonOptions(), log.Add).Compare(connection, model).Operations;

        Assert.HasCount(1, operations, "the table is new either way");
        var compared = log.Single(l => l.StartsWith("Compared:", StringComparison.Ordinal));
        Assert.AreEqual(named, compared.Contains("canonicalised by the server", StringComparison.Ordinal), compared);
    }

    /// <summary>A canonicaliser that answers with the model unchanged, or (as on MySQL 8) asks nothing and answers nothing.</summary>
    private sealed class Answering(bool answers) : IModelCanonicalizer
    {
        public Task<(DatabaseSchema? Forms, string? Problem)> CanonicalizeAsync(
            DbConnection connection, DatabaseSchema model, DatabaseSchema database, CancellationToken cancellationToken = default) =>
            Task.FromResult<(DatabaseSchema?, string?)>((answers ? model : null, null));
    }

    /// <summary>SQLite with a canonicaliser.</summary>
    private sealed class CanonicalisingSqlite(bool answers) : DatabaseProvider
    {
        private static readonly DatabaseProvider Sqlite = DatabaseProviders.Sqlite;
        public override Dialect Dialect => Sqlite.Dialect;
        public override IReadOnlyList<string> Schemes => Sqlite.Schemes;
        public override IReadOnlyList<string> UrlForms => Sqlite.UrlForms;
        public override string ConnectionTypeName => Sqlite.ConnectionTypeName;
        public override string DriverFactoryTypeName => Sqlite.DriverFactoryTypeName;
        public override IDatabaseInspector Inspector => Sqlite.Inspector;
        public override SqlRenderer Renderer => Sqlite.Renderer;
        public override IModelCanonicalizer? Canonicalizer { get; } = new Answering(answers);
        public override TableRebuild? Rebuild => Sqlite.Rebuild;
        public override DialectLint? LintRules => Sqlite.LintRules;
        public override string TableExistsSql(QualifiedName table) => Sqlite.TableExistsSql(table);
        public override DatabaseUrl ParseUrl(string url, string rest, string baseDirectory) => Sqlite.ParseUrl(url, rest, baseDirectory);
        public override ScratchDatabase CreateScratch(DatabaseUrl url, Func<DatabaseUrl, DbConnection> open) => Sqlite.CreateScratch(url, open);
    }
}
