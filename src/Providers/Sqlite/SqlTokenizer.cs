namespace DiffMigrate.Providers.Sqlite;

internal enum TokenKind { Word, QuotedName, String, Number, Punctuation }

/// <summary>A token of SQLite DDL, with its span in the source so that expressions can be cut out verbatim.</summary>
internal readonly record struct SqlToken(TokenKind Kind, string Text, int Start, int End)
{
    /// <summary>The identifier the token names (quotes removed), or the bare word.</summary>
    public string Identifier => Kind switch
    {
        TokenKind.QuotedName when Text[0] == '[' => Text[1..^1],
        TokenKind.QuotedName or TokenKind.String => Text[1..^1].Replace(new string(Text[0], 2), Text[0].ToString(), StringComparison.Ordinal),
        _ => Text,
    };

    public bool Is(string word) => Kind == TokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    public bool IsPunctuation(char c) => Kind == TokenKind.Punctuation && Text.Length == 1 && Text[0] == c;
}

/// <summary>Splits SQLite DDL into tokens, dropping white space and comments.</summary>
internal static class SqlTokenizer
{
    public static List<SqlToken> Tokenize(string sql)
    {
        var tokens = new List<SqlToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                while (i < sql.Length && sql[i] != '\n') i++;
                continue;
            }
            if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                var close = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? sql.Length : close + 2;
                continue;
            }
            var start = i;
            if (c is '"' or '`' or '\'' or '[')
            {
                var end = c == '[' ? ']' : c;
                i++;
                while (i < sql.Length)
                {
                    if (sql[i] == end)
                    {
                        if (end != ']' && i + 1 < sql.Length && sql[i + 1] == end) { i += 2; continue; }
                        break;
                    }
                    i++;
                }
                i = Math.Min(i + 1, sql.Length);
                tokens.Add(new SqlToken(c == '\'' ? TokenKind.String : TokenKind.QuotedName, sql[start..i], start, i));
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '$')) i++;
                tokens.Add(new SqlToken(TokenKind.Word, sql[start..i], start, i));
                continue;
            }
            if (char.IsDigit(c) || (c == '.' && i + 1 < sql.Length && char.IsDigit(sql[i + 1])))
            {
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '.')) i++;
                tokens.Add(new SqlToken(TokenKind.Number, sql[start..i], start, i));
                continue;
            }
            i++;
            tokens.Add(new SqlToken(TokenKind.Punctuation, sql[start..i], start, i));
        }
        return tokens;
    }
}
