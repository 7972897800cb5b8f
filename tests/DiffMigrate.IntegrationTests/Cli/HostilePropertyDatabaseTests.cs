using System.Globalization;
using System.Text;
using DiffMigrate.IntegrationTests.Postgres;
using DiffMigrate.IntegrationTests.Sqlite;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Render;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Cli;

/// <summary>
/// Models whose names, comments, text defaults, enum names and values, and revision messages are drawn (seeded, so a
/// failure repeats) from an alphabet of quotes, comment and statement breakers, line terminators, control and bidi
/// characters and C# payloads go through the real CLI on SQLite and PostgreSQL: revision --autogenerate, upgrade,
/// check, downgrade. Each case either round-trips exactly (the database holds the names as drawn, check is clean,
/// downgrade leaves only the version table) or is refused with one ERROR line and nothing changed; a canary table no
/// model mentions keeps its row, no payload runs, and no output line carries a hidden character.
/// </summary>
[TestClass]
public sealed class HostilePropertyDatabaseTests
{
    private const int Seed = 20261203;
    private const int Cases = 12;

    // The unit property test's alphabet. Lone surrogates are left out here: UTF-8 cannot hold them, so no database
    // can store them; their refusal has its own test below.
    private static readonly string[] Alphabet =
    [
        "\"", "'", "`", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\\", "\\u000a", ";", "--", "/*", "*/", "//", "///",
        "\r", "\n", "\r\n", "\u0085", "\u2028", "\u2029", "\v", "\f", "\0", "\u001b", "\u001b[2J", "\u007f", "\u009b", "\t",
        "\u202e", "\u202a", "\u2066", "\u2069", "\u200e", "\u200f", "\u200b", "\ufeff", "\ud83d\ude00",
        "{", "}", "{{", "$\"{", "@\"", "\"\"\"", "#if false", "#line 1", "[assembly: System.Obsolete]", "}}} class X {",
        "System.IO.File.WriteAllText(\"pwned.txt\",\"x\");", "'); DROP TABLE canary; --", "a", "Z", "_", "0", " ", "é", "名",
    ];

    private static string Draw(Random random, int maxPieces = 12)
    {
        if (random.Next(10) == 0) return string.Concat(Enumerable.Range(0, 400).Select(_ => Alphabet[random.Next(Alphabet.Length)]));
        var text = new StringBuilder();
        for (var i = random.Next(1, maxPieces); i > 0; i--) text.Append(Alphabet[random.Next(Alphabet.Length)]);
        return text.ToString();
    }

    /// <summary>Pieces drawn while the name stays within <paramref name="bytes"/> UTF-8 bytes (PostgreSQL's limit), NUL left out.</summary>
    private static string DrawName(Random random, int bytes)
    {
        var text = new StringBuilder();
        for (var i = random.Next(1, 12); i > 0; i--)
        {
            var piece = Alphabet[random.Next(Alphabet.Length)].Replace("\0", "", StringComparison.Ordinal);
            if (Encoding.UTF8.GetByteCount(text + piece) > bytes) continue;
            text.Append(piece);
        }
        return text.ToString();
    }

    /// <summary>One drawn model. The suffixes keep the names distinct (SQLite folds ASCII case) and never empty.</summary>
    private sealed record Drawn(string Table, string Column, string Other, string Index, string Unique, string Check,
        string TableComment, string ColumnComment, string Default, string? Enum, string[] Values, string Message)
    {
        public IEnumerable<(string Role, string Text)> Parts() =>
        [
            ("table", Table), ("column", Column), ("other column", Other), ("index", Index), ("unique", Unique), ("check", Check),
            ("table comment", TableComment), ("column comment", ColumnComment), ("default", Default), ("enum", Enum ?? ""),
            .. Values.Select(v => ("enum value", v)), ("message", Message),
        ];

        public string Describe(int seed, int index) =>
            $"seed {seed.ToString(CultureInfo.InvariantCulture)} case {index.ToString(CultureInfo.InvariantCulture)}: " +
            string.Join("; ", Parts().Select(p => $"{p.Role}=\"{VisibleText.Escape(p.Text)}\""));

        public string Source()
        {
            var b = new StringBuilder("using DiffMigrate;\nusing DiffMigrate.Schema;\n\npublic sealed class Model : SchemaDefinition\n{\n    public override void Define(SchemaBuilder b)\n    {\n");
            if (Enum is not null) b.Append($"        b.Enum({Cs(Enum)}, [{string.Join(", ", Values.Select(Cs))}]);\n");
            b.Append($"        b.Table({Cs(Table)}, t =>\n        {{\n");
            b.Append("            t.Column(\"id\", SqlType.Int32).PrimaryKey();\n");
            b.Append($"            t.Column({Cs(Column)}, SqlType.Text).Nullable().Default({Cs(SqlString(Default))}).Comment({Cs(ColumnComment)});\n");
            b.Append($"            t.Column({Cs(Other)}, SqlType.Int32).Nullable();\n");
            if (Enum is not null) b.Append($"            t.Column(\"mood\", SqlType.Enum({Cs(Enum)}, {string.Join(", ", Values.Select(Cs))})).Default({Cs(SqlString(Values[0]))});\n");
            b.Append($"            t.Index({Cs(Index)}, [{Cs(Column)}]);\n");
            b.Append($"            t.Unique([{Cs(Other)}], false, {Cs(Unique)});\n");
            b.Append($"            t.Check({Cs(Quote(Other) + " > 0")}, {Cs(Check)}, exactName: true);\n");
            b.Append($"            t.Comment({Cs(TableComment)});\n");
            b.Append("        });\n    }\n}\n");
            return b.ToString();
        }
    }

