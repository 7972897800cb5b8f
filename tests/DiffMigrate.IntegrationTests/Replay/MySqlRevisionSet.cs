namespace DiffMigrate.IntegrationTests.Replay;

/// <summary>
/// A revision set of what MariaDB runs: tables with an inline ENUM, generated columns (virtual and stored), comments,
/// keys, foreign keys with actions, uniques, checks, indexes (descending, unique), renames of tables and columns,
/// column changes through MODIFY, rows and raw SQL. It keeps clear of InnoDB's own index for a foreign key, which
/// outlives DROP FOREIGN KEY (a known limit, not a replay question).
/// </summary>
internal static class MySqlRevisionSet
{
    private static readonly Column Id = new("id", SqlType.Int32, Identity: new Identity());

    public static Action<Operations>[] Revisions { get; } =
    [
        op =>
        {
            op.CreateTable("authors", Id, new Column("name", SqlType.String(100), Comment: "display name"), new Column("email", SqlType.String(255)),
                new Column("bio", SqlType.Text, Nullable: true), new Column("created_at", SqlType.DateTime, Default: "CURRENT_TIMESTAMP"),
                new Column("mood", SqlType.Enum("mood", "sad", "ok", "happy"), Default: "'ok'"),
                new PrimaryKey("pk_authors", ["id"]), new UniqueConstraint("uq_authors_email", ["email"]), new CheckConstraint("ck_authors_name", "char_length(name) > 0"));
            op.CreateTable("posts", Id, new Column("author_id", SqlType.Int32), new Column("title", SqlType.String(200)), new Column("body", SqlType.Text, Nullable: true),
                new Column("score", SqlType.Decimal(10, 2), Default: "0"),
                new Column("double_score", SqlType.Decimal(11, 2), Nullable: true, Computed: "score * 2", ComputedVirtual: true),
                new Column("title_len", SqlType.Int32, Nullable: true, Computed: "char_length(title)"),
                new PrimaryKey("pk_posts", ["id"]),
                new ForeignKey("fk_posts_author_id_authors", ["author_id"], "authors", ["id"], ReferentialAction.Cascade));
            op.CreateIndex("posts", new TableIndex("ix_posts_title", ["title"]));
            op.CreateTable("scratch", Id, new PrimaryKey("pk_scratch", ["id"]));
        },
        op =>
        {
            op.AddColumn("posts", new Column("slug", SqlType.String(100), Nullable: true));
            op.CreateIndex("posts", new TableIndex("ix_posts_slug", ["slug"], IsUnique: true));
            op.RenameColumn("posts", "body", "content");
            op.RenameTable("authors", "writers");
            op.DropTable("scratch", Id, new PrimaryKey("pk_scratch", ["id"]));
            op.BulkInsert("writers", ["name", "email"], ["Ada", "ada@example.com"]);
            op.Execute("INSERT INTO posts (author_id, title) SELECT id, 'hello' FROM writers");
        },
        op =>
        {
            op.AlterColumn("posts", new Column("title", SqlType.String(200)), new Column("title", SqlType.String(300), Nullable: true, Default: "'untitled'"));
            op.DropColumn("posts", new Column("double_score", SqlType.Decimal(11, 2), Nullable: true, Computed: "score * 2", ComputedVirtual: true));
            op.DropColumn("posts", new Column("score", SqlType.Decimal(10, 2), Default: "0"));
            op.AddCheckConstraint("posts", new CheckConstraint("ck_posts_slug", "slug <> ''"));
            op.AddUniqueConstraint("posts", new UniqueConstraint("uq_posts_author_title", ["author_id", "title"]));
            op.DropIndex("posts", new TableIndex("ix_posts_title", ["title"]));
            op.CreateIndex("posts", new TableIndex("ix_posts_author_desc", ["author_id", "id"], Descending: [false, true]));
            op.AlterTableComment("posts", "What they write");
        },
        op =>
        {
            op.RenameColumn("writers", "bio", "about");
            op.DropCheckConstraint("writers", new CheckConstraint("ck_authors_name", "char_length(name) > 0"));
            op.AddColumn("writers", new Column("active", SqlType.Boolean, Default: "1"));
            op.CreateTable("tags", Id, new Column("label", SqlType.String(40)), new PrimaryKey("pk_tags", ["id"]));
            op.CreateTable("post_tags", new Column("post_id", SqlType.Int32), new Column("tag_id", SqlType.Int32),
                new PrimaryKey("pk_post_tags", ["post_id", "tag_id"]),
                new ForeignKey("fk_post_tags_post_id_posts", ["post_id"], "posts", ["id"], ReferentialAction.Cascade),
                new ForeignKey("fk_post_tags_tag_id_tags", ["tag_id"], "tags", ["id"], ReferentialAction.Restrict));
            // post_id leads the primary key, so InnoDB made no index of its own for this key: nothing outlives the drop.
            op.DropForeignKey("post_tags", new ForeignKey("fk_post_tags_post_id_posts", ["post_id"], "posts", ["id"], ReferentialAction.Cascade));
        },
    ];
}
