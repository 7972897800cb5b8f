namespace DiffMigrate.Design.ModelLoading;

/// <summary>One input of the model as it was when the cached model was made: size and time first, content hash to decide.</summary>
internal sealed record FileStamp(string Path, long Length, long Ticks, string Hash)
{
    /// <summary>The stamp of <paramref name="path"/> now, or null when the file does not exist.</summary>
    public static FileStamp? Of(string path, bool hash = true)
    {
        var info = new FileInfo(path);
        if (!info.Exists) return null;
        return new FileStamp(path, info.Length, info.LastWriteTimeUtc.Ticks, hash ? ContentHash.OfFile(path) : "");
    }

    /// <summary>
    /// This stamp if the file still holds the same content (refreshed when only its time moved), else null. The content
    /// is hashed only when the time moved, or when the recorded time is so close to <paramref name="recordedAt"/> that an
    /// edit in the same clock tick could hide behind it.
    /// </summary>
    public FileStamp? Current(long recordedAt)
    {
        var info = new FileInfo(Path);
        if (!info.Exists || info.Length != Length) return null;
        var ticks = info.LastWriteTimeUtc.Ticks;
        if (ticks == Ticks && recordedAt - Ticks > TimeSpan.TicksPerSecond * 2) return this;
        return ContentHash.OfFile(Path) == Hash ? this with { Ticks = ticks } : null;
    }

    /// <summary>Whether the file (no hash kept) has the recorded size and time.</summary>
    public bool Unchanged() => new FileInfo(Path) is { Exists: true } info && info.Length == Length && info.LastWriteTimeUtc.Ticks == Ticks;
}