    /// <summary>A SQLite model: no limit on names, but no NUL (SQLite ends a statement there) but in the message.</summary>
    private static Drawn DrawSqlite(Random random) => new(
        NoNul(Draw(random)) + "_t", NoNul(Draw(random)) + "_c", NoNul(Draw(random)) + "_o", NoNul(Draw(random)) + "_ix",
        NoNul(Draw(random)) + "_uq", NoNul(Draw(random)) + "_ck", NoNul(Draw(random)), NoNul(Draw(random)), NoNul(Draw(random)), null, [], Draw(random));

    /// <summary>A PostgreSQL model within its limits: names of at most 63 bytes, no NUL (text cannot hold it) but in the message.</summary>
    private static Drawn DrawPostgres(Random random) => new(
        DrawName(random, 61) + "_t", DrawName(random, 61) + "_c", DrawName(random, 61) + "_o", DrawName(random, 60) + "_ix",
        DrawName(random, 60) + "_uq", DrawName(random, 60) + "_ck",
        NoNul(Draw(random)), NoNul(Draw(random)), NoNul(Draw(random)),
        DrawName(random, 61).Replace(".", "", StringComparison.Ordinal) + "_e", [DrawName(random, 61) + "_1", DrawName(random, 61) + "_2"],
        Draw(random));

    private static string NoNul(string text) => text.Replace("\0", "", StringComparison.Ordinal);

