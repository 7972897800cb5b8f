using DiffMigrate.Design.Scripts;
using DiffMigrate.Migrations;
using DiffMigrate.Runner.Scripts;
using DiffMigrate.Tests.Support;

namespace DiffMigrate.Tests.Revisions;

/// <summary>Revision scripts compiled in slices, each cached by itself.</summary>
[TestClass]
public sealed class ScriptSliceTests
{
    private const int SliceSize = 4;

    [TestMethod]
    public void Editing_one_script_recompiles_its_slice_only_and_gives_the_same_migrations()
    {
        using var dir = new Folder();
        var headers = dir.Write(12);
        var slices = ScriptCompiler.Slices(headers, SliceSize);
        Assert.IsGreaterThanOrEqualTo(3, slices.Count, "the set spans three slices or more");

        var first = new ScriptCompiler(dir.Cache, SliceSize);
        var loaded = first.Load(headers);
        Assert.AreEqual(slices.Count, first.Compilations, "a cold cache compiles every slice once");
        Assert.AreEqual(slices.Count, Directory.GetFiles(dir.Cache, "*.dll").Length, "one cached assembly per slice");
        for (var i = 0; i < headers.Count; i++) Assert.AreEqual($"s_{i}", Schema(loaded[headers[i].Id]), headers[i].Id);

        var edited = slices[1][0];
        var index = headers.ToList().IndexOf(edited);
        File.WriteAllText(edited.Path, Folder.Script(edited.Id, $"s_{index}_edited"));
        var second = new ScriptCompiler(dir.Cache, SliceSize);
        var reloaded = second.Load(headers);
        Assert.AreEqual(1, second.Compilations, "only the edited script's slice is compiled again");
        for (var i = 0; i < headers.Count; i++)
        {
            Assert.AreEqual(i == index ? $"s_{i}_edited" : $"s_{i}", Schema(reloaded[headers[i].Id]), headers[i].Id);
        }

        var third = new ScriptCompiler(dir.Cache, SliceSize);
        third.Load(headers);
        Assert.AreEqual(0, third.Compilations, "nothing changed: every slice comes from the cache");
    }

    [TestMethod]
    public void A_new_script_changes_only_its_own_slice()
    {
        using var dir = new Folder();
        var headers = dir.Write(30);
        var compiler = new ScriptCompiler(dir.Cache, SliceSize);
        compiler.Load(headers);
        var before = ScriptCompiler.Slices(headers, SliceSize).Select(Names).ToHashSet();

        var added = dir.Add(30);
        List<ScriptHeader> more = [.. headers, added];
        var after = ScriptCompiler.Slices(more, SliceSize).Select(Names).ToList();
        Assert.AreEqual(1, after.Count(s => !before.Contains(s)), "cuts depend on names, not positions");

        var again = new ScriptCompiler(dir.Cache, SliceSize);
        var loaded = again.Load(more);
        Assert.AreEqual(1, again.Compilations);
        Assert.AreEqual("s_30", Schema(loaded[added.Id]));
    }

    [TestMethod]
    public void A_compile_error_in_the_second_slice_names_its_file_and_line()
    {
        using var dir = new Folder();
        var headers = dir.Write(12);
        var broken = ScriptCompiler.Slices(headers, SliceSize)[1][^1];
        var text = File.ReadAllText(broken.Path);
        File.WriteAllText(broken.Path, text.Replace("op.CreateSchema(", "op.NoSuchOperation(", StringComparison.Ordinal));
        var line = File.ReadAllLines(broken.Path).ToList().FindIndex(l => l.Contains("NoSuchOperation", StringComparison.Ordinal)) + 1;

        var compiler = new ScriptCompiler(dir.Cache, SliceSize);
        var error = Assert.ThrowsExactly<ScriptException>(() => compiler.Load(headers));
        StringAssert.Contains(error.Message, $"{broken.Path}:{line}:");
        StringAssert.Contains(error.Message, "error CS1061");
        Assert.AreEqual(1, compiler.Compilations, "the first slice compiled; the second failed");
    }

    [TestMethod]
    public void A_script_that_needs_more_of_the_framework_still_compiles()
    {
        using var dir = new Folder();
        var header = dir.Add(0);
        // System.Text.Json is none of the few references a slice is compiled against first.
        File.WriteAllText(header.Path, Folder.Script(header.Id, "s_0").Replace(
            "op.CreateSchema(\"s_0\");", "op.CreateSchema(\"s_\" + System.Text.Json.JsonSerializer.Serialize(42));", StringComparison.Ordinal));
        var compiler = new ScriptCompiler(dir.Cache, SliceSize);
        Assert.AreEqual("s_42", Schema(compiler.Load([header])[header.Id]));
        Assert.AreEqual(1, compiler.Compilations);
    }

    private static string Names(List<ScriptHeader> slice) => string.Join(",", slice.Select(s => Path.GetFileName(s.Path)));

    private static string Schema(Migration migration) => ((CreateSchema)CompiledRevision.Record(migration.Upgrade).Single()).Name;

    /// <summary>A folder of scripts, a chain of revisions each creating schema s_i; deleted afterwards.</summary>
    private sealed class Folder : IDisposable
    {
        private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("diffmigrate-slices-");

        public string Cache => Path.Combine(root.FullName, "cache");

        public List<ScriptHeader> Write(int count) => Enumerable.Range(0, count).Select(Add).ToList();

        public ScriptHeader Add(int i)
        {
            // Ids whose file names do not sort in creation order, as real revision ids do not.
            var id = $"{(i * 7919 % 251):x2}{i:x4}";
            var path = Path.Combine(root.FullName, id + "_rev.cs");
            var text = Script(id, $"s_{i}");
            File.WriteAllText(path, text);
            return ScriptDirectory.ReadHeader(path, text);
        }

        public static string Script(string id, string schema) => $$"""
            using DiffMigrate;

            namespace Migrations;

            [Revision("{{id}}")]
            public sealed class R_{{id}} : Migration
            {
                public override void Upgrade(Operations op)
                {
                    op.CreateSchema("{{schema}}");
                }

                public override void Downgrade(Operations op)
                {
                }
            }
            """;

        public void Dispose() => root.Delete(recursive: true);
    }
}
