using System.Text.Json;
using DiffMigrate.Design.Scripts;
using DiffMigrate.Migrations;
using DiffMigrate.Providers;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Render;
using DiffMigrate.Render.CSharp;
using DiffMigrate.Design.Commands;
using DiffMigrate.Runner.Revisions;
using DiffMigrate.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DiffMigrate.Tests.Render;

/// <summary>
/// Text from a database or the command line can never become code in a generated file: each hostile string is put in
/// every place a revision or a scaffolded model carries text, and the file is parsed with Roslyn, which must find no
/// error and no code but the operation calls (a <c>//</c> comment ends at CR, LF, U+0085, U+2028 and U+2029).
/// </summary>
[TestClass]
public sealed class EmitterSafetyTests
{
    private const string Payload = "System.IO.File.WriteAllText(\"pwned.txt\",\"x\");//";

    /// <summary>What precedes the payload: every C# line terminator, and the characters that end literals or comments.</summary>
    public static IEnumerable<object[]> Breakers =>
    [
        ["\r"], ["\n"], ["\r\n"], ["\u0085"], ["\u2028"], ["\u2029"], ["*/"], ["\""], ["\\"], ["\0"], ["\u001b"], ["\u202e"],
    ];

    private static readonly DateTimeOffset Date = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    internal static IReadOnlyList<MigrationOperation> HostileOperations(string h)
    {
        var enumType = new EnumType(new QualifiedName("s" + h, "mood" + h), ["happy" + h, "sad" + h]);
        var table = new Table(
            new QualifiedName("schema" + h, "table" + h),
            [
                new Column("id" + h, SqlType.Int64),
                new Column("col" + h, SqlType.String(20), Nullable: true, Default: "'d" + h + "'", Comment: "comment" + h, Collation: "coll" + h),
                new Column("mood" + h, SqlType.Enum("mood" + h, "happy" + h, "sad" + h)),
                new Column("raw" + h, SqlType.Raw("raw" + h), Computed: "computed" + h),
            ],
            new PrimaryKey("pk" + h, ["id" + h]),
            ForeignKeys: [new ForeignKey("fk" + h, ["col" + h], new QualifiedName("o" + h, "other" + h), ["k" + h])],
            Indexes: [new TableIndex("ix" + h, ["lower(col" + h + ")", "col" + h], Filter: "f" + h, Expressions: [true, false], Method: "m" + h, Include: ["raw" + h])],
            UniqueConstraints: [new UniqueConstraint("uq" + h, ["col" + h])],
            CheckConstraints: [new CheckConstraint("ck" + h, "check" + h)],
            Comment: "table comment" + h);
        var batch = new BatchAlterTable(table.Name,
        [
            new AddColumn(table.Name, new Column("added" + h, SqlType.Text, Default: "'v" + h + "'")),
            new RenameColumn(table.Name, "raw" + h, "new" + h),
        ], CopyFrom: table);
        return
        [
            new CreateEnum(enumType),
            new AddEnumValue(enumType.Name, "value" + h, ["happy" + h, "sad" + h]),
            new CreateTable(table),
            new CreateIndex(table.Name, new TableIndex("ix2" + h, ["col" + h])),
            new AddCheckConstraint(table.Name, new CheckConstraint("ck2" + h, "x > 0" + h)),
            new AlterTableComment(table.Name, "new comment" + h, "old comment" + h),
            new RenameTable(table.Name, "renamed" + h),
            batch,
            new ExecuteSql("SELECT 1; --" + h, "SELECT 2 /*" + h),
            new BulkInsert(table.Name, ["col" + h], [(EquatableArray<object?>)new object?[] { "row" + h }]),
            new DropTable(table with { Name = "dropped" + h }),
        ];
    }

    internal static RevisionSource HostileRevision(string h) =>
        new("ae1027a6acf0", ["1975ea83b712" + h], "message" + h, Date, HostileOperations(h),
            OperationReverser.ReverseAll(HostileOperations(h).Where(o => o is not BulkInsert).ToList()),
            BranchLabels: ["label" + h], DependsOn: ["dep" + h])
        {
            Notes = ["DM101 error table" + h + ": drops table" + h, "did you rename" + h + "?"],
        };

