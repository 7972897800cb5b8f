using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.Postgres;

/// <summary>
/// The canonicaliser creates the model's views in a transaction it rolls back: nothing in a view's name, query or
/// index gets out of it. A query that is more than one statement is one error line naming the view; a name is quoted.
/// </summary>
[TestClass]
public sealed class PostgresViewInjectionTests
{
    private const string Escape = "COMMIT; DROP TABLE victim; ";

    private static readonly (string Where, string Model, string Element)[] Payloads =
    [
        ("view query", $$"""b.View("v", "SELECT 1 AS a; {{Escape}}SELECT 1");""", "view v"),
        ("view query, parenthesis", $$"""b.View("v", "SELECT (1) AS a); {{Escape}}SELECT (1");""", "view v"),
        ("view query, dollar quote", $$"""b.View("v", "SELECT $x$ AS a; {{Escape}}");""", "view v"),
        ("materialized view query", $$"""b.MaterializedView("m", "SELECT 1 AS a WITH NO DATA; {{Escape}}SELECT 1");""", "materializedView m"),
        ("materialized view index", $$"""b.MaterializedView("m", "SELECT 1 AS a", new TableIndex("m_a", ["a)); {{Escape}}CREATE INDEX zz ON victim ((id"], Expressions: [true]));""", "index m_a on materializedView m"),
        ("materialized view index filter", $$"""b.MaterializedView("m", "SELECT 1 AS a", new TableIndex("m_a", ["a"], Filter: "a > 0; {{Escape}}SELECT 1"));""", "index m_a on materializedView m"),
    ];

    [TestMethod]
    public void A_payload_in_a_view_changes_nothing_and_fails_naming_the_view()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute("CREATE TABLE victim (id int PRIMARY KEY); INSERT INTO victim VALUES (42);");
        var before = PostgresCanonicalizerInjectionTests.Snapshot(database);
        foreach (var (where, line, element) in Payloads)
        {
            using var project = ModelProject.For(Victim + line, database);
            foreach (var command in new[] { new[] { "check" }, ["diff"], ["revision", "--autogenerate", "-m", "x"] })
            {
                var (code, output, err) = project.Run(command);
                var context = $"{where}, {string.Join(" ", command)}: {output}{err}";
                Assert.AreEqual(2, code, context);
                var errors = err.Split('\n').Where(l => l.StartsWith("ERROR:", StringComparison.Ordinal)).ToList();
                Assert.HasCount(1, errors, context);
                StringAssert.Contains(errors[0], element, context);
                CollectionAssert.AreEqual(before, PostgresCanonicalizerInjectionTests.Snapshot(database), context);
                Assert.IsEmpty(Directory.Exists(project.VersionsPath) ? Directory.GetFiles(project.VersionsPath, "*.cs") : [], context);
            }
        }
        Assert.AreEqual("42", database.Strings("SELECT id::text FROM victim").Single());
    }

    [TestMethod]
    public void A_name_is_quoted_and_a_view_over_a_table_of_its_name_falls_back_without_touching_it()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute("CREATE TABLE victim (id int PRIMARY KEY); INSERT INTO victim VALUES (42); CREATE VIEW keep AS SELECT id FROM victim;");
        var before = PostgresCanonicalizerInjectionTests.Snapshot(database);
        var models = new[]
        {
            Victim + $$"""b.View("x\"; {{Escape}}--", "SELECT id FROM victim"); b.View("keep", "SELECT id FROM victim");""",
            // A view of the table's name: the canonicaliser does not drop the table to make room, the view falls back.
            Victim.Replace("victim", "other", StringComparison.Ordinal) + """b.View("victim", "SELECT 1 AS id"); b.View("keep", "SELECT id FROM victim");""",
        };
        foreach (var model in models)
        {
            using var project = ModelProject.For(model, database);
            var (code, output, err) = project.Run("check");
            Assert.AreEqual(1, code, output + err);
            CollectionAssert.AreEqual(before, PostgresCanonicalizerInjectionTests.Snapshot(database), output + err);
        }
        Assert.AreEqual("42", database.Strings("SELECT id::text FROM keep").Single());
    }

    private const string Victim = """b.Table("victim", t => { t.Column("id", SqlType.Int32); t.PrimaryKey(["id"], "victim_pkey"); });""" + "\n";
}
