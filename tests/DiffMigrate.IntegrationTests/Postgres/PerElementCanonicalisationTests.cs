using System.Text;
using DiffMigrate.Design.Pipeline;
using DiffMigrate.Inspect;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Migrations;
using DiffMigrate.Providers;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Schema;

namespace DiffMigrate.IntegrationTests.Postgres;

/// <summary>
/// An expression the server will not take (a function a migration has yet to create) falls back to the built-in
/// normaliser alone: every other element is still compared in the server's spelling, so nothing else shows a change.
/// </summary>
[TestClass]
public sealed class PerElementCanonicalisationTests
{
    private const int Tables = 12;

    [TestMethod]
    public async Task A_default_calling_a_missing_function_falls_back_alone_and_no_other_table_changes()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute(Unchanged() + "CREATE TABLE f (id int CONSTRAINT pk_f PRIMARY KEY, v int);");
        var model = Model(new Table("f", [new Column("id", SqlType.Int32), new Column("v", SqlType.Int32, Nullable: true, Default: "my_fn()")], new PrimaryKey("pk_f", ["id"])));
        await using var connection = database.Open();

        var canonicalizer = new PostgresModelCanonicalizer();
        var (forms, problem) = await canonicalizer.CanonicalizeAsync(connection, model, DatabaseSchema.Empty);
        Assert.IsNotNull(forms, problem);
        Assert.AreEqual("default of column f.v: 42883: function my_fn() does not exist", problem, "one element, with the server's reason");
        Assert.AreEqual("my_fn()", forms.FindTable("f")!.FindColumn("v")!.Default, "the rejected default keeps the model's spelling");
        var t0 = forms.FindTable("t0")!;
        Assert.AreEqual("'a'::text", t0.FindColumn("name")!.Default, "the others are the server's");
        Assert.AreEqual("n >= 1 AND n <= 10", t0.CheckConstraints.Single().Sql);
        Assert.AreEqual("n = ANY (ARRAY[1, 2, 3])", t0.Indexes.Single().Filter);
        Assert.AreEqual(3, canonicalizer.LastRoundTripCount, "the batch, again with markers to find the default, and once more without it");
        Assert.IsEmpty(database.Strings("SELECT relname FROM pg_class WHERE relname LIKE 'dm_canon%'"), "rolled back");

