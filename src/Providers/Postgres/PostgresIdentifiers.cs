namespace DiffMigrate.Providers.Postgres;

/// <summary>
/// PostgreSQL's identifier rules, shared by the type map (enum type names), the SQL renderer and the canonicaliser:
/// a name is written bare when it is plain lower case and not a reserved key word, double-quoted otherwise.
/// </summary>
internal static class PostgresIdentifiers
{
    /// <summary>
    /// The "reserved" and "reserved (can be function or type)" key words of PostgreSQL 15 (docs appendix C, "SQL
    /// Key Words"; <c>pg_get_keywords()</c> catcode R and T). Non-reserved words need no quotes as names.
    /// </summary>
    public static IReadOnlySet<string> ReservedWords { get; } = """
        all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create
        current_catalog current_date current_role current_time current_timestamp current_user default deferrable desc
        distinct do else end except false fetch for foreign from grant group having in initially intersect into lateral
        leading limit localtime localtimestamp not null offset on only or order placing primary references returning
        select session_user some symmetric table then to trailing true union unique user using variadic when where window
        with
        authorization binary collation concurrently cross current_schema freeze full ilike inner is isnull join left like
        natural notnull outer overlaps right similar tablesample verbose
        """.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary><paramref name="name"/>, quoted when it must be.</summary>
    public static string Quote(string name)
    {
        var plain = name.Length > 0 && (char.IsAsciiLetterLower(name[0]) || name[0] == '_')
            && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
            && !ReservedWords.Contains(name);
        return plain ? name : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A possibly schema-qualified name, each part quoted when it must be.</summary>
    public static string Quote(QualifiedName name) => name.Schema is null ? Quote(name.Name) : Quote(name.Schema) + "." + Quote(name.Name);
}
