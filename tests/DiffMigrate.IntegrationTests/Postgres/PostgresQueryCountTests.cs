using System.Text;
using DiffMigrate.Inspect;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Schema;

namespace DiffMigrate.IntegrationTests.Postgres;

[TestClass]
public sealed class PostgresQueryCountTests
{
    [TestMethod]
    public async Task The_inspector_sends_as_many_queries_for_500_tables_as_for_10()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute(Tables(0, 10));
        var inspector = new PostgresInspector();
        await using var connection = database.Open();
        var small = await inspector.InspectAsync(connection, new InspectOptions());
        var (smallCommands, smallStatements) = (inspector.LastCommandCount, inspector.LastStatementCount);

        database.Execute(Tables(10, 500));
        var large = await inspector.InspectAsync(connection, new InspectOptions());

        Assert.HasCount(10, small.Tables);
        Assert.HasCount(500, large.Tables);
        Assert.AreEqual(500 + 500 + 499, large.Tables.Sum(t => t.Indexes.Count + t.ForeignKeys.Count + t.CheckConstraints.Count));
        Assert.AreEqual(smallCommands, inspector.LastCommandCount);
        Assert.AreEqual(smallStatements, inspector.LastStatementCount);
        Assert.AreEqual(1, inspector.LastCommandCount);
        Assert.AreEqual(12, inspector.LastStatementCount);   // 8: domains, 9: views, 10: routines, 11: triggers
    }

    [TestMethod]
    public async Task Views_functions_and_triggers_add_no_query_however_many_there_are()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute(Tables(0, 5) + Objects(0, 5));
        var inspector = new PostgresInspector();
        await using var connection = database.Open();
        var small = await inspector.InspectAsync(connection, new InspectOptions());
        var (smallCommands, smallStatements) = (inspector.LastCommandCount, inspector.LastStatementCount);

        database.Execute(Tables(5, 200) + Objects(5, 200));
        var large = await inspector.InspectAsync(connection, new InspectOptions());

        Assert.HasCount(15, small.Objects);
        Assert.HasCount(600, large.Objects);
        Assert.AreEqual(200, large.Objects.Count(o => o.Kind == DefinedObjectKind.Trigger));
        Assert.AreEqual(smallCommands, inspector.LastCommandCount);
        Assert.AreEqual(smallStatements, inspector.LastStatementCount);
        Assert.AreEqual(1, inspector.LastCommandCount);
        Assert.IsEmpty(large.Unmanaged, "views, functions and triggers are managed, not reported");
    }

    [TestMethod]
    public async Task A_no_op_run_asks_the_server_nothing_about_the_views_it_holds_already_however_many()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute(Tables(0, 5) + Objects(0, 5) + MaterializedViews(0, 5));
        var canonicalizer = new PostgresModelCanonicalizer();
        await using var connection = database.Open();
        var small = await NoOpAsync(connection, canonicalizer);
        var smallTrips = canonicalizer.LastRoundTripCount;
        database.Execute(Tables(5, 200) + Objects(5, 200) + MaterializedViews(5, 200));
        var large = await NoOpAsync(connection, canonicalizer);

        Assert.AreEqual(smallTrips, canonicalizer.LastRoundTripCount);
        Assert.IsLessThanOrEqualTo(1, canonicalizer.LastRoundTripCount, "the tables' expressions at most; nothing for views");
        Assert.AreEqual(400, large.Objects.Count(o => o.IsRelation));

        // A reader holds v3 and mv3: a run that dropped them to ask would wait for the lock, then fall back naming them.
        await using (var reader = database.Open())
        {
            await using var transaction = await reader.BeginTransactionAsync();
            await using (var read = reader.CreateCommand())
            {
                read.Transaction = transaction;
                read.CommandText = "SELECT (SELECT count(*) FROM v3) + (SELECT count(*) FROM mv3)";
                await read.ExecuteScalarAsync();
            }
            var (forms, problem) = await canonicalizer.CanonicalizeAsync(connection, large, large);
            Assert.IsNull(problem);
            Assert.AreEqual(0, canonicalizer.FallbackCount);
            CollectionAssert.AreEqual(large.Objects.ToList(), forms!.Objects.ToList());
        }

        // A view whose text differs is still asked, and comes back in the server's spelling; the others are left as stored.
        var edited = large with
        {
            Objects = large.Objects.Select(o => o.Name.Name == "v3" ? o with { Definition = "select ID, NAME from T3 where N>2" } : o).ToEquatableArray(),
        };
        var asked = await canonicalizer.CanonicalizeAsync(connection, edited, large);
        Assert.IsNull(asked.Problem);
        var v3 = asked.Forms!.Objects.Single(o => o.Name.Name == "v3");
        StringAssert.Contains(v3.Definition, "n > 2");
        Assert.AreEqual(large.Objects.Single(o => o.Name.Name == "v4"), asked.Forms.Objects.Single(o => o.Name.Name == "v4"));
        Assert.AreEqual("1", database.Strings("SELECT count(*)::text FROM pg_views WHERE viewname = 'v3' AND definition LIKE '%n > 1%'").Single(), "rolled back");
    }

    [TestMethod]
    public async Task A_no_op_run_asks_the_server_nothing_about_its_tables_and_then_only_what_differs()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute(Tables(0, 50));
        var canonicalizer = new PostgresModelCanonicalizer();
        await using var connection = database.Open();
        var stored = await new PostgresInspector().InspectAsync(connection, new InspectOptions());
        // The model in its own spelling, not the server's ('x' is stored as 'x'::text, the check as n > 0): the text
        // rules settle it (they do not settle n>0, which is asked).
        var model = stored with
        {
            Tables = stored.Tables.Select(t => t with
            {
                Columns = t.Columns.Select(c => c.Name == "name" ? c with { Default = "'x'" } : c).ToEquatableArray(),
                CheckConstraints = t.CheckConstraints.Select(k => k with { Sql = "(n > 0)" }).ToEquatableArray(),
            }).ToEquatableArray(),
        };
        Assert.AreNotEqual(stored.Tables[7].FindColumn("name")!.Default, model.Tables[7].FindColumn("name")!.Default);

        var (forms, problem) = await canonicalizer.CanonicalizeAsync(connection, model, stored);
        Assert.IsNull(problem);
        Assert.AreEqual(0, canonicalizer.LastRoundTripCount, "nothing asked");
        Assert.AreEqual(0, canonicalizer.LastStatementCount);
        CollectionAssert.AreEqual(model.Tables.ToList(), forms!.Tables.ToList(), "left in the model's spelling");

        // What differs, and what is new, is asked (in one round trip) and comes back in the server's spelling;
        // the rest stays as the model wrote it.
        var edited = model with
        {
            Tables = model.Tables.Select(t => t.Name.Name != "t7" ? t : t with
            {
                Columns = [.. t.Columns.Select(c => c.Name == "name" ? c with { Default = "'y'" } : c), new Column("m", SqlType.Int32, Nullable: true, Default: "1+1")],
                CheckConstraints = t.CheckConstraints.Select(k => k with { Sql = "n>1" }).ToEquatableArray(),
                Indexes = t.Indexes.Select(x => x with { Columns = ["upper(name)"] }).ToEquatableArray(),
            }).ToEquatableArray(),
        };
        (forms, problem) = await canonicalizer.CanonicalizeAsync(connection, edited, stored);
        Assert.IsNull(problem);
        Assert.AreEqual(1, canonicalizer.LastRoundTripCount);
        var t7 = forms!.FindTable("t7")!;
        Assert.AreEqual("'y'::text", t7.FindColumn("name")!.Default);
        Assert.AreEqual("(1 + 1)", t7.FindColumn("m")!.Default);
        Assert.AreEqual("n > 1", t7.CheckConstraints.Single().Sql);
        Assert.AreEqual("upper(name)", t7.Indexes.Single().Columns[0]);
        Assert.AreEqual("'x'", forms.FindTable("t8")!.FindColumn("name")!.Default, "settled: the model's spelling");
        Assert.AreEqual(model.FindTable("t8"), forms.FindTable("t8"));
    }

    /// <summary>The database as inspected, canonicalised as the model of a no-op run (the model a scaffold writes).</summary>
    private static async Task<DatabaseSchema> NoOpAsync(Npgsql.NpgsqlConnection connection, PostgresModelCanonicalizer canonicalizer)
    {
        var schema = await new PostgresInspector().InspectAsync(connection, new InspectOptions());
        var (forms, problem) = await canonicalizer.CanonicalizeAsync(connection, schema, schema);
        Assert.IsNull(problem);
        CollectionAssert.AreEqual(schema.Objects.ToList(), forms!.Objects.ToList());
        return schema;
    }

    /// <summary>A materialized view with an index for each table t{i}.</summary>
    private static string MaterializedViews(int from, int to)
    {
        var sql = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            sql.Append($"CREATE MATERIALIZED VIEW mv{i} AS SELECT id, lower(name) AS key FROM t{i};\n");
            sql.Append($"CREATE UNIQUE INDEX ix_mv{i}_id ON mv{i} (id);\n");
        }
        return sql.ToString();
    }

    /// <summary>A view, a trigger function and a trigger for each table t{i}.</summary>
    private static string Objects(int from, int to)
    {
        var sql = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            sql.Append($"CREATE VIEW v{i} AS SELECT id, name FROM t{i} WHERE n > 1;\n");
            sql.Append($"CREATE FUNCTION f{i}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.n := coalesce(NEW.n, {i + 1}); RETURN NEW; END $$;\n");
            sql.Append($"CREATE TRIGGER tr{i} BEFORE INSERT ON t{i} FOR EACH ROW EXECUTE FUNCTION f{i}();\n");
        }
        return sql.ToString();
    }

    [TestMethod]
    public async Task The_server_is_asked_each_distinct_expression_once_however_many_tables_use_it()
    {
        using var database = PostgresServer.CreateDatabase();
        await using var connection = database.Open();
        var canonicalizer = new PostgresModelCanonicalizer();
        var small = await canonicalizer.CanonicalizeAsync(connection, Model(10), DatabaseSchema.Empty);
        var smallTables = canonicalizer.LastTemporaryTableCount;
        var large = await canonicalizer.CanonicalizeAsync(connection, Model(500), DatabaseSchema.Empty);

        Assert.IsNull(large.Problem);
        Assert.AreEqual(smallTables, canonicalizer.LastTemporaryTableCount);
        Assert.AreEqual(3, smallTables, "one for the (type, default) columns, one for the checks and index on n and name, one for the generated column on n");
        var table = large.Forms!.Tables[499];
        Assert.AreEqual("'x'::text", table.FindColumn("name")!.Default);
        Assert.AreEqual("n > 0", table.CheckConstraints.Single().Sql);
        Assert.AreEqual("lower(name)", table.Indexes.Single().Columns[0]);
        Assert.AreEqual("(n * 2)", table.FindColumn("twice")!.Computed);
        Assert.IsEmpty(database.Strings("SELECT relname FROM pg_class WHERE relname LIKE 'dm_canon%'"), "rolled back");
    }

    private static DatabaseSchema Model(int tables) => new(Enumerable.Range(0, tables).Select(i => new Table(
        $"t{i}",
        [new Column("id", SqlType.Int32), new Column("name", SqlType.Text, Default: "'x'"), new Column("n", SqlType.Int32, Nullable: true),
            new Column("twice", SqlType.Int32, Nullable: true, Computed: "n*2")],
        new PrimaryKey($"pk_t{i}", ["id"]),
        Indexes: [new TableIndex($"ix_t{i}_name", ["LOWER(name)"], Expressions: [true], Filter: "n > 0")],
        CheckConstraints: [new CheckConstraint($"ck_t{i}_n", "(n>0)")])).ToEquatableArray());

    /// <summary>Tables with a key, a default, a check, an index and (but the first) a foreign key to the one before.</summary>
    private static string Tables(int from, int to)
    {
        var sql = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            var fk = i == 0 ? "" : $", parent_id int REFERENCES t{i - 1} (id)";
            sql.Append($"CREATE TABLE t{i} (id int PRIMARY KEY, name text NOT NULL DEFAULT 'x', n int CHECK (n > 0){fk});\n");
            sql.Append($"CREATE INDEX ix_t{i}_name ON t{i} (lower(name));\n");
        }
        return sql.ToString();
    }
}
