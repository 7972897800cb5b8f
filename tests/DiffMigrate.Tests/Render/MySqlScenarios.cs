using DiffMigrate.Migrations;

namespace DiffMigrate.Tests.Render;

/// <summary>
/// MariaDB's and MySQL's own renderer scenarios, shared by the snapshot tests (MySqlRendererTests) and the live run
/// on MariaDB (IntegrationTests/MariaDb/MariaDbRenderedSqlTests, which links this file): <see cref="Live"/> runs in
/// order after <see cref="Setup"/>, each on the tables as the ones before it left them.
/// </summary>
internal static class MySqlScenarios
{
    private static readonly QualifiedName Posts = "posts";

    /// <summary>The tables the scenarios work on.</summary>
    public static IReadOnlyList<MigrationOperation> Setup { get; } =
    [
        new CreateTable(new Table("users", [new Column("id", SqlType.Int64, Identity: new Identity()), new Column("email", SqlType.String(255))], new PrimaryKey(null, ["id"]))),
        new CreateTable(new Table(Posts,
            [
                new Column("id", SqlType.Int64),
                new Column("user_id", SqlType.Int64, Nullable: true),
                new Column("title", SqlType.String(200), Nullable: true),
                new Column("body", SqlType.Text, Nullable: true),
                new Column("views", SqlType.Int32, Default: "0"),
                new Column("slug", SqlType.String(100), Nullable: true),
            ],
            new PrimaryKey(null, ["id"]),
            UniqueConstraints: [new UniqueConstraint("uq_posts_slug", ["slug"])],
            CheckConstraints: [new CheckConstraint("ck_posts_views", "views >= 0")],
            ForeignKeys: [new ForeignKey("fk_posts_user_id_users", ["user_id"], "users", ["id"])])),
        new CreateTable(new Table("tags", [new Column("id", SqlType.Int64), new Column("label", SqlType.String(20), Nullable: true)], new PrimaryKey(null, ["id"]))),
    ];

    private static readonly DefinedObject Twice = DefinedObject.Function("twice", "", "CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC RETURN x * 2");
    private static readonly DefinedObject Trigger = DefinedObject.Trigger("trg_posts_views", Posts, "CREATE TRIGGER trg_posts_views BEFORE INSERT ON posts FOR EACH ROW SET NEW.views = 0");
    private static readonly DefinedObject Recent = DefinedObject.View("recent_posts", "SELECT id, title FROM posts WHERE id > 10");

