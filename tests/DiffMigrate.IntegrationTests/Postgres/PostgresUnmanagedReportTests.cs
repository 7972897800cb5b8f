using System.Text.Json;
using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.Postgres;

/// <summary>
/// What DiffMigrate does not compare yet is listed by kind and name wherever a comparison reports, so that "no
/// changes" is never said about what the inspector cannot see: <c>check</c>, <c>diff</c> (text, markdown, json),
/// <c>diff --from A --to B</c>, <c>drift</c> and <c>scaffold</c>; <c>--fail-on-unmanaged</c> makes it an error, and
/// the configuration's exclude patterns name the kinds.
/// </summary>
[TestClass]
public sealed class PostgresUnmanagedReportTests
{
    /// <summary>Everything a database may hold besides tables, on two tables the model declares exactly.</summary>
    private const string Extras = """
        CREATE TABLE accounts (id int CONSTRAINT accounts_pkey PRIMARY KEY, name text NOT NULL, during tsrange,
            CONSTRAINT accounts_no_overlap EXCLUDE USING gist (during WITH &&));
        CREATE TABLE posts (id int CONSTRAINT posts_pkey PRIMARY KEY, account_id int, body text);
        ALTER TABLE posts ADD CONSTRAINT posts_account_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
        CREATE VIEW active_accounts AS SELECT id, name FROM accounts WHERE name <> '';
        CREATE MATERIALIZED VIEW post_counts AS SELECT account_id, count(*) AS n FROM posts GROUP BY account_id;
        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.body := coalesce(NEW.body, ''); RETURN NEW; END $$;
        CREATE PROCEDURE archive(days int) LANGUAGE sql AS $$ SELECT 1 $$;
        CREATE AGGREGATE concat_all(text) (SFUNC = textcat, STYPE = text);
        CREATE TRIGGER posts_touch BEFORE INSERT ON posts FOR EACH ROW EXECUTE FUNCTION touch();
        CREATE DOMAIN year AS int CHECK (VALUE BETWEEN 1900 AND 2200);
        CREATE TYPE pair AS (a int, b int);
        CREATE TYPE floatrange AS RANGE (subtype = float8);
        CREATE TABLE events (id int, at date, CONSTRAINT events_pkey PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
        CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
        CREATE RULE posts_no_delete AS ON DELETE TO posts DO INSTEAD NOTHING;
        ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
        CREATE POLICY accounts_own ON accounts USING (true);
        GRANT SELECT ON posts TO PUBLIC;
        CREATE EXTENSION pg_trgm;
        CREATE SCHEMA legacy;
        CREATE TABLE legacy.old_things (id int);
        """;

    private const string Model = """
        b.Extension("pg_trgm");
        b.Domain("year", SqlType.Int32, checks: [new CheckConstraint(null, "VALUE BETWEEN 1900 AND 2200")]);
        b.Table("accounts", t => { t.Column("id", SqlType.Int32); t.PrimaryKey(["id"], "accounts_pkey"); t.Column("name", SqlType.Text); t.Column("during", SqlType.Raw("tsrange")).Nullable(); t.Exclude("USING gist (during WITH &&)", name: "accounts_no_overlap"); });
        b.Table("posts", t => { t.Column("id", SqlType.Int32); t.PrimaryKey(["id"], "posts_pkey"); t.Column("account_id", SqlType.Int32).Nullable(); t.ForeignKey(["account_id"], "accounts", ["id"], name: "posts_account_fkey", notValid: true); t.Column("body", SqlType.Text).Nullable(); });
        b.Table("events", t => { t.Column("id", SqlType.Int32); t.Column("at", SqlType.Date); t.PrimaryKey(["id", "at"], "events_pkey"); t.PartitionBy("RANGE (at)"); });
        b.Partition("events_2026", "events", "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
        b.View("active_accounts", "SELECT id, name FROM accounts WHERE name <> ''");
        b.MaterializedView("post_counts", "SELECT account_id, count(*) AS n FROM posts GROUP BY account_id");
        b.Function("touch", "", @"CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.body := coalesce(NEW.body, ''); RETURN NEW; END $$");
        b.Procedure("archive", "int", @"CREATE PROCEDURE archive(days int) LANGUAGE sql AS $$ SELECT 1 $$");
        b.Aggregate("concat_all", "text", @"CREATE AGGREGATE concat_all(text) (SFUNC = textcat, STYPE = text)");
        b.Trigger("posts_touch", "posts", @"CREATE TRIGGER posts_touch BEFORE INSERT ON posts FOR EACH ROW EXECUTE FUNCTION touch()");
        """;

    /// <summary>Each line check must print about the extras, as "kind name".</summary>
    private static readonly string[] Expected =
    [
        // Views, routines, triggers on tables, domains, partitions, exclusion and NOT VALID constraints are compared: the model declares them.
        "compositeType pair", "rangeType floatrange",
        "rule posts.posts_no_delete", "rowSecurity accounts", "policy accounts.accounts_own",
        "grant posts",
        "schema legacy (1 relations, not compared)",
    ];

    [TestMethod]
    public void Check_lists_every_kind_it_does_not_compare_and_fails_only_when_asked()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute(Extras);
        using var project = Project(database);

