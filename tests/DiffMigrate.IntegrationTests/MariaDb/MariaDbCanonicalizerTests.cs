using System.Data.Common;
using DiffMigrate.Design.Pipeline;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Migrations;
using DiffMigrate.Providers;
using DiffMigrate.Providers.MySql;
using DiffMigrate.Schema;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.MariaDb;

/// <summary>
/// The MariaDB server canonicaliser: the model's defaults, generated columns and checks, written the way the server
/// does not print them, compare equal to what the server stores (the built-in normaliser alone would see changes); a
/// real change still shows; nothing is left behind, an open transaction is not committed, and an element the server
/// refuses falls back alone with one log line.
/// </summary>
[TestClass]
public sealed class MariaDbCanonicalizerTests
{
    private const string Database = """
        CREATE TABLE items (
          id INT NOT NULL PRIMARY KEY,
          q INT NOT NULL DEFAULT 0,
          d DATE NOT NULL DEFAULT '2020-01-01',
          at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
          seen TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP,
          twice INT AS (q * 2) VIRTUAL,
          CONSTRAINT ck_q CHECK (q < 1000),
          CONSTRAINT ck_ne CHECK (q <> 3),
          CONSTRAINT ck_range CHECK (q >= 0 AND q <= 5000)
        );
        """;

    /// <summary>The same table, every expression in another spelling of the same meaning.</summary>
    private static Table Items(string check = "q<1000") => new(
        new QualifiedName(null, "items"),
        [
            new Column("id", SqlType.Int32),
            new Column("q", SqlType.Int32, Default: "(0)"),
            new Column("d", SqlType.Date, Default: "DATE'2020-01-01'"),
            new Column("at", SqlType.DateTime, Default: "current_timestamp(6)"),
            new Column("seen", SqlType.Raw("timestamp"), Nullable: true, Default: "current_timestamp()"),
            new Column("twice", SqlType.Int32, Nullable: true, Computed: "((q*2))", ComputedVirtual: true),
        ],
        new PrimaryKey(null, ["id"]),
        CheckConstraints: [new CheckConstraint("ck_q", check), new CheckConstraint("ck_ne", "q != 3"), new CheckConstraint("ck_range", "((q >= 0)) and ((q <= 5000))")]);

    /// <summary>
    /// The database's side as the canonicaliser needs it to ask anything: the same tables, every expression spelled so
    /// that the text rules cannot call it the model's (what the rules settle, the server is not asked about).
    /// </summary>
    private static DatabaseSchema Unlike(DatabaseSchema model) => new([.. model.Tables.Select(t => t with
    {
        Columns = [.. t.Columns.Select(c => c with { Default = c.Default is null ? null : "'unlike'", Computed = c.Computed is null ? null : "unlike" })],
        CheckConstraints = [.. t.CheckConstraints.Select(k => k with { Sql = "unlike" })],
    })]);

    [TestMethod]
    public async Task What_the_text_rules_settle_and_new_tables_are_not_asked_about()
    {
        using var database = MariaDbServer.CreateDatabase();
        await using var connection = database.Open();
        var canonicalizer = new MySqlCanonicalizer(DatabaseProviders.MySql.Renderer);
        var items = Items();
        var stored = items with
        {
            Columns = [.. items.Columns.Select(c => c.Name == "q" ? c with { Default = "0" } : c)],
            CheckConstraints = [.. items.CheckConstraints.Select(k => k.Name == "ck_ne" ? k with { Sql = "`q` <> 3" } : k)],
        };

        // The same table as stored (a no-op): nothing to ask, however many tables.
        var (forms, problem) = await canonicalizer.CanonicalizeAsync(connection, new DatabaseSchema([items]), new DatabaseSchema([items]));
        Assert.IsNull(problem);
        Assert.AreEqual(items, forms!.FindTable("items"));
        Assert.AreEqual(0, canonicalizer.LastRoundTripCount);

        // A table the database has not: nothing to compare with, nothing asked.
        (_, problem) = await canonicalizer.CanonicalizeAsync(connection, new DatabaseSchema([items]), DatabaseSchema.Empty);
        Assert.IsNull(problem);
        Assert.AreEqual(0, canonicalizer.LastRoundTripCount);

        // Only what the text rules cannot settle is sent: (0) and 0 they settle, != and <> they do not.
        (forms, _) = await canonicalizer.CanonicalizeAsync(connection, new DatabaseSchema([items]), new DatabaseSchema([stored]));
        Assert.AreEqual(1, canonicalizer.LastRoundTripCount);
        Assert.AreEqual("(0)", forms!.FindTable("items")!.FindColumn("q")!.Default, "settled: left in the model's spelling");
        Assert.AreEqual("`q` <> 3", forms.FindTable("items")!.CheckConstraints[1].Sql, "asked: the server's spelling");
    }

