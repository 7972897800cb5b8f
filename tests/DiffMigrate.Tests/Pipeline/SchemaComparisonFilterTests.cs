using DiffMigrate.Design.Commands;
using DiffMigrate.Design.Pipeline;
using DiffMigrate.Migrations;
using DiffMigrate.Providers;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Runner.Configuration;
using DiffMigrate.Schema;
using static DiffMigrate.Tests.Diff.DiffScenario;

namespace DiffMigrate.Tests.Pipeline;

/// <summary>The comparison pipeline's object filter, on both sides, without a database (the pure part of the pipeline).</summary>
[TestClass]
public sealed class SchemaComparisonFilterTests
{
    private static SchemaComparison Pipeline(Func<SchemaObjectRef, bool>? include, bool sqlite = false) =>
        new(DatabaseProviders.For(sqlite ? SqliteDialect.Instance : PostgresDialect.Instance), new ComparisonOptions { IncludeObject = include });

    private static SchemaComparison Excluding(params string[] patterns) => Pipeline(ObjectFilter.Parse(null, patterns, "diffmigrate.json")!.Includes);

    private static string Text(IReadOnlyList<MigrationOperation> operations) => string.Join("\n", operations.Select(OperationText.Describe));

    [TestMethod]
    public void An_excluded_table_only_in_the_database_is_not_dropped()
    {
        var database = Db(Table("audit_log"), Table("old"));
        Assert.AreEqual("DropTable:old | DropTable:audit_log", Describe(Pipeline(null).Diff(database, Db())), "without the filter both go");
        Assert.AreEqual("DropTable:old", Describe(Excluding("table:audit_*").Diff(database, Db())));
    }

    [TestMethod]
    public void An_excluded_table_only_in_the_model_is_not_created()
    {
        var model = Db(Table("audit_log"), Table("users"));
        Assert.AreEqual("CreateTable:users", Describe(Excluding("table:audit_*").Diff(Db(), model)));
        Assert.AreEqual("CreateTable:users", Describe(Excluding("audit_*").Diff(Db(), model)), "a pattern without a kind is a table pattern");
    }

    [TestMethod]
    public void An_excluded_column_is_neither_added_dropped_nor_altered_and_the_table_still_is_compared()
    {
        var database = Db(Table("users", Id(), Col("row_version", SqlType.Int64), Col("stale")),
            Table("posts", Id(), Col("row_version", SqlType.Int32)));
        var model = Db(Table("users", Id(), Col("email", SqlType.Text)), Table("posts", Id(), Col("row_version", SqlType.Int64)));
        var all = Text(Pipeline(null).Diff(database, model));
        StringAssert.Contains(all, "row_version", "without the filter the column is dropped and altered");
        var filtered = Text(Excluding("column:*.row_version").Diff(database, model));
        Assert.DoesNotContain("row_version", filtered);
        Assert.AreEqual("+ column users.email Text NOT NULL\n- column users.stale", filtered);
    }

    [TestMethod]
    public void An_excluded_index_is_left_alone_on_both_sides()
    {
        var database = Db(Table("users", Id(), Col("a"), Col("b")) with { Indexes = [new TableIndex("ix_tmp_a", ["a"]), new TableIndex("ix_old", ["a"])] });
        var model = Db(Table("users", Id(), Col("a"), Col("b")) with { Indexes = [new TableIndex("ix_tmp_b", ["b"])] });
        var operations = Excluding("index:ix_tmp_*").Diff(database, model);
        Assert.AreEqual("- index ix_old on users", Text(operations));
    }

