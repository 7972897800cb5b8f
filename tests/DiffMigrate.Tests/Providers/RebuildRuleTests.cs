using DiffMigrate.Diff;
using DiffMigrate.Migrations;
using DiffMigrate.Providers;
using DiffMigrate.Providers.Sqlite;

namespace DiffMigrate.Tests.Providers;

/// <summary>
/// Whether SQLite rebuilds a table has one answer: the lint (DM301), the renderer, the runner and autogenerate's
/// batching all read the provider's rule, so none can say "rebuilt" while another runs a plain ALTER TABLE.
/// </summary>
[TestClass]
public sealed class RebuildRuleTests
{
    private static readonly QualifiedName Posts = "posts";
    private static readonly Column Id = new("id", SqlType.Int64);
    private static readonly Column Title = new("title", SqlType.Text, Nullable: true);
    private static readonly Column Body = new("body", SqlType.Text, Nullable: true);
    private static readonly Table Table = new(Posts, [Id, Title, Body], new PrimaryKey(null, ["id"]), Indexes: [new TableIndex("ix_posts_title", ["title"])]);

    private static IEnumerable<(string Case, BatchAlterTable Batch, bool Rebuilds)> Cases()
    {
        BatchAlterTable Batch(MigrationOperation operation, Recreate recreate = Recreate.Auto) => new(Posts, [operation], recreate, Table);
        yield return ("drop an unused column", Batch(new DropColumn(Posts, Body)), false);
        yield return ("drop an indexed column", Batch(new DropColumn(Posts, Title)), true);
        yield return ("add a nullable column", Batch(new AddColumn(Posts, new Column("slug", SqlType.Text, Nullable: true))), false);
        yield return ("add a NOT NULL column without a default", Batch(new AddColumn(Posts, new Column("slug", SqlType.Text))), true);
        yield return ("add a NOT NULL column with a default", Batch(new AddColumn(Posts, new Column("slug", SqlType.Text, Default: "''"))), false);
        yield return ("make a column NOT NULL", Batch(new AlterColumn(Posts, Title, Title with { Nullable = false })), true);
        yield return ("rename a column", Batch(new RenameColumn(Posts, "title", "heading")), false);
        yield return ("rename a column, recreate always", Batch(new RenameColumn(Posts, "title", "heading"), Recreate.Always), true);
    }

    [TestMethod]
    public void Lint_renderer_runner_and_rule_agree_on_every_batch()
    {
        var provider = DatabaseProviders.Sqlite;
        foreach (var (name, batch, rebuilds) in Cases())
        {
            var rendered = string.Join("\n", provider.Renderer.Render([batch]).Select(s => s.Text));
            var linted = provider.Lint([batch]).Any(f => f.Code == "DM301");
            Assert.AreEqual(rebuilds, provider.Dialect.RebuildRule!.Rebuilds(batch), $"{name}: the rule");
            Assert.AreEqual(rebuilds, rendered.Contains(SqliteSqlRenderer.RebuildPrefix, StringComparison.Ordinal), $"{name}: the renderer wrote\n{rendered}");
            Assert.AreEqual(rebuilds, linted, $"{name}: DM301");
            Assert.AreEqual(rebuilds, provider.Rebuild!.MayRebuild(batch), $"{name}: the runner");
        }
    }

    [TestMethod]
    public void A_drop_that_runs_as_a_plain_alter_is_not_reported_as_a_rebuild()
    {
        var batch = new BatchAlterTable(Posts, [new DropColumn(Posts, Body)], CopyFrom: Table);
        var sql = DatabaseProviders.Sqlite.Renderer.Render([batch]).Single().Text;
        StringAssert.StartsWith(sql, "ALTER TABLE posts DROP COLUMN body");
        Assert.IsEmpty(DatabaseProviders.Sqlite.Lint([batch]).Where(f => f.Code == "DM301").ToList());
    }

    [TestMethod]
    public void Autogenerate_batches_exactly_the_changes_sqlite_cannot_make_in_place()
    {
        var notNull = new AddColumn(Posts, new Column("slug", SqlType.Text));
        var nullable = new AddColumn(Posts, new Column("slug", SqlType.Text, Nullable: true));
        var dialect = DatabaseProviders.Sqlite.Dialect;
        Assert.IsInstanceOfType<BatchAlterTable>(Batches.For(dialect, [notNull]).Single());
        Assert.AreSame(nullable, Batches.For(dialect, [nullable]).Single());
        Assert.AreSame(notNull, Batches.For(DatabaseProviders.Postgres.Dialect, [notNull]).Single(), "PostgreSQL alters in place");
    }
}