    [TestMethod]
    public void Sqlite_drawn_models_round_trip_exactly_or_are_refused_in_one_line()
    {
        var random = new Random(Seed);
        var ran = 0;
        var refused = 0;
        for (var i = 0; i < Cases; i++)
        {
            var drawn = DrawSqlite(random);
            // Every fourth case puts a NUL or a lone surrogate in a name, a default or a comment: refused before anything is written.
            if (i % 4 == 3)
            {
                drawn = (i / 4 % 3) switch
                {
                    0 => drawn with { Table = drawn.Table.Insert(drawn.Table.Length / 2, "\0") },
                    1 => drawn with { Default = drawn.Default + "\ud800" },
                    _ => drawn with { Index = "\udc00" + drawn.Index },
                };
            }
            var context = drawn.Describe(Seed, i);
            using var project = new TempProject();
            project.Initialized(ModelAssembly.Compile(drawn.Source(), Path.Combine(project.Directory, "Model.dll")));
            Exclude(project, "canary");
            BatchRebuildTests.Execute(project.Database(), "CREATE TABLE canary (id INTEGER PRIMARY KEY, v TEXT); INSERT INTO canary VALUES (1, 'kept');");
            var before = SqliteSnapshot(project);

            var revision = Run(project, context, "revision", "--autogenerate", "-m", drawn.Message, "--rev-id", "000000000001");
            if (i % 4 == 3)
            {
                Assert.AreEqual(2, revision.Code, context + ": a NUL or a lone surrogate\n" + revision.Err);
                Assert.IsTrue(revision.Err.Contains("NUL", StringComparison.Ordinal) || revision.Err.Contains("lone surrogate", StringComparison.Ordinal), context + "\n" + revision.Err);
                AssertRefused(project, context, revision, () => SqliteSnapshot(project), before);
                refused++;
                continue;
            }
            Assert.AreEqual(0, revision.Code, context + "\n" + revision.Err);
            AssertRevisionFile(project, context);
            var upgrade = Run(project, context, "upgrade", "head");
            Assert.AreEqual(0, upgrade.Code, context + "\n" + upgrade.Err + "\n" + RevisionText(project));

            var tables = TempProject.Strings(project.Database(), "SELECT name FROM sqlite_schema WHERE type = 'table'");
            CollectionAssert.Contains(tables.ToList(), drawn.Table, context + ": the table under its exact name");
            CollectionAssert.Contains(TempProject.Strings(project.Database(), "SELECT name FROM sqlite_schema WHERE type = 'index'").ToList(), drawn.Index, context + ": the index");
            var columns = TempProject.Strings(project.Database(), $"SELECT name FROM pragma_table_info({SqlString(drawn.Table)})");
            CollectionAssert.AreEqual(new[] { "id", drawn.Column, drawn.Other }, columns.ToList(), context + ": the columns");
            var sql = TempProject.Strings(project.Database(), $"SELECT sql FROM sqlite_schema WHERE name = {SqlString(drawn.Table)}").Single();
            StringAssert.Contains(sql, Quote(drawn.Unique), context + ": the unique constraint's name");
            StringAssert.Contains(sql, Quote(drawn.Check), context + ": the check constraint's name");
            StringAssert.Contains(sql, SqlString(drawn.Default), context + ": the default");

            var check = Run(project, context, "check");
            Assert.AreEqual(0, check.Code, context + "\n" + check.Out + check.Err);
            var downgrade = Run(project, context, "downgrade", "base");
            Assert.AreEqual(0, downgrade.Code, context + "\n" + downgrade.Err);
            CollectionAssert.AreEqual(before, SqliteSnapshot(project).Where(r => !r.Contains("diffmigrate_version", StringComparison.Ordinal)).ToList(), context + ": only the version table is left");
            AssertNoPayloadRan(project, context);
            ran++;
        }
        Assert.AreEqual(Cases / 4, refused, "the cases with a NUL were refused");
        Assert.AreEqual(Cases - Cases / 4, ran, "every other case round-trips");
    }

    [TestMethod]
    public void Postgres_drawn_models_round_trip_exactly_or_are_refused_in_one_line()
    {
        var random = new Random(Seed + 1);
        var ran = 0;
        var refused = 0;
        for (var i = 0; i < Cases; i++)
        {
            var drawn = DrawPostgres(random);
            // Every fourth case goes over a limit: a name of 64 bytes or more, an enum value holding NUL, a comment
            // holding a lone surrogate.
            if (i % 4 == 3)
            {
                drawn = (i / 4 % 3) switch
                {
                    0 => drawn with { Table = drawn.Table + new string('x', 64) },
                    1 => drawn with { Values = [drawn.Values[0], drawn.Values[1].Insert(drawn.Values[1].Length / 2, "\0")] },
                    _ => drawn with { ColumnComment = drawn.ColumnComment + "\ud83d" },
                };
            }
            var context = drawn.Describe(Seed + 1, i);
            using var database = PostgresServer.CreateDatabase();
            using var project = new TempProject();
            project.Initialized(ModelAssembly.Compile(drawn.Source(), Path.Combine(project.Directory, "Model.dll")));
            project.Environment["DIFFMIGRATE_URL"] = database.Url;
            Exclude(project, "canary");
            database.Execute("CREATE TABLE canary (id int PRIMARY KEY, v text); INSERT INTO canary VALUES (1, 'kept');");
            var before = Snapshot(database);

            var revision = Run(project, context, "revision", "--autogenerate", "-m", drawn.Message, "--rev-id", "000000000001");
            if (i % 4 == 3)
            {
                Assert.AreEqual(2, revision.Code, context + ": over the limit\n" + revision.Err);
                AssertRefused(project, context, revision, () => Snapshot(database), before);
                refused++;
                continue;
            }
            Assert.AreEqual(0, revision.Code, context + "\n" + revision.Err);
            AssertRevisionFile(project, context);
            var upgrade = Run(project, context, "upgrade", "head");
            Assert.AreEqual(0, upgrade.Code, context + "\n" + upgrade.Err + "\n" + RevisionText(project));

            CollectionAssert.IsSubsetOf(new[] { drawn.Table, drawn.Index, drawn.Unique },
                database.Strings("SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace").ToList(), context + ": table and indexes");
            CollectionAssert.AreEqual(new[] { "id", drawn.Column, drawn.Other, "mood" },
                database.Strings($"SELECT attname FROM pg_attribute WHERE attrelid = {Regclass(drawn.Table)} AND attnum > 0 ORDER BY attnum").ToList(), context + ": columns");
            CollectionAssert.IsSubsetOf(new[] { drawn.Unique, drawn.Check },
                database.Strings($"SELECT conname FROM pg_constraint WHERE conrelid = {Regclass(drawn.Table)}").ToList(), context + ": constraints");
            CollectionAssert.AreEqual(drawn.Values, database.Strings($"SELECT enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = {SqlString(drawn.Enum!)} ORDER BY enumsortorder").ToList(), context + ": enum");
            Assert.AreEqual(drawn.TableComment, database.Strings($"SELECT obj_description({Regclass(drawn.Table)}, 'pg_class')").Single(), context + ": table comment");
            Assert.AreEqual(drawn.ColumnComment, database.Strings($"SELECT col_description({Regclass(drawn.Table)}, 2)").Single(), context + ": column comment");
            var defaultSql = database.Strings($"SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = {Regclass(drawn.Table)} AND adnum = 2").Single();
            Assert.AreEqual(drawn.Default, database.Strings("SELECT " + defaultSql).Single(), context + ": the default evaluates to the drawn text");

            var check = Run(project, context, "check");
            Assert.AreEqual(0, check.Code, context + "\n" + check.Out + check.Err);
            var downgrade = Run(project, context, "downgrade", "base");
            Assert.AreEqual(0, downgrade.Code, context + "\n" + downgrade.Err);
            CollectionAssert.AreEqual(before, Snapshot(database).Where(r => !r.Contains("diffmigrate_version", StringComparison.Ordinal)).ToList(), context + ": only the version table is left");
            AssertNoPayloadRan(project, context);
            ran++;
        }
        Assert.AreEqual(Cases / 4, refused, "the over-limit cases were refused");
        Assert.AreEqual(Cases - Cases / 4, ran, "every case within the limits round-trips");
    }

