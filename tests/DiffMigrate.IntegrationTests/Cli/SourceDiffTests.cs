using DiffMigrate.IntegrationTests.Sqlite;
using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.Cli;

/// <summary><c>diff --from --to</c> between databases, the model and the migrations; <c>revision --from-empty</c>.</summary>
[TestClass]
public sealed class SourceDiffTests
{
    private const string Common = """
        CREATE TABLE "Customer Accounts" ("Id" INTEGER NOT NULL CONSTRAINT pk_accounts PRIMARY KEY AUTOINCREMENT, "select" TEXT NOT NULL DEFAULT 'x');
        """;

    private const string A = Common + """
        CREATE TABLE orders (id INTEGER NOT NULL CONSTRAINT pk_orders PRIMARY KEY AUTOINCREMENT, account_id INTEGER, total NUMERIC(10, 2) NOT NULL DEFAULT 0, note TEXT);
        CREATE INDEX ix_orders_note ON orders (note);
        CREATE TABLE only_in_a (id INTEGER NOT NULL CONSTRAINT pk_only_in_a PRIMARY KEY AUTOINCREMENT);
        INSERT INTO orders (account_id, total, note) VALUES (NULL, 5, 'kept');
        """;

    private const string B = Common + """
        CREATE TABLE orders (
            id INTEGER NOT NULL CONSTRAINT pk_orders PRIMARY KEY AUTOINCREMENT,
            account_id INTEGER CONSTRAINT fk_orders_account REFERENCES "Customer Accounts" ("Id"),
            total NUMERIC(10, 2) NOT NULL DEFAULT 1,
            note TEXT,
            code TEXT,
            CONSTRAINT ck_orders_total CHECK (total >= 0),
            CONSTRAINT uq_orders_code UNIQUE (code));
        CREATE INDEX ix_orders_total ON orders (total);
        CREATE TABLE only_in_b (id INTEGER NOT NULL CONSTRAINT pk_only_in_b PRIMARY KEY AUTOINCREMENT);
        """;

    [TestMethod]
    public void Two_databases_compare_in_both_directions_and_the_sql_makes_them_equal()
    {
        using var project = new TempProject();
        BatchRebuildTests.Execute(project.Database("a.db"), A);
        BatchRebuildTests.Execute(project.Database("b.db"), B);
        var (a, b) = ("sqlite:///a.db", "sqlite:///b.db");

        var (code, text, err) = project.Run("diff", "--from", a, "--to", b);
        Assert.AreEqual(1, code, err);
        foreach (var expected in new[]
        {
            "+ table only_in_b", "- table only_in_a", "+ column orders.code", "~ column orders.total: default 0 -> 1", "- index ix_orders_note on orders",
            "+ index ix_orders_total on orders(total)", "+ check ck_orders_total on orders: total >= 0", "+ unique uq_orders_code on orders(code)",
            "+ foreign key fk_orders_account on orders(account_id) -> Customer Accounts",
        })
        {
            StringAssert.Contains(text, expected);
        }
        var (backCode, back, _) = project.Run("diff", "--from", b, "--to", a);
        Assert.AreEqual(1, backCode);
        StringAssert.Contains(back, "- table only_in_b");
        StringAssert.Contains(back, "- check ck_orders_total on orders");

        var (_, sql, sqlErr) = project.Run("diff", "--from", a, "--to", b, "--format", "sql");
        Assert.AreEqual("", sqlErr);
        BatchRebuildTests.Execute(project.Database("a.db"), sql);
        Assert.AreEqual(0, project.Run("diff", "--from", a, "--to", b).Code);
        Assert.AreEqual(0, project.Run("diff", "--from", b, "--to", a).Code);
        Assert.AreEqual("kept", BatchRebuildTests.Scalar(project.Database("a.db"), "SELECT note FROM orders"));
    }

    [TestMethod]
    public void A_baseline_from_empty_builds_what_the_model_describes_and_migrations_compare_equal_to_the_model()
    {
        using var project = new TempProject().Initialized();
        var (code, _, err) = project.Run("revision", "--autogenerate", "--from-empty", "-m", "baseline", "--rev-id", "0000000000ba");
        Assert.AreEqual(0, code, err);
        Assert.IsFalse(File.Exists(project.Database()), "a baseline needs no database");
        Assert.AreEqual(0, project.Run("diff", "--from", "migrations", "--to", "model").Code);

        // An existing database built some other way, stamped at the baseline: nothing to do.
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        Assert.AreEqual(0, project.Run("diff", "--from", "sqlite:///app.db", "--to", "migrations").Code);
        Assert.AreEqual(0, project.Run("check").Code);
    }

