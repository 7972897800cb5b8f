using System.Text;

namespace DiffMigrate.Providers.SqlServer;

/// <summary>The tokens <see cref="SqlServerStoredForms"/> works on: the tokenizer, moving over them, and writing them back.</summary>
internal static partial class SqlServerStoredForms
{
    private enum Kind { Word, Number, Text, Name, Space, Open, Close, Comma, Symbol }

    private readonly record struct Token(Kind Kind, string Text);

    private static bool Wordish(Kind kind) => kind is Kind.Word or Kind.Number or Kind.Name or Kind.Text;

    private static int Next(List<Token> tokens, int i)
    {
        while (i < tokens.Count && tokens[i].Kind == Kind.Space) i++;
        return i;
    }

    private static int Previous(List<Token> tokens, int i)
    {
        while (i >= 0 && tokens[i].Kind == Kind.Space) i--;
        return i;
    }

    /// <summary>The index of the parenthesis that closes the one at <paramref name="open"/>, or -1.</summary>
    private static int Match(List<Token> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == Kind.Open) depth++;
            else if (tokens[i].Kind == Kind.Close && --depth == 0) return i;
        }
        return -1;
    }

    private static List<int> TopLevelCommas(List<Token> tokens, int open, int close)
    {
        var commas = new List<int>();
        var depth = 0;
        for (var i = open + 1; i < close; i++)
        {
            if (tokens[i].Kind == Kind.Open) depth++;
            else if (tokens[i].Kind == Kind.Close) depth--;
            else if (tokens[i].Kind == Kind.Comma && depth == 0) commas.Add(i);
        }
        return commas;
    }

    private static List<Token> Trim(List<Token> tokens) => tokens[Next(tokens, 0)..(Previous(tokens, tokens.Count - 1) + 1)];

    /// <summary>The tokens written back; two names or numbers that came to stand side by side get a space between them.</summary>
    private static string Render(List<Token> tokens)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0 && Wordish(tokens[i - 1].Kind) && Wordish(tokens[i].Kind)) builder.Append(' ');
            builder.Append(tokens[i].Text);
        }
        return builder.ToString();
    }

    private static List<Token> Tokenize(string sql)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var start = i;
            Kind kind;
            if (c is '\'' || c is 'N' or 'n' && i + 1 < sql.Length && sql[i + 1] == '\'' && (i == 0 || !IsWordChar(sql[i - 1])))
            {
                i = Closing(sql, c == '\'' ? i : i + 1, '\'');
                kind = Kind.Text;
            }
            else if (c is '[' or '"')
            {
                i = Closing(sql, i, c == '[' ? ']' : '"');
                kind = Kind.Name;
            }
            else if (char.IsWhiteSpace(c))
            {
                while (i < sql.Length && char.IsWhiteSpace(sql[i])) i++;
                kind = Kind.Space;
            }
            else if (char.IsAsciiDigit(c) || c == '.' && i + 1 < sql.Length && char.IsAsciiDigit(sql[i + 1]))
            {
                while (i < sql.Length && (IsWordChar(sql[i]) || sql[i] == '.' || sql[i] is '+' or '-' && sql[i - 1] is 'e' or 'E' && !sql[start..i].StartsWith("0x", StringComparison.OrdinalIgnoreCase))) i++;
                kind = Kind.Number;
            }
            else if (IsWordChar(c))
            {
                while (i < sql.Length && IsWordChar(sql[i])) i++;
                kind = Kind.Word;
            }
            else
            {
                i++;
                kind = c switch { '(' => Kind.Open, ')' => Kind.Close, ',' => Kind.Comma, _ => Kind.Symbol };
            }
            tokens.Add(new Token(kind, sql[start..i]));
        }
        return tokens;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '@' or '#' or '$';

    /// <summary>The index after the quote that closes the one at <paramref name="open"/> (a doubled quote is one inside), or the end.</summary>
    private static int Closing(string sql, int open, char quote)
    {
        for (var i = open + 1; i < sql.Length; i++)
        {
            if (sql[i] != quote) continue;
            if (i + 1 < sql.Length && sql[i + 1] == quote) i++;
            else return i + 1;
        }
        return sql.Length;
    }
}
