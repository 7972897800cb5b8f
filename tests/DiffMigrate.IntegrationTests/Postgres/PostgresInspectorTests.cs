using DiffMigrate.Inspect;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.Postgres;

[TestClass]
public sealed class PostgresInspectorTests
{
    internal const string RichSchema = """
        CREATE EXTENSION IF NOT EXISTS citext;
        CREATE SCHEMA audit;
        CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
        CREATE TYPE audit.level AS ENUM ('low', 'high');
        CREATE SEQUENCE invoice_numbers START WITH 1000 INCREMENT BY 10 CACHE 5;
        CREATE TABLE authors (
            id integer GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 5) CONSTRAINT pk_authors PRIMARY KEY,
            name varchar(80) NOT NULL COLLATE "C",
            email citext,
            CONSTRAINT uq_authors_email UNIQUE NULLS NOT DISTINCT (email)
        );
        COMMENT ON TABLE authors IS 'People who write';
        COMMENT ON COLUMN authors.name IS 'Display name';
        CREATE TABLE posts (
            id bigserial CONSTRAINT pk_posts PRIMARY KEY,
            author_id integer NOT NULL,
            title text NOT NULL DEFAULT 'untitled',
            price numeric(10, 2) DEFAULT 0,
            tags text[],
            body jsonb,
            created timestamptz NOT NULL DEFAULT now(),
            span interval,
            feeling mood DEFAULT 'ok',
            title_len integer GENERATED ALWAYS AS (length(title)) STORED,
            CONSTRAINT fk_posts_author FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            CONSTRAINT ck_posts_price CHECK (price >= 0)
        );
        CREATE INDEX ix_posts_lower_title ON posts (lower(title) DESC, author_id) INCLUDE (price) WHERE price > 0;
        CREATE INDEX ix_posts_tags ON posts USING gin (tags);
        CREATE TABLE audit.events (id uuid PRIMARY KEY, level audit.level NOT NULL, post_id bigint REFERENCES posts (id));
        """;

    [TestMethod]
    public async Task Reads_every_kind_of_object_in_one_round_trip()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute(RichSchema);
        var inspector = new PostgresInspector();
        await using var connection = database.Open();
        var schema = await inspector.InspectAsync(connection, new InspectOptions(Schemas: ["audit"]));

        Assert.AreEqual(1, inspector.LastCommandCount);
        CollectionAssert.AreEqual(new[] { "audit.events", "authors", "posts" }, schema.Tables.Select(t => t.Name.ToString()).Order(StringComparer.Ordinal).ToArray());
        CollectionAssert.AreEqual(new[] { "audit" }, schema.Schemas.ToArray());
        Assert.AreEqual(new EnumType("mood", ["sad", "ok", "happy"]), schema.Enums.Single(e => e.Name.Schema is null));
        Assert.AreEqual(new EnumType(new QualifiedName("audit", "level"), ["low", "high"]), schema.Enums.Single(e => e.Name.Schema is not null));
        Assert.AreEqual(new Sequence("invoice_numbers", Start: 1000, Increment: 10, Cache: 5), schema.Sequences.Single());

        var authors = schema.FindTable("authors")!;
        Assert.AreEqual(new Identity(Always: true, Start: 100, Increment: 5), authors.FindColumn("id")!.Identity);
        Assert.AreEqual(new Column("name", SqlType.String(80), Comment: "Display name", Collation: "C"), authors.FindColumn("name"));
        Assert.AreEqual(SqlType.Raw("citext"), authors.FindColumn("email")!.Type);
        Assert.AreEqual(new UniqueConstraint("uq_authors_email", ["email"], NullsNotDistinct: true), authors.UniqueConstraints.Single());
        Assert.AreEqual("People who write", authors.Comment);

        var posts = schema.FindTable("posts")!;
        Assert.AreEqual(new Column("id", SqlType.Int64, Identity: new Identity(Serial: true)), posts.FindColumn("id"));
        Assert.AreEqual("'untitled'::text", posts.FindColumn("title")!.Default);
        Assert.AreEqual(SqlType.Raw("text[]"), posts.FindColumn("tags")!.Type);
        Assert.AreEqual(SqlType.Json, posts.FindColumn("body")!.Type);
        Assert.AreEqual(SqlType.DateTimeOffset, posts.FindColumn("created")!.Type);
        Assert.AreEqual(SqlType.Raw("interval"), posts.FindColumn("span")!.Type);
        Assert.AreEqual(SqlType.Enum("mood", "sad", "ok", "happy"), posts.FindColumn("feeling")!.Type);
        Assert.AreEqual(new Column("title_len", SqlType.Int32, Nullable: true, Computed: "length(title)"), posts.FindColumn("title_len"));
        Assert.AreEqual(new ForeignKey("fk_posts_author", ["author_id"], "authors", ["id"], ReferentialAction.Cascade, Deferrable: true, InitiallyDeferred: true),
            posts.ForeignKeys.Single());
        Assert.AreEqual(new CheckConstraint("ck_posts_price", "price >= 0::numeric"), posts.CheckConstraints.Single());
        var expressionIndex = posts.Indexes.Single(i => i.Name == "ix_posts_lower_title");
        Assert.AreEqual(new TableIndex("ix_posts_lower_title", ["lower(title)", "author_id"], Filter: "price > 0::numeric", Expressions: [true, false],
            Include: ["price"], Descending: [true, false]), expressionIndex);
        Assert.AreEqual("gin", posts.Indexes.Single(i => i.Name == "ix_posts_tags").Method);

        var events = schema.FindTable(new QualifiedName("audit", "events"))!;
        Assert.AreEqual(SqlType.Enum("audit.level", "low", "high"), events.FindColumn("level")!.Type);
        Assert.AreEqual(new QualifiedName(null, "posts"), events.ForeignKeys.Single().ReferredTable);
    }

    [TestMethod]
    public async Task The_default_schema_alone_unless_told_otherwise()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute("CREATE SCHEMA other; CREATE TABLE other.t (id int PRIMARY KEY); CREATE TABLE mine (id int PRIMARY KEY);");
        await using var connection = database.Open();
        var inspector = new PostgresInspector();
        var defaultOnly = await inspector.InspectAsync(connection, new InspectOptions());
        var all = await inspector.InspectAsync(connection, new InspectOptions(AllSchemas: true));
        CollectionAssert.AreEqual(new[] { "mine" }, defaultOnly.Tables.Select(t => t.Name.ToString()).ToArray());
        CollectionAssert.AreEqual(new[] { "mine", "other.t" }, all.Tables.Select(t => t.Name.ToString()).ToArray());
    }
}
