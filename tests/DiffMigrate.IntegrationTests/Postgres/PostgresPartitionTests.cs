using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Postgres;

/// <summary>
/// Declarative partitioning on a live server: range, list (a partition partitioned again), hash and default
/// partitions created by autogenerate parent first, rows routed and kept through a change to the parent, a changed
/// bound refused in one line, partitions dropped before their parent, scaffold that compares equal, and partitions no
/// longer in the not-managed report.
/// </summary>
[TestClass]
public sealed class PostgresPartitionTests
{
    private const string Parent = """
        b.Table("measurement", t =>
        {
            t.Column("id", SqlType.Int32); t.Column("logdate", SqlType.Date); t.Column("city", SqlType.Text);
            t.PrimaryKey(["id", "logdate", "city"], "measurement_pkey");
            t.PartitionBy("range (logdate)");
        """;

    private const string Partitions = """
        b.Partition("m2026", "measurement", "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')", t => { t.Check("city <> ''", "m2026_city", exactName: true); t.Index("ix_m2026_city", ["city"]); });
        b.Partition("m2027", "measurement", "FOR VALUES FROM ('2027-01-01') TO ('2028-01-01')", t => t.PartitionBy("LIST (city)"));
        b.Partition("m2027_paris", "m2027", "FOR VALUES IN ('Paris')");
        b.Partition("m2027_rest", "m2027", "DEFAULT");
        b.Table("account", t => { t.Column("id", SqlType.Int32); t.PrimaryKey(["id"], "account_pkey"); t.PartitionBy("HASH (id)"); });
        b.Partition("account_0", "account", "FOR VALUES WITH (MODULUS 2, REMAINDER 0)");
        b.Partition("account_1", "account", "FOR VALUES WITH (MODULUS 2, REMAINDER 1)");
        """;

