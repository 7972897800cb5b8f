namespace DiffMigrate.Providers.Sqlite;

/// <summary>
/// Finds the parentheses in a SQLite expression that change nothing, so that <c>(x &gt; 0) AND (y &gt; 0)</c> and
/// <c>x &gt; 0 AND y &gt; 0</c> compare the same. Only two safe cases are removed, per SQLite's operator precedence
/// (lang_expr.html: comparisons bind tighter than NOT, AND and OR): parentheses around a single term (a name, a
/// literal, a call, another group) where they group rather than call or list, parentheses around the whole expression, and parentheses around an expression
/// without AND or OR when only NOT, AND, OR, a comma, CASE's words or the ends of the expression stand next to them.
/// Row values, subqueries and anything else are kept as written.
/// </summary>
internal static class SqliteParentheses
{
    /// <summary>Words before a '(' that make it a group, not a call or a list (IN (...), CAST(...), EXISTS (...)).</summary>
    private static readonly HashSet<string> GroupingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "AND", "OR", "NOT", "WHEN", "THEN", "ELSE", "CASE", "IS", "LIKE", "GLOB", "BETWEEN",
    };

    /// <summary>Neighbours that bind more loosely than any expression without AND or OR.</summary>
    private static readonly HashSet<string> LooseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "AND", "OR", "NOT", "WHEN", "THEN", "ELSE", "END",
    };

    /// <summary>The tokens without the redundant pairs of parentheses.</summary>
    public static SqlTokens Remove(SqlTokens tokens)
    {
        var current = tokens;
        while (FindRedundant(current, out var open, out var close)) current = current.Without(open, close);
        return current;
    }

    private static bool FindRedundant(SqlTokens tokens, out int open, out int close)
    {
        for (open = 0; open < tokens.Count; open++)
        {
            if (!tokens[open].IsPunctuation('(')) continue;
            close = Closing(tokens, open);
            if (close < 0) return false;
            if (!Groups(tokens, open) || close == open + 1) continue;
            // "-(-5)" must not become "--5", which SQLite reads as a comment.
            if (open > 0 && tokens[open - 1].Kind == TokenKind.Punctuation && tokens[open + 1].Kind == TokenKind.Punctuation) continue;
            if (IsSingleTerm(tokens, open + 1, close) || open == 0 && close == tokens.Count - 1) return true;
            if (LooseNeighbour(tokens, open - 1, before: true) && LooseNeighbour(tokens, close + 1, before: false) && HasNoLooseOperator(tokens, open + 1, close))
            {
                return true;
            }
        }
        close = -1;
        return false;
    }

    private static bool Groups(SqlTokens tokens, int open)
    {
        if (open == 0) return true;
        var before = tokens[open - 1];
        return before.Kind switch
        {
            TokenKind.Punctuation => !before.IsPunctuation(')'),
            TokenKind.Word => GroupingWords.Contains(before.Text),
            _ => false,
        };
    }

    private static bool LooseNeighbour(SqlTokens tokens, int at, bool before)
    {
        if (at < 0 || at >= tokens.Count) return true;
        var token = tokens[at];
        if (token.IsPunctuation(',')) return true;
        if (token.IsPunctuation(before ? '(' : ')')) return true;
        return token.Kind == TokenKind.Word && LooseWords.Contains(token.Text) && !(before && token.Is("END"));
    }

    /// <summary>A name, literal, call or group spanning [start, end) exactly.</summary>
    private static bool IsSingleTerm(SqlTokens tokens, int start, int end)
    {
        if (end - start == 1) return tokens[start].Kind != TokenKind.Punctuation;
        if (tokens[start].IsPunctuation('(')) return Closing(tokens, start) == end - 1;
        return tokens[start].Kind is TokenKind.Word or TokenKind.QuotedName && !IsKeyword(tokens[start])
            && tokens[start + 1].IsPunctuation('(') && Closing(tokens, start + 1) == end - 1;
    }

    /// <summary>True when [start, end) has no AND, OR, comma or query at its own depth.</summary>
    private static bool HasNoLooseOperator(SqlTokens tokens, int start, int end)
    {
        var depth = 0;
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            if (token.IsPunctuation('(')) depth++;
            else if (token.IsPunctuation(')')) depth--;
            else if (depth == 0 && (token.IsPunctuation(',') || token.Is("AND") || token.Is("OR") || token.Is("SELECT") || token.Is("VALUES") || token.Is("WITH"))) return false;
        }
        return true;
    }

    private static bool IsKeyword(SqlToken token) => token.Kind == TokenKind.Word && (GroupingWords.Contains(token.Text) || LooseWords.Contains(token.Text) || token.Is("SELECT"));

    private static int Closing(SqlTokens tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            if (tokens[i].IsPunctuation('(')) depth++;
            else if (tokens[i].IsPunctuation(')') && --depth == 0) return i;
        }
        return -1;
    }
}