    /// <summary>
    /// The hostile revision with plain ids and labels: the script reader refuses hostile ones (they cannot be stored in
    /// the version table), so a revision that is to be read back carries its hostile text everywhere else.
    /// </summary>
    internal static RevisionSource LoadableHostileRevision(string h) =>
        HostileRevision(h) with { DownRevisions = ["1975ea83b712"], BranchLabels = ["label"], DependsOn = ["dep"] };

    [TestMethod]
    [DynamicData(nameof(Breakers))]
    public void A_revision_carries_hostile_text_only_as_literals_and_comments(string breaker)
    {
        var text = RevisionWriter.Write(HostileRevision(breaker + Payload));
        AssertOnlyOperationCalls(text);
    }

    [TestMethod]
    [DynamicData(nameof(Breakers))]
    public void A_scaffolded_model_carries_hostile_text_only_as_literals_and_comments(string breaker)
    {
        var schema = HostileSchema(breaker + Payload);
        var (builder, _) = ModelWriter.Write(schema, "Adopted");
        AssertOnlyModelCode(builder);
        var (files, _) = ModelWriter.WriteEntities(schema, "Adopted", PostgresDialect.Instance);
        Assert.IsGreaterThan(1, files.Count, "an entity class per plain table, and the builder for the rest");
        foreach (var (file, source) in files)
        {
            Assert.IsTrue(CSharpText.Namespace(Path.GetFileNameWithoutExtension(file)) is not null, file);
            AssertOnlyModelCode(source);
        }
        AssertCompiles(files.Select(f => f.Source));
        AssertCompiles([builder]);
    }

