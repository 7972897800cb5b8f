using DiffMigrate.Inspect;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Schema;

namespace DiffMigrate.IntegrationTests.Postgres;

/// <summary>
/// Constant defaults compared as values by the server: the database's spelling and the model's compare the same
/// when the server stores the same text of the column's type, in the canonicaliser's one round trip; defaults that
/// could call a function are never evaluated; a default-only change is described as one; the revision converges;
/// and no default text, however hostile, gets a statement of its own.
/// </summary>
[TestClass]
public sealed class PostgresValueDefaultTests
{
    /// <summary>A column per case: its definition in the database, the model's C#, and the description (null: the same).</summary>
    private static readonly (string Column, string Database, string Model, string? Expected)[] Cases =
    [
        ("a", "double precision DEFAULT 5", """SqlType.Double).Nullable().Default("5.0")""", null),
        ("b", "numeric(10,2) DEFAULT 0", """SqlType.Decimal(10, 2)).Nullable().Default("0.00")""", null),
        ("c", "text[] DEFAULT '{}'", """SqlType.Raw("text[]")).Nullable().Default("ARRAY[]::text[]")""", null),
        ("d", "date DEFAULT '2020-1-1'", """SqlType.Date).Nullable().Default("'2020-01-01'")""", null),
        ("e", "interval DEFAULT '1 day'", """SqlType.Raw("interval")).Nullable().Default("'24 hours'")""", "default '1 day'::interval -> '24 hours'"),
        ("f", "json DEFAULT '{\"a\":1}'", """SqlType.Raw("json")).Nullable().Default("'{\"a\": 1}'")""", "default '{\"a\":1}'::json -> '{\"a\": 1}'"),
        ("g", "jsonb DEFAULT '{\"a\":1}'", """SqlType.Json).Nullable().Default("'{\"a\": 1}'")""", null),
        ("h", "boolean DEFAULT 't'", """SqlType.Boolean).Nullable().Default("true")""", null),
        ("i", "timestamp DEFAULT '2020-01-01 10:00'", """SqlType.DateTime).Nullable().Default("TIMESTAMP '2020-01-01 10:00:00'")""", null),
        ("j", "numeric DEFAULT 0", """SqlType.Decimal()).Nullable().Default("0.00")""", "default 0 -> 0.00"),
        // bytea takes no length on PostgreSQL: a default-only change names no type.
        ("k", "bytea DEFAULT '\\x01'", """SqlType.Binary(16)).Nullable().Default("'\\x02'")""", "default '\\x01'::bytea -> '\\x02'"),
        // Never evaluated: a sequence does not roll back, so a nextval the comparison ran would show.
        ("n", "bigint DEFAULT nextval('v_s')", """SqlType.Int64).Nullable().Default("nextval('v_s')")""", null),
        ("u", "bigint DEFAULT bump()", """SqlType.Int64).Nullable().Default("public.bump()")""", null),
        ("r", "double precision DEFAULT random()", """SqlType.Double).Nullable().Default("random()")""", null),
    ];

    private const string Setup = "CREATE SEQUENCE v_s; CREATE FUNCTION bump() RETURNS bigint LANGUAGE sql VOLATILE AS 'SELECT nextval(''v_s'')';";

    private static string Table => $"CREATE TABLE v (id int CONSTRAINT v_pkey PRIMARY KEY, {string.Join(", ", Cases.Select(c => $"{c.Column} {c.Database}"))});";

    [TestMethod]
    public void Check_compares_constant_defaults_as_values_describes_the_real_changes_and_converges()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute(Setup + Table);
        // bump() is compared too (functions are managed): the model declares it.
        var model = "b.Sequence(\"v_s\");\nb.Function(\"bump\", \"\", \"CREATE FUNCTION bump() RETURNS bigint LANGUAGE sql VOLATILE AS 'SELECT nextval(''v_s'')'\");\nb.Table(\"v\", t => { t.Column(\"id\", SqlType.Int32); t.PrimaryKey([\"id\"], \"v_pkey\"); " +
            string.Concat(Cases.Select(c => $"t.Column(\"{c.Column}\", {c.Model}; ")) + "});";
        using var project = Project(database, model);