    private const string Model = """
        using DiffMigrate;
        using DiffMigrate.Schema;

        public sealed class SpellingModel : SchemaDefinition
        {
            public override void Define(SchemaBuilder b)
            {
                b.Table("items", t =>
                {
                    t.Column("id", SqlType.Int32).PrimaryKey();
                    t.Column("q", SqlType.Int32).Default("(0)");
                    t.Column("d", SqlType.Date).Default("DATE'2020-01-01'");
                    t.Column("at", SqlType.DateTime).Default("CURRENT_TIMESTAMP(6)");
                    t.Column("made", SqlType.DateTime).Default("now(6)");
                    t.Column("twice", SqlType.Int32).Computed("((q*2))", stored: false);
                    t.Column("note", SqlType.String(20)).Default("concat('a', 'b')");
                    t.Check("q<1000", "ck_q", exactName: true);
                    t.Check("q != 3", "ck_ne", exactName: true);
                    t.Check("((q >= 0)) and ((q <= 5000))", "ck_range", exactName: true);
                });
            }
        }
        """;

    [TestMethod]
    public void Other_spellings_of_the_database_are_no_operations_and_the_built_in_normaliser_alone_would_see_changes()
    {
        using var database = MariaDbServer.CreateDatabase();
        database.Execute(Database);
        using var connection = database.Open();
        var model = new DatabaseSchema([Items()]);

        var (operations, log) = Compare(connection, model);
        Assert.IsEmpty(operations, string.Join("\n", operations) + "\n" + string.Join("\n", log));
        Assert.IsFalse(log.Any(l => l.Contains("could not canonicalise", StringComparison.Ordinal)), string.Join("\n", log));

        var comparison = new SchemaComparison(DatabaseProviders.MySql, new ComparisonOptions());
        var textOnly = comparison.Diff(comparison.Inspect(connection), model);
        Assert.IsNotEmpty(textOnly, "without the server's forms the spellings differ: the test would not show the canonicaliser's work");
    }

