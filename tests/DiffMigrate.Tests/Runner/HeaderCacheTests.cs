using DiffMigrate.Design.Scripts;
using DiffMigrate.Runner.Scripts;

namespace DiffMigrate.Tests.Runner;

/// <summary>Headers are reused while a script is unchanged, re-read as soon as it changes, and a bad cache is ignored.</summary>
[TestClass]
public sealed class HeaderCacheTests
{
    private static string Script(string id, string? down, string message) => $$"""
        using DiffMigrate;

        [Revision("{{id}}"{{(down is null ? "" : $", \"{down}\"")}}, Message = "{{message}}")]
        public sealed class R_{{id}} : Migration
        {
            public override void Upgrade(Operations op) { }
            public override void Downgrade(Operations op) { }
        }
        """;

    private sealed class Folder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dm-headers-" + Guid.NewGuid().ToString("N")[..8]);
        public string Cache => System.IO.Path.Combine(Path, ".cache", "headers.txt");
        public Folder() => Directory.CreateDirectory(System.IO.Path.Combine(Path, "versions"));
        public string Write(string name, string text)
        {
            var file = System.IO.Path.Combine(Path, "versions", name);
            File.WriteAllText(file, text);
            return file;
        }
        public IReadOnlyList<ScriptHeader> Read() => new ScriptDirectory([System.IO.Path.Combine(Path, "versions")], headerCacheFile: Cache).ReadHeaders();
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    [TestMethod]
    public void An_unchanged_script_is_not_parsed_again()
    {
        using var folder = new Folder();
        folder.Write("a.cs", Script("aaaa0001", null, "first"));
        Assert.AreEqual("first", folder.Read().Single().Message);
        // Tamper with the cached message only: if the cache is used, the tampered text comes back.
        File.WriteAllText(folder.Cache, File.ReadAllText(folder.Cache).Replace("\tfirst\t", "\tfrom the cache\t", StringComparison.Ordinal));
        Assert.AreEqual("from the cache", folder.Read().Single().Message);
    }

    [TestMethod]
    public void A_changed_script_is_read_again()
    {
        using var folder = new Folder();
        var file = folder.Write("a.cs", Script("aaaa0001", null, "first"));
        folder.Write("b.cs", Script("aaaa0002", "aaaa0001", "second"));
        folder.Read();
        File.WriteAllText(file, Script("aaaa0001", null, "renamed!"));
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));
        var headers = folder.Read();
        Assert.AreEqual("renamed!", headers[0].Message);
        CollectionAssert.AreEqual(new[] { "aaaa0001" }, headers[1].DownRevisions.ToArray());
        File.Delete(file);
        Assert.AreEqual("aaaa0002", folder.Read().Single().Id);
        Assert.DoesNotContain("a.cs", File.ReadAllText(folder.Cache), "deleted scripts leave the cache");
    }

    [TestMethod]
    public void Messages_with_tabs_newlines_and_backslashes_survive_the_cache()
    {
        using var folder = new Folder();
        folder.Write("a.cs", Script("aaaa0001", null, @"one\ttwo\nthree \\ four"));
        var parsed = folder.Read().Single();
        Assert.AreEqual("one\ttwo\nthree \\ four", parsed.Message);
        Assert.AreEqual(parsed.Message, folder.Read().Single().Message);
    }

    [TestMethod]
    public void A_corrupt_or_foreign_cache_is_ignored()
    {
        using var folder = new Folder();
        folder.Write("a.cs", Script("aaaa0001", null, "first"));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(folder.Cache)!);
        File.WriteAllText(folder.Cache, "diffmigrate-headers 1\nnot\ta\tvalid line\n");
        Assert.AreEqual("first", folder.Read().Single().Message);
        File.WriteAllText(folder.Cache, "something else entirely\n");
        Assert.AreEqual("first", folder.Read().Single().Message);
    }

    [TestMethod]
    public void The_first_bad_script_in_load_order_is_the_one_reported()
    {
        using var folder = new Folder();
        for (var i = 0; i < 20; i++) folder.Write($"{i:D2}.cs", i is 7 or 15 ? "class {" : Script($"r{i:D4}", null, "x"));
        var error = Assert.ThrowsExactly<ScriptException>(() => folder.Read());
        StringAssert.Contains(error.Message, "07.cs:");
    }
}
