using DiffMigrate.Migrations;
using DiffMigrate.Render.Sql;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Schema;

namespace DiffMigrate.Tests.Render;

/// <summary>
/// The shared scenarios plus PostgreSQL's own: schemas, enums, sequences, identity and serial columns, comments,
/// index options and awkward names. Each snapshot under snapshots/sql/postgresql/ was read as PostgreSQL 15 SQL.
/// </summary>
[TestClass]
public sealed partial class PostgresRendererTests : SqlRendererScenarios
{
    private static readonly QualifiedName Mood = new("app", "mood");
    private static readonly QualifiedName Orders = new("sales", "orders");

    private protected override SqlRenderer Renderer { get; } = new PostgresSqlRenderer();

    protected override string Dialect => "postgresql";

    protected override IReadOnlySet<Type> Refused { get; } = new HashSet<Type> { typeof(AlterTableOptions) };

    [TestMethod] public void Create_schema() => Verify(new CreateSchema("Sales Data"));

    [TestMethod] public void Drop_schema() => Verify(new DropSchema("audit"));

    [TestMethod] public void Create_enum() => Verify(new CreateEnum(new EnumType(Mood, ["sad", "it's ok", "happy"])));

    [TestMethod] public void Create_enum_with_a_reserved_name() => Verify(new CreateEnum(new EnumType("order", ["new", "paid"])));

    [TestMethod] public void Drop_enum() => Verify(new DropEnum(new EnumType(Mood, ["sad", "happy"])));

    [TestMethod] public void Add_enum_value_after_its_predecessor() => Verify(new AddEnumValue(Mood, "meh", ["sad", "meh", "happy"]));

    [TestMethod] public void Add_enum_value_first() => Verify(new AddEnumValue(Mood, "awful", ["awful", "sad", "happy"]));

    [TestMethod] public void Add_enum_value_to_an_empty_enum() => Verify(new AddEnumValue("status", "new", ["new"]));

    [TestMethod] public void Drop_enum_value_rebuilds_the_type() => Verify(new DropEnumValue(Mood, "meh", ["sad", "meh", "happy"]));

    [TestMethod] public void Rename_enum_value() => Verify(new RenameEnumValue(Mood, "sad", "blue"));

    [TestMethod] public void Reorder_enum_values_rebuilds_the_type() => Verify(new ReorderEnumValues(Mood, ["sad", "happy"], ["happy", "sad"]));

    [TestMethod] public void Create_sequence() => Verify(new CreateSequence(new Sequence("order_numbers")));

    [TestMethod] public void Create_sequence_with_every_option() => Verify(new CreateSequence(
        new Sequence(new QualifiedName("sales", "Invoice Numbers"), Start: 1000, Increment: 10, MinValue: 1000, MaxValue: 999999, Cycle: true, Cache: 20)));

    [TestMethod] public void Drop_sequence() => Verify(new DropSequence(new Sequence(new QualifiedName("sales", "order_numbers"), Start: 5)));

    [TestMethod] public void Alter_sequence() => Verify(new AlterSequence(
        new Sequence("order_numbers", Start: 1, MinValue: 1, MaxValue: 1000, Cache: 10),
        new Sequence("order_numbers", Start: 100, Increment: 5, Cycle: true)));

    [TestMethod] public void Alter_sequence_without_change_renders_nothing() =>
        Assert.IsEmpty(Renderer.Render([new AlterSequence(new Sequence("s", Start: 1), new Sequence("s", Start: 1))]));

    [TestMethod] public void Create_table_with_serial_and_identity_columns() => Verify(new CreateTable(new Table(
        Orders,
        [
            new Column("id", SqlType.Int64, Identity: new Identity(Always: true, Start: 1000, Increment: 10)),
            new Column("line", SqlType.Int32, Identity: new Identity(Serial: true)),
            new Column("small", SqlType.Int16, Identity: new Identity(Serial: true)),
            new Column("big", SqlType.Int64, Identity: new Identity(Serial: true)),
            new Column("status", SqlType.Enum("app.mood", "sad", "happy"), Default: "'happy'"),
            new Column("code", SqlType.Text, Collation: "C"),
            new Column("total", SqlType.Decimal(12, 2), Default: "0"),
            new Column("taxed", SqlType.Decimal(12, 2), Nullable: true, Computed: "total * 1.2"),
            new Column("placed_at", SqlType.DateTimeOffset, Default: "now()"),
        ],
        new PrimaryKey("pk_orders", ["id"]))));

