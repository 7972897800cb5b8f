using System.Globalization;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Schema;
using DiffMigrate.Workloads;
using Npgsql;

namespace DiffMigrate.IntegrationTests.Postgres;

/// <summary>
/// Read-only commands stay read-only whatever SQL the model holds: the canonicaliser's batch cannot be talked into
/// committing, and a fragment the server rejects is named in one error line.
/// </summary>
[TestClass]
public sealed class PostgresCanonicalizerInjectionTests
{
    private const string Escape = "COMMIT; DROP TABLE victim; ";

    /// <summary>Where the payload sits, the model line that carries it, and how the error names it.</summary>
    private static readonly (string Where, string Model, string Element)[] Payloads =
    [
        ("default", $$"""t.Column("c", SqlType.Int32).Nullable().Default("0); {{Escape}}CREATE TEMP TABLE zz (a int");""", "default of column t.c"),
        ("check", $$"""t.Check("n > 0); {{Escape}}CREATE TEMP TABLE zz (a int", "n");""", "check ck_t_n on table t"),
        ("generated", $$"""t.Column("g", SqlType.Int32).Nullable().Computed("n * 2) STORED); {{Escape}}CREATE TEMP TABLE zz (a int");""", "generated column t.g"),
        ("index expression", $$"""t.Index("ix_t_x", ["lower(name)); {{Escape}}CREATE INDEX zz ON t ((lower(name)"], expressions: [true]);""", "index ix_t_x on table t"),
        ("index filter", $$"""t.Index("ix_t_f", ["n"], filter: "n > 0; {{Escape}}SELECT 1 WHERE true");""", "index ix_t_f on table t"),
    ];

