using System.Text;

namespace DiffMigrate.Providers.SqlServer;

/// <summary>
/// SQL Server's stored spelling of defaults, checks, computed columns and index filters, made the model's. The server
/// keeps each as it rebuilt it: the whole wrapped in parentheses, every constant in its own (<c>((0))</c>,
/// <c>([a]&gt;(0))</c>), every name in brackets, built-in functions in lower case, CAST as a two-argument CONVERT
/// (<c>(CONVERT([bit],(0)))</c>). <see cref="Expression"/> undoes that: outer and constant parentheses dropped, brackets
/// dropped around names that need none, CONVERT(type, x) as CAST(x AS type); strings and bracketed names are read as
/// single tokens, so quotes, <c>]]</c> and line terminators inside them pass through as they are.
/// </summary>
internal static partial class SqlServerStoredForms
{
    // Keywords after which a parenthesised constant or name is an operand, not a function's or IN's argument list.
    private static readonly HashSet<string> Operators = new(["AND", "OR", "NOT", "WHEN", "THEN", "ELSE", "CASE", "LIKE", "BETWEEN", "ESCAPE", "IS"], StringComparer.OrdinalIgnoreCase);

    /// <summary>A stored check, computed column or filter in the model's spelling: <c>([price]*[qty])</c> is <c>price*qty</c>.</summary>
    public static string Expression(string stored) => Render(Plain(Tokenize(stored)));

    /// <summary>
    /// A stored default in the model's spelling: as <see cref="Expression"/>, and a lone N'...' string as '...', which
    /// the renderer writes as N'...' again (<c>(N'x')</c> is <c>'x'</c>, <c>((0))</c> is <c>0</c>).
    /// </summary>
    public static string Default(string stored)
    {
        var tokens = Plain(Tokenize(stored));
        return tokens is [{ Kind: Kind.Text } only] && only.Text[0] != '\'' ? only.Text[1..] : Render(tokens);
    }

    /// <summary>
    /// The comparison form behind <see cref="SqlServerExpressionRules.Canonical"/>: <see cref="Expression"/>, then
    /// <c>x [NOT] IN (a, b)</c> as the chain SQL Server stores for it (<see cref="InLists"/>), N'...' as '...', names and keywords in upper case (names compare without case in SQL Server), white space one space and
    /// none next to operators and parentheses.
    /// </summary>
    public static string Comparable(string sql)
    {
        var builder = new StringBuilder(sql.Length);
        Token? previous = null;
        foreach (var token in StripOuter(InLists(Plain(Tokenize(sql)))))
        {
            if (token.Kind == Kind.Space) continue;
            if (previous is { } before && Wordish(before.Kind) && Wordish(token.Kind)) builder.Append(' ');
            builder.Append(token.Kind == Kind.Text ? token.Text[0] != '\'' ? token.Text[1..] : token.Text : token.Text.ToUpperInvariant());
            previous = token;
        }
        return builder.ToString();
    }

