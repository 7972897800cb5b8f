using DiffMigrate.Inspect;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Providers.MySql;

namespace DiffMigrate.IntegrationTests.MariaDb;

/// <summary>The MariaDB/MySQL inspector against a live MariaDB: what each catalog row becomes, in one round trip.</summary>
[TestClass]
public sealed class MariaDbInspectorTests
{
    private const string Schema = """
        CREATE TABLE authors (
          id INT AUTO_INCREMENT PRIMARY KEY,
          name VARCHAR(80) NOT NULL DEFAULT 'anon' COMMENT 'Display name',
          nick VARCHAR(20) NULL,
          UNIQUE KEY uq_authors_name (name)
        ) COMMENT = 'People who write';
        CREATE TABLE posts (
          id BIGINT NOT NULL PRIMARY KEY,
          author_id INT NOT NULL,
          editor_id INT NULL,
          title VARCHAR(200) NOT NULL,
          body LONGTEXT NULL,
          meta JSON NULL,
          price DECIMAL(10, 2) NOT NULL DEFAULT 0,
          flag TINYINT(1) NOT NULL DEFAULT 1,
          mood ENUM('sad', 'ok') NOT NULL DEFAULT 'ok',
          stamp DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
          twice DECIMAL(11, 2) AS (price * 2) VIRTUAL,
          len INT AS (char_length(title)) STORED,
          CONSTRAINT ck_posts_price CHECK (price >= 0),
          CONSTRAINT fk_posts_author FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE,
          FOREIGN KEY (editor_id) REFERENCES authors (id) ON DELETE SET NULL,
          KEY ix_posts_title (title(10), stamp DESC),
          FULLTEXT KEY ft_posts_body (body)
        );
        CREATE VIEW recent AS SELECT id FROM posts;
        CREATE TRIGGER posts_touch BEFORE UPDATE ON posts FOR EACH ROW SET NEW.stamp = NEW.stamp;
        """;

    [TestMethod]
    public void Every_element_reads_back_in_the_models_spelling_in_one_round_trip()
    {
        using var database = MariaDbServer.CreateDatabase();
        database.Execute(Schema);
        var inspector = new MySqlInspector();
        using var connection = database.Open();

        var schema = inspector.Inspect(connection, new InspectOptions());

        Assert.AreEqual(1, inspector.LastCommandCount);
        Assert.AreEqual(7, inspector.LastStatementCount);
        CollectionAssert.AreEqual(new[] { "authors", "posts" }, schema.Tables.Select(t => t.Name.ToString()).ToList());
        var authors = schema.Tables[0];
        var posts = schema.Tables[1];
        Assert.IsNull(authors.Name.Schema);
        Assert.AreEqual("People who write", authors.Comment);
        Assert.AreEqual(new Column("id", SqlType.Int32, Identity: new Identity()), authors.Columns[0]);
        Assert.AreEqual(new Column("name", SqlType.String(80), Default: "'anon'", Comment: "Display name"), authors.Columns[1]);
        Assert.AreEqual(new Column("nick", SqlType.String(20), Nullable: true), authors.Columns[2], "MariaDB's 'NULL' text is no default");
        CollectionAssert.AreEqual(new[] { "id" }, authors.PrimaryKey!.Columns.ToList());
        Assert.AreEqual(new UniqueConstraint("uq_authors_name", ["name"]), authors.UniqueConstraints.Single());
        Assert.IsEmpty(authors.Indexes);

        var columns = posts.Columns.ToDictionary(c => c.Name);
        Assert.AreEqual(SqlType.Int64, columns["id"].Type);
        Assert.AreEqual(SqlType.Text, columns["body"].Type);
        Assert.AreEqual(SqlType.Json, columns["meta"].Type, "LONGTEXT with json_valid is JSON");
        Assert.AreEqual(new Column("price", SqlType.Decimal(10, 2), Default: "0.00"), columns["price"]);
        Assert.AreEqual(new Column("flag", SqlType.Boolean, Default: "1"), columns["flag"]);
        Assert.AreEqual(SqlTypeKind.Enum, columns["mood"].Type.Kind);
        CollectionAssert.AreEqual(new[] { "sad", "ok" }, columns["mood"].Type.Values.ToList());
        Assert.AreEqual("'ok'", columns["mood"].Default);
        Assert.AreEqual("current_timestamp(6)", columns["stamp"].Default);
        Assert.AreEqual(SqlType.DateTime, columns["stamp"].Type);
        Assert.AreEqual("`price` * 2", columns["twice"].Computed);
        Assert.IsTrue(columns["twice"].ComputedVirtual);
        Assert.IsNull(columns["twice"].Default);
        Assert.AreEqual("char_length(`title`)", columns["len"].Computed);
        Assert.IsFalse(columns["len"].ComputedVirtual);

        Assert.AreEqual("ck_posts_price", posts.CheckConstraints.Single().Name, "the JSON column's json_valid check is hidden");
        Assert.AreEqual("`price` >= 0", posts.CheckConstraints.Single().Sql);
        var keys = posts.ForeignKeys.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        Assert.HasCount(2, keys);
        Assert.AreEqual(new ForeignKey("fk_posts_author", ["author_id"], new QualifiedName(null, "authors"), ["id"], ReferentialAction.Cascade), keys[0]);
        Assert.AreEqual(ReferentialAction.SetNull, keys[1].OnDelete);
        Assert.AreEqual(ReferentialAction.NoAction, keys[1].OnUpdate, "MariaDB's RESTRICT for an action left out is NO ACTION");

        // InnoDB made fk_posts_author and editor_id for the foreign keys: they are the keys', not indexes of the model.
        CollectionAssert.AreEquivalent(new[] { "ft_posts_body", "ix_posts_title" }, posts.Indexes.Select(i => i.Name).ToList());
        Assert.AreEqual(2, int.Parse(database.Strings("SELECT count(DISTINCT index_name) FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'posts' AND index_name IN ('fk_posts_author', 'editor_id')").Single(), System.Globalization.CultureInfo.InvariantCulture));
        var title = posts.Indexes.Single(i => i.Name == "ix_posts_title");
        CollectionAssert.AreEqual(new[] { "title(10)", "stamp" }, title.Columns.ToList());
        CollectionAssert.AreEqual(new[] { true, false }, title.Expressions.ToList());
        CollectionAssert.AreEqual(new[] { false, true }, title.Descending.ToList());
        Assert.AreEqual("fulltext", posts.Indexes.Single(i => i.Name == "ft_posts_body").Method);

        CollectionAssert.AreEquivalent(new[] { "view recent", "trigger posts.posts_touch (BEFORE UPDATE)" }, schema.Unmanaged.Select(u => u.ToString()).ToList());
    }

