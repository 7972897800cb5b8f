using DiffMigrate.IntegrationTests.Postgres;
using DiffMigrate.IntegrationTests.Sqlite;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Cli;

/// <summary>
/// Adopting a database: scaffold a model from A, which compares equal with A; a baseline from that model builds B,
/// which compares equal with A in both directions.
/// </summary>
[TestClass]
public sealed class ScaffoldTests
{
    private const string SqliteSchema = """
        CREATE TABLE "Customer Accounts" (
            "Id" INTEGER NOT NULL CONSTRAINT "PK Accounts" PRIMARY KEY AUTOINCREMENT,
            "select" TEXT NOT NULL DEFAULT 'x',
            "Quote""d" VARCHAR(20),
            balance NUMERIC(12, 2) DEFAULT 0 CHECK (balance >= 0),
            CONSTRAINT uq_accounts_select UNIQUE ("select"));
        CREATE TABLE orders (
            id INTEGER NOT NULL CONSTRAINT pk_orders PRIMARY KEY AUTOINCREMENT,
            account_id INTEGER CONSTRAINT fk_orders_account REFERENCES "Customer Accounts" ("Id") ON DELETE CASCADE,
            parent_id INTEGER REFERENCES orders (id),
            placed DATETIME DEFAULT CURRENT_TIMESTAMP,
            code CHAR(3),
            total DOUBLE,
            payload BLOB,
            CONSTRAINT ck_orders_total CHECK (total > 0));
        CREATE INDEX ix_orders_code ON orders (code) WHERE code IS NOT NULL;
        CREATE UNIQUE INDEX ix_orders_lower ON orders (lower(code));
        CREATE TABLE pairs (a INTEGER NOT NULL, b TEXT NOT NULL, CONSTRAINT pk_pairs PRIMARY KEY (a, b));
        CREATE TABLE no_key (note TEXT);
        """;

    [TestMethod]
    [DataRow("builder")]
    [DataRow("attributes")]
    public void SQLite_scaffold_compares_equal_and_its_baseline_rebuilds_the_database(string style)
    {
        using var project = new TempProject().Initialized(database: "b.db");
        var config = Path.Combine(project.Directory, "diffmigrate.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"exclude\": []", "\"exclude\": [\"no_key\"]", StringComparison.Ordinal));
        BatchRebuildTests.Execute(project.Database("a.db"), SqliteSchema);
        Adopt(project, "sqlite:///a.db", "sqlite:///b.db", style);
    }

    [TestMethod]
    [DataRow("builder")]
    [DataRow("attributes")]
    public void PostgreSQL_scaffold_of_every_object_compares_equal_and_its_baseline_rebuilds_the_database(string style)
    {
        using var a = PostgresServer.CreateDatabase();
        using var b = PostgresServer.CreateDatabase();
        a.Execute(PostgresInspectorTests.RichSchema + "CREATE TABLE \"Mixed Case\" (\"Id\" int CONSTRAINT \"PK Mixed\" PRIMARY KEY, \"user\" text, \"Quote\"\"d\" text);");
        b.Execute("CREATE EXTENSION citext");
        using var project = new TempProject().Initialized();
        project.Environment["DIFFMIGRATE_URL"] = b.Url;
        Adopt(project, a.Url, b.Url, style);
    }

    private static void Adopt(TempProject project, string a, string b, string style)
    {
        var (code, output, err) = project.Run("scaffold", "--url", a, "--out", "Scaffolded", "--namespace", "Adopted", "--style", style);
        Assert.AreEqual(0, code, err);
        StringAssert.StartsWith(output, "Wrote ");
        var files = Directory.GetFiles(Path.Combine(project.Directory, "Scaffolded"), "*.cs").Order(StringComparer.Ordinal).ToList();
        if (style == "attributes") Assert.IsGreaterThan(1, files.Count, "an entity class per table");
        var source = string.Join("\n", files.Select(File.ReadAllText));
        var model = ModelAssembly.Compile(files.Select(File.ReadAllText), Path.Combine(project.Directory, "Adopted.dll"));
        project.UseModel(model);

        var compare = project.Run("diff", "--from", a, "--to", "model");
        Assert.AreEqual(0, compare.Code, compare.Out + compare.Err + "\n" + source);

        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "--from-empty", "-m", "baseline", "--rev-id", "0000000000ba").Code);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Err);
        var forward = project.Run("diff", "--from", a, "--to", b);
        Assert.AreEqual(0, forward.Code, forward.Out + forward.Err);
        var backward = project.Run("diff", "--from", b, "--to", a);
        Assert.AreEqual(0, backward.Code, backward.Out + backward.Err);
    }
}
