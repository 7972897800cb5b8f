using DiffMigrate.Design.Commands;
using DiffMigrate.Diff;
using DiffMigrate.Migrations;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Render.CSharp;
using DiffMigrate.Render.Sql;
using DiffMigrate.Schema;
using DiffMigrate.Tests.Support;

namespace DiffMigrate.Tests.Render;

/// <summary>
/// Declarative partitioning: a partitioned table and its partitions (also partitioned themselves) are created parent
/// first and dropped partitions first, rendered as PostgreSQL spells them, refused where they cannot change in place
/// and on SQLite, written by revisions and scaffold, and declared with the builder.
/// </summary>
[TestClass]
public sealed class PartitionTests
{
    private static readonly Table Measurement = new("measurement",
        [new Column("id", SqlType.Int32), new Column("logdate", SqlType.Date), new Column("city", SqlType.Text)],
        new PrimaryKey("measurement_pkey", ["id", "logdate"]), PartitionBy: "RANGE (logdate)");

    private static readonly Table Y2026 = new("y2026", [], PartitionOf: "measurement", PartitionBound: "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
        CheckConstraints: [new CheckConstraint("y2026_city", "city <> ''")]);

    private static readonly Table Y2027 = new("y2027", [], PartitionOf: "measurement", PartitionBound: "FOR VALUES FROM ('2027-01-01') TO ('2028-01-01')",
        PartitionBy: "LIST (city)");

    private static readonly Table Paris = new("y2027_paris", [], PartitionOf: "y2027", PartitionBound: "FOR VALUES IN ('Paris')");

    private static readonly Table Rest = new("y2027_rest", [], PartitionOf: "y2027", PartitionBound: "DEFAULT");

    private static List<MigrationOperation> Diff(DatabaseSchema from, DatabaseSchema to) =>
        new SchemaDiffer(new DiffOptions(PostgresDialect.Instance)).Diff(from, to).ToList();

    private static string Names(IEnumerable<MigrationOperation> operations) =>
        string.Join(" ", operations.Select(o => $"{o.GetType().Name}:{(o is CreateTable c ? c.Table.Name : o is DropTable d ? d.Table.Name : o.TableName)}"));

    [TestMethod]
    public void Parents_are_created_before_their_partitions_and_dropped_after_them()
    {
        // Names sorted the other way round, so that the order comes from the partitions, not the names.
        var everything = new DatabaseSchema([Rest, Paris, Y2027, Y2026, Measurement]);
        var create = Diff(new DatabaseSchema([]), everything);
        Assert.AreEqual("CreateTable:measurement CreateTable:y2026 CreateTable:y2027 CreateTable:y2027_paris CreateTable:y2027_rest", Names(create));
        var drop = Diff(everything, new DatabaseSchema([]));
        Assert.AreEqual("DropTable:y2027_rest DropTable:y2027_paris DropTable:y2027 DropTable:y2026 DropTable:measurement", Names(drop));
        Assert.IsEmpty(Diff(everything, new DatabaseSchema([Measurement, Y2026 with { PartitionBound = "FOR VALUES FROM ('2026-01-01')\n TO ('2027-01-01')" }, Y2027, Paris, Rest])));
        Assert.AreEqual("+ table y2027 (partition of measurement FOR VALUES FROM ('2027-01-01') TO ('2028-01-01')) PARTITION BY LIST (city)", OperationText.Describe(create[2]));
    }

    [TestMethod]
    public void PostgreSQL_creates_a_partitioned_table_and_partitions_with_their_own_constraints()
    {
        var renderer = new PostgresSqlRenderer();
        var sql = renderer.Render([new CreateTable(Measurement), new CreateTable(Y2026), new CreateTable(Y2027), new CreateTable(Rest)]).Select(s => s.Text).ToList();
        Assert.AreEqual("CREATE TABLE measurement (\n    id integer NOT NULL,\n    logdate date NOT NULL,\n    city text NOT NULL,\n" +
            "    CONSTRAINT measurement_pkey PRIMARY KEY (id, logdate)\n) PARTITION BY RANGE (logdate)", sql[0]);
        Assert.AreEqual("CREATE TABLE y2026 PARTITION OF measurement (\n    CONSTRAINT y2026_city CHECK (city <> '')\n) FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')", sql[1]);
        Assert.AreEqual("CREATE TABLE y2027 PARTITION OF measurement FOR VALUES FROM ('2027-01-01') TO ('2028-01-01') PARTITION BY LIST (city)", sql[2]);
        Assert.AreEqual("CREATE TABLE y2027_rest PARTITION OF y2027 DEFAULT", sql[3]);
        Assert.AreEqual("DROP TABLE y2026", renderer.Render([new DropTable(Y2026)]).Single().Text);
    }

    [TestMethod]
    public void A_changed_PARTITION_BY_or_bound_is_refused_naming_the_table()
    {
        var database = new DatabaseSchema([Measurement, Y2026]);
        var key = Assert.ThrowsExactly<DiffMigrateException>(() => Diff(database, new DatabaseSchema([Measurement with { PartitionBy = "RANGE (id)" }, Y2026])));
        StringAssert.StartsWith(key.Message, "Table measurement: its PARTITION BY changes from RANGE (logdate) to RANGE (id), which PostgreSQL cannot do in place");
        var bound = Assert.ThrowsExactly<DiffMigrateException>(() => Diff(database, new DatabaseSchema([Measurement, Y2026 with { PartitionBound = "DEFAULT" }])));
        StringAssert.StartsWith(bound.Message,
            "Table y2026: it is a partition of measurement FOR VALUES FROM ('2026-01-01') TO ('2027-01-01') in the database and a partition of measurement DEFAULT in the model");
        var plain = Assert.ThrowsExactly<DiffMigrateException>(() => Diff(database, new DatabaseSchema([Measurement with { PartitionBy = null }, Y2026])));
        StringAssert.Contains(plain.Message, "from RANGE (logdate) to none");
    }