        var check = project.Run("check");
        Assert.AreEqual(0, check.Code, check.Out + check.Err);
        StringAssert.Contains(check.Out, "No new upgrade operations detected.");
        var lines = check.Out.Split('\n').Select(l => l.Trim()).ToList();
        foreach (var line in Expected) Assert.IsTrue(lines.Any(l => l.StartsWith(line, StringComparison.Ordinal)), $"missing '{line}' in:\n{check.Out}");
        StringAssert.Contains(check.Out, $"Not managed by DiffMigrate (not compared): ");
        // Functions of the extension are the extension's, not listed one by one.
        Assert.IsFalse(lines.Any(l => l.StartsWith("function similarity", StringComparison.Ordinal)), check.Out);

        var strict = project.Run("check", "--fail-on-unmanaged");
        Assert.AreEqual(1, strict.Code, strict.Out + strict.Err);
        StringAssert.Contains(strict.Err, "--fail-on-unmanaged");

        var json = project.Run("diff", "--format", "json");
        Assert.AreEqual(0, json.Code, json.Err);
        var unmanaged = JsonDocument.Parse(json.Out).RootElement.GetProperty("unmanaged").EnumerateArray().ToList();
        Assert.HasCount(Expected.Length, unmanaged, json.Out);
        Assert.IsTrue(unmanaged.Any(u => u.GetProperty("kind").GetString() == "rule" && u.GetProperty("table").GetString() == "posts"
            && u.GetProperty("name").GetString() == "posts_no_delete"), json.Out);

        var text = project.Run("diff");
        StringAssert.StartsWith(text.Out, $"No changes in what DiffMigrate compares; {Expected.Length} objects it does not compare are listed below.");
        var markdown = project.Run("diff", "--format", "markdown");
        StringAssert.Contains(markdown.Out, "#### Not managed (not compared): ");
        StringAssert.Contains(markdown.Out, "- `rule posts.posts_no_delete`");
    }

    [TestMethod]
    public void Exclude_patterns_name_the_kinds_that_are_not_reported()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute(Extras);
        using var project = Project(database);
        project.EditConfig("\"exclude\": []", "\"exclude\": [\"view:*\", \"function:to*\", \"trigger:posts.*\", \"grant:*\", \"schema:legacy\"]");
        var check = project.Run("check");
        Assert.AreEqual(0, check.Code, check.Out + check.Err);
        foreach (var gone in new[] { "view active_accounts", "function touch", "trigger posts.posts_touch", "grant posts", "schema legacy" })
        {
            Assert.IsFalse(check.Out.Contains(gone, StringComparison.Ordinal), $"'{gone}' is excluded:\n{check.Out}");
        }
        StringAssert.Contains(check.Out, "rule posts.posts_no_delete");
    }

    [TestMethod]
    public void Two_databases_that_differ_only_in_what_is_not_compared_do_not_say_no_changes()
    {
        using var a = PostgresServer.CreateDatabase();
        using var b = PostgresServer.CreateDatabase();
        a.Execute(Extras);
        b.Execute(Extras + "DROP RULE posts_no_delete ON posts;");
        using var project = Project(a);

        var diff = project.Run("diff", "--from", a.Url, "--to", b.Url);
        Assert.AreEqual(1, diff.Code, diff.Out + diff.Err);
        StringAssert.StartsWith(diff.Out, "No changes in what DiffMigrate compares, but --from and --to differ in objects it does not compare");
        StringAssert.Contains(diff.Out, "Only in --from, not managed: 1 object\n  rule posts.posts_no_delete\n");

        var same = project.Run("diff", "--from", a.Url, "--to", a.Url);
        Assert.AreEqual(0, same.Code, same.Out + same.Err);
        Assert.IsFalse(same.Out.Contains("Only in", StringComparison.Ordinal), same.Out);
    }

    [TestMethod]
    public void Drift_sees_a_trigger_added_by_hand()
    {
        using var database = PostgresServer.CreateDatabase();
        using var project = Project(database);
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "start").Code);
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        var clean = project.Run("drift");
        Assert.AreEqual(0, clean.Code, clean.Out + clean.Err);
        database.Execute("""
            CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER accounts_stamp BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION stamp();
            """);
        var drift = project.Run("drift");
        Assert.AreEqual(1, drift.Code, drift.Out + drift.Err);
        // Functions and triggers are compared: a trigger added by hand is drift like a column would be.
        StringAssert.Contains(drift.Out, "to match them it would need:\n  - trigger accounts_stamp on accounts\n  - function stamp()\n");
    }

    [TestMethod]
    public void Scaffold_names_what_it_did_not_write()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute(Extras);
        using var project = Project(database);
        var scaffold = project.Run("scaffold", "--out", "Scaffolded");
        Assert.AreEqual(0, scaffold.Code, scaffold.Out + scaffold.Err);
        StringAssert.Contains(scaffold.Out, "Not managed by DiffMigrate (not written to the model): ");
        StringAssert.Contains(scaffold.Out, "rule posts.posts_no_delete");
        Assert.AreEqual(1, project.Run("scaffold", "--out", "Scaffolded2", "--fail-on-unmanaged").Code);
    }

    private static TempProject Project(TestDatabase database) => ModelProject.For(Model, database);
}
