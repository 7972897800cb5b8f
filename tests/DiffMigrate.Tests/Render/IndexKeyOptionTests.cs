using DiffMigrate.Design.Commands;
using DiffMigrate.Dialects;
using DiffMigrate.Diff;
using DiffMigrate.Migrations;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Render.CSharp;
using DiffMigrate.Render.Sql;
using DiffMigrate.Schema;
using DiffMigrate.Tests.Support;

namespace DiffMigrate.Tests.Render;

/// <summary>
/// Index key options (NULLS FIRST/LAST, operator class, collation per key) and NULLS NOT DISTINCT on unique
/// indexes: canonical form, comparison, SQL on both dialects, the C# a revision or a scaffold holds, the builder and
/// the attribute, and the change descriptions.
/// </summary>
[TestClass]
public sealed class IndexKeyOptionTests
{
    private static readonly Table T = new("t",
    [
        new Column("id", SqlType.Int32), new Column("n", SqlType.Int32, Nullable: true), new Column("title", SqlType.Text, Nullable: true),
        new Column("c_title", SqlType.Text, Nullable: true, Collation: "C"),
    ], new PrimaryKey("pk_t", ["id"]));

    private static TableIndex Normalized(Dialect dialect, TableIndex index) =>
        new DialectNormalizer(dialect).Table(T with { Indexes = [index] }).Indexes.Single();

    private static TableIndex Index(IndexKeyOptions? first, IndexKeyOptions? second = null) =>
        new("ix", ["n", "title"], KeyOptions: [first ?? IndexKeyOptions.None, second ?? IndexKeyOptions.None]);

    [TestMethod]
    public void NULLS_at_the_directions_default_is_no_option()
    {
        Assert.IsTrue(Normalized(PostgresDialect.Instance, Index(new(NullsOrder.Last), new(NullsOrder.Last))).KeyOptions.IsEmpty);
        var descending = new TableIndex("ix", ["n"], Descending: [true], KeyOptions: [new(NullsOrder.First)]);
        Assert.IsTrue(Normalized(PostgresDialect.Instance, descending).KeyOptions.IsEmpty);
        Assert.AreEqual(new IndexKeyOptions(NullsOrder.Last), Normalized(PostgresDialect.Instance, descending with { KeyOptions = [new(NullsOrder.Last)] }).KeyOption(0));
        var first = Normalized(PostgresDialect.Instance, Index(new(NullsOrder.First)));
        CollectionAssert.AreEqual(new[] { new IndexKeyOptions(NullsOrder.First), IndexKeyOptions.None }, first.KeyOptions.ToArray(), "one entry per key");
    }

    [TestMethod]
    public void A_collation_equal_to_the_columns_or_the_default_is_no_option()
    {
        var own = new TableIndex("ix", ["c_title"], KeyOptions: [new(Collation: "c")]);
        Assert.IsTrue(Normalized(PostgresDialect.Instance, own).KeyOptions.IsEmpty);
        Assert.IsTrue(Normalized(PostgresDialect.Instance, Index(null, new(Collation: "default"))).KeyOptions.IsEmpty);
        Assert.IsTrue(Normalized(SqliteDialect.Instance, Index(null, new(Collation: "binary"))).KeyOptions.IsEmpty);
        Assert.AreEqual("C", Normalized(PostgresDialect.Instance, Index(null, new(Collation: "C"))).KeyOption(1).Collation);
        Assert.AreEqual("NOCASE", Normalized(SqliteDialect.Instance, Index(null, new(Collation: "nocase"))).KeyOption(1).Collation);
        // A key of another collation than its column's is an option, even the default one.
        Assert.AreEqual("BINARY", Normalized(SqliteDialect.Instance, own with { KeyOptions = [new(Collation: "BINARY")] }).KeyOption(0).Collation);
    }

    [TestMethod]
    [DataRow("TEXT_PATTERN_OPS", "text_pattern_ops")]
    [DataRow(" text_pattern_ops ", "text_pattern_ops")]
    [DataRow("\"text_pattern_ops\"", "text_pattern_ops")]
    [DataRow("Pg_Catalog.\"text_ops\"", "pg_catalog.text_ops")]
    [DataRow("\"My Ops\"", "\"My Ops\"")]
    [DataRow("text_ops); DROP TABLE t; --", "\"text_ops); DROP TABLE t; --\"")]
    public void Operator_classes_compare_in_one_spelling(string written, string canonical) =>
        Assert.AreEqual(canonical, Normalized(PostgresDialect.Instance, Index(new(OperatorClass: written))).KeyOption(0).OperatorClass);