    // What may stand before the tested name of x IN (...) for the name alone to be IN's left operand.
    private static readonly HashSet<string> Connectives = new(["AND", "OR", "NOT", "WHEN", "THEN", "ELSE"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// <c>x IN (a, b)</c> as <c>(x=a OR x=b)</c> and <c>x NOT IN (a, b)</c> as <c>(x&lt;&gt;a AND x&lt;&gt;b)</c> (one
    /// value: no parentheses), which is how SQL Server stores an IN list of constants. Only a lone name (not part of a
    /// larger operand) tested against constants (strings, numbers, signed numbers, NULL) is rewritten; any other IN is
    /// left as it is.
    /// </summary>
    private static List<Token> InLists(List<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] is not { Kind: Kind.Word } word || !word.Text.Equals("IN", StringComparison.OrdinalIgnoreCase)) continue;
            var before = Previous(tokens, i - 1);
            var negated = before >= 0 && tokens[before] is { Kind: Kind.Word } not && not.Text.Equals("NOT", StringComparison.OrdinalIgnoreCase);
            var subject = negated ? Previous(tokens, before - 1) : before;
            if (subject < 0 || !(tokens[subject].Kind == Kind.Name || tokens[subject].Kind == Kind.Word && !SqlServerSyntax.Reserved.Contains(tokens[subject].Text.ToLowerInvariant()))) continue;
            var ahead = Previous(tokens, subject - 1);
            if (ahead >= 0 && !(tokens[ahead].Kind is Kind.Open or Kind.Comma || tokens[ahead].Kind == Kind.Word && Connectives.Contains(tokens[ahead].Text))) continue;
            var open = Next(tokens, i + 1);
            if (open >= tokens.Count || tokens[open].Kind != Kind.Open) continue;
            var close = Match(tokens, open);
            if (close < 0) continue;
            var values = Values(tokens, open, close);
            if (values is null) continue;
            var (test, join) = negated ? ("<>", "AND") : ("=", "OR");
            var chain = new List<Token>();
            foreach (var value in values)
            {
                if (chain.Count > 0) chain.AddRange([new(Kind.Space, " "), new(Kind.Word, join), new(Kind.Space, " ")]);
                chain.AddRange([tokens[subject], new(Kind.Symbol, test), .. value]);
            }
            if (values.Count > 1) chain = [new(Kind.Open, "("), .. chain, new(Kind.Close, ")")];
            tokens = [.. tokens[..subject], .. chain, .. tokens[(close + 1)..]];
            i = subject + chain.Count - 1;
        }
        return tokens;
    }

    /// <summary>The constants between the parentheses at <paramref name="open"/> and <paramref name="close"/>, each without space; null when any item is not one.</summary>
    private static List<List<Token>>? Values(List<Token> tokens, int open, int close)
    {
        var values = new List<List<Token>>();
        var item = new List<Token>();
        for (var i = open + 1; i <= close; i++)
        {
            if (tokens[i].Kind == Kind.Space) continue;
            if (tokens[i].Kind is Kind.Comma or Kind.Close)
            {
                var constant = item is [{ Kind: Kind.Number or Kind.Text }]
                    || item is [{ Kind: Kind.Word } only] && only.Text.Equals("NULL", StringComparison.OrdinalIgnoreCase)
                    || item is [{ Kind: Kind.Symbol, Text: "-" or "+" }, { Kind: Kind.Number }];
                if (!constant) return null;
                values.Add(item);
                item = [];
                continue;
            }
            item.Add(tokens[i]);
        }
        return values;
    }

    /// <summary>Constant parentheses and the outer ones dropped, plain names unbracketed, CONVERT(type, x) as CAST.</summary>
    private static List<Token> Plain(List<Token> tokens)
    {
        for (var changed = true; changed;) changed = UnwrapConstant(tokens);
        tokens = StripOuter(tokens);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == Kind.Name && Unbracketed(tokens[i].Text) is { } name) tokens[i] = new Token(Kind.Word, name);
        }
        return Casts(tokens);
    }

    /// <summary>Drops the parentheses around one constant or name (a number, a signed number, a string, NULL, a column) where they group nothing.</summary>
    private static bool UnwrapConstant(List<Token> tokens)
    {
        for (var open = 0; open < tokens.Count; open++)
        {
            if (tokens[open].Kind != Kind.Open) continue;
            var first = Next(tokens, open + 1);
            var last = first;
            var signed = first < tokens.Count && tokens[first] is { Kind: Kind.Symbol, Text: "-" or "+" };
            if (signed) last = Next(tokens, first + 1);
            if (last >= tokens.Count || !(tokens[last].Kind is Kind.Number || !signed && tokens[last].Kind is Kind.Text or Kind.Name or Kind.Word)) continue;
            var close = Next(tokens, last + 1);
            if (close >= tokens.Count || tokens[close].Kind != Kind.Close) continue;
            var before = Previous(tokens, open - 1);
            // f(0) and IN (0) keep theirs; so does -(-1), which would become the comment --1.
            if (before >= 0 && (tokens[before].Kind is Kind.Name or Kind.Number or Kind.Text or Kind.Close
                || tokens[before].Kind == Kind.Word && !Operators.Contains(tokens[before].Text)
                || signed && tokens[before] is { Kind: Kind.Symbol, Text: "-" })) continue;
            var inner = tokens.GetRange(first, last - first + 1).Where(t => t.Kind != Kind.Space).ToList();
            tokens.RemoveRange(open, close - open + 1);
            tokens.InsertRange(open, inner);
            return true;
        }
        return false;
    }

    private static List<Token> StripOuter(List<Token> tokens)
    {
        while (true)
        {
            var (start, end) = (Next(tokens, 0), Previous(tokens, tokens.Count - 1));
            if (end <= start || tokens[start].Kind != Kind.Open || tokens[end].Kind != Kind.Close || Match(tokens, start) != end) return tokens[start..(end + 1)];
            tokens = tokens[(start + 1)..end];
        }
    }

    /// <summary>The name inside <c>[...]</c> when it is a regular identifier that is not reserved, else null.</summary>
    private static string? Unbracketed(string bracketed)
    {
        var name = bracketed[1..^1];
        var regular = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        return regular && !SqlServerSyntax.Reserved.Contains(name.ToLowerInvariant()) ? name : null;
    }

    /// <summary>CONVERT(type, x) (two arguments: no style) as CAST(x AS type), which is what SQL Server stored it from.</summary>
    private static List<Token> Casts(List<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] is not { Kind: Kind.Word } word || !word.Text.Equals("CONVERT", StringComparison.OrdinalIgnoreCase)) continue;
            var open = Next(tokens, i + 1);
            if (open >= tokens.Count || tokens[open].Kind != Kind.Open) continue;
            var close = Match(tokens, open);
            if (close < 0) continue;
            var commas = TopLevelCommas(tokens, open, close);
            if (commas.Count != 1) continue;
            var type = Trim(tokens[(open + 1)..commas[0]]);
            var value = Trim(tokens[(commas[0] + 1)..close]);
            List<Token> cast = [new(Kind.Word, "CAST"), new(Kind.Open, "("), .. value, new(Kind.Space, " "), new(Kind.Word, "AS"), new(Kind.Space, " "), .. type, new(Kind.Close, ")")];
            tokens = [.. tokens[..i], .. cast, .. tokens[(close + 1)..]];
        }
        return tokens;
    }
}
