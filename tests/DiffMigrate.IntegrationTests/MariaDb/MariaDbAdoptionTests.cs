using System.Text.RegularExpressions;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Workloads;
using MySqlConnector;

namespace DiffMigrate.IntegrationTests.MariaDb;

/// <summary>
/// Adopting a MariaDB database made by hand: scaffold it (either style), the model compares equal to it, a baseline
/// from the model builds a second database whose SHOW CREATE TABLE matches the first's table for table (the server's
/// own judgement, not DiffMigrate's inspector), and <c>diff</c>, <c>drift</c> and <c>check --from-migrations</c> agree.
/// </summary>
/// <remarks>
/// SHOW CREATE TABLE lists non-unique keys in the order they were made, and the index the server makes for a foreign
/// key is made where the key is declared; a baseline creates the table (with its foreign keys) and then its indexes,
/// so the schema declares its foreign keys before its other indexes, as the copy will have them.
/// </remarks>
[TestClass]
public sealed partial class MariaDbAdoptionTests
{
    internal const string Schema = """
        CREATE TABLE customers (
          id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
          email VARCHAR(120) NOT NULL,
          name VARCHAR(80) NOT NULL DEFAULT '',
          tier ENUM('free','pro','team') NOT NULL DEFAULT 'free',
          balance DECIMAL(12,2) NOT NULL DEFAULT 0.00,
          created DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
          touched DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
          bio TEXT NULL,
          CONSTRAINT uq_customers_email UNIQUE (email),
          CONSTRAINT ck_customers_balance CHECK (balance >= 0)
        ) COMMENT='people who buy';
        CREATE TABLE products (
          id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
          sku CHAR(12) NOT NULL COMMENT 'stock keeping unit',
          title VARCHAR(200) NOT NULL,
          description LONGTEXT NULL,
          price DECIMAL(10,2) NOT NULL,
          tax_rate DECIMAL(4,3) NOT NULL DEFAULT 0.200,
          meta JSON NULL,
          gross DECIMAL(12,2) AS (price * (1 + tax_rate)) STORED,
          title_lower VARCHAR(200) AS (lower(title)) VIRTUAL,
          UNIQUE KEY uq_products_sku (sku),
          KEY ix_products_title_prefix (title(20)),
          FULLTEXT KEY ft_products_text (title, description),
          CONSTRAINT ck_products_price CHECK (price > 0)
        );
        CREATE TABLE orders (
          id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
          customer_id INT NOT NULL,
          placed DATE NOT NULL,
          state ENUM('new','paid','shipped') NOT NULL DEFAULT 'new',
          note VARCHAR(255) NULL,
          CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE ON UPDATE CASCADE,
          KEY ix_orders_placed (placed DESC, state)
        );
        CREATE TABLE order_lines (
          order_id BIGINT NOT NULL,
          line SMALLINT NOT NULL,
          product_id BIGINT NULL,
          qty INT NOT NULL DEFAULT 1,
          PRIMARY KEY (order_id, line),
          CONSTRAINT fk_lines_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
          CONSTRAINT fk_lines_product FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE SET NULL,
          CONSTRAINT ck_lines_qty CHECK (qty > 0 AND qty < 1000)
        );
        CREATE TABLE tags (
          id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
          label VARCHAR(40) COLLATE utf8mb4_bin NOT NULL COMMENT 'it''s case-sensitive',
          slug VARCHAR(40) NOT NULL DEFAULT (lower(label)),
          token CHAR(36) NOT NULL DEFAULT (uuid()),
          product_id BIGINT NULL,
          position INT NOT NULL DEFAULT 0,
          UNIQUE KEY uq_tags_label_product (label, product_id),
          FOREIGN KEY (product_id) REFERENCES products (id) ON UPDATE RESTRICT,
          KEY ix_tags_position (position, slug),
          CHECK (position >= 0)
        ) AUTO_INCREMENT=1000 COMMENT='free labels';
        """;

