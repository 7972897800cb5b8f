using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.Postgres;

/// <summary>An AlterColumn's explicit conversion (<c>usingSql:</c>) is PostgreSQL's USING; without it the server's own cast fails and rolls back.</summary>
[TestClass]
public sealed class PostgresUsingConversionTests
{
    private const string Table = "sc\"o'res; --\nt";
    private const string Col = "v\"a'l'); DROP TABLE canary; --\nc";

    [TestMethod]
    public void An_explicit_conversion_renders_as_using_and_runs_and_the_downgrade_converts_back_without_it()
    {
        var column = Quoted(Col);
        using var database = PostgresServer.CreateDatabase();
        database.Execute($"CREATE TABLE canary (x int); CREATE TABLE {Quoted(Table)} (id int PRIMARY KEY, {column} text); " +
            $"INSERT INTO {Quoted(Table)} VALUES (1, '7'), (2, 'x'), (3, NULL)");
        using var project = new TempProject().Initialized();
        project.Environment["DIFFMIGRATE_URL"] = database.Url;
        var conversion = $"CASE WHEN {column} ~ '^[0-9]+$' THEN {column}::integer ELSE -1 END";
        var path = Path.Combine(project.VersionsPath, "e1.cs");

        // Without a conversion the server's own cast refuses 'x', and nothing stays.
        File.WriteAllText(path, Revision(""));
        var (failed, _, failure) = project.Run("upgrade", "head");
        Assert.AreEqual(2, failed, failure);
        StringAssert.Contains(failure, "invalid input syntax for type integer: \"x\"");
        CollectionAssert.AreEqual(new[] { "text" }, Types(database).ToList());

        File.WriteAllText(path, Revision(", usingSql: " + Cs(conversion)));
        var (sqlCode, sql, sqlErr) = project.Run("upgrade", "head", "--sql");
        Assert.AreEqual(0, sqlCode, sqlErr);
        StringAssert.Contains(sql, $"ALTER COLUMN {column} TYPE integer USING ({conversion});");
        var (code, _, err) = project.Run("upgrade", "head");
        Assert.AreEqual(0, code, err);
        CollectionAssert.AreEqual(new[] { "integer" }, Types(database).ToList());
        Assert.AreEqual("7|-1|-1", Rows(database));
        Assert.HasCount(1, database.Strings("SELECT 1 FROM pg_tables WHERE tablename = 'canary'"));

        (code, _, err) = project.Run("downgrade", "base");
        Assert.AreEqual(0, code, err);
        CollectionAssert.AreEqual(new[] { "text" }, Types(database).ToList());
        Assert.AreEqual("7|-1|-1", Rows(database));
    }

    /// <summary>A revision that changes the column from text to integer and back (the downgrade without a conversion).</summary>
    private static string Revision(string usingSql) => $$"""
        using DiffMigrate;
        using DiffMigrate.Schema;

        [Revision("0000000000e1", Message = "convert")]
        public sealed class Convert : Migration
        {
            public override void Upgrade(Operations op) =>
                op.AlterColumn({{Cs(Table)}}, existing: Column({{Cs(Col)}}, SqlType.Text, nullable: true), column: Column({{Cs(Col)}}, SqlType.Int32, nullable: true){{usingSql}});

            public override void Downgrade(Operations op) =>
                op.AlterColumn({{Cs(Table)}}, existing: Column({{Cs(Col)}}, SqlType.Int32, nullable: true), column: Column({{Cs(Col)}}, SqlType.Text, nullable: true));
        }
        """;

    private static string Rows(TestDatabase database) =>
        string.Join("|", database.Strings($"SELECT {Quoted(Col)} FROM {Quoted(Table)} ORDER BY id"));

    private static IReadOnlyList<string> Types(TestDatabase database) =>
        database.Strings($"SELECT data_type FROM information_schema.columns WHERE table_name = {Literal(Table)} AND column_name = {Literal(Col)}");

    private static string Quoted(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Cs(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