    [TestMethod]
    public void A_payload_in_any_model_expression_changes_nothing_and_fails_naming_the_element()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute("CREATE TABLE victim (id int PRIMARY KEY); INSERT INTO victim VALUES (42);");
        var before = Snapshot(database);
        foreach (var (where, line, element) in Payloads)
        {
            using var project = Project(database, line);
            foreach (var command in new[] { new[] { "check" }, ["diff"], ["revision", "--autogenerate", "-m", "x"] })
            {
                var (code, output, err) = project.Run(command);
                var context = $"{where}, {string.Join(" ", command)}: {err}";
                Assert.AreEqual(2, code, context);
                var errors = err.Split('\n').Where(l => l.StartsWith("ERROR:", StringComparison.Ordinal)).ToList();
                Assert.HasCount(1, errors, context);
                StringAssert.Contains(errors[0], element, context);
                Assert.IsFalse(output.Contains("DROP", StringComparison.Ordinal), context);
                CollectionAssert.AreEqual(before, Snapshot(database), context);
                Assert.IsEmpty(Directory.Exists(project.VersionsPath) ? Directory.GetFiles(project.VersionsPath, "*.cs") : [], context);
            }
        }
        Assert.AreEqual("42", database.Strings("SELECT id FROM victim").Single());
    }

    [TestMethod]
    public async Task Neither_npgsql_nor_the_server_splits_a_batch_command_holding_several_statements()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute("CREATE TABLE victim (id int PRIMARY KEY); INSERT INTO victim VALUES (42);");
        await using var connection = database.Open();
        var payloads = new[]
        {
            "CREATE TEMP TABLE a (x int DEFAULT (0); COMMIT; DROP TABLE victim; CREATE TEMP TABLE zz (a int))",
            // PostgreSQL nests comments; a lexer that does not would see the semicolon outside.
            "CREATE TEMP TABLE a (x int DEFAULT (0 /* /* */ ; COMMIT; DROP TABLE victim; -- */ ))",
            "CREATE TEMP TABLE a (x int DEFAULT (0)) ; COMMIT ; DROP TABLE victim",
        };
        foreach (var sql in payloads)
        {
            // As the canonicaliser sends it: a batch command of its own, in a transaction that is rolled back.
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { new NpgsqlBatchCommand(sql) } };
                var error = await Catch(() => batch.ExecuteNonQueryAsync());
                await transaction.RollbackAsync();
                if (error is not null) Assert.IsTrue(error is NotSupportedException or PostgresException, $"{sql}: {error}");
            }
            // Raw mode (positional parameters) skips Npgsql's parsing: the server itself must refuse the second statement.
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                await using var batch = new NpgsqlBatch(connection, transaction)
                {
                    BatchCommands = { new NpgsqlBatchCommand("SELECT $1::int; COMMIT; DROP TABLE victim") { Parameters = { new NpgsqlParameter { Value = 1 } } } },
                };
                var error = await Catch(() => batch.ExecuteNonQueryAsync());
                await transaction.RollbackAsync();
                Assert.IsInstanceOfType<PostgresException>(error);
                Assert.AreEqual("42601", ((PostgresException)error!).SqlState, error!.Message);
            }
            Assert.AreEqual("42", database.Strings("SELECT id FROM victim").Single(), sql);
        }
    }

    [TestMethod]
    public async Task Malformed_model_sql_is_an_error_naming_the_element_and_a_missing_function_a_logged_fallback()
    {
        using var database = PostgresServer.CreateDatabase();
        await using var connection = database.Open();
        var canonicalizer = new PostgresModelCanonicalizer();

        var error = await Assert.ThrowsExactlyAsync<DiffMigrateException>(() =>
            canonicalizer.CanonicalizeAsync(connection, Model(new Column("c", SqlType.Int32, Nullable: true, Default: "1 +")), DatabaseSchema.Empty));
        StringAssert.Contains(error.Message, "default of column orders.c");
        StringAssert.Contains(error.Message, "syntax error");
        Assert.DoesNotContain('\n', error.Message);

        error = await Assert.ThrowsExactlyAsync<DiffMigrateException>(() =>
            canonicalizer.CanonicalizeAsync(connection, Model(new Column("c", SqlType.Int32, Nullable: true, Default: "'abc'")), DatabaseSchema.Empty));
        StringAssert.Contains(error.Message, "default of column orders.c");
        StringAssert.Contains(error.Message, "invalid input syntax for type integer");

        error = await Assert.ThrowsExactlyAsync<DiffMigrateException>(() => canonicalizer.CanonicalizeAsync(connection,
            Model(new Column("c", SqlType.Int32, Nullable: true), new CheckConstraint("ck_orders_c", "nope > 0")), DatabaseSchema.Empty));
        StringAssert.Contains(error.Message, "check ck_orders_c on table orders");
        StringAssert.Contains(error.Message, "\"nope\" does not exist");

        // A function the database lacks may come with an extension a migration installs: not the model's fault.
        var (forms, problem) = await canonicalizer.CanonicalizeAsync(connection,
            Model(new Column("c", SqlType.Uuid, Nullable: true, Default: "uuid_generate_v4()")), DatabaseSchema.Empty);
        Assert.AreEqual("uuid_generate_v4()", forms!.Tables.Single().FindColumn("c")!.Default, "that default alone keeps the model's spelling");
        StringAssert.Contains(problem, "default of column orders.c");
        StringAssert.Contains(problem, "uuid_generate_v4() does not exist");
        Assert.AreEqual(1, canonicalizer.FallbackCount);
        Assert.IsEmpty(database.Strings("SELECT relname FROM pg_class WHERE relname LIKE 'dm_canon%'"), "rolled back");
    }

    [TestMethod]
    public void On_the_command_line_a_rejected_expression_is_one_error_and_a_missing_function_a_logged_fallback()
    {
        using var database = PostgresServer.CreateDatabase();
        using (var project = Project(database, """t.Column("c", SqlType.Int32).Nullable().Default("1 +");"""))
        {
            var (code, _, err) = project.Run("check");
            Assert.AreEqual(2, code, err);
            var error = err.Split('\n').Single(l => l.StartsWith("ERROR:", StringComparison.Ordinal));
            StringAssert.Contains(error, "default of column t.c");
            StringAssert.Contains(error, "syntax error");
        }
        using (var project = Project(database, """t.Column("u", SqlType.Uuid).Nullable().Default("uuid_generate_v4()");"""))
        {
            var (code, _, err) = project.Run("check");
            Assert.AreEqual(1, code, err);
            var fallback = err.Split('\n').Single(l => l.Contains("could not canonicalise", StringComparison.Ordinal));
            StringAssert.Contains(fallback, "default of column t.u");
            StringAssert.Contains(fallback, "uuid_generate_v4() does not exist");
            Assert.IsFalse(err.Contains("ERROR:", StringComparison.Ordinal), err);
        }
    }

    [TestMethod]
    public async Task Semicolons_and_parentheses_inside_quotes_and_comments_are_not_refused()
    {
        using var database = PostgresServer.CreateDatabase();
        await using var connection = database.Open();
        var model = new DatabaseSchema([new Table("t",
            [new Column("id", SqlType.Int32), new Column("a;b", SqlType.Text, Nullable: true, Default: "'x;y)'"),
                new Column("e", SqlType.Text, Nullable: true, Default: "E'it\\'s; (fine'"),
                new Column("d", SqlType.Text, Nullable: true, Default: "$q$;)$q$ /* ; ( /* nested; */ */ -- ;\n"),
                new Column("n", SqlType.Int32, Nullable: true, Computed: "length(\"a;b\") /* ; */")],
            new PrimaryKey("pk_t", ["id"]),
            Indexes: [new TableIndex("ix_t", ["(\"a;b\" || ';')"], Filter: "e <> ')'", Expressions: [true])],
            CheckConstraints: [new CheckConstraint("ck_t", "\"a;b\" <> 'x;y' OR d = $$;$$")])]);
        var canonicalizer = new PostgresModelCanonicalizer();
        var (forms, problem) = await canonicalizer.CanonicalizeAsync(connection, model, DatabaseSchema.Empty);
        Assert.IsNull(problem);
        var table = forms!.Tables.Single();
        Assert.AreEqual("'x;y)'::text", table.FindColumn("a;b")!.Default);
        Assert.AreEqual("'it''s; (fine'::text", table.FindColumn("e")!.Default);
        Assert.AreEqual("';)'::text", table.FindColumn("d")!.Default);
        Assert.AreEqual("length(\"a;b\")", table.FindColumn("n")!.Computed);
        StringAssert.Contains(table.CheckConstraints.Single().Sql, "';'::text");
        Assert.AreEqual("e <> ')'::text", table.Indexes.Single().Filter);
    }

    [TestMethod]
    public async Task The_batch_stays_one_round_trip_whose_statements_grow_with_variety_not_size()
    {
        using var database = PostgresServer.CreateDatabase();
        await using var connection = database.Open();
        var canonicalizer = new PostgresModelCanonicalizer();
        DatabaseSchema Tables(int count) => new([.. Enumerable.Range(0, count).Select(i => new Table($"t{i}",
            [new Column("id", SqlType.Int32), new Column("n", SqlType.Int32, Nullable: true, Default: "0")], new PrimaryKey($"pk_t{i}", ["id"]),
            CheckConstraints: [new CheckConstraint($"ck_t{i}", "n >= 0")]))]);
        await canonicalizer.CanonicalizeAsync(connection, Tables(5), DatabaseSchema.Empty);
        var few = canonicalizer.LastStatementCount;
        var (forms, problem) = await canonicalizer.CanonicalizeAsync(connection, Tables(300), DatabaseSchema.Empty);
        Assert.IsNull(problem);
        Assert.AreEqual(few, canonicalizer.LastStatementCount);
        Assert.AreEqual("n >= 0", forms!.Tables[299].CheckConstraints.Single().Sql);
    }

    private static DatabaseSchema Model(Column column, params CheckConstraint[] checks) =>
        new([new Table("orders", [new Column("id", SqlType.Int32), column], new PrimaryKey("pk_orders", ["id"]), CheckConstraints: [.. checks])]);

    private static async Task<Exception?> Catch(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static TempProject Project(TestDatabase database, string line)
    {
        var project = new TempProject();
        var source = $$"""
            using DiffMigrate;
            using DiffMigrate.Schema;

            public sealed class Model : SchemaDefinition
            {
                public override void Define(SchemaBuilder b) => b.Table("t", t =>
                {
                    t.Column("id", SqlType.Int32).PrimaryKey();
                    t.Column("name", SqlType.Text).Nullable();
                    t.Column("n", SqlType.Int32).Nullable();
                    {{line}}
                });
            }
            """;
        project.Initialized(ModelAssembly.Compile(source, Path.Combine(project.Directory, "Model.dll")));
        project.Environment["DIFFMIGRATE_URL"] = database.Url;
        return project;
    }

    /// <summary>Every relation of the database with its kind, and every table's row count.</summary>
    internal static List<string> Snapshot(TestDatabase database)
    {
        var relations = database.Strings("""
            SELECT n.nspname || '.' || c.relname || ':' || c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'
            ORDER BY 1
            """).ToList();
        var rows = relations.Where(r => r.EndsWith(":r", StringComparison.Ordinal)).Select(r =>
        {
            var name = r[..^2].Split('.');
            var count = database.Strings($"SELECT count(*) FROM \"{name[0]}\".\"{name[1]}\"").Single();
            return $"{r} rows={count.ToString(CultureInfo.InvariantCulture)}";
        });
        var types = database.Strings("SELECT n.nspname || '.' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_%temp%' ORDER BY 1");
        // A session's temporary schema (pg_temp_N) stays once made; what was in it is gone with the rollback.
        return [.. relations, .. rows, .. types, .. database.Strings("SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg_%temp%' ORDER BY 1")];
    }
}
