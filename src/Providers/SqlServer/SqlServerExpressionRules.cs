using System.Globalization;
using DiffMigrate.Dialects;

namespace DiffMigrate.Providers.SqlServer;

/// <summary>
/// The text normaliser for SQL Server expressions, so that the model's spelling and the server's stored one compare
/// equal (see <see cref="SqlServerStoredForms"/>): outer parentheses and those SQL Server puts around each constant
/// dropped (it stores a default as <c>((0))</c>), brackets around plain names dropped, N'...' as '...', CONVERT(type, x)
/// as CAST(x AS type), case folded outside strings, white space one space between words and none around operators, the
/// synonyms of the current time made one.
/// </summary>
internal sealed class SqlServerExpressionRules : ExpressionRules
{
    /// <summary>The shared instance.</summary>
    public static SqlServerExpressionRules Instance { get; } = new();

    /// <inheritdoc/>
    public override string Canonical(string sql)
    {
        var text = SqlServerStoredForms.Comparable(sql);
        return text is "GETDATE()" or "CURRENT_TIMESTAMP" ? "GETDATE()" : text;
    }

    /// <summary>As <see cref="Canonical"/>, and TRUE and FALSE as BIT's 1 and 0, which is what the renderer writes for them.</summary>
    public override string CanonicalDefault(string sql, SqlType type)
    {
        var text = Canonical(sql);
        return text switch
        {
            "TRUE" => "1",
            "FALSE" => "0",
            _ => text,
        };
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
