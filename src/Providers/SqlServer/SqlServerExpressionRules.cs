using System.Globalization;
using DiffMigrate.Dialects;

namespace DiffMigrate.Providers.SqlServer;

/// <summary>
/// The text normaliser for SQL Server expressions: case folded outside quotes and brackets, white space collapsed,
/// outer parentheses dropped (SQL Server stores a default as <c>((0))</c>), the synonyms of the current time made one.
/// </summary>
internal sealed class SqlServerExpressionRules : ExpressionRules
{
    /// <summary>The shared instance.</summary>
    public static SqlServerExpressionRules Instance { get; } = new();

    /// <inheritdoc/>
    public override string Canonical(string sql)
    {
        var text = Fold(sql);
        return text is "GETDATE()" or "CURRENT_TIMESTAMP" ? "GETDATE()" : text;
    }

    /// <summary>Numbers, string literals (N'...' or '...'), binary literals and NULL, which need no parentheses after DEFAULT.</summary>
    public override bool IsLiteral(string sql)
    {
        var text = sql.Trim();
        if (text.Length == 0) return false;
        var quoted = text.StartsWith("N'", StringComparison.OrdinalIgnoreCase) ? text[1..] : text;
        if (quoted.Length >= 2 && quoted[0] == '\'' && quoted[^1] == '\'') return ClosedOnce(quoted);
        if (text.Length > 2 && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && text[2..].All(char.IsAsciiHexDigit)) return true;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || text.Equals("NULL", StringComparison.OrdinalIgnoreCase);
    }

    // One string literal, not 'a' + 'b': every quote inside is doubled.
    private static bool ClosedOnce(string text)
    {
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] != '\'') continue;
            if (text[i + 1] != '\'' || i + 1 == text.Length - 1) return false;
            i++;
        }
        return true;
    }
}
