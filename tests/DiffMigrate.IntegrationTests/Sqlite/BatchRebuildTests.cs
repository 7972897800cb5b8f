using DiffMigrate.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace DiffMigrate.IntegrationTests.Sqlite;

/// <summary>
/// Every change SQLite cannot ALTER, applied by rebuilding a table that holds rows, refers to itself, is referred to
/// by another table, and has an index, triggers (its own and another table's that names it) and a view over it.
/// </summary>
[TestClass]
public sealed class BatchRebuildTests
{
    private const string Schema = """
        CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
        CREATE TABLE posts (
            id INTEGER NOT NULL CONSTRAINT pk_posts PRIMARY KEY AUTOINCREMENT,
            author_id INTEGER CONSTRAINT fk_posts_author REFERENCES authors (id) ON DELETE CASCADE,
            parent_id INTEGER REFERENCES posts (id),
            title TEXT,
            score INTEGER CHECK (score >= 0),
            CONSTRAINT ck_posts_title CHECK (length(title) < 100),
            CONSTRAINT uq_posts_title_score UNIQUE (title, score));
        CREATE TABLE comments (id INTEGER PRIMARY KEY, post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE);
        CREATE TABLE labels (code TEXT NOT NULL, name TEXT);
        CREATE INDEX ix_posts_title ON posts (title);
        CREATE TABLE audit (message TEXT);
        CREATE TRIGGER tr_posts AFTER INSERT ON posts BEGIN INSERT INTO audit VALUES ('post ' || new.id); END;
        CREATE TRIGGER tr_comments AFTER INSERT ON comments BEGIN INSERT INTO audit SELECT 'comment on ' || title FROM posts WHERE id = new.post_id; END;
        CREATE VIEW v_posts AS SELECT p.title, a.name FROM posts p JOIN authors a ON a.id = p.author_id;
        INSERT INTO authors VALUES (1, 'Ada'), (2, 'Grace');
        INSERT INTO posts VALUES (1, 1, NULL, 'first', 5), (2, 2, 1, 'second', 7), (3, 1, 2, 'third', 0);
        INSERT INTO comments VALUES (10, 1), (11, 3);
        INSERT INTO labels VALUES ('a', 'A'), ('b', 'B');
        DELETE FROM audit;
        """;