    private static string Regclass(string table) => $"{SqlString(Quote(table))}::regclass";

    [TestMethod]
    [DataRow("sqlite", "t<d800>x", "", "table 't\\ud800x' holds a lone surrogate (\\ud800)")]
    [DataRow("sqlite", "t", "'<dc00>'", "default of column 't.c' holds a lone surrogate (\\udc00)")]
    [DataRow("sqlite", "t\n\0", "", "table 't\\u000a\\u0000' holds a NUL character (\\0)")]
    [DataRow("postgres", "t<d800>x", "", "table 't\\ud800x' holds a lone surrogate (\\ud800)")]
    [DataRow("postgres", "t", "'<dc00>'", "default of column 't.c' holds a lone surrogate (\\udc00)")]
    [DataRow("postgres", "t", "'a\0'", "default of column 't.c' holds a NUL character (\\0)")]
    [DataRow("postgres", "t\r\n" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "", "table 't\\u000d\\u000axxxx")]
    public void Text_no_database_can_store_is_refused_in_one_line_naming_it_escaped(string dialect, string table, string defaultSql, string expected)
    {
        // Before the fix SQLite stored U+FFFD for a lone surrogate (check never clean), PostgreSQL failed with an
        // unexpected ObjectDisposedException (Npgsql could not encode the canonicaliser's statement), and SQLite cut a
        // statement at NUL; a name's line feed split the error over two lines. An attribute cannot hold a lone
        // surrogate (metadata is UTF-8), so the rows spell them <d800>.
        (table, defaultSql) = (Surrogates(table), Surrogates(defaultSql));
        using var project = new TempProject();
        var source = "using DiffMigrate;\nusing DiffMigrate.Schema;\npublic sealed class Model : SchemaDefinition\n{\n    public override void Define(SchemaBuilder b) =>\n" +
            $"        b.Table({Cs(table)}, t => {{ t.Column(\"id\", SqlType.Int32).PrimaryKey(); t.Column(\"c\", SqlType.Text).Nullable(){(defaultSql.Length > 0 ? $".Default({Cs(defaultSql)})" : "")}; }});\n}}\n";
        project.Initialized(ModelAssembly.Compile(source, Path.Combine(project.Directory, "Model.dll")));
        using var database = dialect == "postgres" ? PostgresServer.CreateDatabase() : null;
        if (database is not null) project.Environment["DIFFMIGRATE_URL"] = database.Url;
        Func<List<string>> snapshot = database is null ? () => File.Exists(project.Database()) ? SqliteSnapshot(project) : [] : () => Snapshot(database);
        if (database is null) BatchRebuildTests.Execute(project.Database(), "CREATE TABLE canary (id INTEGER PRIMARY KEY, v TEXT); INSERT INTO canary VALUES (1, 'kept');");
        else database.Execute("CREATE TABLE canary (id int PRIMARY KEY, v text); INSERT INTO canary VALUES (1, 'kept');");
        Exclude(project, "canary");
        var before = snapshot();
        foreach (var command in new[] { new[] { "revision", "--autogenerate", "-m", "x" }, ["check"], ["diff"] })
        {
            var result = Run(project, dialect + " " + command[0], command);
            Assert.AreEqual(2, result.Code, result.Err);
            StringAssert.Contains(result.Err, expected, command[0]);
            AssertRefused(project, command[0], result, snapshot, before);
        }
    }