    [TestMethod]
    public void Partitions_are_created_changed_through_the_parent_refused_when_their_bound_changes_and_dropped()
    {
        using var database = PostgresServer.CreateDatabase();
        using var project = ModelProject.For(Parent + "\n});\n" + Partitions, database);

        var check = project.Run("check");
        Assert.AreEqual(1, check.Code, check.Out + check.Err);
        StringAssert.Contains(check.Out, "+ table measurement PARTITION BY range (logdate)");
        StringAssert.Contains(check.Out, "+ table m2027 (partition of measurement FOR VALUES FROM ('2027-01-01') TO ('2028-01-01')) PARTITION BY LIST (city)");
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "partitions", "--rev-id", "00000000pa01").Code);
        var offline = project.Run("upgrade", "head", "--sql");
        Assert.AreEqual(0, offline.Code, offline.Err);
        StringAssert.Contains(offline.Out, "CREATE TABLE m2027_rest PARTITION OF m2027 DEFAULT;");
        Assert.IsLessThan(offline.Out.IndexOf("CREATE TABLE m2027_paris", StringComparison.Ordinal), offline.Out.IndexOf("CREATE TABLE m2027 ", StringComparison.Ordinal), offline.Out);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Out + upgrade.Err);
        database.Execute("""
            INSERT INTO measurement VALUES (1, '2026-05-01', 'Oslo'), (2, '2027-05-01', 'Paris'), (3, '2027-06-01', 'Rome');
            INSERT INTO account SELECT generate_series(1, 10);
            """);
        Assert.AreEqual("m2026:1,m2027_paris:2,m2027_rest:3", Placed(database));
        Assert.AreEqual("10", database.Strings("SELECT (SELECT count(*) FROM account_0) + (SELECT count(*) FROM account_1)").Single());
        // The model's spellings (range, MODULUS) are the server's once it has read them back: nothing to do.
        var clean = project.Run("check", "--fail-on-unmanaged");
        Assert.AreEqual(0, clean.Code, clean.Out + clean.Err);

        // A new column on the parent reaches every partition, and the rows stay where they are.
        Swap(project, Parent + "\n    t.Column(\"note\", SqlType.Text).Nullable();\n});\n" + Partitions);
        var column = project.Run("check");
        Assert.AreEqual(1, column.Code, column.Out + column.Err);
        var changes = column.Out.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('+') || l.StartsWith('-') || l.StartsWith('~')).ToList();
        CollectionAssert.AreEqual(new[] { "+ column measurement.note Text NULL" }, changes, column.Out);
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "note", "--rev-id", "00000000pa02").Code);
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        database.Execute("UPDATE m2027_paris SET note = 'x'");
        Assert.AreEqual("m2026:1,m2027_paris:2,m2027_rest:3", Placed(database));
        Assert.AreEqual(0, project.Run("check").Code);

        // A bound that changes is refused, naming the table.
        Swap(project, Parent + "\n    t.Column(\"note\", SqlType.Text).Nullable();\n});\n" + Partitions.Replace("('2026-01-01') TO ('2027-01-01')", "('2025-01-01') TO ('2027-01-01')", StringComparison.Ordinal));
        var refused = project.Run("check");
        Assert.AreEqual(2, refused.Code, refused.Out + refused.Err);
        StringAssert.Contains(refused.Err, "ERROR: Table m2026: it is a partition of measurement FOR VALUES FROM ('2026-01-01') TO ('2027-01-01') in the database " +
            "and a partition of measurement FOR VALUES FROM ('2025-01-01') TO ('2027-01-01') in the model");

        // Dropping a partition level: the sub-partitions go first, and the other partitions keep their rows.
        Swap(project, Parent + "\n    t.Column(\"note\", SqlType.Text).Nullable();\n});\n" + string.Join("\n", Partitions.Split('\n').Where(l => !l.Contains("m2027", StringComparison.Ordinal))));
        database.Execute("DELETE FROM measurement WHERE logdate >= '2027-01-01'");
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "drop 2027", "--rev-id", "00000000pa03").Code);
        var dropSql = project.Run("upgrade", "00000000pa02:head", "--sql").Out;
        Assert.IsLessThan(dropSql.IndexOf("DROP TABLE m2027;", StringComparison.Ordinal), dropSql.IndexOf("DROP TABLE m2027_paris;", StringComparison.Ordinal), dropSql);
        Assert.Contains("DROP TABLE m2027;", dropSql);
        var drop = project.Run("upgrade", "head");
        Assert.AreEqual(0, drop.Code, drop.Out + drop.Err);
        Assert.AreEqual("m2026:1", Placed(database));
        Assert.AreEqual(0, project.Run("check").Code);

        // All the way down and up again.
        Assert.AreEqual(0, project.Run("downgrade", "00000000pa01").Code);
        Assert.AreEqual("m2026,m2027,m2027_paris,m2027_rest", string.Join(",", database.Strings(
            "SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE c.relname LIKE 'm20%' AND c.relkind IN ('r', 'p') ORDER BY 1")));
        var down = project.Run("downgrade", "base");
        Assert.AreEqual(0, down.Code, down.Out + down.Err);
        Assert.IsEmpty(database.Strings("SELECT relname::text FROM pg_class WHERE relname LIKE 'm20%' OR relname = 'measurement'"));
    }

    [TestMethod]
    public void Scaffold_of_partitioned_tables_writes_a_model_that_compares_equal()
    {
        using var a = PostgresServer.CreateDatabase();
        using var b = PostgresServer.CreateDatabase();
        a.Execute("""
            CREATE TABLE measurement (id int, logdate date, city text, PRIMARY KEY (id, logdate, city)) PARTITION BY RANGE (logdate);
            CREATE INDEX measurement_city_idx ON measurement (city);
            CREATE TABLE m2026 PARTITION OF measurement (CONSTRAINT m2026_city CHECK (city <> '')) FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
            CREATE INDEX m2026_logdate_desc ON m2026 (logdate DESC);
            CREATE TABLE m2027 PARTITION OF measurement FOR VALUES FROM ('2027-01-01') TO ('2028-01-01') PARTITION BY LIST (city);
            CREATE TABLE m2027_paris PARTITION OF m2027 FOR VALUES IN ('Paris', 'Lyon');
            CREATE TABLE m2027_rest PARTITION OF m2027 DEFAULT;
            CREATE TABLE account (id int PRIMARY KEY, parent int REFERENCES account (id) DEFERRABLE) PARTITION BY HASH (id);
            CREATE TABLE account_0 PARTITION OF account FOR VALUES WITH (MODULUS 2, REMAINDER 0);
            CREATE TABLE account_1 PARTITION OF account FOR VALUES WITH (MODULUS 2, REMAINDER 1);
            INSERT INTO measurement VALUES (1, '2026-05-01', 'Oslo'), (2, '2027-05-01', 'Lyon');
            """);
        using var project = new TempProject().Initialized();
        project.Environment["DIFFMIGRATE_URL"] = b.Url;
        var (code, output, err) = project.Run("scaffold", "--url", a.Url, "--out", "Scaffolded", "--namespace", "Adopted");
        Assert.AreEqual(0, code, output + err);
        Assert.IsFalse(output.Contains("Not managed", StringComparison.Ordinal), output);
        var files = Directory.GetFiles(Path.Combine(project.Directory, "Scaffolded"), "*.cs").Select(File.ReadAllText).ToList();
        var source = string.Join("\n", files);
        StringAssert.Contains(source, "builder.Partition(\"m2027_paris\", \"m2027\", \"FOR VALUES IN ('Paris', 'Lyon')\", t =>", source);
        StringAssert.Contains(source, "t.PartitionBy(\"HASH (id)\");", source);
        StringAssert.Contains(source, "\"FOR VALUES WITH (modulus 2, remainder 1)\"", source);
        // What a partition inherits (the key, the index on the parent, the foreign key) is written once, on the parent.
        Assert.AreEqual(1, System.Text.RegularExpressions.Regex.Count(source, "measurement_city_idx"), source);
        StringAssert.Contains(source, "m2026_logdate_desc", source);
        var model = ModelAssembly.Compile(files, Path.Combine(project.Directory, "Adopted.dll"));
        project.UseModel(model);
        var compare = project.Run("diff", "--from", a.Url, "--to", "model");
        Assert.AreEqual(0, compare.Code, compare.Out + compare.Err + "\n" + source);
        Assert.IsFalse(compare.Out.Contains("not compare", StringComparison.Ordinal), compare.Out);

        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "--from-empty", "-m", "baseline", "--rev-id", "0000000000bc").Code);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Out + upgrade.Err);
        var forward = project.Run("diff", "--from", a.Url, "--to", b.Url);
        Assert.AreEqual(0, forward.Code, forward.Out + forward.Err);
        b.Execute("INSERT INTO measurement VALUES (1, '2026-05-01', 'Oslo'), (2, '2027-05-01', 'Lyon')");
        Assert.AreEqual("m2026:1,m2027_paris:2", Placed(b));
    }

    /// <summary>Each row's partition (a leaf), as "partition:id", by id.</summary>
    private static string Placed(TestDatabase database) => string.Join(",", database.Strings(
        "SELECT tableoid::regclass::text || ':' || id FROM measurement ORDER BY id"));

    /// <summary>Replaces the project's model with one that runs <paramref name="body"/>.</summary>
    private static void Swap(TempProject project, string body)
    {
        var source = "using DiffMigrate;\nusing DiffMigrate.Schema;\n\npublic sealed class Model : SchemaDefinition\n{\n    public override void Define(SchemaBuilder b)\n    {\n" +
            body + "\n    }\n}\n";
        var model = ModelAssembly.Compile(source, Path.Combine(project.Directory, $"Model{Guid.NewGuid():N}.dll"));
        project.UseModel(model);
    }
}
