using System.Diagnostics;
using DiffMigrate.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace DiffMigrate.IntegrationTests.Sqlite;

/// <summary>
/// A SQLite rebuild that changes a column's type converts only what converts without loss and otherwise fails and
/// rolls back, online and in an offline script; an explicit <c>usingSql:</c> conversion is applied as written. The
/// table and column names carry both quotes, a semicolon, SQL that would drop another table, and a line break.
/// </summary>
[TestClass]
public sealed class LosslessConversionTests
{
    private const string Table = "sc\"o'res; --\nt";
    private const string Col = "v\"a'l'); DROP TABLE canary; --\nc";

    /// <summary>The names as messages show them: on one line.</summary>
    private static readonly string ShownWhere = Table.Replace("\n", "\\n", StringComparison.Ordinal) + "." + Col.Replace("\n", "\\n", StringComparison.Ordinal);

    [TestMethod]
    public void Text_that_is_not_a_number_does_not_become_an_integer_the_run_fails_and_rolls_back()
    {
        using var project = Project("TEXT", "(1, '7'), (2, 'x'), (3, 'hello')", Revision("SqlType.Text", "SqlType.Int32"));
        var before = Snapshot(project);

        var (code, _, err) = project.Run("upgrade", "head");

        Assert.AreEqual(2, code, err);
        var error = SingleErrorLine(err);
        StringAssert.Contains(error, ShownWhere + ": the value 'x' (row 2) does not convert to INTEGER without loss");
        StringAssert.Contains(error, "usingSql:");
        StringAssert.Contains(err, "Rolled back");
        // The snapshot holds the schema too: the version table the run created is gone with the rest.
        Assert.AreEqual(before, Snapshot(project));
    }

    [TestMethod]
    public void Text_numbers_with_spaces_signs_and_a_whole_fraction_become_integers()
    {
        using var project = Project("TEXT", "(1, '1'), (2, ' 2'), (3, '3 '), (4, '+4'), (5, '5.0'), (6, NULL), (7, '-0')", Revision("SqlType.Text", "SqlType.Int32"));

        var (code, _, err) = project.Run("upgrade", "head");

        Assert.AreEqual(0, code, err);
        Assert.AreEqual("integer:1,integer:2,integer:3,integer:4,integer:5,null:,integer:0", Values(project));
        StringAssert.Contains(Declared(project), "INTEGER");
    }

    [TestMethod]
    public void A_real_with_a_fraction_does_not_become_an_integer()
    {
        using var project = Project("REAL", "(1, 4.0), (2, 3.7)", Revision("SqlType.Single", "SqlType.Int64"));
        var before = Snapshot(project);

        var (code, _, err) = project.Run("upgrade", "head");

        Assert.AreEqual(2, code, err);
        StringAssert.Contains(SingleErrorLine(err), ShownWhere + ": the value 3.7 (row 2) does not convert to BIGINT (INTEGER affinity) without loss");
        Assert.AreEqual(before, Snapshot(project));
    }

    [TestMethod]
    public void A_whole_real_becomes_an_integer()
    {
        using var project = Project("REAL", "(1, 4.0), (2, -12.0)", Revision("SqlType.Single", "SqlType.Int32"));
        var (code, _, err) = project.Run("upgrade", "head");
        Assert.AreEqual(0, code, err);
        Assert.AreEqual("integer:4,integer:-12", Values(project));
    }

    [TestMethod]
    public void An_integer_text_too_large_for_64_bits_does_not_become_an_integer()
    {
        using var project = Project("TEXT", "(1, '9223372036854775807'), (2, '99999999999999999999')", Revision("SqlType.Text", "SqlType.Int64"));
        var before = Snapshot(project);

        var (code, _, err) = project.Run("upgrade", "head");

        Assert.AreEqual(2, code, err);
        StringAssert.Contains(SingleErrorLine(err), ShownWhere + ": the value '99999999999999999999' (row 2) does not convert");
        Assert.AreEqual(before, Snapshot(project));
    }