    [TestMethod]
    public void Unique_foreign_key_and_check_constraints_are_filtered_by_their_kinds()
    {
        var database = Db(Table("parent"), Table("child", Id(), Col("parent_id")) with
        {
            ForeignKeys = [Fk("child", "parent_id", "parent", name: "fk_managed_elsewhere")],
            UniqueConstraints = [new UniqueConstraint("uq_external", ["parent_id"])],
            CheckConstraints = [new CheckConstraint("ck_external", "parent_id > 0")],
        });
        var model = Db(Table("parent"), Table("child", Id(), Col("parent_id")));
        Assert.HasCount(3, Pipeline(null).Diff(database, model));
        Assert.IsEmpty(Excluding("foreignKey:*_elsewhere", "unique:uq_external", "check:ck_*").Diff(database, model));
    }

    [TestMethod]
    public void An_excluded_schema_takes_its_tables_enums_and_sequences_along_and_is_not_created()
    {
        var model = new DatabaseSchema(
            [Table("users"), new Table(new QualifiedName("legacy", "orders"), [Id()])],
            Enums: [new EnumType(new QualifiedName("legacy", "mood"), ["ok"]), new EnumType("status", ["on"])],
            Sequences: [new Sequence(new QualifiedName("legacy", "seq"))],
            Schemas: ["legacy"]);
        var operations = Excluding("schema:legacy").Diff(DatabaseSchema.Empty, model);
        Assert.AreEqual("+ enum status(on)\n+ table users", Text(operations));
    }

    [TestMethod]
    public void A_predicate_sees_every_object_once_with_its_table_and_schema()
    {
        var seen = new List<SchemaObjectRef>();
        var model = new DatabaseSchema([Table("users", Id(), Col("email")) with { Indexes = [new TableIndex("ix_email", ["email"])] }]);
        Pipeline(o => { seen.Add(o); return true; }).Diff(DatabaseSchema.Empty, model);
        CollectionAssert.AreEquivalent(new[]
        {
            new SchemaObjectRef(SchemaObjectKind.Table, null, "users", "users"),
            new SchemaObjectRef(SchemaObjectKind.Column, null, "users", "id"),
            new SchemaObjectRef(SchemaObjectKind.Column, null, "users", "email"),
            new SchemaObjectRef(SchemaObjectKind.Index, null, "users", "ix_email"),
        }, seen);
    }

    [TestMethod]
    public void On_SQLite_the_filtered_changes_are_still_batched()
    {
        var database = Db(Table("users", Id(), Col("a"), Col("row_version")));
        var model = Db(Table("users", Id(), Col("a", SqlType.Text)));
        var operations = Pipeline(ObjectFilter.Parse(null, ["column:row_version"], "x")!.Includes, sqlite: true).Diff(database, model);
        var batch = (BatchAlterTable)operations.Single();
        Assert.AreEqual("AlterColumn:users", Describe(batch.Operations));
    }

    [TestMethod]
    public void The_configuration_gives_the_filter_and_skip_empty_and_rewrites_chain()
    {
        var config = DiffMigrateConfig.Defaults(Path.GetTempPath(), "migrations") with { Exclude = ["table:audit_*"] };
        var options = ComparisonOptions.For(config with { SkipEmpty = true });
        Assert.IsFalse(options.IncludeObject!(new SchemaObjectRef(SchemaObjectKind.Table, null, "audit_x", "audit_x")));
        Assert.IsNull(options.RewriteOperations!([]), "skipEmpty: no revision for no operation");
        Assert.IsNull(ComparisonOptions.For(config).RewriteOperations);
        Assert.IsNull(ComparisonOptions.For(DiffMigrateConfig.Defaults(Path.GetTempPath(), "migrations")).IncludeObject, "no pattern, no filter");

        MigrationOperation marker = new ExecuteSql("SELECT 1");
        var chained = new ComparisonOptions { RewriteOperations = ops => [.. ops, marker] }.ThenRewrite(ComparisonOptions.SkipEmpty);
        Assert.AreEqual(marker, chained.RewriteOperations!([])!.Single(), "the skip sees what the first rewrite made");
        var cancelled = new ComparisonOptions { RewriteOperations = _ => null }.ThenRewrite(ops => throw new AssertFailedException("not called"));
        Assert.IsNull(cancelled.RewriteOperations!([marker]));
    }
}
