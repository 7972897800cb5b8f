using DiffMigrate.Migrations;

namespace DiffMigrate.IntegrationTests.Replay;

/// <summary>
/// Revision sets that use every operation kind each dialect runs: tables, columns, keys, foreign keys, uniques,
/// checks, indexes (partial, expression, descending), renames of tables and columns, batches, rows and raw SQL
/// (rows only, or declared); on PostgreSQL also schemas, enums, sequences, domains, comments, exclusion constraints,
/// views, materialized views, functions and triggers.
/// </summary>
internal static class RichRevisionSets
{
    private static readonly Column Id = new("id", SqlType.Int32, Identity: new Identity());

    public static Action<Operations>[] Sqlite { get; } =
    [
        op =>
        {
            op.CreateTable("authors", Id, new Column("name", SqlType.String(100)), new Column("email", SqlType.String(255)),
                new Column("bio", SqlType.Text, Nullable: true), new Column("created_at", SqlType.DateTimeOffset, Default: "CURRENT_TIMESTAMP"),
                new PrimaryKey("pk_authors", ["id"]), new UniqueConstraint("uq_authors_email", ["email"]), new CheckConstraint("ck_authors_name", "length(name) > 0"));
            op.CreateTable("posts", Id, new Column("author_id", SqlType.Int32), new Column("title", SqlType.String(200)), new Column("body", SqlType.Text, Nullable: true),
                new Column("score", SqlType.Decimal(10, 2), Default: "0"), new PrimaryKey("pk_posts", ["id"]),
                new ForeignKey("fk_posts_author_id_authors", ["author_id"], "authors", ["id"], ReferentialAction.Cascade));
            op.CreateIndex("posts", new TableIndex("ix_posts_author_id", ["author_id"]));
            op.CreateIndex("posts", new TableIndex("ix_posts_title_lower", ["lower(title)"], Expressions: [true]));
            op.CreateTable("scratch", Id, new PrimaryKey("pk_scratch", ["id"]));
        },
        op =>
        {
            op.AddColumn("posts", new Column("slug", SqlType.String(100), Nullable: true));
            op.CreateIndex("posts", new TableIndex("ix_posts_slug", ["slug"], IsUnique: true, Filter: "slug IS NOT NULL"));
            op.RenameColumn("posts", "body", "content");
            op.RenameTable("authors", "writers");
            op.DropTable("scratch", Id, new PrimaryKey("pk_scratch", ["id"]));
            op.BulkInsert("writers", ["name", "email"], ["Ada", "ada@example.com"]);
            op.Execute("INSERT INTO posts (author_id, title) SELECT id, 'hello' FROM writers");
        },
        op =>
        {
            op.BatchAlterTable("posts", b =>
            {
                b.AlterColumn(new Column("title", SqlType.String(200)), new Column("title", SqlType.Text, Nullable: true, Default: "'untitled'"));
                b.DropColumn(new Column("score", SqlType.Decimal(10, 2), Default: "0"));
                b.AddCheckConstraint(new CheckConstraint("ck_posts_slug", "slug <> ''"));
                b.AddUniqueConstraint(new UniqueConstraint("uq_posts_author_title", ["author_id", "title"]));
            });
            op.DropIndex("posts", new TableIndex("ix_posts_author_id", ["author_id"]));
            op.CreateIndex("posts", new TableIndex("ix_posts_author_desc", ["author_id", "id"], Descending: [false, true]));
            op.Execute("CREATE VIEW recent_posts AS SELECT id, title FROM posts", "DROP VIEW recent_posts",
                changes: [new CreateObject(DefinedObject.View("recent_posts", "SELECT id, title FROM posts"))]);
        },
        op =>
        {
            op.BatchAlterTable("writers", b =>
            {
                b.RenameColumn("bio", "about");
                b.DropCheckConstraint(new CheckConstraint("ck_authors_name", "length(name) > 0"));
                b.AddColumn(new Column("active", SqlType.Boolean, Default: "1"));
            });
            op.CreateTable("tags", Id, new Column("label", SqlType.String(40)), new PrimaryKey("pk_tags", ["id"]));
            op.CreateTable("post_tags", new Column("post_id", SqlType.Int32), new Column("tag_id", SqlType.Int32),
                new PrimaryKey("pk_post_tags", ["post_id", "tag_id"]),
                new ForeignKey("fk_post_tags_post_id_posts", ["post_id"], "posts", ["id"], ReferentialAction.Cascade),
                new ForeignKey("fk_post_tags_tag_id_tags", ["tag_id"], "tags", ["id"]));
            op.BatchAlterTable("post_tags", b => b.DropForeignKey(new ForeignKey("fk_post_tags_tag_id_tags", ["tag_id"], "tags", ["id"])));
        },
    ];

