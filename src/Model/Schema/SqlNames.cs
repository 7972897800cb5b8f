using System.Text;

namespace DiffMigrate.Schema;

/// <summary>
/// A possibly qualified SQL name as written in SQL (an operator class: <c>text_pattern_ops</c>,
/// <c>pg_catalog."Text_Ops"</c>): parts separated by dots, each bare (folded to lower case by the server) or
/// double-quoted (doubled quotes inside).
/// </summary>
internal static class SqlNames
{
    /// <summary>The parts of <paramref name="sql"/> as the server reads them, or null when it is not such a name.</summary>
    public static IReadOnlyList<string>? Parts(string sql)
    {
        var parts = new List<string>();
        var i = 0;
        var text = sql.Trim();
        while (true)
        {
            if (i >= text.Length) return null;
            if (text[i] == '"')
            {
                var part = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length) return null;
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { part.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    part.Append(text[i++]);
                }
                if (part.Length == 0) return null;
                parts.Add(part.ToString());
            }
            else
            {
                var start = i;
                if (!(char.IsAsciiLetter(text[i]) || text[i] == '_')) return null;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '$')) i++;
                parts.Add(text[start..i].ToLowerInvariant());
            }
            if (i == text.Length) return parts;
            if (text[i] != '.') return null;
            i++;
        }
    }

    /// <summary>
    /// <paramref name="sql"/> in one spelling: bare parts that need no quotes, quoted ones otherwise. Text that is
    /// not a name is taken as one name (so it is quoted when written).
    /// </summary>
    public static string Canonical(string sql) => string.Join(".", (Parts(sql) ?? [sql]).Select(Spell));

    /// <summary>A part bare when it is plain lower case, double-quoted otherwise.</summary>
    public static string Spell(string part) =>
        part.Length > 0 && (char.IsAsciiLetterLower(part[0]) || part[0] == '_') && part.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
            ? part
            : "\"" + part.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