    [TestMethod]
    [DataRow("builder")]
    [DataRow("attributes")]
    public void Scaffold_compares_equal_and_its_baseline_builds_the_same_tables_by_SHOW_CREATE_TABLE(string style)
    {
        using var a = MariaDbServer.CreateDatabase();
        using var b = MariaDbServer.CreateDatabase();
        a.Execute(Schema);
        using var project = new TempProject().Initialized();
        var (aUrl, bUrl) = ("mysql:" + a.ConnectionString, "mysql:" + b.ConnectionString);

        var written = project.Run("scaffold", "--url", aUrl, "--out", "Scaffolded", "--namespace", "Adopted", "--style", style);
        Assert.AreEqual(0, written.Code, written.Out + written.Err);
        Assert.DoesNotContain("Not managed", written.Out, "nothing is left out of the model");
        var files = Directory.GetFiles(Path.Combine(project.Directory, "Scaffolded"), "*.cs").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        if (style == "attributes") Assert.IsGreaterThan(1, files.Count, "an entity class per table");
        var source = string.Join("\n", files);
        StringAssert.Contains(source, ".OnUpdate(\"current_timestamp(6)\")", "the scaffold keeps ON UPDATE");
        project.UseModel(ModelAssembly.Compile(files, Path.Combine(project.Directory, "Adopted.dll")));

        // The model is the database: nothing to autogenerate against it.
        var toModel = project.Run("diff", "--from", aUrl, "--to", "model");
        Assert.AreEqual(0, toModel.Code, toModel.Out + toModel.Err + "\n" + source);
        project.Environment["DIFFMIGRATE_URL"] = aUrl;
        var checkA = project.Run("check");
        Assert.AreEqual(0, checkA.Code, checkA.Out + checkA.Err + "\n" + source);

        project.Environment["DIFFMIGRATE_URL"] = bUrl;
        var baseline = project.Run("revision", "--autogenerate", "--from-empty", "-m", "baseline", "--rev-id", "0000000000ba");
        Assert.AreEqual(0, baseline.Code, baseline.Out + baseline.Err);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Out + upgrade.Err + "\n" + File.ReadAllText(Directory.GetFiles(project.VersionsPath, "*.cs").Single()));

        // The server's judgement: every table of a is the same CREATE TABLE in b.
        var tables = MariaDbRoundTripTests.Tables(a).ToList();
        CollectionAssert.AreEquivalent(tables.Append("diffmigrate_version").ToList(), MariaDbRoundTripTests.Tables(b).ToList());
        foreach (var table in tables) Assert.AreEqual(ShowCreate(a, table), ShowCreate(b, table), table);

        foreach (var (from, to) in new[] { (aUrl, bUrl), (bUrl, aUrl) })
        {
            var diff = project.Run("diff", "--from", from, "--to", to);
            Assert.AreEqual(0, diff.Code, diff.Out + diff.Err);
        }
        var check = project.Run("check");
        Assert.AreEqual(0, check.Code, check.Out + check.Err);
        var drift = project.Run("drift");
        Assert.AreEqual(0, drift.Code, drift.Out + drift.Err);
        var fromMigrations = project.Run("check", "--from-migrations");
        Assert.AreEqual(0, fromMigrations.Code, fromMigrations.Out + fromMigrations.Err);

        // A change by hand is drift, and the scratch databases are gone.
        b.Execute("ALTER TABLE orders ADD COLUMN hack INT NULL; ALTER TABLE products DROP CONSTRAINT ck_products_price");
        drift = project.Run("drift");
        Assert.AreEqual(1, drift.Code, drift.Out + drift.Err);
        StringAssert.Contains(drift.Out, "- column orders.hack");
        StringAssert.Contains(drift.Out, "ck_products_price");
        var changed = project.Run("diff", "--from", aUrl, "--to", bUrl);
        Assert.AreEqual(1, changed.Code, changed.Out + changed.Err);
        StringAssert.Contains(changed.Out, "orders.hack");
        Assert.IsEmpty(a.Strings("SHOW DATABASES LIKE 'diffmigrate_scratch%'"));
    }

    [TestMethod]
    public void Check_from_migrations_and_drift_use_a_scratch_database_on_the_same_server_and_drop_it()
    {
        using var database = MariaDbServer.CreateDatabase();
        using var project = Cli.DiffCommandTests.AtHead();
        project.Environment["DIFFMIGRATE_URL"] = "mysql:" + database.ConnectionString;

        var (code, output, err) = project.Run("check", "--from-migrations");
        Assert.AreEqual(1, code, output + err);
        StringAssert.Contains(output, "+ table tags");
        Assert.IsEmpty(database.Strings("SHOW DATABASES LIKE 'diffmigrate_scratch%'"));

        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        (code, output, err) = project.Run("drift");
        Assert.AreEqual(0, code, output + err);
        database.Execute("ALTER TABLE people ADD COLUMN hack TEXT");
        (code, output, _) = project.Run("drift");
        Assert.AreEqual(1, code);
        StringAssert.Contains(output, "- column people.hack");
        Assert.IsEmpty(database.Strings("SHOW DATABASES LIKE 'diffmigrate_scratch%'"));
    }

    /// <summary>SHOW CREATE TABLE's text, without the AUTO_INCREMENT counter (rows a test inserted move it).</summary>
    internal static string ShowCreate(MariaDbDatabase database, string table)
    {
        using var connection = database.Open();
        using var command = new MySqlCommand($"SHOW CREATE TABLE `{table}`", connection);
        using var reader = command.ExecuteReader();
        Assert.IsTrue(reader.Read());
        return AutoIncrement().Replace(reader.GetString(1), "");
    }

    [GeneratedRegex(@" AUTO_INCREMENT=\d+")]
    private static partial Regex AutoIncrement();
}