    [TestMethod]
    public void Integers_and_reals_become_text()
    {
        using var project = Project("INTEGER", "(1, 5), (2, -3), (3, NULL), (4, 2.5)", Revision("SqlType.Int32", "SqlType.Text"));
        var (code, _, err) = project.Run("upgrade", "head");
        Assert.AreEqual(0, code, err);
        Assert.AreEqual("text:5,text:-3,null:,text:2.5", Values(project));
    }

    [TestMethod]
    public void A_real_becomes_text_that_reads_back_as_the_same_real()
    {
        using var project = Project("REAL", "(1, 0.1 + 0.2), (2, 1e300), (3, -2.5e-300)", Revision("SqlType.Double", "SqlType.Text"));
        var (code, _, err) = project.Run("upgrade", "head");
        Assert.AreEqual(0, code, err);
        Assert.AreEqual("1,1,1", BatchRebuildTests.Scalar(project.Database(),
            $"SELECT group_concat(CAST(v AS REAL) = (CASE id WHEN 1 THEN 0.1 + 0.2 WHEN 2 THEN 1e300 ELSE -2.5e-300 END), ',') FROM (SELECT id, {Quoted(Col)} AS v FROM {Quoted(Table)} ORDER BY id)"));
        Assert.AreEqual("text", BatchRebuildTests.Scalar(project.Database(), $"SELECT DISTINCT typeof({Quoted(Col)}) FROM {Quoted(Table)}"));
    }

    [TestMethod]
    public void A_type_change_within_one_affinity_converts_nothing_and_checks_nothing()
    {
        // SQLite kept 'n/a' in the INTEGER column when it was written; the rebuild neither converts nor judges it.
        using var project = Project("INTEGER", "(1, 5), (2, 'n/a')", Revision("SqlType.Int32", "SqlType.Int64"));
        var (code, _, err) = project.Run("upgrade", "head");
        Assert.AreEqual(0, code, err);
        Assert.AreEqual("integer:5,text:n/a", Values(project));
        StringAssert.Contains(Declared(project), "BIGINT");
    }

    [TestMethod]
    public void A_blob_does_not_become_text()
    {
        using var project = Project("BLOB", "(1, 'plain'), (2, X'00FF')", Revision("SqlType.Binary()", "SqlType.Text"));
        var before = Snapshot(project);

        var (code, _, err) = project.Run("upgrade", "head");

        Assert.AreEqual(2, code, err);
        StringAssert.Contains(SingleErrorLine(err), ShownWhere + ": the value X'00FF' (row 2) does not convert to TEXT without loss");
        Assert.AreEqual(before, Snapshot(project));
    }

    [TestMethod]
    public void Text_that_is_not_a_number_becomes_a_real_only_when_it_is_one()
    {
        using var project = Project("TEXT", "(1, '2.5'), (2, '7')", Revision("SqlType.Text", "SqlType.Double"));
        var (code, _, err) = project.Run("upgrade", "head");
        Assert.AreEqual(0, code, err);
        Assert.AreEqual("real:2.5,real:7.0", Values(project));

        using var failing = Project("TEXT", "(1, '2.5'), (2, '2,5')", Revision("SqlType.Text", "SqlType.Double"));
        var (failed, _, failure) = failing.Run("upgrade", "head");
        Assert.AreEqual(2, failed, failure);
        StringAssert.Contains(SingleErrorLine(failure), ": the value '2,5' (row 2) does not convert to DOUBLE (REAL affinity) without loss");
    }

    [TestMethod]
    public void Dates_stay_text_in_a_datetime_column()
    {
        // DATETIME has NUMERIC affinity by its name, yet SQLite's date functions read text: text is no loss there.
        using var project = Project("TEXT", "(1, '2026-12-01 01:20:00'), (2, NULL)", Revision("SqlType.Text", "SqlType.DateTime"));
        var (code, _, err) = project.Run("upgrade", "head");
        Assert.AreEqual(0, code, err);
        Assert.AreEqual("text:2026-12-01 01:20:00,null:", Values(project));
    }