    [TestMethod] public void Create_table_in_a_second_schema_with_comments() => Verify(new CreateTable(new Table(
        new QualifiedName("audit", "events"),
        [
            new Column("id", SqlType.Int64, Identity: new Identity(), Comment: "Surrogate key"),
            new Column("payload", SqlType.Json, Comment: "What happened, as it's sent"),
            new Column("at", SqlType.DateTime, Default: "CURRENT_TIMESTAMP"),
        ],
        new PrimaryKey("pk_events", ["id"]),
        Comment: "Everything users did")));

    [TestMethod] public void Create_table_with_awkward_identifiers() => Verify(new CreateTable(new Table(
        new QualifiedName("Sales Data", "user"),
        [
            new Column("order", SqlType.Int32),
            new Column("Select", SqlType.String(20), Nullable: true),
            new Column("say \"hi\"", SqlType.Text, Nullable: true),
            new Column("kind", SqlType.Enum("order", "new", "paid"), Nullable: true),
            new Column("user_id", SqlType.Int32, Nullable: true),
        ],
        new PrimaryKey("user_pkey", ["order"]),
        ForeignKeys: [new ForeignKey("fk_user_user_id", ["user_id"], new QualifiedName("public", "User"), ["ID"])],
        UniqueConstraints: [new UniqueConstraint("uq_user_select", ["Select"])],
        CheckConstraints: [new CheckConstraint("ck_user_order", "\"order\" > 0")])));

    [TestMethod] public void Add_column_with_comment() =>
        Verify(new AddColumn(Orders, new Column("note", SqlType.Text, Nullable: true, Comment: "Free text")));

    [TestMethod] public void Add_serial_column() => Verify(new AddColumn("posts", new Column("seq", SqlType.Int32, Identity: new Identity(Serial: true))));

    [TestMethod] public void Set_table_comment() => Verify(new AlterTableComment(Orders, "Customer orders", null));

    [TestMethod] public void Remove_table_comment() => Verify(new AlterTableComment(Orders, null, "Customer orders"));

    [TestMethod] public void Add_deferrable_foreign_key() => Verify(new AddForeignKey(Orders,
        new ForeignKey("fk_orders_parent_id", ["parent_id"], Orders, ["id"], ReferentialAction.Cascade, Deferrable: true, InitiallyDeferred: true)));

    [TestMethod] public void Add_unique_nulls_not_distinct() =>
        Verify(new AddUniqueConstraint(Orders, new UniqueConstraint("uq_orders_code", ["code", "line"], NullsNotDistinct: true)));

    [TestMethod] public void Drop_unique_constraint_with_a_reserved_name() =>
        Verify(new DropUniqueConstraint(new QualifiedName("Sales Data", "user"), new UniqueConstraint("unique", ["Select"])));

    [TestMethod] public void Create_gin_expression_index_with_filter() => Verify(new CreateIndex(Orders,
        new TableIndex("ix_orders_search", ["to_tsvector('simple', code)"], Filter: "code <> ''", Expressions: [true], Method: "gin")));

    [TestMethod] public void Create_covering_index_with_every_option() => Verify(new CreateIndex(Orders, new TableIndex(
        "ix_orders_lower_code", ["lower(code)", "placed_at", "total + 1"], IsUnique: true, Filter: "status <> 'sad'",
        Expressions: [true, false, true], Method: "btree", Include: ["id", "line"], Descending: [false, true, false])));

    [TestMethod] public void Drop_index_in_a_schema() => Verify(new DropIndex(Orders, new TableIndex("ix_orders_lower_code", ["lower(code)"])));

    [TestMethod]
    public void Concurrent_index_statements_are_flagged_to_run_outside_the_transaction()
    {
        var index = new TableIndex("ix_orders_code", ["code"]);
        var create = Renderer.Render([new CreateIndex(Orders, index, Concurrently: true)]).Single();
        var drop = Renderer.Render([new DropIndex(Orders, index, Concurrently: true)]).Single();
        Assert.AreEqual(new SqlStatement("CREATE INDEX CONCURRENTLY ix_orders_code ON sales.orders (code)", SuppressTransaction: true), create);
        Assert.AreEqual(new SqlStatement("DROP INDEX CONCURRENTLY sales.ix_orders_code", SuppressTransaction: true), drop);
        Assert.IsFalse(Renderer.Render([new CreateIndex(Orders, index)]).Single().SuppressTransaction);
    }

    [TestMethod] public void Bulk_insert_booleans_and_bytea() => Verify(new BulkInsert(Orders, ["number", "paid", "blob", "code"],
        [(EquatableArray<object?>)new object?[] { 1L, true, new byte[] { 0, 171, 255 }, "a\\b" }, (EquatableArray<object?>)new object?[] { 2L, false, Array.Empty<byte>(), null }]));
}
