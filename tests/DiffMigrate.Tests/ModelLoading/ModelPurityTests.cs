using DiffMigrate.Design.ModelLoading;
using DiffMigrate.Workloads;
using Microsoft.CodeAnalysis;

namespace DiffMigrate.Tests.ModelLoading;

/// <summary>
/// A model's evaluated schema is cached only when it depends on the assembly's bytes alone (issue 17): a model that
/// reads anything else must run every time, or a later command would compare a stale model.
/// </summary>
[TestClass]
public sealed class ModelPurityTests
{
    private const string Usings = "using System;\nusing System.Linq;\nusing System.Collections.Generic;\nusing DiffMigrate;\nusing DiffMigrate.Schema;\n";

    private static string Model(string body) =>
        Usings + "public sealed class M : SchemaDefinition\n{\n    public override void Define(SchemaBuilder builder)\n    {\n" + body + "\n    }\n}\n";

    [TestMethod]
    public void A_builder_model_of_strings_collections_and_linq_is_cacheable()
    {
        var source = Model("""
                var names = new List<string> { "orders", "lines" };
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var extra = new Dictionary<string, int> { ["x"] = 1 };
                foreach (var name in names.Where(n => seen.Add(n)).OrderBy(n => n, StringComparer.Ordinal))
                {
                    builder.Table(name.ToUpperInvariant().ToLowerInvariant(), t =>
                    {
                        t.Column("id", SqlType.Int64).Identity();
                        t.Column($"note_{extra.Count}", SqlType.String(Math.Max(10, name.Length))).Nullable();
                        t.PrimaryKey(new[] { "id" }, null);
                    });
                }
                int[] sizes = [1, 2, 3];
                _ = string.Join(",", sizes.Select(s => s.ToString()));
            """);
        Assert.IsNull(ModelPurity.WhyItMustRun(Compile(source)));
    }

    [TestMethod]
    public void A_model_with_an_iterator_is_cacheable()
    {
        var source = Model("foreach (var name in Names()) builder.Table(name, t => t.Column(\"id\", SqlType.Int32));").Replace(
            "    public override void Define",
            "    private static IEnumerable<string> Names()\n    {\n        yield return \"a\";\n        yield return \"b\";\n    }\n\n    public override void Define");
        Assert.IsNull(ModelPurity.WhyItMustRun(Compile(source)));
    }

    [TestMethod]
    public void An_entity_model_with_data_annotations_is_cacheable()
    {
        var source = "using System.ComponentModel.DataAnnotations;\nusing System.ComponentModel.DataAnnotations.Schema;\n\n" +
            "[Table(\"posts\")]\npublic class Post\n{\n    [Key] public int Id { get; set; }\n    [MaxLength(200)] public string Title { get; set; } = \"\";\n" +
            "    public System.DateTime? Published { get; set; }\n    public decimal Price { get; set; }\n    public System.Guid Key { get; set; }\n}\n";
        Assert.IsNull(ModelPurity.WhyItMustRun(Compile(source)));
    }

    [TestMethod]
    [DataRow("var name = Environment.GetEnvironmentVariable(\"TABLE\") ?? \"t\";", "System.Environment.GetEnvironmentVariable")]
    [DataRow("var name = \"t\" + DateTime.Now.Second;", "System.DateTime.get_Now")]
    [DataRow("var name = \"t\" + \"x\".GetHashCode();", "GetHashCode")]
    [DataRow("var name = System.IO.File.ReadAllText(\"name.txt\");", "System.IO.File.ReadAllText")]
    [DataRow("var name = \"t\" + Random.Shared.Next();", "System.Random")]
    [DataRow("var name = \"t\" + Guid.NewGuid();", "System.Guid.NewGuid")]
    [DataRow("var name = new[] { \"a\", \"b\" }.Shuffle().First();", "System.Linq.Enumerable.Shuffle")]
    [DataRow("var name = System.Collections.Immutable.ImmutableHashSet.Create(\"a\", \"b\").First();", "System.Collections.Immutable.ImmutableHashSet")]
    [DataRow("var name = typeof(M).Assembly.Location;", "System.Type.get_Assembly")]
    [DataRow("var name = \"t\" + Environment.TickCount;", "System.Environment.get_TickCount")]
    [DataRow("var name = Console.ReadLine() ?? \"t\";", "System.Console")]
    [DataRow("var name = Type.GetType(\"Other, Other\")!.Name;", "System.Type.GetType")]
    public void A_model_that_reads_anything_but_its_own_bytes_runs_every_time(string statement, string reason)
    {
        var why = ModelPurity.WhyItMustRun(Compile(Model(statement + "\n        builder.Table(name, t => t.Column(\"id\", SqlType.Int32));")));
        Assert.IsNotNull(why);
        StringAssert.Contains(why, reason);
    }

    [TestMethod]
    public void A_model_that_calls_native_code_runs_every_time()
    {
        var source = Model("builder.Table(\"t\" + getpid(), t => t.Column(\"id\", SqlType.Int32));") .Replace(
            "public sealed class M : SchemaDefinition\n{\n",
            "public sealed class M : SchemaDefinition\n{\n    [System.Runtime.InteropServices.DllImport(\"libc\")] private static extern int getpid();\n");
        StringAssert.Contains(ModelPurity.WhyItMustRun(Compile(source)), "native code");
    }

    [TestMethod]
    public void A_model_that_references_another_assembly_runs_every_time()
    {
        var other = MetadataReference.CreateFromImage(ModelAssembly.Image(["public static class Names { public static string Of(string s) => s; }"], "Naming"));
        var source = Model("builder.Table(Names.Of(\"t\"), t => t.Column(\"id\", SqlType.Int32));");
        StringAssert.Contains(ModelPurity.WhyItMustRun(ModelAssembly.Image([source], "PurityModel", other)), "it references Naming");
    }

    private static byte[] Compile(string source) => ModelAssembly.Image([source], "PurityModel");
}