    [TestMethod]
    [DataRow("lower(title) COLLATE NOCASE", "lower(title)", "NOCASE")]
    [DataRow("lower(title) collate \"RTRIM\"", "lower(title)", "RTRIM")]
    [DataRow("(title COLLATE NOCASE)", "(title COLLATE NOCASE)", null)]
    [DataRow("f(x COLLATE NOCASE", "f(x COLLATE NOCASE", null)]
    [DataRow("'a COLLATE b'", "'a COLLATE b'", null)]
    public void A_COLLATE_ending_an_expression_key_is_the_keys_collation(string key, string expression, string? collation)
    {
        var index = Normalized(SqliteDialect.Instance, new TableIndex("ix", [key], Expressions: [true]));
        Assert.AreEqual(SqliteDialect.Instance.Expressions.Canonical(expression), index.Columns[0]);
        Assert.AreEqual(collation, index.KeyOption(0).Collation);
    }

    [TestMethod]
    public void NULLS_NOT_DISTINCT_counts_on_unique_indexes_only()
    {
        Assert.IsFalse(Normalized(PostgresDialect.Instance, new TableIndex("ix", ["n"], NullsNotDistinct: true)).NullsNotDistinct);
        Assert.IsTrue(Normalized(PostgresDialect.Instance, new TableIndex("ix", ["n"], IsUnique: true, NullsNotDistinct: true)).NullsNotDistinct);
    }

    private static List<MigrationOperation> Diff(TableIndex database, TableIndex model) =>
        new SchemaDiffer(new DiffOptions(PostgresDialect.Instance))
            .Diff(new DatabaseSchema([T with { Indexes = [database] }]), new DatabaseSchema([T with { Indexes = [model] }])).ToList();

    [TestMethod]
    public void A_changed_option_drops_and_recreates_the_index_and_is_described()
    {
        var plain = new TableIndex("ix", ["n", "title"]);
        Assert.IsEmpty(Diff(plain, Index(new(NullsOrder.Last), new(OperatorClass: null, Collation: "default"))));
        Assert.IsEmpty(Diff(Index(null, new(OperatorClass: "text_pattern_ops")), Index(null, new(OperatorClass: "TEXT_PATTERN_OPS"))));
        var operations = Diff(plain, Index(new(NullsOrder.First), new(OperatorClass: "text_pattern_ops", Collation: "C")));
        Assert.HasCount(2, operations);
        Assert.AreEqual("- index ix on t", OperationText.Describe(operations[0]));
        Assert.AreEqual("+ index ix on t(n, title): key n NULLS FIRST, key title operator class text_pattern_ops, key title COLLATE \"C\"",
            OperationText.Describe(operations[1]));
        var nnd = Diff(plain with { IsUnique = true }, plain with { IsUnique = true, NullsNotDistinct = true });
        Assert.AreEqual("+ index ix on t(n, title): NULLS NOT DISTINCT", OperationText.Describe(nnd[1]));
        var desc = Diff(plain with { Descending = [true, false] }, plain with { Descending = [true, false], KeyOptions = [new(NullsOrder.Last), IndexKeyOptions.None] });
        Assert.AreEqual("+ index ix on t(n, title): key n NULLS LAST", OperationText.Describe(desc[1]));
    }

    private static readonly TableIndex Every = new("ix", ["title", "n", "lower(title)"], IsUnique: true, Filter: "n > 0", Expressions: [false, false, true],
        Include: ["c_title"], Descending: [true, false, false],
        KeyOptions: [new(NullsOrder.Last, "text_pattern_ops", "C"), new(NullsOrder.First), new(OperatorClass: "pg_catalog.\"Text_Ops\"")], NullsNotDistinct: true);

    [TestMethod]
    public void PostgreSQL_writes_each_option_in_its_place()
    {
        var sql = new PostgresSqlRenderer().Render([new CreateIndex("t", Every)]).Single().Text;
        Assert.AreEqual(
            "CREATE UNIQUE INDEX ix ON t (title COLLATE \"C\" text_pattern_ops DESC NULLS LAST, n NULLS FIRST, (lower(title)) pg_catalog.\"Text_Ops\") " +
            "INCLUDE (c_title) NULLS NOT DISTINCT WHERE n > 0", sql);
    }