    [TestMethod]
    public void Half_a_pair_of_sources_is_an_error()
    {
        using var project = new TempProject();
        var (code, _, err) = project.Run("diff", "--from", "sqlite:///a.db");
        Assert.AreEqual(2, code);
        StringAssert.Contains(err, "--from and --to go together");
    }
}

/// <summary>Two PostgreSQL databases that differ by one object of each kind.</summary>
[TestClass]
public sealed class PostgresSourceDiffTests
{
    private const string Common = """
        CREATE TABLE "Customer Accounts" ("Id" int CONSTRAINT pk_accounts PRIMARY KEY, "select" text NOT NULL DEFAULT 'x');
        """;

    private const string A = Common + """
        CREATE TYPE mood AS ENUM ('sad', 'ok');
        CREATE SEQUENCE seq_a;
        CREATE TABLE orders (id int CONSTRAINT pk_orders PRIMARY KEY, account_id int, total numeric(10, 2) NOT NULL DEFAULT 0, note text, feeling mood);
        CREATE INDEX ix_orders_note ON orders (note);
        CREATE TABLE only_in_a (id int CONSTRAINT pk_only_in_a PRIMARY KEY);
        INSERT INTO orders VALUES (1, NULL, 5, 'kept', 'ok');
        """;

    private const string B = Common + """
        CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
        CREATE TYPE size AS ENUM ('s', 'm');
        CREATE SEQUENCE seq_b START 10;
        CREATE TABLE orders (
            id int CONSTRAINT pk_orders PRIMARY KEY,
            account_id int CONSTRAINT fk_orders_account REFERENCES "Customer Accounts" ("Id"),
            total numeric(10, 2) NOT NULL DEFAULT 1,
            note text,
            feeling mood,
            code text,
            CONSTRAINT ck_orders_total CHECK (total >= 0),
            CONSTRAINT uq_orders_code UNIQUE (code));
        COMMENT ON TABLE orders IS 'Orders';
        CREATE INDEX ix_orders_total ON orders (total) WHERE total > 0;
        CREATE TABLE only_in_b (id int CONSTRAINT pk_only_in_b PRIMARY KEY);
        """;

    [TestMethod]
    public void Exactly_the_differences_both_ways_and_the_sql_makes_them_equal()
    {
        using var a = PostgresServer.CreateDatabase();
        using var b = PostgresServer.CreateDatabase();
        a.Execute(A);
        b.Execute(B);
        using var project = new TempProject();

        var (code, text, err) = project.Run("diff", "--from", a.Url, "--to", b.Url);
        Assert.AreEqual(1, code, err);
        var lines = text.Split('\n').TakeWhile(l => l.Length > 0).ToList();
        CollectionAssert.AreEquivalent(new[]
        {
            "+ sequence seq_b", "+ enum value mood.happy", "+ enum size(s, m)", "+ table only_in_b", "- table only_in_a",
            "+ column orders.code Text NULL", "~ column orders.total: default 0 -> 1", "~ table orders comment", "- index ix_orders_note on orders",
            "+ unique uq_orders_code on orders(code)", "+ check ck_orders_total on orders: total >= 0::numeric",
            "+ index ix_orders_total on orders(total)", "+ foreign key fk_orders_account on orders(account_id) -> Customer Accounts", "- sequence seq_a",
        }, lines, text);
        var (backCode, back, _) = project.Run("diff", "--from", b.Url, "--to", a.Url);
        Assert.AreEqual(1, backCode);
        StringAssert.Contains(back, "- enum value mood.happy");
        StringAssert.Contains(back, "- enum size");

        var (_, sql, sqlErr) = project.Run("diff", "--from", a.Url, "--to", b.Url, "--format", "sql");
        Assert.AreEqual("", sqlErr);
        a.Execute(sql);
        Assert.AreEqual(0, project.Run("diff", "--from", a.Url, "--to", b.Url).Code);
        Assert.AreEqual(0, project.Run("diff", "--from", b.Url, "--to", a.Url).Code);
        Assert.AreEqual("kept", a.Strings("SELECT note FROM orders").Single());
    }
}
