using System.Globalization;
using DiffMigrate.Dialects;

namespace DiffMigrate.Providers.MySql;

/// <summary>
/// The text normaliser for MariaDB and MySQL expressions: case folded outside quotes, white space collapsed, outer
/// parentheses dropped, the synonyms of CURRENT_TIMESTAMP made one. How the server stores defaults and checks (MariaDB
/// quotes a string default, MySQL keeps a generated column's text as it rewrote it) is for the canonicaliser.
/// </summary>
internal sealed class MySqlExpressionRules : ExpressionRules
{
    /// <summary>The shared instance.</summary>
    public static MySqlExpressionRules Instance { get; } = new();

    private static readonly string[] Now = ["CURRENT_TIMESTAMP()", "NOW()", "LOCALTIMESTAMP()", "LOCALTIMESTAMP", "LOCALTIME()", "LOCALTIME"];

    /// <inheritdoc/>
    public override string Canonical(string sql)
    {
        var text = Fold(sql);
        foreach (var synonym in Now)
        {
            if (text == synonym) return "CURRENT_TIMESTAMP";
        }
        return text;
    }

    /// <summary>
    /// Literals and CURRENT_TIMESTAMP, which MySQL takes after DEFAULT without parentheses; anything else is an
    /// expression default, which MariaDB 10.2 and MySQL 8.0.13 take in parentheses.
    /// </summary>
    public override bool IsLiteral(string sql)
    {
        var text = sql.Trim();
        if (text.Length == 0) return false;
        if (text.Length >= 2 && text[0] == '\'' && text[^1] == '\'') return ClosedOnce(text);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return true;
        var upper = text.ToUpperInvariant();
        return upper is "NULL" or "TRUE" or "FALSE" or "CURRENT_TIMESTAMP" or "CURRENT_TIMESTAMP()" or "NOW()"
            || (upper.StartsWith("CURRENT_TIMESTAMP(", StringComparison.Ordinal) && upper.EndsWith(')') && int.TryParse(upper["CURRENT_TIMESTAMP(".Length..^1], CultureInfo.InvariantCulture, out _));
    }

    // One string literal, not 'a' || 'b': every quote inside is doubled or escaped with a backslash.
    private static bool ClosedOnce(string text)
    {
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] == '\\') i++;
            else if (text[i] == '\'' && text[i + 1] == '\'' && i + 1 < text.Length - 1) i++;
            else if (text[i] == '\'') return false;
        }
        return true;
    }
}
