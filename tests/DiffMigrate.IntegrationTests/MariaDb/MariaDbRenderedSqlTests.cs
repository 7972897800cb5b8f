using System.Data.Common;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Migrations;
using DiffMigrate.Providers.MySql;
using DiffMigrate.Render.Sql;
using DiffMigrate.Schema;
using DiffMigrate.Tests.Render;

namespace DiffMigrate.IntegrationTests.MariaDb;

/// <summary>
/// The MySQL renderer's SQL run on a live MariaDB: every scenario's statements succeed, in order, and what they say is
/// what the server then holds (read back from information_schema); hostile names and comments are stored exactly and
/// run nothing else.
/// </summary>
[TestClass]
public sealed class MariaDbRenderedSqlTests
{
    private static readonly SqlRenderer Renderer = new MySqlSqlRenderer();

    private static void Run(MariaDbDatabase database, MigrationOperation operation, string name)
    {
        foreach (var statement in Renderer.Render([operation]))
        {
            try
            {
                database.Execute(statement.Text);
            }
            catch (DbException e)
            {
                Assert.Fail($"{name}: {e.Message}\n{statement.Text}");
            }
        }
    }

    private static string One(MariaDbDatabase database, string sql) => database.Strings(sql).Single();

    [TestMethod]
    public void Every_scenario_runs_in_order_and_leaves_what_it_says()
    {
        using var database = MariaDbServer.CreateDatabase();
        foreach (var operation in MySqlScenarios.Setup) Run(database, operation, "setup");
        var done = new List<string>();
        foreach (var (name, operation) in MySqlScenarios.Live)
        {
            Run(database, operation, name);
            done.Add(name);
        }
        Assert.HasCount(MySqlScenarios.Live.Count, done);

        const string columns = "SELECT {0} FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = '{1}' AND column_name = '{2}'";
        string Column(string what, string table, string column) => One(database, string.Format(System.Globalization.CultureInfo.InvariantCulture, columns, what, table, column));

        // tickets was created with its comment, AUTO_INCREMENT start, enum, collation and generated column, then dropped:
        // what CREATE TABLE made is checked on a copy made again below.
        Assert.AreEqual("0", One(database, "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'tickets'"));
        // tags: the key dropped and added again, then its id made AUTO_INCREMENT from 50.
        Assert.AreEqual("auto_increment", Column("extra", "tags", "id"));
        Assert.AreEqual("PRIMARY", One(database, "SELECT index_name FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'tags' AND column_name = 'id'"));
        database.Execute("INSERT INTO tags (label) VALUES ('x')");
        Assert.AreEqual("50", One(database, "SELECT id FROM tags"));
        // The batch's plain ALTERs ran one by one.
        Assert.AreEqual("varchar(40)", Column("column_type", "tags", "label"));
        Assert.AreEqual("varchar(60)", Column("column_type", "tags", "note"), "widened in place");
        Assert.AreEqual("0", One(database, "SELECT count(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'tags' AND column_name LIKE 'flag%'"));
        Assert.AreEqual("label", One(database, "SELECT column_name FROM information_schema.statistics WHERE table_schema = DATABASE() AND index_name = 'ix_tags_label'"));
        // posts, now articles, with body now content.
        Assert.AreEqual("1", One(database, "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'articles'"));
        Assert.AreEqual("varchar(300)|NO|the title", Column("concat_ws('|', column_type, is_nullable, column_comment)", "articles", "title"));
        StringAssert.Contains(Column("column_default", "articles", "title"), "untitled");
        Assert.AreEqual("", Column("coalesce(column_default, '')", "articles", "views"), "the default was dropped");
        Assert.AreEqual("a \"slug\"; not SQL", Column("column_comment", "articles", "slug"));
        Assert.AreEqual("longtext", Column("column_type", "articles", "content"));
        Assert.AreEqual("0", One(database, "SELECT count(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'articles' AND column_name = 'subtitle'"));
        Assert.AreEqual("SET NULL|CASCADE", One(database,
            "SELECT concat_ws('|', delete_rule, update_rule) FROM information_schema.referential_constraints WHERE constraint_schema = DATABASE() AND constraint_name = 'fk_posts_user_id_users'"));
        Assert.AreEqual("`views` >= 0 and `views` < 1000000", One(database,
            "SELECT check_clause FROM information_schema.check_constraints WHERE constraint_schema = DATABASE() AND constraint_name = 'ck_posts_views'"));
        CollectionAssert.AreEquivalent(new[] { "PRIMARY", "uq_posts_slug", "fk_posts_user_id_users", "ix_posts_body_views", "ix_posts_body_text" },
            database.Strings("SELECT DISTINCT index_name FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'articles'").ToList());
        Assert.AreEqual("content|20|A,views||D", string.Join(",", database.Strings(
            "SELECT concat_ws('|', column_name, coalesce(sub_part, ''), collation) FROM information_schema.statistics " +
            "WHERE table_schema = DATABASE() AND table_name = 'articles' AND index_name = 'ix_posts_body_views' ORDER BY seq_in_index")));
        Assert.AreEqual("FULLTEXT", One(database, "SELECT DISTINCT index_type FROM information_schema.statistics WHERE table_schema = DATABASE() AND index_name = 'ix_posts_body_text'"));
        Assert.AreEqual("", One(database, "SELECT table_comment FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'articles'"));
        Assert.AreEqual("0", One(database, "SELECT count(*) FROM information_schema.routines WHERE routine_schema = DATABASE()"));
        Assert.AreEqual("0", One(database, "SELECT count(*) FROM information_schema.triggers WHERE trigger_schema = DATABASE()"));
        Assert.AreEqual("0", One(database, "SELECT count(*) FROM information_schema.views WHERE table_schema = DATABASE()"));
    }