    /// <summary>The scenarios, in the order they run live.</summary>
    public static IReadOnlyList<(string Name, MigrationOperation Operation)> Live { get; } =
    [
        ("Create_table_with_comments_auto_increment_start_and_enum", new CreateTable(new Table("tickets",
            [
                new Column("id", SqlType.Int32, Identity: new Identity(Start: 1000), Comment: "numbered from 1000"),
                new Column("state", SqlType.Enum("ticket_state", "open", "it's closed"), Default: "'open'"),
                new Column("done", SqlType.Boolean, Default: "0"),
                new Column("notes", SqlType.Text, Nullable: true, Default: "'none'"),
                new Column("opened_at", SqlType.DateTime, Default: "CURRENT_TIMESTAMP(6)"),
                new Column("code", SqlType.String(36), Nullable: true, Default: "uuid()", Collation: "utf8mb4_bin"),
                new Column("total", SqlType.Decimal(10, 2), Nullable: true, Computed: "id * 2", ComputedVirtual: true),
                new Column("state_length", SqlType.Int32, Computed: "char_length(state)"),
                new Column("payload", SqlType.Json, Nullable: true),
            ],
            new PrimaryKey("pk_tickets", ["id"]),
            Comment: "support tickets: 'quoted', \\ backslashed"))),
        ("Add_column_after_another", new AddColumn(Posts, new Column("subtitle", SqlType.String(200), Nullable: true, Comment: "under the title"), After: "title")),
        ("Drop_primary_key", new DropPrimaryKey("tags", new PrimaryKey("pk_tags", ["id"]))),
        ("Add_primary_key", new AddPrimaryKey("tags", new PrimaryKey("pk_tags", ["id"]))),
        ("Alter_column_to_identity_with_a_start", new AlterColumn("tags", new Column("id", SqlType.Int64), new Column("id", SqlType.Int64, Identity: new Identity(Start: 50)))),
        ("Alter_column_type_keeps_the_whole_column", new AlterColumn(Posts,
            new Column("title", SqlType.String(200), Nullable: true),
            new Column("title", SqlType.String(300), Default: "'untitled'", Comment: "the title"))),
        ("Alter_column_default_only", new AlterColumn(Posts, new Column("views", SqlType.Int32, Default: "0"), new Column("views", SqlType.Int32, Default: "1"))),
        ("Alter_column_drop_default", new AlterColumn(Posts, new Column("views", SqlType.Int32, Default: "1"), new Column("views", SqlType.Int32))),
        ("Alter_column_text_default_is_a_modify", new AlterColumn(Posts, new Column("body", SqlType.Text, Nullable: true), new Column("body", SqlType.Text, Nullable: true, Default: "''"))),
        ("Alter_column_comment_only", new AlterColumn(Posts, new Column("slug", SqlType.String(100), Nullable: true), new Column("slug", SqlType.String(100), Nullable: true, Comment: "a \"slug\"; not SQL"))),
        ("Drop_foreign_key", new DropForeignKey(Posts, new ForeignKey("fk_posts_user_id_users", ["user_id"], "users", ["id"]))),
        ("Add_foreign_key_with_actions", new AddForeignKey(Posts, new ForeignKey("fk_posts_user_id_users", ["user_id"], "users", ["id"], ReferentialAction.SetNull, ReferentialAction.Cascade))),
        ("Drop_unique_constraint", new DropUniqueConstraint(Posts, new UniqueConstraint("uq_posts_slug", ["slug"]))),
        ("Add_unique_constraint", new AddUniqueConstraint(Posts, new UniqueConstraint("uq_posts_slug", ["slug"]))),
        ("Drop_check_constraint", new DropCheckConstraint(Posts, new CheckConstraint("ck_posts_views", "views >= 0"))),
        ("Add_check_constraint", new AddCheckConstraint(Posts, new CheckConstraint("ck_posts_views", "views >= 0 AND views < 1000000"))),
        ("Create_prefix_and_descending_index", new CreateIndex(Posts, new TableIndex("ix_posts_body_views", ["body(20)", "views"], Expressions: [true, false], Descending: [false, true]))),
        ("Create_unique_btree_index", new CreateIndex(Posts, new TableIndex("ix_posts_title", ["title"], IsUnique: true, Method: "btree"))),
        ("Create_fulltext_index", new CreateIndex(Posts, new TableIndex("ix_posts_body_text", ["body"], Method: "fulltext"))),
        ("Drop_index_on_its_table", new DropIndex(Posts, new TableIndex("ix_posts_title", ["title"]))),
        ("Create_index_online", new CreateIndex(Posts, new TableIndex("ix_posts_views", ["views"]), Concurrently: true)),
        ("Drop_index_online", new DropIndex(Posts, new TableIndex("ix_posts_views", ["views"]), Concurrently: true)),
        ("Set_table_comment", new AlterTableComment(Posts, "blog posts; 'all' of them", null)),
        ("Remove_table_comment", new AlterTableComment(Posts, null, "blog posts; 'all' of them")),
        ("Create_view", new CreateObject(Recent)),
        ("Drop_view", new DropObject(Recent)),
        ("Create_function", new CreateObject(Twice)),
        ("Drop_function", new DropObject(Twice)),
        ("Create_trigger", new CreateObject(Trigger)),
        ("Drop_trigger", new DropObject(Trigger)),
        ("Batch_of_plain_alters", new BatchAlterTable("tags",
            [
                new AddColumn("tags", new Column("note", SqlType.String(50), Nullable: true)),
                new AlterColumn("tags", new Column("label", SqlType.String(20), Nullable: true), new Column("label", SqlType.String(40), Nullable: true)),
                new CreateIndex("tags", new TableIndex("ix_tags_label", ["label"])),
            ])),
        ("Drop_column_with_its_comment", new DropColumn(Posts, new Column("subtitle", SqlType.String(200), Nullable: true, Comment: "under the title"))),
        ("Rename_posts_column", new RenameColumn(Posts, "body", "content")),
        ("Rename_posts_table", new RenameTable(Posts, "articles")),
        // Online DDL asked explicitly: each runs live, so the server has taken each clause for its change. (On tags: a
        // table with a FULLTEXT index, as articles has, takes no ALGORITHM=INSTANT column change in MariaDB 10.11.)
        ("Add_column_instantly", new AddColumn("tags", new Column("flags", SqlType.Int32, Default: "0")) { Online = new OnlineDdl(DdlAlgorithm.Instant) }),
        ("Rename_column_instantly", new RenameColumn("tags", "flags", "flag_bits") { Online = new OnlineDdl(DdlAlgorithm.Instant) }),
        ("Widen_column_in_place_without_lock", new AlterColumn("tags",
            new Column("note", SqlType.String(50), Nullable: true),
            new Column("note", SqlType.String(60), Nullable: true)) { Online = new OnlineDdl(DdlAlgorithm.InPlace, DdlLock.None) }),
        ("Create_index_in_place_without_lock", new CreateIndex("tags", new TableIndex("ix_tags_flag_bits", ["flag_bits"])) { Online = new OnlineDdl(DdlAlgorithm.InPlace, DdlLock.None) }),
        ("Drop_index_in_place_without_lock", new DropIndex("tags", new TableIndex("ix_tags_flag_bits", ["flag_bits"])) { Online = new OnlineDdl(DdlAlgorithm.InPlace, DdlLock.None) }),
        ("Drop_column_instantly", new DropColumn("tags", new Column("flag_bits", SqlType.Int32, Default: "0")) { Online = new OnlineDdl(DdlAlgorithm.Instant) }),
        ("Drop_tickets_table", new DropTable(new Table("tickets", [new Column("id", SqlType.Int32)]))),
    ];

