namespace DiffMigrate.Providers.MySql;

/// <summary>
/// What MariaDB's SHOW CREATE TABLE says of a table's columns (the text after DEFAULT, inside GENERATED ALWAYS AS
/// (...)) and named checks (inside CHECK (...)), as information_schema prints them. Only for the tables
/// <see cref="MySqlCanonicalizer"/> writes: no ON UPDATE, COMMENT, AUTO_INCREMENT or INVISIBLE after a default.
/// </summary>
internal sealed record MySqlShowCreate(
    IReadOnlyDictionary<string, (string? Default, string? Generated)> Columns, IReadOnlyDictionary<string, string> Checks)
{
    /// <summary>The columns and checks of <paramref name="sql"/>, a SHOW CREATE TABLE answer.</summary>
    public static MySqlShowCreate Parse(string sql)
    {
        var columns = new Dictionary<string, (string?, string?)>(StringComparer.OrdinalIgnoreCase);
        var checks = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var open = sql.IndexOf('(', StringComparison.Ordinal);
        var close = open < 0 ? -1 : Skip(sql, open);
        if (close < 0) return new(columns, checks);
        foreach (var part in Split(sql[(open + 1)..close]))
        {
            var definition = part.Trim();
            if (definition.StartsWith("CONSTRAINT `", StringComparison.Ordinal))
            {
                var (name, after) = Name(definition, "CONSTRAINT ".Length);
                if (name is not null && Find(definition, after, "CHECK (") is var at and >= 0) checks[name] = Inside(definition, at + "CHECK ".Length);
            }
            else if (definition.StartsWith('`'))
            {
                var (name, after) = Name(definition, 0);
                if (name is null) continue;
                var generated = Find(definition, after, "GENERATED ALWAYS AS (");
                var value = Find(definition, after, "DEFAULT ");
                string? text = null;
                if (value >= 0)
                {
                    var start = value + "DEFAULT ".Length;
                    var check = Find(definition, start, "CHECK (");   // a JSON column's json_valid check after it
                    text = definition[start..(check < 0 ? definition.Length : check)].Trim();
                }
                columns[name] = (text, generated < 0 ? null : Inside(definition, generated + "GENERATED ALWAYS AS ".Length));
            }
        }
        return new(columns, checks);
    }

    /// <summary>The backticked name at <paramref name="start"/> and the index after it.</summary>
    private static (string?, int) Name(string text, int start)
    {
        if (start >= text.Length || text[start] != '`') return (null, start);
        var end = Closing(text, start);
        return end < 0 ? (null, start) : (text[(start + 1)..end].Replace("``", "`", StringComparison.Ordinal), end + 1);
    }

    /// <summary>The text inside the parentheses opening at <paramref name="open"/>.</summary>
    private static string Inside(string text, int open)
    {
        var close = Skip(text, open);
        return close < 0 ? text[(open + 1)..] : text[(open + 1)..close];
    }

    /// <summary>Where <paramref name="word"/> starts (after a space, outside quotes and parentheses) from <paramref name="start"/>, or -1.</summary>
    private static int Find(string text, int start, string word)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] is '\'' or '"' or '`') i = Closing(text, i);
            else if (text[i] == '(') i = Skip(text, i);
            else if ((i == 0 || text[i - 1] == ' ') && string.CompareOrdinal(text, i, word, 0, word.Length) == 0) return i;
            if (i < 0) return -1;
        }
        return -1;
    }

    /// <summary>The parts of a definition list, split at the commas outside quotes and parentheses.</summary>
    private static IEnumerable<string> Split(string body)
    {
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] is '\'' or '"' or '`') i = Closing(body, i);
            else if (body[i] == '(') i = Skip(body, i);
            else if (body[i] == ',')
            {
                yield return body[start..i];
                start = i + 1;
            }
            if (i < 0) yield break;
        }
        yield return body[start..];
    }

    /// <summary>The index of the parenthesis that closes the one at <paramref name="open"/>, or -1.</summary>
    private static int Skip(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] is '\'' or '"' or '`') i = Closing(text, i);
            if (i < 0) return -1;
            if (text[i] == '(') depth++;
            else if (text[i] == ')' && --depth == 0) return i;
        }
        return -1;
    }

    /// <summary>The quote that closes the one at <paramref name="start"/>: the server escapes with a backslash or doubles.</summary>
    private static int Closing(string text, int start)
    {
        var quote = text[start];
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\' && quote != '`') i++;
            else if (text[i] == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote) i++;
                else return i;
            }
        }
        return -1;
    }
}
