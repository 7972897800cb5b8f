using System.Collections.Concurrent;
using DiffMigrate.Dialects;

namespace DiffMigrate.Providers;

/// <summary>
/// A type map's reading of declared types, kept: an inspection reads the same few dozen declarations for thousands of
/// columns, and each reading splits, trims and upper-cases the text anew (at 500 tables, 2 MiB of a SQLite inspection's
/// 11). Pure: the map's answer depends on the text alone.
/// </summary>
internal sealed class DeclaredTypes(SqlTypeMap map)
{
    // Enough for any real schema's distinct declarations; past it, declarations are read each time rather than kept.
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, SqlType> known = new(StringComparer.Ordinal);

    /// <summary>What <paramref name="declared"/> reads as.</summary>
    public SqlType Parse(string declared)
    {
        if (known.TryGetValue(declared, out var type)) return type;
        type = map.Parse(declared);
        if (known.Count < Capacity) known.TryAdd(declared, type);
        return type;
    }
}