    [TestMethod]
    public void The_version_table_is_left_out_and_a_foreign_keys_own_named_index_shows_once_the_key_is_gone()
    {
        using var database = MariaDbServer.CreateDatabase();
        database.Execute("""
            CREATE TABLE diffmigrate_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);
            CREATE TABLE a (id INT PRIMARY KEY);
            CREATE TABLE b (id INT PRIMARY KEY, a_id INT, CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id), KEY ix_b_both (a_id, id));
            CREATE TABLE c (id INT PRIMARY KEY, a_id INT, CONSTRAINT fk_c_a FOREIGN KEY (a_id) REFERENCES a (id));
            ALTER TABLE c DROP FOREIGN KEY fk_c_a;
            """);
        using var connection = database.Open();

        var schema = new MySqlInspector().Inspect(connection, new InspectOptions(ExcludeTables: ["diffmigrate_version"]));

        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, schema.Tables.Select(t => t.Name.Name).ToList());
        // An index the user made that serves the key (a_id first) stays; InnoDB made none of its own.
        Assert.AreEqual("ix_b_both", schema.Tables[1].Indexes.Single().Name);
        // The key is gone, its index stays behind: a real index now, shown.
        Assert.AreEqual(new TableIndex("fk_c_a", ["a_id"]), schema.Tables[2].Indexes.Single());
    }

    [TestMethod]
    public void A_table_in_another_engine_than_the_servers_default_is_compared_and_its_engine_reported()
    {
        using var database = MariaDbServer.CreateDatabase();
        database.Execute("""
            CREATE TABLE diffmigrate_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY) ENGINE=MyISAM;
            CREATE TABLE logs (id INT PRIMARY KEY, line TEXT) ENGINE=Aria;
            CREATE TABLE plain (id INT PRIMARY KEY);
            """);
        using var connection = database.Open();

        var schema = new MySqlInspector().Inspect(connection, new InspectOptions(ExcludeTables: ["diffmigrate_version"]));

        CollectionAssert.AreEqual(new[] { "logs", "plain" }, schema.Tables.Select(t => t.Name.Name).ToList());
        CollectionAssert.AreEqual(new[] { "engine logs (Aria)" }, schema.Unmanaged.Select(u => u.ToString()).ToList());
    }
}