    [TestMethod]
    public void A_created_table_holds_its_comments_auto_increment_start_enum_collation_and_generated_column()
    {
        using var database = MariaDbServer.CreateDatabase();
        Run(database, MySqlScenarios.Live[0].Operation, MySqlScenarios.Live[0].Name);
        string Column(string what, string column) => One(database,
            $"SELECT {what} FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'tickets' AND column_name = '{column}'");

        Assert.AreEqual("support tickets: 'quoted', \\ backslashed", One(database, "SELECT table_comment FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'tickets'"));
        Assert.AreEqual("numbered from 1000", Column("column_comment", "id"));
        Assert.AreEqual("enum('open','it''s closed')", Column("column_type", "state"));
        Assert.AreEqual("utf8mb4_bin", Column("collation_name", "code"));
        Assert.AreEqual("VIRTUAL GENERATED", Column("extra", "total"));
        Assert.AreEqual("STORED GENERATED", Column("extra", "state_length"));
        database.Execute("INSERT INTO tickets (state) VALUES ('it''s closed')");
        Assert.AreEqual("1000|it's closed|0|none|2000.00|36|11", One(database, "SELECT concat_ws('|', id, state, done, notes, total, length(code), state_length) FROM tickets"));
    }

    [TestMethod]
    public void Hostile_names_and_comments_are_stored_exactly_and_run_nothing_else()
    {
        using var database = MariaDbServer.CreateDatabase();
        Run(database, MySqlScenarios.Setup[0], "setup");
        Run(database, MySqlScenarios.Hostile.Create, "hostile table");
        Run(database, MySqlScenarios.Hostile.Indexed, "hostile index");
        using var connection = database.Open();

        string Read(string sql, params (string Name, object Value)[] parameters)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
            return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "<null>";
        }

