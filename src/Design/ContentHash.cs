using System.IO.Hashing;
using System.Text;

namespace DiffMigrate.Design;

/// <summary>
/// The hash that names and checks the design-time caches (the model's schema, compiled script slices, model sources,
/// offline SQL of scripts): 128-bit XXH3, 32 lowercase hex digits. Not SHA-256: a cache key needs no resistance to a
/// forger (whoever can write the model or a script runs code anyway), and SHA-256 loads OpenSSL on first use, about
/// 13 ms of every command's start and 3.5 MiB of an upgrade from compiled scripts (a compile loads it anyway: Roslyn's
/// Emit hashes its output).
/// </summary>
internal static class ContentHash
{
    /// <summary>The hash of <paramref name="bytes"/>.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Hex(XxHash128.Hash(bytes));

    /// <summary>The hash of <paramref name="text"/>'s UTF-8 bytes.</summary>
    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    /// <summary>The hash of the file at <paramref name="path"/>.</summary>
    public static string OfFile(string path)
    {
        var hash = new XxHash128();
        using (var stream = File.OpenRead(path)) hash.Append(stream);
        return Hex(hash.GetCurrentHash());
    }

    /// <summary>The hash of <paramref name="parts"/> in order, each ended by a NUL so that no two lists run together.</summary>
    public static string Of(IEnumerable<string> parts)
    {
        var hash = new XxHash128();
        foreach (var part in parts)
        {
            hash.Append(Encoding.UTF8.GetBytes(part));
            hash.Append([0]);
        }
        return Hex(hash.GetCurrentHash());
    }

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