    [TestMethod]
    public void PostgreSQL_lifts_what_follows_an_expression_key_out_of_its_parentheses()
    {
        var sql = new PostgresSqlRenderer().Render([new CreateIndex("t", new TableIndex("ix", ["lower(title) COLLATE \"C\" text_pattern_ops", "n"],
            Expressions: [true, false], Descending: [true, false]))]).Single().Text;
        Assert.AreEqual("CREATE INDEX ix ON t ((lower(title)) COLLATE \"C\" text_pattern_ops DESC, n)", sql);
    }

    [TestMethod]
    [DataRow("text_ops); DROP TABLE t; --", "\"text_ops); DROP TABLE t; --\"")]
    [DataRow("a\"b", "\"a\"\"b\"")]
    [DataRow("x\"; DROP TABLE t; --", "\"x\"\"; DROP TABLE t; --\"")]
    [DataRow("s.\"o\"\"k\"", "s.\"o\"\"k\"")]
    public void A_hostile_operator_class_stays_one_quoted_name(string name, string written)
    {
        var sql = new PostgresSqlRenderer().Render([new CreateIndex("t", new TableIndex("ix", ["title"], KeyOptions: [new(OperatorClass: name)]))]).Single().Text;
        Assert.AreEqual($"CREATE INDEX ix ON t (title {written})", sql);
    }

    [TestMethod]
    public void SQLite_writes_key_collations_and_refuses_what_it_lacks()
    {
        var renderer = new SqliteSqlRenderer();
        var sql = renderer.Render([new CreateIndex("t", new TableIndex("ix", ["title", "lower(title)"], Expressions: [false, true], Descending: [true, false],
            KeyOptions: [new(Collation: "NOCASE"), new(Collation: "RTRIM")]))]).Single().Text;
        Assert.AreEqual("CREATE INDEX ix ON t (title COLLATE \"NOCASE\" DESC, lower(title) COLLATE \"RTRIM\")", sql);
        foreach (var (index, what) in new[]
        {
            (new TableIndex("ix", ["n"], KeyOptions: [new(NullsOrder.First)]), "NULLS FIRST on key n"),
            (new TableIndex("ix", ["n"], KeyOptions: [new(OperatorClass: "int4_ops")]), "operator class int4_ops on key n"),
            (new TableIndex("ix", ["n"], IsUnique: true, NullsNotDistinct: true), "NULLS NOT DISTINCT"),
        })
        {
            var error = Assert.ThrowsExactly<UnsupportedOperationException>(() => renderer.Render([new CreateIndex("t", index)]));
            StringAssert.Contains(error.Message, $"SQLite has no {what} (index ix)");
        }
    }