    [TestMethod]
    public void A_model_in_other_spellings_autogenerates_upgrades_and_then_has_no_changes()
    {
        using var database = MariaDbServer.CreateDatabase();
        using var project = Project(database, Model);

        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "first", "--rev-id", "000000000001").Code);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Err);
        var again = project.Run("revision", "--autogenerate", "-m", "nothing", "--rev-id", "000000000002");
        Assert.AreEqual(0, again.Code, again.Err);
        if (!again.Err.Contains("No changes detected; no revision written.", StringComparison.Ordinal))
        {
            Assert.Fail("a second autogenerate found changes:\n" + File.ReadAllText(Directory.GetFiles(project.VersionsPath, "000000000002*.cs").Single()));
        }
        var check = project.Run("check");
        Assert.AreEqual(0, check.Code, check.Out + check.Err);
        Assert.DoesNotContain("could not canonicalise", check.Err);
    }

    [TestMethod]
    [DataRow("t.Check(\"q<1000\"", "t.Check(\"q<100\"", "ck_q")]
    [DataRow("t.Check(\"q != 3\"", "t.Check(\"q != 4\"", "ck_ne")]
    [DataRow("Default(\"DATE'2020-01-01'\")", "Default(\"DATE'2020-01-02'\")", "items.d")]
    [DataRow("Computed(\"((q*2))\"", "Computed(\"((q*3))\"", "twice")]
    [DataRow("Default(\"concat('a', 'b')\")", "Default(\"concat('a', 'c')\")", "items.note")]
    public void A_real_change_after_upgrade_still_shows(string from, string to, string named)
    {
        StringAssert.Contains(Model, from);
        using var database = MariaDbServer.CreateDatabase();
        using var project = Project(database, Model);
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "first", "--rev-id", "000000000001").Code);
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        Assert.AreEqual(0, project.Run("check").Code);

        project.UseModel(ModelAssembly.Compile(Model.Replace(from, to, StringComparison.Ordinal), Path.Combine(project.Directory, "Changed.dll")));
        var check = project.Run("check");
        Assert.AreEqual(1, check.Code, check.Out + check.Err);
        StringAssert.Contains(check.Out, named);
    }

    [TestMethod]
    public async Task Nothing_is_left_behind_and_an_open_transaction_is_not_committed()
    {
        using var database = MariaDbServer.CreateDatabase();
        database.Execute(Database + "CREATE TABLE marks (n INT);");
        await using var connection = database.Open();
        // A transaction the driver does not know of: the canonicaliser's statements run inside it.
        Execute(connection, "START TRANSACTION; INSERT INTO marks VALUES (1)");

        var canonicalizer = new MySqlCanonicalizer(DatabaseProviders.MySql.Renderer);
        var model = new DatabaseSchema([Items()]);
        var (forms, problem) = await canonicalizer.CanonicalizeAsync(connection, model, Unlike(model));

        Assert.IsNull(problem);
        var items = forms!.FindTable("items")!;
        Assert.AreEqual("`q` < 1000", items.CheckConstraints[0].Sql);
        Assert.AreEqual("`q` <> 3", items.CheckConstraints[1].Sql);
        Assert.AreEqual("`q` >= 0 and `q` <= 5000", items.CheckConstraints[2].Sql);
        Assert.AreEqual("'2020-01-01'", items.FindColumn("d")!.Default);
        Assert.AreEqual("current_timestamp(6)", items.FindColumn("at")!.Default);
        Assert.AreEqual("`q` * 2", items.FindColumn("twice")!.Computed);
        Assert.AreEqual(1, canonicalizer.LastRoundTripCount);
        Assert.AreEqual(1, canonicalizer.LastTemporaryTableCount);
        Assert.ThrowsExactly<MySqlConnector.MySqlException>(() => Execute(connection, "SELECT 1 FROM dm_canon_0"), "the temporary table is dropped");

        Execute(connection, "ROLLBACK");
        Assert.IsEmpty(database.Strings("SELECT n FROM marks"), "the insert before was not committed by the canonicaliser");
    }

    [TestMethod]
    public async Task An_element_the_server_refuses_falls_back_alone_with_one_log_line()
    {
        using var database = MariaDbServer.CreateDatabase();
        database.Execute(Database);
        await using var connection = database.Open();
        var items = Items();
        var model = new DatabaseSchema([items with { Columns = [.. items.Columns, new Column("v", SqlType.Int32, Nullable: true, Default: "no_such_fn()")] }]);

        var canonicalizer = new MySqlCanonicalizer(DatabaseProviders.MySql.Renderer);
        var (forms, problem) = await canonicalizer.CanonicalizeAsync(connection, model, Unlike(model));
        Assert.IsNotNull(forms, problem);
        Assert.IsNotNull(problem);
        var line = problem.Split('\n').Single();
        StringAssert.StartsWith(line, "default of items.v: ");
        Assert.AreEqual("no_such_fn()", forms.FindTable("items")!.FindColumn("v")!.Default, "the refused default keeps the model's spelling");
        Assert.AreEqual("`q` < 1000", forms.FindTable("items")!.CheckConstraints[0].Sql, "the others are the server's");
        Assert.AreEqual(3, canonicalizer.LastRoundTripCount, "the whole table; the bare columns and each element up to the refused one; the elements after it");
        Assert.ThrowsExactly<MySqlConnector.MySqlException>(() => Execute(connection, "SELECT 1 FROM dm_canon_0"), "dropped after the failure");

        // The live comparison asks about v only where the database has a v to compare it with.
        Execute(connection, "ALTER TABLE items ADD COLUMN v INT NULL DEFAULT 7");
        var (operations, log) = Compare(connection, model);
        StringAssert.StartsWith(DiffMigrate.Design.Commands.OperationText.Describe(operations.Single()), "~ column items.v");
        Assert.AreEqual($"The server could not canonicalise the model's expressions ({line}); comparing with the built-in normaliser.",
            log.Single(l => l.Contains("could not canonicalise", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task A_table_the_renderer_cannot_write_falls_back_element_by_element_and_sends_nothing_for_it()
    {
        using var database = MariaDbServer.CreateDatabase();
        await using var connection = database.Open();
        var odd = new Table(new QualifiedName(null, "odd"),
            [new Column("at", SqlType.DateTimeOffset, Default: "CURRENT_TIMESTAMP"), new Column("n", SqlType.Int32, Default: "1")],
            CheckConstraints: [new CheckConstraint("ck_odd", "n>0")]);

        var canonicalizer = new MySqlCanonicalizer(DatabaseProviders.MySql.Renderer);
        var model = new DatabaseSchema([Items(), odd]);
        var (forms, problem) = await canonicalizer.CanonicalizeAsync(connection, model, Unlike(model));

        Assert.IsNotNull(forms, problem);
        CollectionAssert.AreEqual(new[] { "default of odd.at", "default of odd.n", "check ck_odd on odd" }, problem!.Split('\n').Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]).ToList());
        Assert.AreEqual("n>0", forms.FindTable("odd")!.CheckConstraints.Single().Sql);
        Assert.AreEqual("`q` < 1000", forms.FindTable("items")!.CheckConstraints[0].Sql);
        Assert.AreEqual(1, canonicalizer.LastTemporaryTableCount, "only items was sent");
    }

    [TestMethod]
    [DataRow("1); DROP TABLE items; SELECT (1")]
    [DataRow("'\\'; DROP TABLE items; -- '")]
    [DataRow("1 /*! ; DROP TABLE items */")]
    public async Task A_fragment_that_could_end_the_statement_is_refused_not_run(string sql)
    {
        using var database = MariaDbServer.CreateDatabase();
        database.Execute(Database);
        await using var connection = database.Open();
        var model = new DatabaseSchema([Items(check: sql)]);

        var error = await Assert.ThrowsExactlyAsync<DiffMigrateException>(
            () => new MySqlCanonicalizer(DatabaseProviders.MySql.Renderer).CanonicalizeAsync(connection, model, DatabaseSchema.Empty));
        StringAssert.StartsWith(error.Message, "The model's check ck_q on items is not one SQL expression");
        CollectionAssert.AreEqual(new[] { "items" }, database.Strings("SHOW TABLES").ToList());
    }

    /// <summary>The operations the pipeline finds (as <c>check</c> and autogenerate do) and what it logged.</summary>
    private static (IReadOnlyList<MigrationOperation>, List<string>) Compare(DbConnection connection, DatabaseSchema model)
    {
        var log = new List<string>();
        var comparison = new SchemaComparison(DatabaseProviders.MySql, new ComparisonOptions(), log.Add).Compare(connection, model);
        return (comparison.Operations, log);
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static TempProject Project(MariaDbDatabase database, string model)
    {
        var project = new TempProject();
        project.Initialized(ModelAssembly.Compile(model, Path.Combine(project.Directory, "SpellingModel.dll")));
        project.Environment["DIFFMIGRATE_URL"] = "mysql:" + database.ConnectionString;
        return project;
    }
}
