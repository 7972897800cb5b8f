using DiffMigrate.Diff.Lint;
using DiffMigrate.Migrations;
using DiffMigrate.Providers;
using DiffMigrate.Schema;

namespace DiffMigrate.Tests.Diff;

/// <summary>
/// DM112: where DDL is not transactional, a revision that changes data and runs more than one schema statement
/// cannot be rolled back when one fails in the middle. Decided by the dialect's capability, not its name.
/// </summary>
[TestClass]
public sealed class NonTransactionalLintTests
{
    private static readonly QualifiedName Posts = "posts";
    private static readonly Column Id = new("id", SqlType.Int32);
    private static readonly Column Slug = new("slug", SqlType.String(80), Nullable: true);
    private static readonly BulkInsert Rows = new(Posts, ["id"], [(EquatableArray<object?>)new object?[] { 1 }]);

    private static List<LintFinding> Mixed(DatabaseProvider provider, IReadOnlyList<MigrationOperation> operations) =>
        SafetyLint.Check(operations, provider.Dialect, provider.LintRules).Where(f => f.Code == "DM112").ToList();

    [TestMethod]
    public void Two_schema_changes_and_a_data_change_are_one_warning_at_the_data_change()
    {
        var operations = new MigrationOperation[] { new AddColumn(Posts, Slug), new ExecuteSql("UPDATE posts SET slug = id"), new CreateIndex(Posts, new TableIndex("ix_posts_slug", ["slug"])) };
        var finding = Mixed(DatabaseProviders.MySql, operations).Single();
        Assert.AreEqual(LintSeverity.Warning, finding.Severity);
        Assert.AreEqual(1, finding.Operation);
        StringAssert.Contains(finding.Message, "runs 2 schema statements");
        StringAssert.Contains(finding.Message, "cannot be rolled back");
        StringAssert.Contains(finding.Message, "split it");
    }

    [TestMethod]
    public void Bulk_inserts_are_data_changes_and_a_batch_counts_each_of_its_schema_changes()
    {
        var batch = new BatchAlterTable(Posts, [new AddColumn(Posts, Slug), new DropColumn(Posts, new Column("old", SqlType.Text, Nullable: true))]);
        var finding = Mixed(DatabaseProviders.MySql, [batch, Rows]).Single();
        Assert.AreEqual(1, finding.Operation);
        Assert.AreEqual(Posts, finding.Table);
        StringAssert.Contains(finding.Message, "runs 2 schema statements");
    }

    [TestMethod]
    public void One_schema_change_with_data_or_schema_changes_alone_or_reads_are_not_findings()
    {
        Assert.IsEmpty(Mixed(DatabaseProviders.MySql, [new AddColumn(Posts, Slug), Rows]));
        Assert.IsEmpty(Mixed(DatabaseProviders.MySql, [new AddColumn(Posts, Slug), new CreateIndex(Posts, new TableIndex("ix_posts_slug", ["slug"])), new DropTable(new Table("old", [Id]))]));
        Assert.IsEmpty(Mixed(DatabaseProviders.MySql, [new AddColumn(Posts, Slug), new ExecuteSql("SELECT SLEEP(1); WITH c AS (SELECT 1) SELECT * FROM c"), new DropColumn(Posts, Slug)]));
    }

    [TestMethod]
    public void Raw_sql_is_read_statement_by_statement_and_a_declared_changes_counts_as_its_schema_statements()
    {
        // One op.Execute holding two schema statements and an INSERT; quotes and comments do not split it.
        var raw = new ExecuteSql("CREATE TABLE t (id INT, note TEXT DEFAULT 'a;b'); -- ; DROP TABLE x\nINSERT INTO t (id) VALUES (1); ALTER TABLE t ADD COLUMN n INT");
        StringAssert.Contains(Mixed(DatabaseProviders.MySql, [raw]).Single().Message, "runs 2 schema statements");
        Assert.IsEmpty(Mixed(DatabaseProviders.MySql, [new ExecuteSql("CREATE TABLE t (id INT); CREATE INDEX ix ON t (id)"), new ExecuteSql("SELECT 1")]));

        var declared = new ExecuteSql("CALL add_two_columns(); INSERT INTO t VALUES (1)") { Changes = new MigrationOperation[] { new AddColumn("t", Slug), new AddColumn("t", Id) }.ToEquatableArray() };
        StringAssert.Contains(Mixed(DatabaseProviders.MySql, [declared]).Single().Message, "runs 2 schema statements");
        var rowsOnly = new ExecuteSql("UPDATE t SET id = 1") { Changes = Array.Empty<MigrationOperation>().ToEquatableArray() };
        Assert.IsEmpty(Mixed(DatabaseProviders.MySql, [rowsOnly, new AddColumn(Posts, Slug)]));
        StringAssert.Contains(Mixed(DatabaseProviders.MySql, [rowsOnly, new AddColumn(Posts, Slug), new DropColumn(Posts, Slug)]).Single().Message, "runs 2 schema statements");
    }

    [TestMethod]
    public void The_capability_decides_not_the_dialect_name()
    {
        var operations = new MigrationOperation[] { new AddColumn(Posts, Slug), Rows, new DropColumn(Posts, Slug) };
        Assert.IsEmpty(Mixed(DatabaseProviders.Postgres, operations));
        Assert.IsEmpty(Mixed(DatabaseProviders.Sqlite, operations));
        var sqliteWithout = DatabaseProviders.Sqlite.Dialect with { TransactionalDdl = false };
        Assert.HasCount(1, SafetyLint.Check(operations, sqliteWithout).Where(f => f.Code == "DM112"));
        var mysqlWith = DatabaseProviders.MySql.Dialect with { TransactionalDdl = true };
        Assert.IsEmpty(SafetyLint.Check(operations, mysqlWith).Where(f => f.Code == "DM112"));
    }
}