    [TestMethod]
    public void SQLite_refuses_partitioning_in_one_line()
    {
        var error = Assert.ThrowsExactly<UnsupportedOperationException>(() => new SqliteSqlRenderer().Render([new CreateTable(Measurement)]));
        Assert.AreEqual("SQLite cannot express a partitioned table or a partition (measurement): SQLite has no declarative partitioning; " +
            "remove PartitionBy and Partition from the SQLite model.", error.Message);
    }

    [TestMethod]
    public void A_SQLite_model_that_uses_what_SQLite_lacks_is_one_line_naming_the_table()
    {
        var differ = new SchemaDiffer(new DiffOptions(SqliteDialect.Instance));
        var id = new Column("id", SqlType.Int32);
        foreach (var (table, what) in new[]
        {
            (new Table("m", [id], new PrimaryKey("pk_m", ["id"]), PartitionBy: "RANGE (id)"), "declarative partitioning (PartitionBy, Partition)"),
            (new Table("m", [id], new PrimaryKey("pk_m", ["id"]), ExclusionConstraints: [new ExclusionConstraint("x", "USING gist (id WITH =)")]), "exclusion constraints"),
            (new Table("m", [id], new PrimaryKey("pk_m", ["id"]), UniqueConstraints: [new UniqueConstraint("u", ["id"], InitiallyDeferred: true)]), "deferrable UNIQUE constraints"),
        })
        {
            var error = Assert.ThrowsExactly<DiffMigrateException>(() => differ.Diff(new DatabaseSchema([]), new DatabaseSchema([table])));
            Assert.AreEqual($"The model's table m uses {what}, which sqlite does not have: remove it from the model for this database.", error.Message);
        }
        var notValid = new Table("m", [id], new PrimaryKey("pk_m", ["id"]), CheckConstraints: [new CheckConstraint("ck", "id > 0", NotValid: true)]);
        Assert.IsEmpty(differ.Diff(new DatabaseSchema([notValid with { CheckConstraints = [new CheckConstraint("ck", "id > 0")] }]), new DatabaseSchema([notValid])));
    }

    [TestMethod]
    public void A_revision_writes_the_partitioning_and_compiles_to_the_same_operations()
    {
        MigrationOperation[] upgrade = [new CreateTable(Measurement), new CreateTable(Y2026), new CreateTable(Y2027), new CreateTable(Paris)];
        var source = new RevisionSource("c0ffee000002", [], "partitions", DateTimeOffset.UnixEpoch, upgrade, OperationReverser.ReverseAll(upgrade), ClassName: "Partitions");
        var text = RevisionWriter.Write(source);
        StringAssert.Contains(text, "Partitioning(\"RANGE (logdate)\")");
        StringAssert.Contains(text, "PartitionOf(\"y2027\", \"FOR VALUES IN ('Paris')\")");
        var migration = CompiledRevision.Load(source.Id, text);
        var up = new Operations();
        migration.Upgrade(up);
        CollectionAssert.AreEqual(upgrade, up.Recorded.ToList(), text);
    }

    private sealed class Builder : SchemaDefinition
    {
        public override void Define(SchemaBuilder builder)
        {
            builder.Table("measurement", t =>
            {
                t.Column("id", SqlType.Int32); t.Column("logdate", SqlType.Date); t.Column("city", SqlType.Text);
                t.PrimaryKey(["id", "logdate"], "measurement_pkey");
                t.PartitionBy("RANGE (logdate)");
            });
            builder.Partition("y2026", "measurement", "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')", t => t.Check("city <> ''", "y2026_city", exactName: true));
            builder.Partition("y2027", "measurement", "FOR VALUES FROM ('2027-01-01') TO ('2028-01-01')", t => t.PartitionBy("LIST (city)"));
            builder.Partition("y2027_paris", "y2027", "FOR VALUES IN ('Paris')");
            builder.Partition("y2027_rest", "y2027", "DEFAULT");
        }
    }

    private sealed class Orphan : SchemaDefinition
    {
        public override void Define(SchemaBuilder builder)
        {
            builder.Table("plain", t => t.Column("id", SqlType.Int32).PrimaryKey());
            builder.Partition("p1", "plain", "DEFAULT");
        }
    }

    [TestMethod]
    public void The_builder_declares_partitions_and_scaffold_writes_them_back()
    {
        var model = SchemaModel.FromTypes([], [new Builder()]);
        Assert.AreEqual(new DatabaseSchema([Measurement, Y2026, Y2027, Paris with { PartitionOf = "y2027" }, Rest]).Tables, model.Tables);
        var (source, warnings) = ModelWriter.Write(model, "App");
        Assert.IsEmpty(warnings);
        StringAssert.Contains(source, "            t.PartitionBy(\"RANGE (logdate)\");\n");
        StringAssert.Contains(source, "        builder.Partition(\"y2027_paris\", \"y2027\", \"FOR VALUES IN ('Paris')\", t =>\n        {\n        });\n");
        Assert.DoesNotContain("NoPrimaryKey", source);
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => SchemaModel.FromTypes([], [new Orphan()]));
        StringAssert.EndsWith(error.Message, "p1 is a partition of plain, which the model does not declare with PartitionBy(...).");
    }
}
