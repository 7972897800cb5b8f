using System.Text;
using DiffMigrate.Design;

namespace DiffMigrate.Tests.ModelLoading;

/// <summary>
/// The design-time caches are named and checked by <see cref="ContentHash"/>: two inputs that hash alike would let a
/// stale model, slice or source through (issue 17), so the ways of hashing the same bytes must agree and the ways of
/// cutting a list must not.
/// </summary>
[TestClass]
public sealed class ContentHashTests
{
    [TestMethod]
    public void A_file_a_text_and_its_bytes_hash_alike_and_a_changed_byte_does_not()
    {
        var text = "Model\0 o'b\"r;--\r\n\u2028é";
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, Encoding.UTF8.GetBytes(text));
            var hash = ContentHash.Of(text);
            Assert.AreEqual(32, hash.Length);
            Assert.AreEqual(hash, ContentHash.Of(Encoding.UTF8.GetBytes(text)));
            Assert.AreEqual(hash, ContentHash.OfFile(path));
            Assert.AreNotEqual(hash, ContentHash.Of(text[..^1] + "e"));
            Assert.AreNotEqual(hash, ContentHash.Of(text + " "));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void A_list_of_parts_depends_on_where_each_part_ends()
    {
        var whole = ContentHash.Of(["ab", "c"]);
        Assert.AreEqual(whole, ContentHash.Of(new List<string> { "ab", "c" }));
        Assert.AreNotEqual(whole, ContentHash.Of(["a", "bc"]));
        Assert.AreNotEqual(whole, ContentHash.Of(["abc"]));
        Assert.AreNotEqual(whole, ContentHash.Of(["ab", "c", ""]));
        Assert.AreNotEqual(whole, ContentHash.Of(["c", "ab"]));
    }
}