    [TestMethod]
    public void Every_hostile_text_survives_a_compiled_round_trip_exactly()
    {
        var hostile = string.Concat(Breakers.Select(b => (string)b[0])) + Payload;
        var source = LoadableHostileRevision(hostile);
        var text = RevisionWriter.Write(source);
        var dir = Directory.CreateTempSubdirectory("diffmigrate-emitter-");
        try
        {
            var path = Path.Combine(dir.FullName, source.Id + ".cs");
            File.WriteAllText(path, text);
            var header = ScriptDirectory.ReadHeader(path, text);
            Assert.AreEqual(source.Message, header.Message, "the message comes back from the attribute exactly");
            CollectionAssert.AreEqual(source.BranchLabels!.ToList(), header.BranchLabels.ToList());
            var migration = new ScriptCompiler(Path.Combine(dir.FullName, "cache")).Load([header])[source.Id];
            var op = new Operations();
            migration.Upgrade(op);
            CollectionAssert.AreEqual(source.Upgrade.ToList(), op.Recorded.ToList());
            Assert.IsFalse(File.Exists(Path.Combine(dir.FullName, "pwned.txt")) || File.Exists("pwned.txt"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [TestMethod]
    public void A_comment_line_escapes_every_line_terminator_and_control_character()
    {
        var code = CSharpText.Comment(new System.Text.StringBuilder(), "    ", "a\rb\u0085c\u2028d\u2029e\u001bf\u202eg\0h\ti\u200bj\nsecond\r\nthird").ToString();
        Assert.AreEqual("    // a\\rb\\u0085c\\u2028d\\u2029e\\u001bf\\u202eg\\0h\\ti\\u200bj\n    // second\n    // third\n", code);
        Assert.AreEqual("plain (name) ünïcode 名前 😀", CSharpText.CommentLine("plain (name) ünïcode 名前 😀"), "ordinary text is left as it is");
        Assert.AreEqual("lone \\ud800 surrogate", CSharpText.CommentLine("lone \ud800 surrogate"));
    }

    [TestMethod]
    public void Literals_show_bidi_controls_as_escapes_and_keep_the_value()
    {
        var literal = CSharpText.Literal("a\u202eb\u2066c\"d\\e\u2028f😀");
        Assert.AreEqual("\"a\\u202eb\\u2066c\\\"d\\\\e\\u2028f😀\"", literal);
        var parsed = (LiteralExpressionSyntax)SyntaxFactory.ParseExpression(literal);
        Assert.AreEqual("a\u202eb\u2066c\"d\\e\u2028f😀", parsed.Token.ValueText);
    }

    [TestMethod]
    public void Identifiers_from_database_names_are_valid_and_distinct()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { "Table" };
        string[] names = ["table", "1st", "", "class", "a b", "a_b", "AB", "\u2028;DROP", "naïve", "int"];
        var made = names.Select(n => CSharpText.Identifier(n, taken)).ToList();
        CollectionAssert.AreEqual(new[] { "Table2", "N1st", "N", "Class", "AB", "AB2", "AB3", "DROP", "NaVe", "Int" }, made);
        Assert.IsTrue(made.All(m => SyntaxFacts.IsValidIdentifier(m.TrimStart('@'))));
        Assert.AreEqual("@class", CSharpText.Keyword("class"));
        Assert.ThrowsExactly<DiffMigrateException>(() => CSharpText.Namespace("Adopted;\u2028System.IO"));
        Assert.ThrowsExactly<DiffMigrateException>(() => CSharpText.Namespace("My.class"));
        Assert.ThrowsExactly<DiffMigrateException>(() => CSharpText.TypeName("X : Migration { }//"));
        Assert.AreEqual("My.App_2.Data", CSharpText.Namespace("My.App_2.Data"));
    }

    [TestMethod]
    public void A_revision_and_a_model_refuse_a_namespace_or_class_that_is_not_an_identifier()
    {
        var source = HostileRevision("x");
        Assert.ThrowsExactly<DiffMigrateException>(() => RevisionWriter.Write(source with { Namespace = "M;\n[assembly: X]" }));
        Assert.ThrowsExactly<DiffMigrateException>(() => RevisionWriter.Write(source with { ClassName = "C\u2028System.IO.File.Delete(\"x\");" }));
        Assert.ThrowsExactly<DiffMigrateException>(() => ModelWriter.Write(DatabaseSchema.Empty, "A\rB"));
    }

    [TestMethod]
    public void Entity_classes_and_properties_neither_shadow_used_types_nor_hide_object_members()
    {
        var table = new Table("DateTime",
        [
            new Column("id", SqlType.Int32), new Column("ToString", SqlType.Text), new Column("get type", SqlType.Text),
            new Column("when", SqlType.DateTime),
        ], new PrimaryKey(null, ["id"]));
        var guid = new Table("guid", [new Column("id", SqlType.Uuid)], new PrimaryKey(null, ["id"]));
        var (files, _) = ModelWriter.WriteEntities(new DatabaseSchema([table, guid]), "Adopted", PostgresDialect.Instance);
        CollectionAssert.AreEquivalent(new[] { "DateTime2.cs", "Guid2.cs" }, files.Select(f => f.File).ToList());
        var source = files.Single(f => f.File == "DateTime2.cs").Source;
        StringAssert.Contains(source, "public string ToString2 { get; set; }");
        StringAssert.Contains(source, "public string GetType2 { get; set; }");
        StringAssert.Contains(source, "public DateTime When { get; set; }");
        AssertCompiles(files.Select(f => f.Source), warningsAreErrors: true);
    }

    [TestMethod]
    [DataRow("a\r[assembly: X]")]
    [DataRow("../../../etc/passwd")]
    [DataRow("..\\..\\x\u2028y\0z")]
    [DataRow("..")]
    public void Slugs_and_file_names_stay_plain_file_names(string message)
    {
        var slug = RevisionId.Slug(message);
        Assert.IsTrue(slug.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'), slug);
        var name = RevisionId.FileName("{rev}_{slug}", "ae1027a6acf0", message);
        Assert.AreEqual(name, Path.GetFileName(name));
        Assert.IsFalse(name.Contains("..", StringComparison.Ordinal), name);
        StringAssert.StartsWith(name, "ae1027a6acf0");
        Assert.IsTrue(CSharpText.TypeName(RevisionId.ClassName("ae1027a6acf0", message)) is not null);
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => RevisionId.FileName("../{rev}", "ae1027a6acf0", message));
        StringAssert.Contains(error.Message, "not a plain file name");
    }

    [TestMethod]
    [DynamicData(nameof(Breakers))]
    public void Diff_text_shows_no_raw_control_character_or_line_terminator(string breaker)
    {
        var hostile = breaker + "\u001b[2J\u001b]0;title\u0007" + Payload;
        var report = ChangeReport.For(DatabaseProviders.Sqlite, HostileOperations(hostile));
        var lines = report.Text().Split('\n');
        foreach (var line in lines)
        {
            Assert.IsFalse(VisibleText.NeedsEscape(line), $"raw hidden character in: {line}");
            Assert.IsFalse(line.Any(c => VisibleText.IsLineTerminator(c) || char.IsControl(c)), line);
        }
        // Each operation is exactly its lines: a name cannot add one of its own.
        var describedLines = report.Operations.Sum(o => o is BatchAlterTable b ? b.Operations.Count + 1 : 1);
        Assert.AreEqual(describedLines, lines.TakeWhile(l => l.Length > 0).Count());
        StringAssert.Contains(report.Text(), "\\u001b[2J");
        // Colours are still ours: the only ESC characters are the ones that paint.
        var coloured = report.Text(colour: true);
        Assert.AreEqual(coloured.Split('\u001b').Length - 1, 2 * coloured.Split('\n').Count(l => l.Contains('\u001b')));
    }

    [TestMethod]
    public void Diff_markdown_escapes_tables_code_html_and_links_in_names()
    {
        var hostile = "x|y`z<script>alert(1)</script>&amp;[click](https://evil.example)**b**\u2028\r\n| injected | row |";
        var report = ChangeReport.For(DatabaseProviders.Sqlite, HostileOperations(hostile));
        var markdown = report.Markdown();
        Assert.IsFalse(VisibleText.NeedsEscape(markdown.Replace("\n", "", StringComparison.Ordinal)), "no raw control character or line terminator");
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith("- ", StringComparison.Ordinal) && line.Contains('`'))
            {
                // A code span: opened and closed by the same fence, longer than any backtick run inside.
                var fence = new string(line[2..].TakeWhile(c => c == '`').ToArray());
                StringAssert.EndsWith(line, fence);
                Assert.IsFalse(line[(2 + fence.Length)..^fence.Length].Contains(fence, StringComparison.Ordinal), line);
                continue;
            }
            if (line.StartsWith("| DM", StringComparison.Ordinal))
            {
                // Five unescaped pipes: four columns, whatever the names hold.
                var pipes = line.Where((c, i) => c == '|' && (i == 0 || line[i - 1] != '\\')).Count();
                Assert.AreEqual(5, pipes, line);
            }
            if (!line.StartsWith("- `", StringComparison.Ordinal))
            {
                Assert.IsFalse(line.Contains("<script>", StringComparison.Ordinal), line);
                Assert.IsFalse(line.Contains("](", StringComparison.Ordinal) && !line.Contains("\\](", StringComparison.Ordinal), line);
            }
        }
        Assert.AreEqual("a\\|b\\`c&lt;d&gt;e&amp;f\\*g_h\\[i\\]\\\\j\\\\u2028k", ChangeReport.Md("a|b`c<d>e&f*g_h[i]\\j\u2028k"));
        Assert.AreEqual("snake_case \\_emphasis\\_ \\_\\_init\\_\\_", ChangeReport.Md("snake_case _emphasis_ __init__"));
        Assert.AreEqual("`` a`b ``", ChangeReport.Code("a`b"));
        Assert.AreEqual("```` `a```b ````", ChangeReport.Code("`a```b"));
    }

    [TestMethod]
    public void Diff_json_is_valid_and_gives_names_back_exactly()
    {
        var hostile = "\u2028\r\n\"\\\u001b\u202e</script>" + Payload;
        var report = ChangeReport.For(DatabaseProviders.Sqlite, [new DropTable(new Table("t" + hostile, [new Column("c", SqlType.Text)]))]);
        var json = report.Json();
        Assert.IsFalse(json.Any(c => char.IsControl(c) && c != '\n'), "control characters are escaped in JSON strings");
        using var document = JsonDocument.Parse(json);
        var change = document.RootElement.GetProperty("changes")[0];
        Assert.AreEqual("t" + hostile, change.GetProperty("table").GetString());
        Assert.AreEqual("t" + hostile, document.RootElement.GetProperty("findings")[0].GetProperty("table").GetString());
    }

    [TestMethod]
    public void Table_globs_see_names_with_line_feeds()
    {
        var options = new DiffMigrate.Diff.DiffOptions(SqliteDialect.Instance, IncludeTables: ["*"], ExcludeTables: ["secret"]);
        Assert.IsTrue(options.Compares("x\n" + Payload), "* matches a name with a line feed");
        Assert.IsTrue(options.Compares("secret\n"), "an excluded name followed by a line feed is another name");
        Assert.IsFalse(options.Compares("SECRET"));
    }

    internal static DatabaseSchema HostileSchema(string h)
    {
        var plain = new Table("plain" + h,
        [
            new Column("id" + h, SqlType.Int32),
            new Column("name" + h, SqlType.String(20), Nullable: true, Default: "'d" + h + "'", Comment: "c" + h),
            new Column("ref" + h, SqlType.Int32, Nullable: true),
        ],
            new PrimaryKey("pk" + h, ["id" + h]),
            ForeignKeys: [new ForeignKey("fk" + h, ["ref" + h], "plain" + h, ["id" + h], ReferentialAction.Cascade)],
            Indexes: [new TableIndex("ix" + h, ["name" + h], IsUnique: true, Filter: "f" + h, Include: ["ref" + h])],
            UniqueConstraints: [new UniqueConstraint("uq" + h, ["name" + h])],
            CheckConstraints: [new CheckConstraint("ck" + h, "check" + h), new CheckConstraint(null, "unnamed" + h)],
            Comment: "table" + h);
        // Collation, enum column and expression index: written with the builder, with a comment naming the column.
        var special = new Table(new QualifiedName("s" + h, "special" + h),
        [
            new Column("id" + h, SqlType.Int64, Identity: new Identity(Always: true, Start: 5)),
            new Column("mood" + h, SqlType.Enum("mood" + h, "happy" + h)),
            new Column("coll" + h, SqlType.Text, Collation: "C" + h, Computed: "g" + h),
        ],
            new PrimaryKey(null, ["id" + h]),
            Indexes: [new TableIndex("ix" + h, ["lower(x" + h + ")"], Expressions: [true], Method: "gin" + h, Descending: [true])]);
        var keyless = new Table("keyless" + h, [new Column("a" + h, SqlType.Text)]);
        return new DatabaseSchema([plain, special, keyless],
            Enums: [new EnumType("mood" + h, ["happy" + h, "sad" + h])],
            Sequences: [new Sequence(new QualifiedName("s" + h, "seq" + h), Start: 3)]);
    }

    /// <summary>Parses <paramref name="text"/> and checks it is a revision class whose methods only call <c>op</c>/<c>batch</c>.</summary>
    internal static void AssertOnlyOperationCalls(string text)
    {
        var root = Parse(text);
        AssertNoForeignCode(root, text);
        var type = root.DescendantNodes().OfType<ClassDeclarationSyntax>().Single();
        Assert.AreEqual("Revision", type.AttributeLists.Single().Attributes.Single().Name.ToString(), text);
        Assert.AreEqual(2, type.Members.Count, text);
        foreach (var method in type.Members.Cast<MethodDeclarationSyntax>())
        {
            foreach (var statement in method.Body!.Statements) AssertCall(statement, "op", text);
        }
        foreach (var lambda in root.DescendantNodes().OfType<ParenthesizedLambdaExpressionSyntax>()) Assert.Fail($"unexpected lambda {lambda}");
        foreach (var lambda in root.DescendantNodes().OfType<SimpleLambdaExpressionSyntax>())
        {
            Assert.AreEqual("batch", lambda.Parameter.Identifier.Text, text);
            foreach (var statement in ((BlockSyntax)lambda.Body).Statements) AssertCall(statement, "batch", text);
        }
    }

    private static void AssertCall(StatementSyntax statement, string receiver, string text)
    {
        var call = (statement as ExpressionStatementSyntax)?.Expression as InvocationExpressionSyntax;
        var target = call?.Expression as MemberAccessExpressionSyntax;
        Assert.AreEqual(receiver, (target?.Expression as IdentifierNameSyntax)?.Identifier.Text, $"not an {receiver}.X(...) call: {statement}\n{text}");
    }

    /// <summary>A scaffolded model: one namespace of classes; no file-level attribute, no statement but builder calls.</summary>
    internal static void AssertOnlyModelCode(string text)
    {
        var root = Parse(text);
        AssertNoForeignCode(root, text);
        foreach (var statement in root.DescendantNodes().OfType<ExpressionStatementSyntax>())
        {
            var call = statement.Expression as InvocationExpressionSyntax;
            var receiver = call?.Expression is MemberAccessExpressionSyntax access ? access.Expression : null;
            while (receiver is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax inner }) receiver = inner.Expression;
            Assert.IsTrue(receiver is IdentifierNameSyntax { Identifier.Text: "builder" or "t" }, $"not a builder call: {statement}\n{text}");
        }
    }

