namespace DiffMigrate.Providers.MySql;

/// <summary>
/// Whether a piece of the model's SQL (a default, a check, a generated column's expression) is safe to paste into a
/// statement of a multi-statement command: it must stay one expression inside the parentheses it is written in.
/// </summary>
internal static class MySqlFragments
{
    /// <summary>
    /// Why <paramref name="sql"/> could leave its place (a semicolon, a comment, an unclosed quote, a parenthesis
    /// closed that it did not open), or null when it cannot. Read twice, with and without backslash escapes in strings,
    /// since the session's sql_mode decides (NO_BACKSLASH_ESCAPES) and <c>'\'; ...</c> ends a string only without them.
    /// </summary>
    public static string? Problem(string sql) => Problem(sql, backslashEscapes: true) ?? Problem(sql, backslashEscapes: false);

    private static string? Problem(string sql, bool backslashEscapes)
    {
        var depth = 0;
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            switch (c)
            {
                case '\'' or '"' or '`':
                    var end = Closing(sql, i, backslashEscapes && c != '`');
                    if (end < 0) return "an unclosed quote";
                    i = end;
                    break;
                case ';':
                    return "a semicolon";
                case '#':
                    return "a comment";
                case '-' when i + 1 < sql.Length && sql[i + 1] == '-':
                    return "a comment";
                case '/' when i + 1 < sql.Length && sql[i + 1] == '*':
                    return "a comment";
                case '(':
                    depth++;
                    break;
                case ')':
                    if (--depth < 0) return "a parenthesis it does not open";
                    break;
            }
        }
        return depth == 0 ? null : "an unclosed parenthesis";
    }

    /// <summary>The index of the quote that closes the one at <paramref name="start"/>, or -1.</summary>
    private static int Closing(string sql, int start, bool backslashEscapes)
    {
        var quote = sql[start];
        for (var i = start + 1; i < sql.Length; i++)
        {
            if (backslashEscapes && sql[i] == '\\') i++;
            else if (sql[i] == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote) i++;   // doubled: part of the text
                else return i;
            }
        }
        return -1;
    }
}
