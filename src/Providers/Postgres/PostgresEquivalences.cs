using System.Text;
using System.Text.RegularExpressions;

namespace DiffMigrate.Providers.Postgres;

/// <summary>
/// Spellings PostgreSQL prints differently although they mean the same, each made one form. The list is short and
/// closed: a rule is here because the server (15 or 16+) prints both forms of the same thing, and nothing beyond it
/// is guessed. The rules work on the folded text of <see cref="PostgresExpressionRules.Canonical"/> (upper case
/// outside quotes, no space next to parentheses and commas) and apply to both sides.
/// </summary>
internal static partial class PostgresEquivalences
{
    /// <summary><paramref name="folded"/> with every rule applied once (the caller repeats until nothing changes).</summary>
    public static string Apply(string folded)
    {
        var text = Brackets(folded);
        foreach (var rule in Rules) text = rule(text);
        return text;
    }

    private static readonly Func<string, string>[] Rules = [TimeZone, InList, EmptyArray, ArrayLiteral, TextArrayCast];

    /// <summary>
    /// <c>timezone(zone, x)</c> is <c>(x AT TIME ZONE zone)</c>: the same function, which PostgreSQL 15 prints as
    /// written and 16 and later print as <c>AT TIME ZONE</c> whichever way it was written.
    /// </summary>
    private static string TimeZone(string text)
    {
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var at = Find(text, "TIMEZONE(", i);
            if (at < 0 || Arguments(text, at + "TIMEZONE(".Length) is not ([var zone, var value], var end))
            {
                var stop = at < 0 ? text.Length : at + 1;
                builder.Append(text, i, stop - i);
                i = stop;
                continue;
            }
            builder.Append(text, i, at - i).Append('(').Append(value).Append(" AT TIME ZONE ").Append(zone).Append(')');
            i = end;
        }
        return builder.ToString();
    }

    /// <summary>
    /// <c>x IN (a, b)</c> is <c>x = ANY (ARRAY[a, b])</c>, <c>x NOT IN (a, b)</c> is <c>x &lt;&gt; ALL (ARRAY[a, b])</c>
    /// and <c>x IN (a)</c> is <c>x = a</c>: how the server stores a list of constants. Only for a list of literals
    /// after a column (cast or not) that starts a term, where the two forms cannot bind differently.
    /// </summary>
    private static string InList(string text) => InListPattern().Replace(text, m =>
    {
        var items = m.Groups["items"].Value;
        var not = m.Groups["not"].Success;
        if (m.Groups["more"].Captures.Count == 0) return $"{m.Groups["operand"].Value} {(not ? "<>" : "=")} {items}";
        return $"{m.Groups["operand"].Value} {(not ? "<> ALL" : "= ANY")} (ARRAY[{items}])";
    });

    /// <summary><c>ARRAY[]::T[]</c> is <c>'{}'::T[]</c>: the empty array of a type, spelled as a constructor or a literal.</summary>
    private static string EmptyArray(string text) => EmptyArrayPattern().Replace(text, m => "'{}'::" + m.Groups["type"].Value);

    /// <summary>
    /// <c>'{a,b}'::text[]</c> is <c>ARRAY['a', 'b']::text[]</c>: the server prints an array literal as written and a
    /// list (<c>IN</c>, <c>ARRAY[...]</c>) as a constructor. Only elements of letters, digits and underscores (no
    /// quotes, escapes, spaces or NULL), of a text or varchar array.
    /// </summary>
    private static string ArrayLiteral(string text) => ArrayLiteralPattern().Replace(text, m =>
    {
        var items = m.Groups["items"].Value.Split(',');
        if (items.Any(i => i.Equals("NULL", StringComparison.OrdinalIgnoreCase))) return m.Value;
        return "ARRAY[" + string.Join(",", items.Select(i => "'" + i + "'")) + "]::" + m.Groups["type"].Value;
    });

    /// <summary>
    /// <c>ARRAY['a', 'b']::text[]</c> is <c>ARRAY['a', 'b']</c> when every element is a string literal: the server
    /// types an array of string literals as text[] itself, and on a varchar column prints
    /// <c>(ARRAY['a'::character varying, ...])::text[]</c> for what it prints as <c>ARRAY['a'::text, ...]</c> on text.
    /// </summary>
    private static string TextArrayCast(string text) => TextArrayCastPattern().Replace(text, m => "ARRAY[" + m.Groups["items"].Value + "]");

    /// <summary>
    /// The folding of <see cref="PostgresExpressionRules.Canonical"/> inside square brackets too (it keeps <c>[...]</c>
    /// as written, a quoted name in other dialects): <c>ARRAY['a'::text, 'b'::text]</c> folds as the rest does.
    /// </summary>
    private static string Brackets(string text)
    {
        if (!text.Contains('[', StringComparison.Ordinal)) return text;
        var builder = new StringBuilder(text.Length);
        var pending = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                pending = builder.Length > 0;
                continue;
            }
            if (pending && c is not (')' or ',' or ']') && builder[^1] is not ('(' or ',' or '[')) builder.Append(' ');
            pending = false;
            if (c is '\'' or '"')
            {
                var end = Skip(text, i);
                builder.Append(text, i, end - i);
                i = end - 1;
                continue;
            }
            builder.Append(char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>The index of <paramref name="word"/> at or after <paramref name="from"/> outside quotes, not inside a longer name; or -1.</summary>
    private static int Find(string text, string word, int from)
    {
        for (var i = from; i <= text.Length - word.Length; i++)
        {
            if (text[i] is '\'' or '"')
            {
                i = Skip(text, i) - 1;
                continue;
            }
            if (string.CompareOrdinal(text, i, word, 0, word.Length) == 0 && (i == 0 || !IsNamePart(text[i - 1]))) return i;
        }
        return -1;
    }

    /// <summary>The top-level arguments of a call whose '(' is just before <paramref name="start"/>, and the index after its ')'.</summary>
    private static (List<string>, int)? Arguments(string text, int start)
    {
        var arguments = new List<string>();
        var depth = 0;
        var from = start;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\'' or '"')
            {
                i = Skip(text, i) - 1;
                continue;
            }
            if (c is '(' or '[') depth++;
            else if (c is ']') depth--;
            else if (c == ')' && depth-- == 0)
            {
                arguments.Add(text[from..i].Trim());
                return (arguments, i + 1);
            }
            else if (c == ',' && depth == 0)
            {
                arguments.Add(text[from..i].Trim());
                from = i + 1;
            }
        }
        return null;
    }

    /// <summary>The index after the quoted string or name that opens at <paramref name="open"/>.</summary>
    private static int Skip(string text, int open)
    {
        var quote = text[open];
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] != quote) continue;
            if (i + 1 < text.Length && text[i + 1] == quote) i++;
            else return i + 1;
        }
        return text.Length;
    }

    private static bool IsNamePart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' or '"';

    // A literal, its casts included: 'x', 'x'::TEXT, 5, -1.5::NUMERIC.
    private const string Literal = """(?:'(?:[^']|'')*'|-?\d+(?:\.\d+)?)(?:::(?:CHARACTER VARYING|DOUBLE PRECISION|[A-Z_][A-Z0-9_]*)(?:\(\d+(?:,\d+)?\))?(?:\[\])?)*""";

    private const string StringLiteral = """'(?:[^']|'')*'(?:::(?:CHARACTER VARYING|TEXT|VARCHAR)(?:\(\d+\))?)*""";

    private const string Name = """(?:"(?:[^"]|"")+"|[A-Z_][A-Z0-9_$]*)""";

    private const string TypeName = """(?:CHARACTER VARYING|DOUBLE PRECISION|TIMESTAMP(?:\(\d+\))? (?:WITH|WITHOUT) TIME ZONE|TIME(?:\(\d+\))? (?:WITH|WITHOUT) TIME ZONE|(?:"(?:[^"]|"")+"|[A-Z_][A-Z0-9_$]*)(?:\.(?:"(?:[^"]|"")+"|[A-Z_][A-Z0-9_$]*))?)(?:\(\d+(?:,\d+)?\))?""";

    [GeneratedRegex($"""(?<=^|[(,]|\bAND |\bOR |\bNOT )(?<operand>\(?{Name}(?:\.{Name})?\)?(?:::(?:CHARACTER VARYING|[A-Z_][A-Z0-9_]*)(?:\(\d+\))?)?) (?<not>NOT )?IN \((?<items>{Literal}(?<more>,{Literal})*)\)""", RegexOptions.CultureInvariant)]
    private static partial Regex InListPattern();

    [GeneratedRegex($"""(?:\(ARRAY\[\]\)|ARRAY\[\])::(?<type>{TypeName}\[\])""", RegexOptions.CultureInvariant)]
    private static partial Regex EmptyArrayPattern();

    [GeneratedRegex("""'\{(?<items>[A-Za-z0-9_]+(?:,[A-Za-z0-9_]+)*)\}'::(?<type>(?:TEXT|CHARACTER VARYING(?:\(\d+\))?|VARCHAR(?:\(\d+\))?)\[\])""", RegexOptions.CultureInvariant)]
    private static partial Regex ArrayLiteralPattern();

    [GeneratedRegex($"""(?:\(ARRAY\[(?<items>{StringLiteral}(?:,{StringLiteral})*)\]\)|ARRAY\[(?<items>{StringLiteral}(?:,{StringLiteral})*)\])::(?:TEXT|CHARACTER VARYING(?:\(\d+\))?|VARCHAR(?:\(\d+\))?)\[\]""", RegexOptions.CultureInvariant)]
    private static partial Regex TextArrayCastPattern();
}
