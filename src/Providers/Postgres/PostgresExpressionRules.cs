using System.Globalization;
using System.Text.RegularExpressions;
using DiffMigrate.Dialects;

namespace DiffMigrate.Providers.Postgres;

/// <summary>
/// The fallback normaliser for PostgreSQL expressions, used when the server cannot canonicalise the model's
/// expressions (offline, or before the types exist). The server adds casts to literals (<c>'x'::text</c>,
/// <c>'0'::numeric</c>) and parentheses, and spells <c>now()</c> as written; this removes casts on literals,
/// unquotes numeric literals, folds the synonyms of CURRENT_TIMESTAMP and drops parentheses around single terms.
/// Spellings the server itself prints in two ways (<see cref="PostgresEquivalences"/>) become one on both sides,
/// whether the server canonicalised the model or not.
/// </summary>
internal sealed partial class PostgresExpressionRules : ExpressionRules
{
    /// <summary>The shared instance.</summary>
    public static PostgresExpressionRules Instance { get; } = new();

    /// <inheritdoc/>
    public override string Canonical(string sql)
    {
        var text = Fold(sql);
        string previous;
        do
        {
            previous = text;
            text = PostgresEquivalences.Apply(text);
            text = LiteralCast().Replace(text, m => m.Groups["literal"].Value);
            text = NumericString().Replace(text, m => m.Groups["number"].Value);
            text = SingleTerm().Replace(text, m => m.Groups["term"].Value);
            text = text.Replace("NOW()", "CURRENT_TIMESTAMP", StringComparison.Ordinal)
                .Replace("TRANSACTION_TIMESTAMP()", "CURRENT_TIMESTAMP", StringComparison.Ordinal);
            text = StripOuter(text);
        }
        while (text != previous);
        return text;
    }

    /// <inheritdoc/>
    public override bool IsLiteral(string sql)
    {
        var text = LiteralCast().Replace(sql.Trim(), m => m.Groups["literal"].Value);
        if (text.Length == 0) return false;
        if (text[0] == '\'' && text[^1] == '\'' && text.Length >= 2) return text[1..^1].Replace("''", "", StringComparison.Ordinal).IndexOf('\'', StringComparison.Ordinal) < 0;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return true;
        return text.ToUpperInvariant() is "NULL" or "TRUE" or "FALSE" or "CURRENT_TIMESTAMP" or "CURRENT_DATE" or "CURRENT_TIME"
            or "LOCALTIMESTAMP" or "CURRENT_USER";
    }

    private static string StripOuter(string text)
    {
        while (WrappedInParentheses(text)) text = text[1..^1];
        return text;
    }

    // A literal (quoted string or number) followed by casts to a type name of one or more known words, or to a
    // possibly schema-qualified name whose parts are bare or quoted (an enum called "Mood", "my ""mood""" or
    // audit."Mood" prints quoted).
    [GeneratedRegex("""(?<literal>'(?:[^']|'')*'|-?\d+(?:\.\d+)?)(?:::(?:CHARACTER VARYING|DOUBLE PRECISION|TIMESTAMP(?:\(\d+\))? (?:WITH|WITHOUT) TIME ZONE|TIME(?:\(\d+\))? (?:WITH|WITHOUT) TIME ZONE|(?:"(?:[^"]|"")+"|[A-Z_][A-Z0-9_$]*)(?:\.(?:"(?:[^"]|"")+"|[A-Z_][A-Z0-9_$]*))?)(?:\(\d+(?:,\d+)?\))?(?:\[\])?)+""", RegexOptions.CultureInvariant)]
    private static partial Regex LiteralCast();

    [GeneratedRegex("""'(?<number>-?\d+(?:\.\d+)?)'""", RegexOptions.CultureInvariant)]
    private static partial Regex NumericString();

    [GeneratedRegex("""(?<![A-Z0-9_"])\((?<term>'(?:[^']|'')*'|-?\d+(?:\.\d+)?|[A-Z_][A-Z0-9_]*|"[^"]+")\)""", RegexOptions.CultureInvariant)]
    private static partial Regex SingleTerm();
}