        var (code, output, err) = project.Run("check");
        Assert.AreEqual(1, code, output + err);
        var lines = output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('~') || l.StartsWith('+') || l.StartsWith('-')).ToList();
        var expected = Cases.Where(c => c.Expected is not null).Select(c => $"~ column v.{c.Column}: {c.Expected}").ToList();
        CollectionAssert.AreEquivalent(expected, lines, output);
        Assert.AreEqual("1|f", Sequence(database), "no default that calls a function was evaluated");

        var revision = project.Run("revision", "--autogenerate", "-m", "values", "--rev-id", "00000000va01");
        Assert.AreEqual(0, revision.Code, revision.Out + revision.Err);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Out + upgrade.Err);
        var clean = project.Run("check");
        Assert.AreEqual(0, clean.Code, clean.Out + clean.Err);
        // The defaults found the same kept the database's spelling; the different ones took the model's.
        Assert.AreEqual("5", Default(database, "a"));
        Assert.AreEqual("'24:00:00'::interval", Default(database, "e"));
        Assert.AreEqual("1|f", Sequence(database), "nor by the upgrade or the checks after it");
    }

    [TestMethod]
    public async Task The_server_answers_in_the_same_round_trip_and_the_model_takes_the_database_spelling()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute(Setup + Table);
        await using var connection = database.Open();
        var inspected = await new PostgresInspector().InspectAsync(connection, new InspectOptions());
        var existing = inspected.FindTable(new QualifiedName(null, "v")) ?? inspected.Tables.Single(t => t.Name.Name == "v");
        var model = new DatabaseSchema([existing with
        {
            Columns = [.. existing.Columns.Select(c => c.Name switch
            {
                "a" => c with { Default = "5.0" },
                "b" => c with { Default = "0.00" },
                "d" => c with { Default = "DATE '2020-01-01'" },
                "e" => c with { Default = "'24 hours'" },
                "g" => c with { Default = "'{\"a\": 1}'::jsonb" },
                "n" => c with { Default = "nextval('v_s')" },
                _ => c,
            })],
        }]);
        var canonicalizer = new PostgresModelCanonicalizer();
        var (forms, problem) = await canonicalizer.CanonicalizeAsync(connection, model, inspected);
        Assert.IsNull(problem);
        Assert.AreEqual(1, canonicalizer.LastRoundTripCount);
        var table = forms!.Tables.Single();
        foreach (var name in new[] { "a", "b", "d", "g" }) Assert.AreEqual(existing.FindColumn(name)!.Default, table.FindColumn(name)!.Default, name);
        Assert.AreEqual("'24:00:00'::interval", table.FindColumn("e")!.Default, "the server's spelling of a different value");
        Assert.AreEqual("nextval('v_s')", table.FindColumn("n")!.Default, "settled by the text rules (the cast they strip): not asked");
        Assert.AreEqual("1|f", Sequence(database));
        Assert.IsEmpty(database.Strings("SELECT relname FROM pg_class WHERE relname LIKE 'dm_%'"), "rolled back");
    }

    [TestMethod]
    public async Task An_element_that_falls_back_leaves_the_value_answers_of_the_others()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute(Setup + Table);
        await using var connection = database.Open();
        var inspected = await new PostgresInspector().InspectAsync(connection, new InspectOptions());
        var existing = inspected.Tables.Single(t => t.Name.Name == "v");
        // A check on a function the database lacks (an extension's, say) falls back alone, in two more round trips.
        var model = new DatabaseSchema([existing with
        {
            Columns = [.. existing.Columns.Select(c => c.Name == "a" ? c with { Default = "5.0" } : c.Name == "e" ? c with { Default = "'24 hours'" } : c)],
            CheckConstraints = [new CheckConstraint("v_ck", "missing_function(a) > 0")],
        }]);
        var canonicalizer = new PostgresModelCanonicalizer();
        var (forms, problem) = await canonicalizer.CanonicalizeAsync(connection, model, inspected);
        StringAssert.Contains(problem, "check v_ck on table v");
        Assert.AreEqual(3, canonicalizer.LastRoundTripCount);
        var table = forms!.Tables.Single();
        Assert.AreEqual(existing.FindColumn("a")!.Default, table.FindColumn("a")!.Default);
        Assert.AreEqual("'24:00:00'::interval", table.FindColumn("e")!.Default);
        Assert.AreEqual("missing_function(a) > 0", table.CheckConstraints.Single().Sql, "the model's spelling");
    }

    /// <summary>
    /// (column type, model default, database default, outcome): "same" is a value the server finds the same (the model
    /// takes the database's spelling, which the server prints differently: a constructor against a literal), "kept"
    /// compares as the server prints it, "error" is the model's error, naming the default.
    /// </summary>
    private static readonly (string Type, string Model, string Database, string Outcome)[] Hostile =
    [
        ("text[]", "ARRAY['x''); DROP TABLE victim; --']", "'{\"x''); DROP TABLE victim; --\"}'", "same"),
        ("text[]", "ARRAY[E'\\'; DROP TABLE victim; --']", "'{\"''; DROP TABLE victim; --\"}'", "same"),
        ("text[]", "ARRAY['a\u2028b', 'c\u2029d']", "'{a\u2028b,c\u2029d}'", "same"),
        ("text[]", "ARRAY[E'a\\u2028b\\r\\n']", "E'{\"a\u2028b\\r\\n\"}'", "same"),
        ("text[]", "ARRAY['a' /* ; DROP TABLE victim */]", "'{a}'", "kept"),
        ("text[]", "ARRAY[$$a$$]", "'{a}'", "kept"),
        ("text", "$q$a'; DROP TABLE victim; --$q$", "'a''; DROP TABLE victim; --'", "kept"),
        ("text", "'a' || E'\\u2029\\r\\n'", "'a'", "kept"),
        ("text", "'a'); DROP TABLE victim; --", "'a'", "error"),
        ("text", "'a\\'; DROP TABLE victim; --", "'a'", "error"),
        ("text", "$$a$$; DROP TABLE victim", "'a'", "error"),
        ("text", "'a' -- ); DROP TABLE victim", "'a'", "error"),
        ("text", "'a'\u2028; DROP TABLE victim", "'a'", "error"),
        ("text", "('a')::text) IS NOT DISTINCT FROM (('b'", "'a'", "error"),
    ];

    [TestMethod]
    public async Task No_default_text_gets_a_statement_of_its_own()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute("CREATE TABLE victim (id int PRIMARY KEY); INSERT INTO victim VALUES (42);");
        await using var connection = database.Open();
        foreach (var (type, model, existing, outcome) in Hostile)
        {
            var context = $"{model} vs {existing}";
            database.Execute($"DROP TABLE IF EXISTS h; CREATE TABLE h (id int PRIMARY KEY, t {type} DEFAULT {existing});");
            var inspected = await new PostgresInspector().InspectAsync(connection, new InspectOptions());
            var table = inspected.Tables.Single(t => t.Name.Name == "h");
            var schema = new DatabaseSchema([table with { Columns = [.. table.Columns.Select(c => c.Name == "t" ? c with { Default = model } : c)] }]);
            var canonicalizer = new PostgresModelCanonicalizer();
            DatabaseSchema? forms = null;
            DiffMigrateException? error = null;
            try
            {
                (forms, var problem) = await canonicalizer.CanonicalizeAsync(connection, schema, inspected);
                Assert.IsNull(problem, context);
            }
            catch (DiffMigrateException e)
            {
                error = e;
            }
            Assert.AreEqual("42", database.Strings("SELECT id FROM victim").Single(), context);
            Assert.IsEmpty(database.Strings("SELECT relname FROM pg_class WHERE relname LIKE 'dm_%'"), context);
            var stored = table.FindColumn("t")!.Default;
            switch (outcome)
            {
                case "error":
                    Assert.IsNotNull(error, context);
                    StringAssert.Contains(error.Message, "default of column h.t", context);
                    Assert.DoesNotContain("\n", error.Message.Trim(), context);
                    break;
                case "same":
                    Assert.IsNull(error, context + ": " + error?.Message);
                    Assert.AreEqual(stored, forms!.Tables.Single().FindColumn("t")!.Default, context);
                    break;
                default:
                    Assert.IsNull(error, context + ": " + error?.Message);
                    Assert.IsNotNull(forms!.Tables.Single().FindColumn("t")!.Default, context);
                    break;
            }
        }
    }

    private static TempProject Project(TestDatabase database, string body) => ModelProject.For(body, database);

    /// <summary>last_value|is_called of the sequence v_s: 1|f while nothing ever called nextval.</summary>
    private static string Sequence(TestDatabase database) => database.Strings("SELECT last_value || '|' || CASE WHEN is_called THEN 't' ELSE 'f' END FROM v_s").Single();

    private static string Default(TestDatabase database, string column) => database.Strings(
        $"SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = 'v'::regclass AND a.attname = '{column}'").Single();
}
