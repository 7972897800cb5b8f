using System.Text;
using DiffMigrate.Design.Scripts;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Render.CSharp;
using DiffMigrate.Runner.Scripts;

namespace DiffMigrate.Tests.Render;

/// <summary>
/// Names, comments, defaults, enum values and messages drawn (seeded, so a failure repeats) from an alphabet of
/// everything that ends literals, comments or lines in C#, written as revisions and scaffolded models: each parses
/// with no diagnostic and holds no code but operation or builder calls, and every revision compiles and records
/// exactly the operations it was written from.
/// </summary>
[TestClass]
public sealed class HostileTextPropertyTests
{
    private const int Seed = 20261201;
    private const int Cases = 30;

    private static readonly string[] Alphabet =
    [
        "\"", "'", "`", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\\", "\\u000a", ";", "--", "/*", "*/", "//", "///",
        "\r", "\n", "\r\n", "\u0085", "\u2028", "\u2029", "\v", "\f", "\0", "\u001b", "\u001b[2J", "\u007f", "\u009b", "\t",
        "\u202e", "\u202a", "\u2066", "\u2069", "\u200e", "\u200f", "\u200b", "\ufeff", "\ud800", "\udc00", "\ud83d\ude00",
        "{", "}", "{{", "$\"{", "@\"", "\"\"\"", "#if false", "#line 1", "[assembly: System.Obsolete]", "}}} class X {",
        "System.IO.File.WriteAllText(\"pwned.txt\",\"x\");", "a", "Z", "_", "0", " ", "é", "名",
    ];

    private static string Draw(Random random)
    {
        if (random.Next(10) == 0) return string.Concat(Enumerable.Range(0, 400).Select(_ => Alphabet[random.Next(Alphabet.Length)]));
        var text = new StringBuilder();
        for (var i = random.Next(1, 12); i > 0; i--) text.Append(Alphabet[random.Next(Alphabet.Length)]);
        return text.ToString();
    }

    [TestMethod]
    public void Revisions_of_drawn_text_parse_to_operation_calls_and_compile_back_to_the_same_operations()
    {
        var random = new Random(Seed);
        var sources = Enumerable.Range(0, Cases).Select(i => EmitterSafetyTests.LoadableHostileRevision(Draw(random)) with { Id = $"case{i:d8}" }).ToList();
        var dir = Directory.CreateTempSubdirectory("diffmigrate-property-");
        try
        {
            var headers = new List<ScriptHeader>();
            foreach (var source in sources)
            {
                var text = RevisionWriter.Write(source);
                EmitterSafetyTests.AssertOnlyOperationCalls(text);
                var path = Path.Combine(dir.FullName, source.Id + ".cs");
                File.WriteAllText(path, text);
                var header = ScriptDirectory.ReadHeader(path, text);
                Assert.AreEqual(source.Message, header.Message, $"{source.Id}: the message survives exactly");
                headers.Add(header);
            }
            var migrations = new ScriptCompiler(Path.Combine(dir.FullName, "cache")).Load(headers);
            foreach (var source in sources)
            {
                var op = new Operations();
                migrations[source.Id].Upgrade(op);
                CollectionAssert.AreEqual(source.Upgrade.ToList(), op.Recorded.ToList(), source.Id);
            }
            Assert.IsEmpty(Directory.GetFiles(dir.FullName, "pwned.txt", SearchOption.AllDirectories));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [TestMethod]
    public void Models_of_drawn_names_in_both_styles_parse_to_builder_calls_and_compile()
    {
        var random = new Random(Seed + 1);
        var all = new List<string>();
        for (var i = 0; i < Cases; i++)
        {
            var schema = EmitterSafetyTests.HostileSchema(Draw(random));
            var (builder, _) = ModelWriter.Write(schema, "Adopted.Case" + i);
            EmitterSafetyTests.AssertOnlyModelCode(builder);
            all.Add(builder);
            var (files, _) = ModelWriter.WriteEntities(schema, "Adopted.Entities" + i, PostgresDialect.Instance);
            foreach (var (_, source) in files)
            {
                EmitterSafetyTests.AssertOnlyModelCode(source);
                all.Add(source);
            }
        }
        EmitterSafetyTests.AssertCompiles(all);
    }
}
