using DiffMigrate.Migrations;
using DiffMigrate.Schema;

namespace DiffMigrate.Tests.Render;

/// <summary>
/// SQL Server's own renderer scenarios, for the snapshot tests (SqlServerRendererTests) and the T-SQL parse test
/// (TsqlParseTests): named defaults, ALTER COLUMN, sp_rename, extended-property comments, sequences, schemas,
/// filtered and covering indexes, awkward names.
/// </summary>
internal static class SqlServerScenarios
{
    private static readonly QualifiedName Posts = "posts";
    private static readonly QualifiedName Sales = new("sales", "Orders");

    /// <summary>Names and comments built to break out of their brackets and quotes.</summary>
    public const string HostileTable = "t]; DROP TABLE users; -- \u2028x";
    public const string HostileColumn = "c'\"]\u2029;[";
    public const string HostileComment = "'); DROP TABLE users; -- ]' \u0085 N'x'";

    public static IReadOnlyList<(string Name, MigrationOperation Operation)> All { get; } =
    [
        ("Create_table_with_identity_defaults_computed_and_comments", new CreateTable(new Table(Sales,
            [
                new Column("Id", SqlType.Int64, Identity: new Identity(Start: 1000, Increment: 10), Comment: "numbered from 1000"),
                new Column("State", SqlType.Enum("order_state", "open", "it's closed"), Default: "'open'"),
                new Column("Paid", SqlType.Boolean, Default: "false"),
                new Column("Notes", SqlType.Text, Nullable: true, Collation: "Latin1_General_100_CI_AS_SC_UTF8"),
                new Column("PlacedAt", SqlType.DateTimeOffset, Default: "SYSDATETIMEOFFSET()"),
                new Column("Ref", SqlType.Uuid, Default: "NEWID()"),
                new Column("Total", SqlType.Decimal(12, 2)),
                new Column("Tax", SqlType.Decimal(12, 2), Computed: "[Total] * 0.2"),
                new Column("Gross", SqlType.Decimal(12, 2), Nullable: true, Computed: "[Total] * 1.2", ComputedVirtual: true),
                new Column("Blob", SqlType.Binary(), Nullable: true),
                new Column("Digest", SqlType.Binary(32), Nullable: true),
                new Column("Doc", SqlType.Json, Nullable: true),
                new Column("Country", SqlType.FixedChar(2), Nullable: true),
                new Column("Customer", SqlType.Int32, Nullable: true),
            ],
            new PrimaryKey("PK_Orders", ["Id"]),
            ForeignKeys: [new ForeignKey("FK_Orders_Customer", ["Customer"], "users", ["id"], ReferentialAction.Restrict, ReferentialAction.SetDefault)],
            UniqueConstraints: [new UniqueConstraint("UQ_Orders_Ref", ["Ref"])],
            CheckConstraints: [new CheckConstraint("CK_Orders_Total", "[Total] >= 0")],
            Comment: "customer orders: 'quoted'"))),
        ("Add_column_with_default_and_comment", new AddColumn(Posts, new Column("views", SqlType.Int32, Default: "0", Comment: "page views"), After: "title")),
        ("Add_identity_column", new AddColumn("tags", new Column("id", SqlType.Int32, Identity: new Identity()))),
        ("Drop_column_and_what_refers_to_it", new DropColumn(Posts, new Column("views", SqlType.Int32, Default: "0"))),
        ("Alter_column_type_and_nullability_keeps_its_default", new AlterColumn(Posts,
            new Column("title", SqlType.String(200), Nullable: true, Default: "''"),
            new Column("title", SqlType.String(300), Default: "''"))),
        ("Alter_column_to_unbounded_text", new AlterColumn(Posts, new Column("body", SqlType.String(4000), Nullable: true), new Column("body", SqlType.Text, Nullable: true))),
        ("Alter_column_default_only", new AlterColumn(Posts, new Column("views", SqlType.Int32, Default: "0"), new Column("views", SqlType.Int32, Default: "1"))),
        ("Alter_column_add_default", new AlterColumn(Posts, new Column("views", SqlType.Int32), new Column("views", SqlType.Int32, Default: "(1 + 1)"))),
        ("Alter_column_drop_default", new AlterColumn(Posts, new Column("views", SqlType.Int32, Default: "1"), new Column("views", SqlType.Int32))),
        ("Alter_column_comment_add_change_drop", new BatchAlterTable(Posts,
            [
                new AlterColumn(Posts, new Column("slug", SqlType.String(100), Nullable: true), new Column("slug", SqlType.String(100), Nullable: true, Comment: "a \"slug\"")),
                new AlterColumn(Posts, new Column("slug", SqlType.String(100), Nullable: true, Comment: "a \"slug\""), new Column("slug", SqlType.String(100), Nullable: true, Comment: "the slug")),
                new AlterColumn(Posts, new Column("slug", SqlType.String(100), Nullable: true, Comment: "the slug"), new Column("slug", SqlType.String(100), Nullable: true)),
            ])),
        ("Set_change_and_remove_table_comment", new BatchAlterTable(Posts,
            [
                new AlterTableComment(Posts, "blog posts; 'all' of them", null),
                new AlterTableComment(Posts, "blog posts", "blog posts; 'all' of them"),
                new AlterTableComment(Posts, null, "blog posts"),
            ])),
        ("Rename_column_in_a_schema", new RenameColumn(Sales, "Notes", "Remarks")),
        ("Rename_table_in_a_schema", new RenameTable(Sales, "PurchaseOrders")),
        ("Add_primary_key_unnamed", new AddPrimaryKey("tags", new PrimaryKey(null, ["id"]))),
        ("Drop_primary_key_named", new DropPrimaryKey("tags", new PrimaryKey("pk_tags", ["id"]))),
        ("Drop_primary_key_unnamed", new DropPrimaryKey("tags", new PrimaryKey(null, ["id"]))),
        ("Add_foreign_key_restrict_is_no_action", new AddForeignKey(Posts, new ForeignKey("fk_posts_user_id_users", ["user_id"], "users", ["id"], ReferentialAction.Restrict, ReferentialAction.Cascade))),
        ("Drop_foreign_key", new DropForeignKey(Posts, new ForeignKey("fk_posts_user_id_users", ["user_id"], "users", ["id"]))),
        ("Add_unique_constraint", new AddUniqueConstraint(Posts, new UniqueConstraint("uq_posts_slug", ["slug"]))),
        ("Drop_unique_constraint", new DropUniqueConstraint(Posts, new UniqueConstraint("uq_posts_slug", ["slug"]))),
        ("Add_check_constraint", new AddCheckConstraint(Posts, new CheckConstraint("ck_posts_views", "views >= 0 AND views < 1000000"))),
        ("Drop_check_constraint", new DropCheckConstraint(Posts, new CheckConstraint("ck_posts_views", "views >= 0"))),
        ("Create_filtered_covering_index", new CreateIndex(Posts, new TableIndex("ix_posts_user_id", ["user_id", "created_at"], Filter: "user_id IS NOT NULL", Include: ["title", "views"], Descending: [false, true]))),
        ("Create_unique_clustered_index", new CreateIndex("tags", new TableIndex("ix_tags_label", ["label"], IsUnique: true, Method: "clustered"))),
        ("Drop_index_on_its_table", new DropIndex(Sales, new TableIndex("IX_Orders_State", ["State"]))),
        ("Create_schema", new CreateSchema("sales")),
        ("Drop_schema", new DropSchema("sales")),
        ("Create_sequence_defaults", new CreateSequence(new Sequence("order_numbers"))),
        ("Create_sequence_with_options", new CreateSequence(new Sequence(new QualifiedName("sales", "invoice_numbers"), Start: 100, Increment: 5, MinValue: 100, MaxValue: 1000000, Cycle: true, Cache: 20))),
        ("Alter_sequence", new AlterSequence(new Sequence("order_numbers", Increment: 1, MaxValue: 10, Cache: 5), new Sequence("order_numbers", Increment: 2, MinValue: 0, Cycle: true))),
        ("Drop_sequence", new DropSequence(new Sequence("order_numbers"))),
        ("Create_view", new CreateObject(DefinedObject.View("recent_posts", "SELECT id, title FROM posts WHERE id > 10"))),
        ("Drop_view", new DropObject(DefinedObject.View("recent_posts", "SELECT id, title FROM posts WHERE id > 10"))),
        ("Create_function", new CreateObject(DefinedObject.Function(new QualifiedName("dbo", "twice"), "", "CREATE FUNCTION dbo.twice(@x INT) RETURNS INT AS BEGIN RETURN @x * 2 END"))),
        ("Drop_function", new DropObject(DefinedObject.Function(new QualifiedName("dbo", "twice"), "@x INT", "CREATE FUNCTION dbo.twice(@x INT) RETURNS INT AS BEGIN RETURN @x * 2 END"))),
        ("Replace_procedure_with_create_or_alter", new ReplaceObject(
            DefinedObject.Procedure("touch", "", "CREATE PROCEDURE touch AS SELECT 1"),
            DefinedObject.Procedure("touch", "", "CREATE OR ALTER PROCEDURE touch AS SELECT 2"))),
        ("Drop_procedure", new DropObject(DefinedObject.Procedure("touch", "", "CREATE PROCEDURE touch AS SELECT 1"))),
        ("Create_trigger", new CreateObject(DefinedObject.Trigger("trg_posts_touch", Sales, "CREATE TRIGGER sales.trg_posts_touch ON sales.[Orders] AFTER INSERT AS SET NOCOUNT ON"))),
        ("Drop_trigger", new DropObject(DefinedObject.Trigger("trg_posts_touch", Sales, "CREATE TRIGGER sales.trg_posts_touch ON sales.[Orders] AFTER INSERT AS SET NOCOUNT ON"))),
        ("Bulk_insert_every_literal", new BulkInsert(Posts, ["id", "title", "published", "score", "ref", "at", "data"],
            [(EquatableArray<object?>)new object?[] { 1, "it's", true, 1.5m, Guid.Empty, new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), new byte[] { 0xDE, 0xAD } },
             (EquatableArray<object?>)new object?[] { 2, null, false, null, null, null, null }])),
        ("Create_table_with_hostile_names_and_comments", new CreateTable(new Table(HostileTable,
            [new Column("id", SqlType.Int32), new Column(HostileColumn, SqlType.String(40), Nullable: true, Default: "'a''; DROP TABLE users; --'", Comment: HostileComment)],
            new PrimaryKey(null, ["id"]),
            CheckConstraints: [new CheckConstraint("ck]x", "id > 0")],
            Comment: HostileComment))),
        ("Create_index_with_hostile_names", new CreateIndex(HostileTable, new TableIndex("ix]\n; DROP TABLE users", [HostileColumn]))),
        ("Drop_column_with_hostile_names", new DropColumn(HostileTable, new Column(HostileColumn, SqlType.String(40), Nullable: true))),
        ("Rename_column_with_hostile_names", new RenameColumn(HostileTable, HostileColumn, "c2]'")),
    ];
}
