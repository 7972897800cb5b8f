using System.Text;

namespace DiffMigrate.Providers.Postgres;

/// <summary>
/// A lexer for the model's SQL fragments (defaults, checks, generated columns, index keys and filters) that knows
/// PostgreSQL's quoting: string literals ('', E'' with backslash escapes, $tag$ dollar quotes), quoted identifiers
/// and nested comments. It finds the column names a fragment mentions, and what makes a fragment more (or less)
/// than one expression: a semicolon, an unbalanced parenthesis or an unterminated quote or comment.
/// </summary>
internal static class PostgresSqlScanner
{
    /// <summary>The identifiers of <paramref name="sql"/> outside literals and comments, quoted ones unquoted.</summary>
    public static IEnumerable<string> Identifiers(string sql)
    {
        var result = new List<string>();
        Scan(sql, result);
        return result;
    }

    /// <summary>Why <paramref name="sql"/> is not one expression, or null when it is.</summary>
    public static string? Problem(string sql) => Scan(sql, null);

    private static string? Scan(string sql, List<string>? identifiers)
    {
        var depth = 0;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c == '-' && At(sql, i + 1, '-'))
            {
                while (i < sql.Length && sql[i] != '\n') i++;
            }
            else if (c == '/' && At(sql, i + 1, '*'))
            {
                var end = BlockComment(sql, i);
                if (end < 0) return "unterminated /* comment";
                i = end;
            }
            else if (c == '\'')
            {
                var end = Literal(sql, i, backslashes: false);
                if (end < 0) return "unterminated string literal";
                i = end;
            }
            else if (c == '"')
            {
                var end = QuotedIdentifier(sql, i, out var name);
                if (end < 0) return "unterminated quoted identifier";
                identifiers?.Add(name);
                i = end;
            }
            else if (c == '$' && DollarTag(sql, i) is { } tag)
            {
                var close = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                if (close < 0) return $"unterminated {tag} string";
                i = close + tag.Length;
            }
            else if (IsIdentifierStart(c))
            {
                var start = i;
                while (i < sql.Length && IsIdentifierPart(sql[i])) i++;
                var word = sql[start..i];
                if (At(sql, i, '\'') && word is "E" or "e")
                {
                    var end = Literal(sql, i, backslashes: true);
                    if (end < 0) return "unterminated string literal";
                    i = end;
                }
                else if (At(sql, i, '\'') && word is "B" or "b" or "X" or "x" or "N" or "n")
                {
                    continue;   // the literal is scanned as a plain one next
                }
                else if (At(sql, i, '&') && word is "U" or "u" && (At(sql, i + 1, '\'') || At(sql, i + 1, '"')))
                {
                    i++;   // U&'...' and U&"..." quote as usual; the escapes inside need no lexing
                }
                else
                {
                    identifiers?.Add(word);
                }
            }
            else
            {
                switch (c)
                {
                    case ';':
                        return "';' outside quotes: one expression, not a statement list";
                    case '(':
                        depth++;
                        break;
                    case ')' when --depth < 0:
                        return "')' without its '('";
                }
                i++;
            }
        }
        return depth > 0 ? "'(' without its ')'" : null;
    }

    private static bool At(string sql, int i, char c) => i < sql.Length && sql[i] == c;

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || c >= '\u0080';

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || char.IsAsciiDigit(c) || c == '$';

    /// <summary>The index after the literal that opens at <paramref name="open"/>, or -1.</summary>
    private static int Literal(string sql, int open, bool backslashes)
    {
        for (var i = open + 1; i < sql.Length; i++)
        {
            if (backslashes && sql[i] == '\\') i++;
            else if (sql[i] == '\'')
            {
                if (!At(sql, i + 1, '\'')) return i + 1;
                i++;
            }
        }
        return -1;
    }

    private static int QuotedIdentifier(string sql, int open, out string name)
    {
        var builder = new StringBuilder();
        for (var i = open + 1; i < sql.Length; i++)
        {
            if (sql[i] != '"') builder.Append(sql[i]);
            else if (At(sql, i + 1, '"')) builder.Append(sql[++i]);
            else
            {
                name = builder.ToString();
                return i + 1;
            }
        }
        name = "";
        return -1;
    }

    /// <summary>The index after the (nested) comment that opens at <paramref name="open"/>, or -1.</summary>
    private static int BlockComment(string sql, int open)
    {
        var depth = 0;
        for (var i = open; i < sql.Length - 1; i++)
        {
            if (sql[i] == '/' && sql[i + 1] == '*') { depth++; i++; }
            else if (sql[i] == '*' && sql[i + 1] == '/' && --depth == 0) return i + 2;
            else if (sql[i] == '*' && sql[i + 1] == '/') i++;
        }
        return -1;
    }

    /// <summary>The dollar-quote tag (<c>$$</c> or <c>$name$</c>) that opens at <paramref name="open"/>, or null ($1 is a parameter).</summary>
    private static string? DollarTag(string sql, int open)
    {
        if (open > 0 && IsIdentifierPart(sql[open - 1])) return null;
        var i = open + 1;
        if (i < sql.Length && char.IsAsciiDigit(sql[i])) return null;
        while (i < sql.Length && sql[i] != '$' && IsIdentifierPart(sql[i])) i++;
        return At(sql, i, '$') ? sql[open..(i + 1)] : null;
    }
}