    [TestMethod]
    public void An_explicit_conversion_is_applied_as_written_and_not_checked()
    {
        var column = "\"" + Col.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        using var project = Project("TEXT", "(1, '7'), (2, 'x'), (3, 'hello'), (4, ' 12 ')",
            Revision("SqlType.Text", "SqlType.Int32", $"CASE WHEN trim({column}) GLOB '[0-9]*' THEN CAST({column} AS INTEGER) ELSE -1 END"));

        var (code, _, err) = project.Run("upgrade", "head");

        Assert.AreEqual(0, code, err);
        Assert.AreEqual("integer:7,integer:-1,integer:-1,integer:12", Values(project));
        Assert.AreEqual("1", BatchRebuildTests.Scalar(project.Database(), "SELECT count(*) FROM sqlite_schema WHERE name = 'canary'"));
    }

    [TestMethod]
    public void An_offline_script_stops_at_the_check_and_commits_nothing()
    {
        using var project = OfflineProject();
        Execute(project, $"INSERT INTO {Quoted(Table)} (id, {Quoted(Col)}) VALUES (1, '7'), (2, 'hello')");
        var before = Snapshot(project);
        var (code, sql, err) = project.Run("upgrade", "0000000000d1:head", "--sql");
        Assert.AreEqual(0, code, err);
        StringAssert.Contains(sql, "RAISE(ABORT, 'DiffMigrate: ");

        var failure = Assert.ThrowsExactly<SqliteException>(() => RunScript(project.Database(), sql));

        Assert.AreEqual(19, failure.SqliteErrorCode, failure.Message);
        StringAssert.Contains(failure.Message, "'DiffMigrate: " + ShownWhere + ": a value does not convert to INTEGER without loss");
        Assert.AreEqual(before, Snapshot(project));
        CollectionAssert.AreEqual(new[] { "0000000000d1" }, project.VersionRows().ToList());
    }

    [TestMethod]
    public void An_offline_script_stops_under_the_sqlite3_shell_with_bail()
    {
        using var project = OfflineProject();
        Execute(project, $"INSERT INTO {Quoted(Table)} (id, {Quoted(Col)}) VALUES (1, 'hello')");
        var before = Snapshot(project);
        var (_, sql, _) = project.Run("upgrade", "0000000000d1:head", "--sql");

        var (exit, _, stderr) = Shell(project.Database(), sql);

        Assert.AreNotEqual(0, exit);
        StringAssert.Contains(stderr, "DiffMigrate: " + ShownWhere + ": a value does not convert to INTEGER without loss");
        Assert.AreEqual(before, Snapshot(project));
        CollectionAssert.AreEqual(new[] { "0000000000d1" }, project.VersionRows().ToList());
    }

    [TestMethod]
    public void An_offline_script_whose_values_convert_commits_them_and_leaves_no_trigger()
    {
        using var project = OfflineProject();
        Execute(project, $"INSERT INTO {Quoted(Table)} (id, {Quoted(Col)}) VALUES (1, '7'), (2, ' 8')");
        var (code, sql, err) = project.Run("upgrade", "0000000000d1:head", "--sql");
        Assert.AreEqual(0, code, err);

        using var connection = Open(project.Database());
        using (var command = connection.CreateCommand())
        {
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT count(*) FROM sqlite_temp_schema";
            Assert.AreEqual(0L, command.ExecuteScalar(), "the script left its TEMP trigger behind");
        }
        Assert.AreEqual("integer:7,integer:8", Values(project));
        CollectionAssert.AreEqual(new[] { "0000000000d2" }, project.VersionRows().ToList());
    }

    private const string Usings = "using DiffMigrate;\nusing DiffMigrate.Schema;\n\n";

