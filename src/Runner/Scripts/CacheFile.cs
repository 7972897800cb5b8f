namespace DiffMigrate.Runner.Scripts;

/// <summary>
/// The files the tool keeps between runs to skip work (script headers, compiled slices, offline SQL, the model's
/// record). Each is replaced whole, written aside and moved, so that a concurrent run reads the old file or the new
/// one, never half of one. The line files hold a version line, then one entry per line, each field escaped so that
/// no text can hold a tab, a line break or the list separator (U+001F) of the format.
/// </summary>
internal static class CacheFile
{
    /// <summary>Replaces <paramref name="path"/> with <paramref name="contents"/> (its folder made when missing).</summary>
    public static void Replace(string path, byte[] contents) => Replace(path, temporary => File.WriteAllBytes(temporary, contents));

    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/>; false when it cannot be written (a read-only checkout works, uncached).</summary>
    public static bool TryReplace(string path, string text) => TryReplace(path, temporary => File.WriteAllText(temporary, text));

    private static bool TryReplace(string path, Action<string> write)
    {
        try
        {
            Replace(path, write);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The entry lines of <paramref name="path"/>, or null when it is missing, cannot be read or is of another <paramref name="version"/>.</summary>
    public static string[]? ReadEntries(string path, string version) =>
        TryRead(path, File.ReadAllLines) is { Length: > 0 } lines && lines[0] == version ? lines[1..] : null;

    /// <summary>The bytes of <paramref name="path"/>, or null when it is missing or cannot be read.</summary>
    public static byte[]? ReadBytes(string path) => TryRead(path, File.ReadAllBytes);

    private static T? TryRead<T>(string path, Func<string, T> read) where T : class
    {
        try
        {
            return File.Exists(path) ? read(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes <paramref name="entries"/> (one line each, fields escaped by the caller) under <paramref name="version"/>, if it can.</summary>
    // Streamed, not joined into one string: the header cache of a 5,000-revision history is a 1 MiB string, which the
    // join built in pooled buffers doubling up to 2 MiB that the pool then kept (4 MiB of the heap while the slices compile).
    public static void WriteEntries(string path, string version, IEnumerable<string> entries) => TryReplace(path, temporary =>
    {
        using var writer = new StreamWriter(temporary, append: false);
        writer.Write(version);
        writer.Write('\n');
        foreach (var line in entries)
        {
            writer.Write(line);
            writer.Write('\n');
        }
    });

    /// <summary>
    /// <paramref name="text"/> as one field: backslash, tab, line feed, carriage return and U+001F escaped (the only
    /// characters File.ReadAllLines or the format split on; U+0085, U+2028 and U+2029 stay as they are).
    /// </summary>
    public static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\u001f", "\\u", StringComparison.Ordinal);

    /// <summary>The text <see cref="Escape"/> made <paramref name="field"/> of.</summary>
    public static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal)) return field;
        var result = new System.Text.StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] != '\\' || i + 1 == field.Length)
            {
                result.Append(field[i]);
                continue;
            }
            result.Append(field[++i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', 'u' => '\u001f', var c => c });
        }
        return result.ToString();
    }

    private static void Replace(string path, Action<string> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + "." + Environment.ProcessId + ".tmp";
        write(temporary);
        File.Move(temporary, path, overwrite: true);
    }
}
