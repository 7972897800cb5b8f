using System.Text;

namespace DiffMigrate.Migrations;

/// <summary>
/// What can be told of SQL as written without parsing it: its statements (split at semicolons outside comments,
/// string literals, quoted names and dollar quotes), and whether each only touches rows (its first keyword is INSERT,
/// UPDATE, DELETE, MERGE or SELECT, or WITH and then one of those). Shared by the in-memory replay and the lint.
/// </summary>
internal static class SqlStatements
{
    private static readonly HashSet<string> RowKeywords = new(["INSERT", "UPDATE", "DELETE", "MERGE", "SELECT"], StringComparer.OrdinalIgnoreCase);

    // What a statement after WITH may start with besides the row keywords (then it is not one that only touches rows).
    private static readonly HashSet<string> SchemaKeywords = new(["CREATE", "ALTER", "DROP", "TRUNCATE", "COMMENT", "GRANT", "REVOKE", "CALL", "DO", "EXECUTE"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The statements of <paramref name="sql"/> that hold a word, each with its keyword in upper case (after WITH, the
    /// one its CTEs lead to) and whether it only touches rows.
    /// </summary>
    public static IEnumerable<(string Text, string Keyword, bool OnlyRows)> Split(string sql) =>
        Statements(sql).Where(s => s.Words.Count > 0).Select(s => Kind(s.Text, s.Words));

    // SELECT ... INTO creates a table; WITH reads on to its statement's keyword (the CTEs are in parentheses).
    private static (string Text, string Keyword, bool OnlyRows) Kind(string text, List<string> words)
    {
        var keyword = words[0];
        if (string.Equals(keyword, "WITH", StringComparison.OrdinalIgnoreCase))
        {
            // The CTEs' bodies are in parentheses: the first statement keyword outside them is the statement's.
            keyword = words.Skip(1).FirstOrDefault(w => RowKeywords.Contains(w) || SchemaKeywords.Contains(w)) ?? "WITH";
        }
        keyword = keyword.ToUpperInvariant();
        var onlyRows = RowKeywords.Contains(keyword) && !(keyword == "SELECT" && words.Contains("INTO", StringComparer.OrdinalIgnoreCase));
        return (text, keyword, onlyRows);
    }

    /// <summary>The statements of <paramref name="sql"/> (split at semicolons outside quotes and comments), each with its words outside parentheses.</summary>
    private static IEnumerable<(string Text, List<string> Words)> Statements(string sql)
    {
        var start = 0;
        var depth = 0;
        var words = new List<string>();
        var word = new StringBuilder();
        void EndWord()
        {
            if (word.Length > 0 && depth == 0) words.Add(word.ToString());
            word.Clear();
        }
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                word.Append(c);
                continue;
            }
            EndWord();
            switch (c)
            {
                case '-' when At(sql, i, "--"): i = Until(sql, i + 2, "\n") - 1; break;
                case '/' when At(sql, i, "/*"): i = Until(sql, i + 2, "*/"); break;
                case '\'' or '"' or '`': i = Until(sql, i + 1, c.ToString()); break;
                case '[': i = Until(sql, i + 1, "]"); break;
                case '$' when DollarTag(sql, i) is { } tag: i = Until(sql, i + tag.Length, tag); break;
                case '(': depth++; break;
                case ')': depth = Math.Max(0, depth - 1); break;
                case ';':
                    yield return (sql[start..i], words);
                    (start, depth, words) = (i + 1, 0, []);
                    break;
            }
        }
        EndWord();
        if (start < sql.Length) yield return (sql[start..], words);
    }

    private static bool At(string sql, int i, string text) => string.CompareOrdinal(sql, i, text, 0, text.Length) == 0;

    // The index of the last character of the first `end` at or after `from` (the end of the text when there is none).
    private static int Until(string sql, int from, string end)
    {
        var at = sql.IndexOf(end, from, StringComparison.Ordinal);
        return at < 0 ? sql.Length : at + end.Length - 1;
    }

    // PostgreSQL's $tag$ (or $$) opening a dollar-quoted string; not $1, a parameter.
    private static string? DollarTag(string sql, int i)
    {
        var end = i + 1;
        while (end < sql.Length && (char.IsLetter(sql[end]) || sql[end] == '_' || (end > i + 1 && char.IsDigit(sql[end])))) end++;
        return end < sql.Length && sql[end] == '$' ? sql[i..(end + 1)] : null;
    }
}