    /// <summary>A revision that creates the table (so that an offline script knows it) and one that changes the column's type.</summary>
    private static TempProject OfflineProject()
    {
        var project = new TempProject().Initialized();
        File.WriteAllText(Path.Combine(project.VersionsPath, "d1.cs"), Usings + $$"""
            [Revision("0000000000d1", Message = "create")]
            public sealed class Create : Migration
            {
                public override void Upgrade(Operations op) =>
                    op.CreateTable({{Cs(Table)}}, Column("id", SqlType.Int32, identity: new Identity()), Column({{Cs(Col)}}, SqlType.Text, nullable: true), PrimaryKey("pk_t", "id"));
                public override void Downgrade(Operations op) => op.DropTable({{Cs(Table)}});
            }
            """);
        File.WriteAllText(Path.Combine(project.VersionsPath, "d2.cs"), Usings + $$"""
            [Revision("0000000000d2", "0000000000d1", Message = "alter")]
            public sealed class Alter : Migration
            {
                public override void Upgrade(Operations op) => op.BatchAlterTable({{Cs(Table)}}, batch =>
                    batch.AlterColumn(existing: Column({{Cs(Col)}}, SqlType.Text, nullable: true), column: Column({{Cs(Col)}}, SqlType.Int32, nullable: true)));
                public override void Downgrade(Operations op) { }
            }
            """);
        var (code, _, err) = project.Run("upgrade", "0000000000d1");
        Assert.AreEqual(0, code, err);
        Execute(project, "CREATE TABLE canary (x)");
        return project;
    }

    private static string Revision(string from, string to, string? usingSql = null) => Usings + $$"""
        [Revision("0000000000b1", Message = "convert")]
        public sealed class Convert : Migration
        {
            public override void Upgrade(Operations op) => op.BatchAlterTable({{Cs(Table)}}, batch =>
                batch.AlterColumn(existing: Column({{Cs(Col)}}, {{from}}, nullable: true), column: Column({{Cs(Col)}}, {{to}}, nullable: true){{(usingSql is null ? "" : ", usingSql: " + Cs(usingSql))}}));

            public override void Downgrade(Operations op) { }
        }
        """;

    private static TempProject Project(string type, string rows, string revision)
    {
        var project = new TempProject().Initialized();
        File.WriteAllText(Path.Combine(project.VersionsPath, "0000000000b1_convert.cs"), revision);
        Execute(project, $"CREATE TABLE canary (x); CREATE TABLE {Quoted(Table)} (id INTEGER PRIMARY KEY, {Quoted(Col)} {type}); " +
            $"INSERT INTO {Quoted(Table)} (id, {Quoted(Col)}) VALUES {rows};");
        return project;
    }

    /// <summary>Every definition and every row of the table, exactly (quote() keeps the storage class).</summary>
    private static string Snapshot(TempProject project) =>
        BatchRebuildTests.Scalar(project.Database(), "SELECT group_concat(type || ' ' || name || ': ' || sql, '\n') FROM (SELECT * FROM sqlite_schema ORDER BY name)") + "\n" +
        BatchRebuildTests.Scalar(project.Database(), $"SELECT group_concat(id || '=' || quote({Quoted(Col)}), ',') FROM (SELECT * FROM {Quoted(Table)} ORDER BY id)");

    private static string Values(TempProject project) =>
        BatchRebuildTests.Scalar(project.Database(), $"SELECT group_concat(typeof(v) || ':' || coalesce(v, ''), ',') FROM (SELECT {Quoted(Col)} AS v FROM {Quoted(Table)} ORDER BY id)");

    private static string Declared(TempProject project) =>
        BatchRebuildTests.Scalar(project.Database(), $"SELECT type FROM pragma_table_info({Literal(Table)}) WHERE name = {Literal(Col)}");

    private static string SingleErrorLine(string err)
    {
        var lines = err.Split('\n').Where(l => l.StartsWith("ERROR", StringComparison.Ordinal)).ToList();
        Assert.HasCount(1, lines, err);
        return lines[0];
    }

    private static void Execute(TempProject project, string sql) => BatchRebuildTests.Execute(project.Database(), sql);

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>The script on one connection, statement after statement, stopping at the first error (as sqlite3 -bail); closing the connection rolls back what is not committed.</summary>
    private static void RunScript(string database, string sql)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static (int Exit, string Out, string Err) Shell(string database, string sql)
    {
        var sqlite3 = new[] { "/usr/bin/sqlite3", "/usr/local/bin/sqlite3" }.FirstOrDefault(File.Exists);
        if (sqlite3 is null) Assert.Inconclusive("No sqlite3 shell on this machine.");
        var start = new ProcessStartInfo(sqlite3!, ["-bail", database])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(sql);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }

    private static string Quoted(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A C# string literal.</summary>
    private static string Cs(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