    private static CompilationUnitSyntax Parse(string text)
    {
        var tree = CSharpSyntaxTree.ParseText(text);
        var diagnostics = tree.GetDiagnostics().ToList();
        Assert.IsEmpty(diagnostics, string.Join("\n", diagnostics) + "\n" + text);
        return (CompilationUnitSyntax)tree.GetRoot();
    }

    // What the payload would need to run: an identifier naming it, a file-level attribute, or more than one namespace.
    private static void AssertNoForeignCode(CompilationUnitSyntax root, string text)
    {
        var identifiers = root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText).ToHashSet(StringComparer.Ordinal);
        foreach (var forbidden in new[] { "WriteAllText", "File", "IO", "pwned" }) Assert.IsFalse(identifiers.Contains(forbidden), $"{forbidden} is code in:\n{text}");
        var called = root.DescendantNodes().OfType<InvocationExpressionSyntax>().Select(i => i.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            var other => other.ToString(),
        });
        Assert.IsFalse(called.Any(name => name.Contains("WriteAllText", StringComparison.Ordinal)), text);
        Assert.IsEmpty(root.AttributeLists, text);
        Assert.AreEqual(1, root.Members.Count, text);
        Assert.IsInstanceOfType<FileScopedNamespaceDeclarationSyntax>(root.Members[0], text);
        Assert.IsTrue(root.Usings.All(u => u.Name!.ToString() is "System" or "DiffMigrate" or "DiffMigrate.Schema"
            or "System.ComponentModel.DataAnnotations" or "System.ComponentModel.DataAnnotations.Schema"), text);
        Assert.IsFalse(root.DescendantTrivia().Any(t => t.IsDirective && !t.IsKind(SyntaxKind.NullableDirectiveTrivia)), text);
    }

    internal static void AssertCompiles(IEnumerable<string> sources, bool warningsAreErrors = false)
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = platform.Append(typeof(DatabaseSchema).Assembly.Location).Distinct().Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("Scaffolded", sources.Select(s => CSharpSyntaxTree.ParseText(s)), references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        var problems = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || warningsAreErrors && d.Severity == DiagnosticSeverity.Warning).ToList();
        Assert.IsEmpty(problems, string.Join("\n", problems) + "\n" + string.Join("\n----\n", sources));
    }
}
