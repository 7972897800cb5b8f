using DiffMigrate.Runner.Scripts;

namespace DiffMigrate.Tests.Runner;

/// <summary>The caches' line files: any text survives as one field of one line, and a file of another version is not read.</summary>
[TestClass]
public sealed class CacheFileTests
{
    private static readonly string[] Hostile =
    [
        "", "plain", "tab\there", "lf\nthere", "cr\rthere", "crlf\r\nthere", "nel\u0085there", "ls\u2028there", "ps\u2029there",
        "back\\slash", "\\n is not a newline", "ends with \\", "unit\u001fseparator", "'quote'; DROP TABLE t; --", "\"double\"", "\0nul",
    ];

    [TestMethod]
    public void Every_text_comes_back_as_it_was_one_line_per_entry()
    {
        var path = Path.Combine(Path.GetTempPath(), "diffmigrate-cachefile-" + Guid.NewGuid().ToString("N"), "entries.txt");
        try
        {
            CacheFile.WriteEntries(path, "test 1", Hostile.Select((text, i) => i + "\t" + CacheFile.Escape(text)));
            var lines = CacheFile.ReadEntries(path, "test 1");
            Assert.IsNotNull(lines);
            Assert.HasCount(Hostile.Length, lines);
            CollectionAssert.AreEqual(Hostile, lines.Select(l => CacheFile.Unescape(l.Split('\t') is [_, var field] ? field : throw new AssertFailedException(l))).ToList());
            Assert.IsNull(CacheFile.ReadEntries(path, "test 2"), "another version is not read");
            Assert.IsNull(CacheFile.ReadEntries(path + ".missing", "test 1"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [TestMethod]
    public void An_escaped_field_holds_no_separator_or_line_break()
    {
        foreach (var text in Hostile)
        {
            var field = CacheFile.Escape(text);
            Assert.AreEqual(-1, field.IndexOfAny(['\t', '\n', '\r', '\u001f']), text);
            Assert.AreEqual(text, CacheFile.Unescape(field));
        }
    }
}
