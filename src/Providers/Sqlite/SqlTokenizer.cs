namespace DiffMigrate.Providers.Sqlite;

internal enum TokenKind { Word, QuotedName, String, Number, Punctuation }

/// <summary>
/// A token of SQLite DDL: its span in <paramref name="Source"/>, so that expressions can be cut out verbatim. The text
/// is cut only when asked for: an inspection tokenizes every CREATE statement of the database and compares most
/// tokens with a keyword or a punctuation mark only (at 500 tables, a string per token was most of what it allocated).
/// </summary>
internal readonly record struct SqlToken(TokenKind Kind, string Source, int Start, int End)
{
    /// <summary>The token as written.</summary>
    public string Text => Source[Start..End];

    /// <summary>The identifier the token names (quotes removed), or the bare word.</summary>
    public string Identifier => Kind switch
    {
        TokenKind.QuotedName when Source[Start] == '[' => Source[(Start + 1)..(End - 1)],
        TokenKind.QuotedName or TokenKind.String =>
            Source[(Start + 1)..(End - 1)].Replace(new string(Source[Start], 2), Source[Start].ToString(), StringComparison.Ordinal),
        _ => Text,
    };

    public bool Is(string word) => Kind == TokenKind.Word && Source.AsSpan(Start, End - Start).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsPunctuation(char c) => Kind == TokenKind.Punctuation && End - Start == 1 && Source[Start] == c;
}

/// <summary>
/// The tokens of one statement, in order; a statement's parts are slices of it, not copies. Not a
/// <c>List&lt;SqlToken&gt;</c>: the framework's precompiled code cannot serve a generic collection over a struct of
/// this assembly, so its methods were compiled at run time on first use; this class is precompiled with the tool.
/// With the tokens' text left in the statement, parsing 500 CREATE TABLE statements and 1,154 CREATE INDEX ones went
/// from 11.9 to 4.1 MiB allocated (46 to 31 ms on its first pass, which is what a command runs).
/// </summary>
internal sealed class SqlTokens
{
    private readonly int offset;
    private readonly bool slice;
    private SqlToken[] items;

    public SqlTokens(int capacity = 16) => items = new SqlToken[Math.Max(capacity, 1)];

    private SqlTokens(SqlToken[] items, int offset, int count) => (this.items, this.offset, Count, slice) = (items, offset, count, true);

    public int Count { get; private set; }

    public SqlToken this[int index] => (uint)index < (uint)Count ? items[offset + index] : throw new ArgumentOutOfRangeException(nameof(index));

    public void Add(SqlToken token)
    {
        if (slice) throw new InvalidOperationException("A slice of tokens is read-only.");
        if (Count == items.Length)
        {
            var bigger = new SqlToken[items.Length * 2];
            Array.Copy(items, bigger, Count);
            items = bigger;
        }
        items[Count++] = token;
    }

    /// <summary>The tokens from <paramref name="start"/> up to <paramref name="end"/> (excluded), sharing these ones' storage.</summary>
    public SqlTokens Slice(int start, int end) =>
        0 <= start && start <= end && end <= Count ? new SqlTokens(items, offset + start, end - start) : throw new ArgumentOutOfRangeException(nameof(end));

    /// <summary>The index of the first token from <paramref name="from"/> on that <paramref name="match"/> accepts, or -1.</summary>
    public int FindIndex(int from, Func<SqlToken, bool> match)
    {
        for (var i = from; i < Count; i++)
        {
            if (match(items[offset + i])) return i;
        }
        return -1;
    }

    /// <summary>The index of the first token that <paramref name="match"/> accepts, or -1.</summary>
    public int FindIndex(Func<SqlToken, bool> match) => FindIndex(0, match);

    /// <summary>These tokens without the two at <paramref name="first"/> and <paramref name="second"/> (first &lt; second).</summary>
    public SqlTokens Without(int first, int second)
    {
        var rest = new SqlTokens(Count);
        for (var i = 0; i < Count; i++)
        {
            if (i != first && i != second) rest.Add(items[offset + i]);
        }
        return rest;
    }
}

/// <summary>Splits SQLite DDL into tokens, dropping white space and comments.</summary>
internal static class SqlTokenizer
{
    public static SqlTokens Tokenize(string sql)
    {
        // A token for every six characters or so of DDL: one array for most statements.
        var tokens = new SqlTokens(sql.Length / 6 + 4);
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
                tokens.Add(new SqlToken(c == '\'' ? TokenKind.String : TokenKind.QuotedName, sql, start, i));
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '$')) i++;
                tokens.Add(new SqlToken(TokenKind.Word, sql, start, i));
                continue;
            }
            if (char.IsDigit(c) || (c == '.' && i + 1 < sql.Length && char.IsDigit(sql[i + 1])))
            {
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '.')) i++;
                tokens.Add(new SqlToken(TokenKind.Number, sql, start, i));
                continue;
            }
            i++;
            tokens.Add(new SqlToken(TokenKind.Punctuation, sql, start, i));
        }
        return tokens;
    }
}
