using DiffMigrate.IntegrationTests.Sqlite;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Postgres;

/// <summary>
/// Domains are part of the model: declared with <c>builder.Domain</c>, created before the tables whose columns use them,
/// changed in place (default, NOT NULL, checks), dropped after the tables, compared in the server's spelling,
/// scaffolded so that a baseline of the scaffolded model works, and refused in one line on SQLite.
/// </summary>
[TestClass]
public sealed class PostgresDomainTests
{
    private const string Cars = """b.Table("cars", t => { t.Column("id", SqlType.Int32); t.PrimaryKey(["id"], "cars_pkey"); t.Column("built", SqlType.Raw("year")); });""";

    [TestMethod]
    public void A_domain_is_created_changed_and_dropped_through_autogenerate_keeping_rows()
    {
        using var database = PostgresServer.CreateDatabase();
        var v1 = """b.Domain("year", SqlType.Int32, defaultSql: "2000", checks: [new CheckConstraint(null, "VALUE > 1900")]);""" + "\n" + Cars;
        using var project = ModelProject.For(v1, database);

        var check = project.Run("check");
        Assert.AreEqual(1, check.Code, check.Out + check.Err);
        var lines = Changes(check.Out);
        CollectionAssert.AreEqual(new[] { "+ domain year (Int32)", "+ table cars" }, lines, check.Out);
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "cars", "--rev-id", "00000000d001").Code);
        var script = File.ReadAllText(Directory.GetFiles(project.VersionsPath, "00000000d001*.cs").Single());
        StringAssert.Contains(script, "op.CreateDomain(Domain(\"year\", SqlType.Int32, defaultSql: \"2000\", checks: [Check(\"year_check\", \"VALUE > 1900\")]));");
        var offline = project.Run("upgrade", "base:head", "--sql");
        Assert.AreEqual(0, offline.Code, offline.Err);
        StringAssert.Contains(offline.Out, "CREATE DOMAIN year AS integer DEFAULT 2000 CONSTRAINT year_check CHECK (VALUE > 1900);");
        Assert.IsLessThan(offline.Out.IndexOf("CREATE TABLE cars", StringComparison.Ordinal), offline.Out.IndexOf("CREATE DOMAIN", StringComparison.Ordinal), offline.Out);

        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Out + upgrade.Err);
        database.Execute("INSERT INTO cars (id, built) VALUES (1, 1999); INSERT INTO cars (id) VALUES (2);");
        Assert.AreEqual("1:1999,2:2000", string.Join(",", database.Strings("SELECT id || ':' || built FROM cars ORDER BY id")));
        var bad = Assert.Throws<Exception>(() => database.Execute("INSERT INTO cars (id, built) VALUES (3, 1800)"));
        StringAssert.Contains(bad.Message, "year_check");
        var clean = project.Run("check", "--fail-on-unmanaged");
        Assert.AreEqual(0, clean.Code, clean.Out + clean.Err);
        var nothing = project.Run("revision", "--autogenerate", "-m", "nothing", "--rev-id", "00000000d0ff");
        StringAssert.Contains(nothing.Err, "No changes detected; no revision written.");
        Assert.IsEmpty(Directory.GetFiles(project.VersionsPath, "00000000d0ff*.cs"));

        // Changed: NOT NULL, another default, one check replaced by another; the spelling of the kept parts does not count.
        SqliteTableOptionsTests.Remodel(project, """b.Domain("year", SqlType.Int32, notNull: true, defaultSql: "(2001)", checks: [new CheckConstraint("year_range", "value between 1901 and 2999")]);""" + "\n" + Cars, "Changed");
        check = project.Run("check");
        Assert.AreEqual(1, check.Code, check.Out + check.Err);
        CollectionAssert.AreEqual(new[] { "~ domain year: default (2001), NOT NULL, check year_check dropped, check year_range value between 1901 and 2999" }, Changes(check.Out), check.Out);
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "range", "--rev-id", "00000000d002").Code);
        upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Out + upgrade.Err);
        Assert.AreEqual("1:1999,2:2000", string.Join(",", database.Strings("SELECT id || ':' || built FROM cars ORDER BY id")));
        bad = Assert.Throws<Exception>(() => database.Execute("INSERT INTO cars (id, built) VALUES (3, 3000)"));
        StringAssert.Contains(bad.Message, "year_range");
        database.Execute("INSERT INTO cars (id) VALUES (3)");
        Assert.AreEqual("2001", database.Strings("SELECT built::text FROM cars WHERE id = 3").Single());
        Assert.AreEqual(0, project.Run("check").Code);

        // Dropped: the column goes back to integer first, the domain after the tables.
        SqliteTableOptionsTests.Remodel(project, Cars.Replace("SqlType.Raw(\"year\")", "SqlType.Int32", StringComparison.Ordinal), "Dropped");
        check = project.Run("check");
        lines = Changes(check.Out);
        Assert.HasCount(2, lines, check.Out);
        StringAssert.StartsWith(lines[0], "~ column cars.built: ");
        Assert.AreEqual("- domain year", lines[1], check.Out);
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "plain", "--rev-id", "00000000d003").Code);
        upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Out + upgrade.Err);
        Assert.IsEmpty(database.Strings("SELECT typname::text FROM pg_type WHERE typname = 'year'"));
        Assert.AreEqual("1:1999,2:2000,3:2001", string.Join(",", database.Strings("SELECT id || ':' || built FROM cars ORDER BY id")));
        Assert.AreEqual(0, project.Run("check").Code);

        // And back: the reverse creates the domain before the column uses it again.
        var downgrade = project.Run("downgrade", "00000000d001");
        Assert.AreEqual(0, downgrade.Code, downgrade.Out + downgrade.Err);
        Assert.AreEqual("year", database.Strings("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'cars'::regclass AND attname = 'built'").Single());
        Assert.AreEqual("VALUE > 1900", database.Strings("SELECT pg_get_constraintdef(c.oid, true) FROM pg_constraint c JOIN pg_type t ON t.oid = c.contypid WHERE t.typname = 'year'").Single()[7..^1]);
    }

    [TestMethod]
    public void A_scaffolded_database_with_a_domain_gives_a_model_whose_baseline_works()
    {
        using var source = PostgresServer.CreateDatabase();
        source.Execute("""
            CREATE DOMAIN year AS int NOT NULL DEFAULT 2000 CHECK (VALUE > 1900) CONSTRAINT year_max CHECK (VALUE < 3000);
            CREATE DOMAIN code AS varchar(8) COLLATE "C";
            CREATE TABLE cars (id int CONSTRAINT cars_pkey PRIMARY KEY, built year, tag code);
            """);
        using var scaffold = new TempProject();
        var written = scaffold.Run("scaffold", "--url", source.Url, "--out", "Model");
        Assert.AreEqual(0, written.Code, written.Out + written.Err);
        var code = File.ReadAllText(Path.Combine(scaffold.Directory, "Model", "DatabaseModel.cs"));
        StringAssert.Contains(code, "builder.Domain(\"year\", SqlType.Int32, notNull: true, defaultSql: \"2000\", checks: [new CheckConstraint(\"year_check\", \"VALUE > 1900\"), new CheckConstraint(\"year_max\", \"VALUE < 3000\")]);");
        StringAssert.Contains(code, "builder.Domain(\"code\", SqlType.String(8), collation: \"C\");");
        var model = ModelAssembly.Compile([code], Path.Combine(scaffold.Directory, "Scaffolded.dll"));

        using (var same = new TempProject())
        {
            same.Initialized(model);
            same.Environment["DIFFMIGRATE_URL"] = source.Url;
            var check = same.Run("check", "--fail-on-unmanaged");
            Assert.AreEqual(0, check.Code, check.Out + check.Err);
        }

        using var fresh = PostgresServer.CreateDatabase();
        using var baseline = new TempProject();
        baseline.Initialized(model);
        baseline.Environment["DIFFMIGRATE_URL"] = fresh.Url;
        Assert.AreEqual(0, baseline.Run("revision", "--autogenerate", "-m", "baseline").Code);
        var upgrade = baseline.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Out + upgrade.Err);
        var again = baseline.Run("check");
        Assert.AreEqual(0, again.Code, again.Out + again.Err);
        fresh.Execute("INSERT INTO cars (id) VALUES (1)");
        Assert.AreEqual("2000", fresh.Strings("SELECT built::text FROM cars").Single());
        Assert.Throws<Exception>(() => fresh.Execute("INSERT INTO cars (id, built) VALUES (2, 3001)"));
    }

    [TestMethod]
    public void A_domain_in_a_sqlite_model_is_one_clear_error()
    {
        using var project = ModelProject.For("""b.Domain("year", SqlType.Int32); b.Table("cars", t => { t.Column("id", SqlType.Int32).PrimaryKey(); });""");
        var check = project.Run("check");
        Assert.AreEqual(2, check.Code, check.Out + check.Err);
        StringAssert.EndsWith(check.Err, "\nERROR: The model declares domain year, but sqlite has no domains: remove it from the model for this database.\n");
    }

    private static List<string> Changes(string output) =>
        output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 1 && l[0] is '+' or '-' or '~' && l[1] == ' ').ToList();
}