        var (operations, log) = Compare(connection, model);
        Assert.HasCount(1, operations, string.Join("\n", operations));
        var alter = (AlterColumn)operations[0];
        Assert.AreEqual("f.v my_fn()", $"{alter.Table.Name}.{alter.Column.Name} {alter.Column.Default}");
        var fallback = log.Single(l => l.Contains("could not canonicalise", StringComparison.Ordinal));
        Assert.AreEqual("The server could not canonicalise the model's expressions (default of column f.v: 42883: function my_fn() does not exist); comparing with the built-in normaliser.", fallback);
    }

    [TestMethod]
    public async Task Each_rejected_element_is_named_and_a_model_error_after_them_is_still_an_error()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute(Unchanged());
        await using var connection = database.Open();
        var both = new Table("f", [new Column("id", SqlType.Int32), new Column("v", SqlType.Int32, Nullable: true, Default: "my_fn()")], new PrimaryKey("pk_f", ["id"]),
            Indexes: [new TableIndex("ix_f", ["other_fn(v)"], Expressions: [true])]);

        var canonicalizer = new PostgresModelCanonicalizer();
        var (forms, problem) = await canonicalizer.CanonicalizeAsync(connection, Model(both), DatabaseSchema.Empty);
        Assert.IsNotNull(forms, problem);
        CollectionAssert.AreEquivalent(
            new[] { "default of column f.v: 42883: function my_fn() does not exist", "index ix_f on table f: 42883: function other_fn(integer) does not exist" },
            problem!.Split('\n'));
        Assert.AreEqual("other_fn(v)", forms.FindTable("f")!.Indexes.Single().Columns.Single());
        Assert.AreEqual("n >= 1 AND n <= 10", forms.FindTable($"t{Tables - 1}")!.CheckConstraints.Single().Sql);
        Assert.AreEqual(4, canonicalizer.LastRoundTripCount, "two more than one rejected element took");

        var broken = both with { CheckConstraints = [new CheckConstraint("ck_f", "nope > 0")] };
        var error = await Assert.ThrowsExactlyAsync<DiffMigrateException>(() => canonicalizer.CanonicalizeAsync(connection, Model(broken), DatabaseSchema.Empty));
        StringAssert.Contains(error.Message, "check ck_f on table f");
        StringAssert.Contains(error.Message, "\"nope\" does not exist");
        Assert.IsEmpty(database.Strings("SELECT relname FROM pg_class WHERE relname LIKE 'dm_canon%'"), "rolled back");
    }

    [TestMethod]
    public async Task A_model_sequence_the_database_holds_as_an_owned_one_does_not_stop_the_server_canonicalising()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute(Unchanged() + "CREATE TABLE s (id serial CONSTRAINT pk_s PRIMARY KEY, name text DEFAULT 'a');");
        var model = Model(new Table("s",
            [new Column("id", SqlType.Int32, Default: "nextval('s_id_seq'::regclass)"), new Column("name", SqlType.Text, Nullable: true, Default: "'a'"),
                new Column("note", SqlType.Text, Nullable: true, Default: "'a'")],
            new PrimaryKey("pk_s", ["id"]))) with { Sequences = [new Sequence("s_id_seq")] };
        await using var connection = database.Open();
        var inspected = await new PostgresInspector().InspectAsync(connection, new InspectOptions());
        Assert.IsEmpty(inspected.Sequences, "an owned sequence is not listed");

        var canonicalizer = new PostgresModelCanonicalizer();
        var (forms, problem) = await canonicalizer.CanonicalizeAsync(connection, model, inspected);
        Assert.IsNull(problem);
        Assert.AreEqual("nextval('s_id_seq'::regclass)", forms!.FindTable("s")!.FindColumn("id")!.Default);
        Assert.AreEqual("'a'", forms.FindTable("s")!.FindColumn("name")!.Default, "settled by the text rules: not asked");
        Assert.AreEqual("'a'::text", forms.FindTable("s")!.FindColumn("note")!.Default, "a new column: asked, in the batch that creates the sequence");
        Assert.AreEqual(1, canonicalizer.LastRoundTripCount);

        var (operations, log) = Compare(connection, model);
        Assert.IsFalse(log.Any(l => l.Contains("could not canonicalise", StringComparison.Ordinal)), string.Join("\n", log));
        var tables = operations.OfType<TableOperation>().Select(o => o.Table.Name).Distinct().ToList();
        Assert.IsTrue(tables.All(t => t == "s"), string.Join("\n", operations));
        Assert.IsFalse(operations.OfType<AlterColumn>().Any(a => a.Column.Name == "name"), string.Join("\n", operations));
    }

    /// <summary>The operations the pipeline finds (as <c>check</c> and autogenerate do) and what it logged.</summary>
    private static (IReadOnlyList<MigrationOperation>, List<string>) Compare(System.Data.Common.DbConnection connection, DatabaseSchema model)
    {
        var log = new List<string>();
        var comparison = new SchemaComparison(DatabaseProviders.Postgres, new ComparisonOptions(), log.Add).Compare(connection, model);
        return (comparison.Operations, log);
    }

    /// <summary>The tables as the database has them, written as the server does not print them.</summary>
    private static DatabaseSchema Model(Table extra) => new([.. Enumerable.Range(0, Tables).Select(i => new Table(
        $"t{i}",
        [new Column("id", SqlType.Int32), new Column("name", SqlType.Text, Nullable: true, Default: "'a'"), new Column("n", SqlType.Int32, Nullable: true, Default: "1+2")],
        new PrimaryKey($"pk_t{i}", ["id"]),
        Indexes: [new TableIndex($"ix_t{i}", ["LOWER(name)"], Filter: "n IN (1,2,3)", Expressions: [true])],
        CheckConstraints: [new CheckConstraint($"ck_t{i}", "n BETWEEN 1 AND 10")])), extra]);

    private static string Unchanged()
    {
        var sql = new StringBuilder();
        for (var i = 0; i < Tables; i++)
        {
            sql.Append($"CREATE TABLE t{i} (id int CONSTRAINT pk_t{i} PRIMARY KEY, name text DEFAULT 'a', n int DEFAULT (1 + 2), CONSTRAINT ck_t{i} CHECK (n BETWEEN 1 AND 10));\n");
            sql.Append($"CREATE INDEX ix_t{i} ON t{i} (lower(name)) WHERE n IN (1, 2, 3);\n");
        }
        return sql.ToString();
    }
}
