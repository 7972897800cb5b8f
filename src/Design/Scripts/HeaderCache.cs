using System.Globalization;
using DiffMigrate.Runner.Scripts;

namespace DiffMigrate.Design.Scripts;

/// <summary>
/// The headers read from scripts, kept between runs in one file and reused while a script's size and modification
/// time are unchanged (as Python's .pyc files are), so that graph commands on long histories do not parse every
/// script every time. A cache that cannot be read is ignored, and one that cannot be written is not fatal.
/// </summary>
internal sealed class HeaderCache(string file)
{
    // Bump when the line format or what a header holds changes.
    private const string Version = "diffmigrate-headers 1";
    private const char Field = '\t';
    private const char Item = '\u001f';

    // Read once, then only read (never written) while scripts are read in parallel.
    private readonly Dictionary<string, (long Length, long Ticks, ScriptHeader Header)> entries = Load(file);

    public ScriptHeader? Find(ScriptStamp stamp) =>
        entries.TryGetValue(stamp.Path, out var entry) && entry.Length == stamp.Length && entry.Ticks == stamp.Ticks ? entry.Header : null;

    /// <summary>Writes the cache as <paramref name="headers"/> (one per stamp), unless it already holds exactly that.</summary>
    public void Save(IReadOnlyList<ScriptStamp> stamps, IReadOnlyList<ScriptHeader> headers)
    {
        if (stamps.Count == entries.Count && stamps.All(s => Find(s) is not null)) return;
        var lines = stamps.Select((stamp, i) =>
        {
            var (path, length, ticks) = stamp;
            var h = headers[i];
            return string.Join(Field, [
                CacheFile.Escape(path), length.ToString(CultureInfo.InvariantCulture), ticks.ToString(CultureInfo.InvariantCulture),
                CacheFile.Escape(h.Id), List(h.DownRevisions), List(h.BranchLabels), List(h.DependsOn),
                h.Message is null ? "\0" : CacheFile.Escape(h.Message), CacheFile.Escape(h.ClassName)]);
        });
        // A read-only checkout still works; it just parses every time.
        CacheFile.WriteEntries(file, Version, lines);
    }

    private static Dictionary<string, (long, long, ScriptHeader)> Load(string file)
    {
        var entries = new Dictionary<string, (long, long, ScriptHeader)>(StringComparer.Ordinal);
        if (CacheFile.ReadEntries(file, Version) is not { } lines) return entries;
        foreach (var line in lines)
        {
            var f = line.Split(Field);
            if (f.Length != 9
                || !long.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || !long.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                return new(StringComparer.Ordinal);
            }
            var path = CacheFile.Unescape(f[0]);
            entries[path] = (length, ticks, new ScriptHeader(CacheFile.Unescape(f[3]), Items(f[4]), Items(f[5]), Items(f[6]),
                f[7] == "\0" ? null : CacheFile.Unescape(f[7]), path, CacheFile.Unescape(f[8])));
        }
        return entries;
    }

    private static string List(IReadOnlyList<string> items) => string.Join(Item, items.Select(CacheFile.Escape));

    private static string[] Items(string field) => field.Length == 0 ? [] : field.Split(Item).Select(CacheFile.Unescape).ToArray();

}

/// <summary>A script file as the header cache identifies it: its path, size and modification time.</summary>
internal readonly record struct ScriptStamp(string Path, long Length, long Ticks)
{
    public static ScriptStamp Of(string path)
    {
        var info = new FileInfo(path);
        return new(path, info.Length, info.LastWriteTimeUtc.Ticks);
    }
}