    /// <summary>
    /// Snapshots that do not run live: an AUTO_INCREMENT column must be a key when it is added, so adding one alone is
    /// refused by the server (the primary key comes in the same statement, a later step of the differ's work).
    /// </summary>
    public static IReadOnlyList<(string Name, MigrationOperation Operation)> SnapshotOnly { get; } =
    [
        ("Add_identity_column_with_a_start", new AddColumn("tags", new Column("id", SqlType.Int64, Identity: new Identity(Start: 50)))),
        ("Create_expression_index_for_MySQL_8", new CreateIndex(Posts, new TableIndex("ix_posts_lower_title", ["lower(title)"], Expressions: [true]))),
    ];

    /// <summary>Names and comments built to break out of their quotes: backticks, quotes, semicolons, comments and line terminators.</summary>
    public static class Hostile
    {
        public const string Table = "t`; DROP TABLE users; -- \u2028x";
        public const string Column = "c'\"`\u2029;#";
        public const string Check = "ck`;x";
        public const string Comment = "'); DROP TABLE users; -- \\' \u0085 \u2028 `x`";
        public const string Index = "ix`)\n; DROP TABLE users";

        public static CreateTable Create { get; } = new(new DiffMigrate.Table(Table,
            [new Column("id", SqlType.Int32), new Column(Column, SqlType.String(40), Nullable: true, Default: "'a''; DROP TABLE users; --'", Comment: Comment)],
            new PrimaryKey(null, ["id"]),
            CheckConstraints: [new CheckConstraint(Check, "id > 0")],
            Comment: Comment));

        public static CreateIndex Indexed { get; } = new(Table, new TableIndex(Index, [Column]));
    }
}
