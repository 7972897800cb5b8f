using System.Text;

namespace DiffMigrate.Dialects;

/// <summary>
/// How a dialect spells SQL expressions (defaults, CHECK bodies, index filters): a canonical form for comparison,
/// so that the differ judges meaning rather than spelling and never needs the database.
/// </summary>
public abstract class ExpressionRules
{
    /// <summary>The comparison form of <paramref name="sql"/>; equal forms mean equal expressions.</summary>
    public abstract string Canonical(string sql);

    /// <summary>
    /// The comparison form of <paramref name="sql"/> as the DEFAULT of a column of <paramref name="type"/>; a dialect
    /// that converts a default by the column's type overrides this so that defaults storing the same value compare equal.
    /// </summary>
    public virtual string CanonicalDefault(string sql, SqlType type) => Canonical(sql);

    /// <summary>
    /// The comparison form of a view's query or a routine's or trigger's CREATE statement. Where the database's own
    /// stored form is compared (the canonicaliser reads it back), only line endings and the space and semicolons that
    /// end the text are left out; a dialect that compares definitions without the database overrides this.
    /// </summary>
    public virtual string CanonicalDefinition(DefinedObjectKind kind, string sql)
    {
        var text = sql.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
        while (text.EndsWith(';')) text = text[..^1].TrimEnd();
        return text.TrimStart();
    }

    /// <summary>True when <paramref name="sql"/> is a literal that needs no parentheses after DEFAULT.</summary>
    public abstract bool IsLiteral(string sql);

    /// <summary>
    /// Upper-cases everything outside quotes, collapses white space, drops it next to parentheses and commas, and
    /// strips parentheses that wrap the whole expression.
    /// </summary>
    protected static string Fold(string sql)
    {
        var text = sql.Trim();
        while (WrappedInParentheses(text)) text = text[1..^1].Trim();
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\'' or '"' or '`' or '[')
            {
                var close = c == '[' ? ']' : c;
                var end = i + 1;
                while (end < text.Length && !(text[end] == close && (end + 1 >= text.Length || text[end + 1] != close || close == ']'))) end += text[end] == close ? 2 : 1;
                FlushSpace(builder, ref pendingSpace, c);
                builder.Append(text, i, Math.Min(end + 1, text.Length) - i);
                i = end;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            FlushSpace(builder, ref pendingSpace, c);
            builder.Append(char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }

    private static void FlushSpace(StringBuilder builder, ref bool pendingSpace, char next)
    {
        if (pendingSpace && next is not (')' or ',') && builder[^1] is not ('(' or ','))
        {
            builder.Append(' ');
        }
        pendingSpace = false;
    }

    /// <summary><paramref name="sql"/> trimmed, without parentheses that wrap the whole of it.</summary>
    public static string StripOuterParentheses(string sql)
    {
        var text = sql.Trim();
        while (WrappedInParentheses(text)) text = text[1..^1].Trim();
        return text;
    }

    /// <summary>True when the first character is '(' and its match is the last character.</summary>
    public static bool WrappedInParentheses(string text)
    {
        if (text.Length < 2 || text[0] != '(' || text[^1] != ')') return false;
        var depth = 0;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } q)
            {
                if (c == q) quote = null;
                continue;
            }
            if (c is '\'' or '"') { quote = c; continue; }
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0 && i != text.Length - 1) return false;
        }
        return depth == 0;
    }
}