    public static Action<Operations>[] Postgres { get; } =
    [
        op =>
        {
            op.CreateSchema("app");
            op.CreateEnum("mood", "sad", "ok", "happy");
            op.CreateSequence(new Sequence("invoice_numbers", Start: 1000, Increment: 10));
            op.CreateDomain(new Domain("year", SqlType.Int32, Checks: [new CheckConstraint("year_check", "VALUE BETWEEN 1901 AND 2155")]));
            op.CreateTable(new QualifiedName("app", "authors"), Id, new Column("name", SqlType.String(100), Comment: "display name"),
                new Column("email", SqlType.String(255)), new Column("bio", SqlType.Text, Nullable: true), new Column("mood", SqlType.Enum("mood", "sad", "ok", "happy"), Nullable: true),
                new Column("born", SqlType.Raw("year"), Nullable: true), new Column("created_at", SqlType.DateTimeOffset, Default: "now()"),
                new PrimaryKey("pk_authors", ["id"]), new UniqueConstraint("uq_authors_email", ["email"]), new CheckConstraint("ck_authors_name", "length(name) > 0"),
                new TableComment("who writes"));
            op.CreateTable("posts", Id, new Column("author_id", SqlType.Int32), new Column("title", SqlType.String(200)), new Column("body", SqlType.Text, Nullable: true),
                new Column("score", SqlType.Decimal(10, 2), Default: "0"), new Column("during", SqlType.Raw("tsrange"), Nullable: true),
                new PrimaryKey("pk_posts", ["id"]),
                new ForeignKey("fk_posts_author_id_authors", ["author_id"], new QualifiedName("app", "authors"), ["id"], ReferentialAction.Cascade));
            op.CreateIndex("posts", new TableIndex("ix_posts_author_id", ["author_id"]));
            op.CreateIndex("posts", new TableIndex("ix_posts_title_lower", ["lower((title)::text)"], Expressions: [true]));
        },
        op =>
        {
            op.AddColumn("posts", new Column("slug", SqlType.String(100), Nullable: true));
            op.CreateIndex("posts", new TableIndex("ix_posts_slug", ["slug"], IsUnique: true, Filter: "slug IS NOT NULL"));
            op.RenameColumn("posts", "body", "content");
            op.RenameTable(new QualifiedName("app", "authors"), "writers");
            op.AddEnumValue("mood", "meh", "sad", "meh", "ok", "happy");
            op.RenameEnumValue("mood", "ok", "fine");
            op.AlterSequence(new Sequence("invoice_numbers", Start: 1000, Increment: 10), new Sequence("invoice_numbers", Start: 1000, Increment: 5, Cycle: true));
            op.AlterDomain(new Domain("year", SqlType.Int32, Checks: [new CheckConstraint("year_check", "VALUE BETWEEN 1901 AND 2155")]),
                new Domain("year", SqlType.Int32, Default: "2000", Checks: [new CheckConstraint("year_check", "VALUE BETWEEN 1901 AND 2155")]));
            op.AlterTableComment(new QualifiedName("app", "writers"), "who writes posts", "who writes");
            op.AddExclusionConstraint("posts", new ExclusionConstraint("ex_posts_during", "USING gist (during WITH &&)"));
            op.BulkInsert(new QualifiedName("app", "writers"), ["name", "email"], ["Ada", "ada@example.com"]);
            op.Execute("INSERT INTO posts (author_id, title) SELECT id, 'hello' FROM app.writers");
        },
        op =>
        {
            op.AlterColumn("posts", new Column("title", SqlType.String(200)), new Column("title", SqlType.Text, Nullable: true, Default: "'untitled'::text"));
            op.DropColumn("posts", new Column("score", SqlType.Decimal(10, 2), Default: "0"));
            op.AddCheckConstraint("posts", new CheckConstraint("ck_posts_slug", "slug <> ''", NotValid: true));
            op.ValidateConstraint("posts", "ck_posts_slug");
            op.AddUniqueConstraint("posts", new UniqueConstraint("uq_posts_author_title", ["author_id", "title"]));
            op.DropIndex("posts", new TableIndex("ix_posts_author_id", ["author_id"]));
            op.CreateIndex("posts", new TableIndex("ix_posts_author_desc", ["author_id", "id"], Descending: [false, true]));
            op.CreateObject(DefinedObject.View("recent_posts", "SELECT id, title FROM posts"));
            op.CreateObject(DefinedObject.Function("touch", "", "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"));
            op.CreateObject(DefinedObject.Trigger("trg_posts_touch", "posts", "CREATE TRIGGER trg_posts_touch BEFORE UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION touch()"));
            op.Execute("CREATE MATERIALIZED VIEW post_counts AS SELECT author_id, count(*) AS n FROM posts GROUP BY author_id", "DROP MATERIALIZED VIEW post_counts",
                changes: [new CreateObject(DefinedObject.MaterializedView("post_counts", "SELECT author_id, count(*) AS n FROM posts GROUP BY author_id"))]);
            op.CreateIndex("post_counts", new TableIndex("ix_post_counts_author", ["author_id"]));
            op.CreateTable("events", Id, new PrimaryKey("pk_events", ["id"]));
            op.CreateObject(DefinedObject.Trigger("trg_events_touch", "events", "CREATE TRIGGER trg_events_touch BEFORE UPDATE ON events FOR EACH ROW EXECUTE FUNCTION touch()"));
        },
        op =>
        {
            op.BatchAlterTable(new QualifiedName("app", "writers"), b =>
            {
                b.RenameColumn("bio", "about");
                b.DropCheckConstraint(new CheckConstraint("ck_authors_name", "length(name) > 0"));
                b.AddColumn(new Column("active", SqlType.Boolean, Default: "true"));
            });
            op.CreateTable("tags", Id, new Column("label", SqlType.String(40)), new PrimaryKey("pk_tags", ["id"]));
            // The database keeps the trigger on the renamed table, and prints its definition with the new name.
            op.RenameTable("events", "happenings");
            op.CreateTable("post_tags", new Column("post_id", SqlType.Int32), new Column("tag_id", SqlType.Int32),
                new PrimaryKey("pk_post_tags", ["post_id", "tag_id"]),
                new ForeignKey("fk_post_tags_post_id_posts", ["post_id"], "posts", ["id"], ReferentialAction.Cascade),
                new ForeignKey("fk_post_tags_tag_id_tags", ["tag_id"], "tags", ["id"]));
            op.DropForeignKey("post_tags", new ForeignKey("fk_post_tags_tag_id_tags", ["tag_id"], "tags", ["id"]));
            op.CreateEnum("size", "s", "m", "l");
            op.DropEnum("size", "s", "m", "l");
            op.CreateSchema("unused");
            op.DropSchema("unused");
        },
    ];
}