    private static string Surrogates(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "<(d[89a-f][0-9a-f]{2})>", m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());

    private static List<string> Snapshot(TestDatabase database) =>
        [.. PostgresCanonicalizerInjectionTests.Snapshot(database), .. database.Strings("SELECT id || ':' || v FROM canary ORDER BY id")];

    private static List<string> SqliteSnapshot(TempProject project) =>
        [.. TempProject.Strings(project.Database(), "SELECT type || ':' || name || ':' || coalesce(sql, '') FROM sqlite_schema ORDER BY name"),
            .. TempProject.Strings(project.Database(), "SELECT id || ':' || v FROM canary ORDER BY id")];

    private static void Exclude(TempProject project, string table) => project.EditConfig("\"exclude\": []", $"\"exclude\": [\"{table}\"]");

    private static (int Code, string Out, string Err) Run(TempProject project, string context, params string[] args)
    {
        var result = project.Run(args);
        foreach (var line in result.Err.Split('\n')) Assert.IsFalse(VisibleText.NeedsEscape(line), $"{context}: a hidden character on stderr of {args[0]}: {VisibleText.Escape(line)}");
        foreach (var line in result.Out.Split('\n')) Assert.IsFalse(VisibleText.NeedsEscape(line), $"{context}: a hidden character on stdout of {args[0]}: {VisibleText.Escape(line)}");
        Assert.DoesNotContain("   at ", result.Err, context + ": no stack trace");
        if (result.Code != 0)
        {
            var lines = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.AreEqual(2, result.Code, $"{context}: {args[0]} failed other than as a refusal: {result.Err}");
            Assert.HasCount(1, lines, $"{context}: one line: {result.Err}");
            Assert.StartsWith("ERROR: ", lines[0], context);
        }
        return result;
    }

    private static void AssertRefused(TempProject project, string context, (int Code, string Out, string Err) result, Func<List<string>> snapshot, List<string> before)
    {
        Assert.AreEqual(2, result.Code, context);
        CollectionAssert.AreEqual(before, snapshot(), context + ": nothing changed in the database");
        Assert.IsEmpty(Directory.GetFiles(project.VersionsPath, "*.cs"), context + ": no revision written");
        AssertNoPayloadRan(project, context);
    }

    private static void AssertRevisionFile(TempProject project, string context)
    {
        var text = RevisionText(project);
        Assert.IsFalse(text.Any(c => VisibleText.IsLineTerminator(c) && c != '\n'), context + ": no line terminator but LF in the revision");
    }

    private static string RevisionText(TempProject project) => File.ReadAllText(Directory.GetFiles(project.VersionsPath, "*.cs").Single());

    private static void AssertNoPayloadRan(TempProject project, string context)
    {
        var found = new[] { project.Directory, Environment.CurrentDirectory, AppContext.BaseDirectory }
            .SelectMany(d => Directory.GetFiles(d, "pwned*", d == project.Directory ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly))
            .ToList();
        Assert.IsEmpty(found, context + ": the payload ran: " + string.Join(", ", found));
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string SqlString(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A C# literal for any text: every character outside printable ASCII as a \u escape.</summary>
    private static string Cs(string value)
    {
        var b = new StringBuilder("\"");
        foreach (var c in value)
        {
            b.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or > '~' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return b.Append('"').ToString();
    }
}