    [TestMethod]
    public void A_model_with_an_option_its_dialect_lacks_is_an_error_naming_the_index()
    {
        var model = new DatabaseSchema([T with { Indexes = [new TableIndex("ix_t_n", ["n"], KeyOptions: [new(NullsOrder.Last)])] }]);
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => IndexOptionSupport.Check(model, SqliteDialect.Instance));
        Assert.AreEqual("The model's index 'ix_t_n' on table 't' uses NULLS LAST on key n, which sqlite does not support: remove it for sqlite.", error.Message);
        IndexOptionSupport.Check(model, PostgresDialect.Instance);
        IndexOptionSupport.Check(new DatabaseSchema([T with { Indexes = [new TableIndex("ix", ["title"], KeyOptions: [new(Collation: "NOCASE")])] }]), SqliteDialect.Instance);
    }

    [TestMethod]
    public void A_revision_writes_the_options_and_compiles_to_the_same_index()
    {
        MigrationOperation[] upgrade = [new CreateIndex("t", Every), new CreateIndex("t", new TableIndex("ix2", ["n", "title"], KeyOptions: [IndexKeyOptions.None, new(Collation: "C")]))];
        var source = new RevisionSource("ae1027a6acf0", [], "index options", DateTimeOffset.UnixEpoch, upgrade, OperationReverser.ReverseAll(upgrade), ClassName: "IndexOptions");
        var text = RevisionWriter.Write(source);
        StringAssert.Contains(text, "keyOptions: [new IndexKeyOptions(NullsOrder.Last, \"text_pattern_ops\", Collation: \"C\"), new IndexKeyOptions(NullsOrder.First), new IndexKeyOptions(OperatorClass: \"pg_catalog.\\\"Text_Ops\\\"\")]");
        StringAssert.Contains(text, "nullsNotDistinct: true");
        var migration = CompiledRevision.Load(source.Id, text);
        var op = new Operations();
        migration.Upgrade(op);
        CollectionAssert.AreEqual(upgrade, op.Recorded.ToList(), text);
    }

    [TestMethod]
    public void Scaffold_writes_the_options_for_the_builder_and_the_attributes()
    {
        var table = T with
        {
            Columns = [.. T.Columns.Where(c => c.Collation is null)],
            Indexes = [Every with { Columns = ["title", "n", "id"], Expressions = default, Include = default, KeyOptions = [new(NullsOrder.Last, "text_pattern_ops", "C"), new(NullsOrder.First), IndexKeyOptions.None] }],
        };
        var (builder, _) = ModelWriter.Write(new DatabaseSchema([table]), "App");
        StringAssert.Contains(builder, "keyOptions: [new IndexKeyOptions(NullsOrder.Last, \"text_pattern_ops\", Collation: \"C\"), new IndexKeyOptions(NullsOrder.First), null], nullsNotDistinct: true)");
        var (entities, _) = ModelWriter.WriteEntities(new DatabaseSchema([table]), "App", PostgresDialect.Instance);
        var text = string.Join("\n", entities.Select(e => e.Source));
        StringAssert.Contains(text, "Nulls = new[] { NullsOrder.Last, NullsOrder.First, NullsOrder.Default }, OperatorClasses = new[] { \"text_pattern_ops\", \"\", \"\" }, " +
            "Collations = new[] { \"C\", \"\", \"\" }, NullsNotDistinct = true)]", text);
    }

    [System.ComponentModel.DataAnnotations.Schema.Table("books")]
    [Index(nameof(Title), nameof(Pages), Name = "ix_books", IsUnique = true, IsDescending = new[] { false, true }, Nulls = new[] { NullsOrder.First, NullsOrder.Default },
        OperatorClasses = new[] { "text_pattern_ops", "" }, Collations = new[] { "C", "" }, NullsNotDistinct = true)]
    public sealed class Book
    {
        public int Id { get; set; }
        public string? Title { get; set; }
        public int? Pages { get; set; }
    }

    private sealed class BookBuilder : SchemaDefinition
    {
        public override void Define(SchemaBuilder builder) => builder.Table("books", t =>
        {
            t.Column("id", SqlType.Int32).Identity().PrimaryKey();
            t.Column("title", SqlType.Text).Nullable();
            t.Column("pages", SqlType.Int32).Nullable();
            t.Index("ix_books", ["title", "pages"], unique: true, descending: [false, true],
                keyOptions: [new(NullsOrder.First, "text_pattern_ops", "C"), null], nullsNotDistinct: true);
        });
    }

    [TestMethod]
    public void The_builder_and_the_attribute_declare_the_same_options()
    {
        var fromAttributes = SchemaModel.FromTypes([typeof(Book)], []);
        var fromBuilder = SchemaModel.FromTypes([], [new BookBuilder()]);
        Assert.AreEqual(fromAttributes, fromBuilder);
        var index = fromBuilder.Tables.Single().Indexes.Single();
        Assert.IsTrue(index.NullsNotDistinct);
        CollectionAssert.AreEqual(new[] { new IndexKeyOptions(NullsOrder.First, "text_pattern_ops", "C"), IndexKeyOptions.None }, index.KeyOptions.ToArray());
        // No options at all is no array: the same index as one declared without them.
        var plain = new TableIndex("ix", ["n"]);
        Assert.AreEqual(plain, new TableIndex("ix", ["n"]) with { KeyOptions = default });
    }

    [TestMethod]
    [DataRow("lower(name) text_pattern_ops", "lower(name)", null, "text_pattern_ops")]
    [DataRow("(a || b) COLLATE \"C\" pg_catalog.text_pattern_ops", "(a || b)", "C", "pg_catalog.text_pattern_ops")]
    [DataRow("lower(name) collate \"C\"", "lower(name)", "C", null)]
    [DataRow("lower(name)", "lower(name)", null, null)]
    [DataRow("a + b_ops", "a + b_ops", null, null)]
    [DataRow("(x)::timestamp with time zone", "(x)::timestamp with time zone", null, null)]
    [DataRow("'a text_ops'", "'a text_ops'", null, null)]
    public void An_expression_key_sheds_the_options_written_after_it(string key, string expression, string? collation, string? operatorClass) =>
        Assert.AreEqual((expression, collation, operatorClass), PostgresIndexKeys.Split(key));
}
