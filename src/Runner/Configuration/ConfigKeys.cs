using System.Text.Json;
using DiffMigrate.Runner.Revisions;

namespace DiffMigrate.Runner.Configuration;

/// <summary>
/// The keys <c>diffmigrate.json</c> may hold. A key that is not one of them is an error naming the file, the line
/// and the nearest known key, so that a misspelt setting (<c>transactionPerRevison</c>) is never silently ignored.
/// </summary>
internal static class ConfigKeys
{
    // Keys valid both at the top level and in an entry of "databases".
    private static readonly string[] Settings =
    [
        "scriptLocation", "versionLocations", "recursiveVersionLocations", "url", "model", "versionTable", "fileTemplate",
        "namingConvention", "includeSchemas", "transactionPerRevision", "lock", "lockTimeout", "include", "exclude",
        "skipEmpty",
    ];

    private static readonly string[] TopOnly = ["databases", "$schema"];

    private static readonly string[] NamingKeys = ["primaryKey", "pk", "foreignKey", "fk", "index", "ix", "unique", "uq", "check", "ck"];

    /// <summary>Throws on the first unknown key of <paramref name="json"/> (already known to be valid JSON) in <paramref name="path"/>.</summary>
    public static void Check(byte[] json, string path, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(json, options);
        // The object each open brace belongs to: "top", "database", "naming", or null for values not checked.
        var scopes = new Stack<string?>();
        // The keys seen in each open object: JSON lets a key repeat, and the last one would silently win.
        var seen = new Stack<HashSet<string>?>();
        string? property = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    scopes.Push(scopes.Count == 0 ? "top" : (scopes.Peek(), property) switch
                    {
                        ("top", "databases") => "databases",
                        ("databases", _) => "database",
                        ("top" or "database", "namingConvention") => "naming",
                        _ => null,
                    });
                    seen.Push(new HashSet<string>(StringComparer.Ordinal));
                    property = null;
                    break;
                case JsonTokenType.StartArray:
                    scopes.Push(null);
                    seen.Push(null);
                    property = null;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    scopes.Pop();
                    seen.Pop();
                    property = null;
                    break;
                case JsonTokenType.PropertyName:
                    property = reader.GetString()!;
                    if (seen.Peek() is { } keys && !keys.Add(property))
                    {
                        throw new DiffMigrateException($"{path}:{Line(json, reader.TokenStartIndex)}: key '{RevisionId.Printable(property)}' appears twice in the same object; keep one.");
                    }
                    var known = scopes.Peek() switch
                    {
                        "top" => [.. Settings, .. TopOnly],
                        "database" => Settings,
                        "naming" => NamingKeys,
                        _ => null,
                    };
                    if (known is not null && !known.Contains(property, StringComparer.Ordinal))
                    {
                        throw Unknown(json, reader.TokenStartIndex, path, property, known, scopes.Peek()!);
                    }
                    break;
                default:
                    property = null;
                    break;
            }
        }
    }

    private static DiffMigrateException Unknown(byte[] json, long at, string path, string key, string[] known, string scope)
    {
        var line = Line(json, at);
        var nearest = known.Where(k => !k.StartsWith('$'))
            .Select(k => (Key: k, Distance: Levenshtein(key.ToLowerInvariant(), k.ToLowerInvariant())))
            .OrderBy(k => k.Distance).First();
        var suggestion = nearest.Distance <= Math.Max(2, key.Length / 3) ? $" Did you mean '{nearest.Key}'?" : "";
        var where = scope switch { "naming" => " in namingConvention", "database" => " in a 'databases' entry", _ => "" };
        return new DiffMigrateException(
            $"{path}:{line}: unknown key '{RevisionId.Printable(key)}'{where}.{suggestion} Known keys: {string.Join(", ", known.Where(k => !k.StartsWith('$')))}.");
    }

    private static int Line(byte[] json, long at) => 1 + json.AsSpan(0, (int)at).Count((byte)'\n');

    /// <summary>The edit distance between <paramref name="a"/> and <paramref name="b"/>.</summary>
    internal static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