        CollectionAssert.AreEquivalent(new[] { "users", MySqlScenarios.Hostile.Table },
            database.Strings("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()").ToList(), "users is still there and nothing else was made");
        Assert.AreEqual(MySqlScenarios.Hostile.Comment, Read("SELECT table_comment FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = @t", ("@t", MySqlScenarios.Hostile.Table)));
        Assert.AreEqual(MySqlScenarios.Hostile.Comment, Read(
            "SELECT column_comment FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = @t AND column_name = @c",
            ("@t", MySqlScenarios.Hostile.Table), ("@c", MySqlScenarios.Hostile.Column)));
        Assert.AreEqual(MySqlScenarios.Hostile.Check, Read(
            "SELECT constraint_name FROM information_schema.check_constraints WHERE constraint_schema = DATABASE() AND table_name = @t", ("@t", MySqlScenarios.Hostile.Table)));
        Assert.AreEqual(MySqlScenarios.Hostile.Column, Read(
            "SELECT column_name FROM information_schema.statistics WHERE table_schema = DATABASE() AND index_name = @i", ("@i", MySqlScenarios.Hostile.Index)));
        // The default is the string as written, stored as a value: inserting a row gives it back.
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = $"INSERT INTO {MySqlSyntax.Instance.QuoteIdentifier(MySqlScenarios.Hostile.Table)} (id) VALUES (1)";
            insert.ExecuteNonQuery();
        }
        Assert.AreEqual("a'; DROP TABLE users; --", Read($"SELECT {MySqlSyntax.Instance.QuoteIdentifier(MySqlScenarios.Hostile.Column)} FROM {MySqlSyntax.Instance.QuoteIdentifier(MySqlScenarios.Hostile.Table)}"));
    }

    [TestMethod]
    public void The_server_stores_an_emoji_comment_as_a_question_mark_which_is_why_the_renderer_refuses_one()
    {
        using var database = MariaDbServer.CreateDatabase();
        database.Execute("CREATE TABLE t (id INT) COMMENT = 'smile \U0001F600'");
        var stored = One(database, "SELECT table_comment FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 't'");
        Assert.AreNotEqual("smile \U0001F600", stored, "the server kept the emoji: the refusal is no longer needed on this server");
        Assert.ThrowsExactly<UnsupportedOperationException>(() => Renderer.Render([new AlterTableComment("t", "smile \U0001F600", null)]));
    }

    [TestMethod]
    public void A_bulk_insert_stores_every_kind_of_literal_as_the_value_it_was()
    {
        using var database = MariaDbServer.CreateDatabase();
        Run(database, new CreateTable(new Table("kinds",
            [
                new Column("s", SqlType.String(60), Nullable: true), new Column("b", SqlType.Boolean), new Column("m", SqlType.Decimal(10, 3)),
                new Column("f", SqlType.Double), new Column("g", SqlType.Uuid), new Column("t", SqlType.DateTime), new Column("bin", SqlType.Binary(4)),
                new Column("d", SqlType.Date), new Column("tm", SqlType.Time), new Column("n", SqlType.Int64, Nullable: true),
            ])), "create");
        var guid = Guid.Parse("0b5c8a4e-3c1d-4f6b-9a2e-7d8c9e0f1a2b");
        Run(database, new BulkInsert("kinds", ["s", "b", "m", "f", "g", "t", "bin", "d", "tm", "n"],
            [(EquatableArray<object?>)new object?[]
            {
                "it's a \\ '); DROP TABLE kinds; --", true, 12.345m, 2.25, guid, new DateTime(2026, 12, 1, 13, 14, 15, 123456 / 1000, DateTimeKind.Unspecified).AddTicks(4560),
                new byte[] { 0, 0x27, 0x5c, 0xff }, new DateOnly(2026, 2, 28), new TimeOnly(23, 59, 58, 500), null,
            }]), "insert");

        Assert.AreEqual(
            $"it's a \\ '); DROP TABLE kinds; --|1|12.345|2.25|{guid}|2026-12-01 13:14:15.123456|00275CFF|2026-02-28|23:59:58.500000|<null>",
            One(database, "SELECT concat_ws('|', s, b, m, f, g, date_format(t, '%Y-%m-%d %H:%i:%s.%f'), hex(bin), d, tm, coalesce(n, '<null>')) FROM kinds"));
    }

    [TestMethod]
    public void The_version_table_statements_run_and_keep_one_row_per_head()
    {
        using var database = MariaDbServer.CreateDatabase();
        QualifiedName table = "diffmigrate_version";
        database.Execute(Renderer.CreateVersionTable(table).Text);
        database.Execute(Renderer.InsertVersion(table, "aaa").Text);
        database.Execute(Renderer.UpdateVersion(table, "aaa", "bbb").Text);
        CollectionAssert.AreEqual(new[] { "bbb" }, database.Strings("SELECT version_num FROM diffmigrate_version").ToList());
        database.Execute(Renderer.DeleteVersion(table, "bbb").Text);
        Assert.IsEmpty(database.Strings("SELECT version_num FROM diffmigrate_version"));
        Assert.AreEqual("1", One(database, new MySqlProvider().TableExistsSql(table)));
    }
}