    [TestMethod]
    [DataRow("type", """batch.AlterColumn(existing: Column("score", SqlType.Int32, nullable: true), column: Column("score", SqlType.Decimal(10, 2), nullable: true));""")]
    [DataRow("nullability", """batch.AlterColumn(existing: Column("title", SqlType.Text, nullable: true), column: Column("title", SqlType.Text));""")]
    [DataRow("default", """batch.AlterColumn(existing: Column("title", SqlType.Text, nullable: true), column: Column("title", SqlType.String(100), nullable: true, defaultSql: "'untitled'"));""")]
    [DataRow("add unique", """batch.AddUniqueConstraint(Unique("uq_posts_title", "title"));""")]
    [DataRow("add check", """batch.AddCheckConstraint(Check("ck_posts_score_max", "score < 1000"));""")]
    [DataRow("drop unique", """batch.DropUniqueConstraint(Unique("uq_posts_title_score", "title", "score"));""")]
    [DataRow("drop check", """batch.DropCheckConstraint(Check("ck_posts_title", "length(title) < 100"));""")]
    [DataRow("add foreign key", """batch.AddColumn(Column("editor_id", SqlType.Int32, nullable: true), after: "author_id"); batch.AddForeignKey(ForeignKey("fk_posts_editor", ["editor_id"], "authors", ["id"]));""")]
    [DataRow("drop foreign key", """batch.DropForeignKey(ForeignKey("fk_posts_author", ["author_id"], "authors", ["id"], onDelete: ReferentialAction.Cascade));""")]
    [DataRow("drop primary key", """batch.DropPrimaryKey(PrimaryKey("pk_posts", "id")); batch.AddUniqueConstraint(Unique("uq_posts_id", "id"));""")]
    public void A_rebuild_keeps_rows_constraints_indexes_triggers_and_views(string change, string body)
    {
        using var project = Project(Revision("posts", body));
        var (code, _, err) = project.Run("upgrade", "head");
        Assert.AreEqual(0, code, $"{change}: {err}");

        var db = project.Database();
        Assert.AreEqual("3|2|2", Scalar(db, "SELECT (SELECT count(*) FROM posts) || '|' || (SELECT count(*) FROM comments) || '|' || (SELECT count(*) FROM authors)"), change);
        Assert.AreEqual("first,second,third", Scalar(db, "SELECT group_concat(title, ',') FROM (SELECT title FROM posts ORDER BY id)"), change);
        Assert.AreEqual("3", Scalar(db, "SELECT count(*) FROM v_posts"), change);
        Assert.AreEqual("ix_posts_title,tr_posts", Scalar(db, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE tbl_name = 'posts' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_%' ORDER BY name)"), change);
        Assert.AreEqual("", Scalar(db, "SELECT group_concat(\"table\") FROM pragma_foreign_key_check"), change);
        Assert.IsTrue(Fails(db, "INSERT INTO posts (id, author_id, title, score) VALUES (9, 1, 'x', -1)"), $"{change}: the column CHECK (score >= 0) was lost");
        Execute(db, "INSERT INTO posts (id, author_id, title, score) VALUES (9, 1, 'x', 1); INSERT INTO comments VALUES (12, 9);");
        Assert.AreEqual("post 9,comment on x", Scalar(db, "SELECT group_concat(message, ',') FROM audit"), $"{change}: a trigger was lost");
    }

    [TestMethod]
    public void A_primary_key_added_by_a_rebuild_holds_the_rows()
    {
        using var project = Project(Revision("labels", """batch.AddPrimaryKey(PrimaryKey("pk_labels", "code"));"""));
        var (code, _, err) = project.Run("upgrade", "head");
        Assert.AreEqual(0, code, err);
        Assert.AreEqual("a,b", Scalar(project.Database(), "SELECT group_concat(code, ',') FROM labels"));
        Assert.IsTrue(Fails(project.Database(), "INSERT INTO labels VALUES ('a', 'again')"));
    }

    [TestMethod]
    public void A_rebuild_that_cannot_hold_the_rows_rolls_back_and_says_why()
    {
        using var project = Project(Revision("posts", """batch.AlterColumn(existing: Column("parent_id", SqlType.Int32, nullable: true), column: Column("parent_id", SqlType.Int32));"""));
        var before = Scalar(project.Database(), "SELECT group_concat(sql, ';') FROM sqlite_schema");
        var (code, _, err) = project.Run("upgrade", "head");
        Assert.AreEqual(2, code);
        StringAssert.Contains(err, "NOT NULL constraint failed");
        StringAssert.Contains(err, "parent_id");
        StringAssert.Contains(err, "while copying the rows of posts into its new definition");
        StringAssert.Contains(err, "Rolled back");
        Assert.AreEqual(before, Scalar(project.Database(), "SELECT group_concat(sql, ';') FROM sqlite_schema"));
        Assert.AreEqual("3", Scalar(project.Database(), "SELECT count(*) FROM posts"));
    }

    [TestMethod]
    public void A_run_that_leaves_a_dangling_reference_fails_the_foreign_key_check_and_rolls_back()
    {
        // Enforcement is off during a run that rebuilds, so a delete does not cascade: the check before commit catches it.
        using var project = Project(Revision("posts", """batch.AddCheckConstraint(Check("ck_posts_score_max", "score < 1000"));""",
            """op.Execute("DELETE FROM authors WHERE id = 2");"""));
        var (code, _, err) = project.Run("upgrade", "head");
        Assert.AreEqual(2, code);
        StringAssert.Contains(err, "foreign key check failed: row 2 of posts refers to a missing row of authors");
        Assert.AreEqual("2", Scalar(project.Database(), "SELECT count(*) FROM authors"));
    }

    private static string Revision(string table, string body, string after = "") => $$"""
        using DiffMigrate;
        using DiffMigrate.Schema;

        [Revision("0000000000b1", Message = "batch")]
        public sealed class Batch : Migration
        {
            public override void Upgrade(Operations op)
            {
                op.BatchAlterTable("{{table}}", batch => { {{body}} });
                {{after}}
            }

            public override void Downgrade(Operations op) { }
        }
        """;

    private static TempProject Project(string revision)
    {
        var project = new TempProject().Initialized();
        File.WriteAllText(Path.Combine(project.VersionsPath, "0000000000b1_batch.cs"), revision);
        Execute(project.Database(), Schema);
        return project;
    }

    internal static void Execute(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False;Foreign Keys=True");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static string Scalar(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False;Foreign Keys=True");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    private static bool Fails(string database, string sql)
    {
        try
        {
            Execute(database, "BEGIN; " + sql + "; ROLLBACK;");
            return false;
        }
        catch (SqliteException)
        {
            return true;
        }
    }
}
