using System.Globalization;
using System.Text;
using DiffMigrate.Dialects;

namespace DiffMigrate.Providers.Sqlite;

/// <summary>
/// SQLite stores a DEFAULT exactly as written (<c>pragma_table_info.dflt_value</c>), parentheses included, and a
/// CHECK only inside the CREATE TABLE text; both compare through <see cref="Canonical"/>, which reads them as SQLite's
/// tokens so that only spelling that SQLite ignores (white space, comments, keyword case, parentheses that change nothing) is ignored.
/// </summary>
internal sealed class SqliteExpressionRules : ExpressionRules
{
    /// <summary>The shared instance.</summary>
    public static SqliteExpressionRules Instance { get; } = new();

    /// <inheritdoc/>
    public override string Canonical(string sql)
    {
        var tokens = SqliteParentheses.Remove(SqlTokenizer.Tokenize(sql));
        var text = new StringBuilder(sql.Length);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            // A space only where it keeps two tokens apart: "x IS NOT NULL", never "x > 0".
            if (i > 0 && token.Kind != TokenKind.Punctuation && tokens[i - 1].Kind != TokenKind.Punctuation) text.Append(' ');
            text.Append(token.Kind is TokenKind.Word or TokenKind.Number ? token.Text.ToUpperInvariant() : token.Text);
        }
        return text.ToString();
    }

    /// <summary>
    /// A quoted number as the default of a column with numeric affinity is stored as that number
    /// (<c>INTEGER DEFAULT '5'</c> is <c>DEFAULT 5</c>); on a TEXT column it stays text and compares as written.
    /// </summary>
    public override string CanonicalDefault(string sql, SqlType type)
    {
        var canonical = Canonical(sql);
        if (canonical.Length < 3 || canonical[0] != '\'' || canonical[^1] != '\'' || !IsNumericAffinity(SqliteTypeMap.Instance.ToSql(type))) return canonical;
        var inner = canonical[1..^1];
        return IsNumber(inner) ? Canonical(inner) : canonical;
    }

    /// <inheritdoc/>
    public override bool IsLiteral(string sql)
    {
        var text = sql.Trim();
        if (text.Length == 0) return false;
        if (text[0] == '\'' && text[^1] == '\'' && text.Length >= 2) return text[1..^1].Replace("''", "", StringComparison.Ordinal).IndexOf('\'', StringComparison.Ordinal) < 0;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return true;
        return text.ToUpperInvariant() is "NULL" or "TRUE" or "FALSE" or "CURRENT_TIMESTAMP" or "CURRENT_DATE" or "CURRENT_TIME";
    }

    /// <summary>SQLite's affinity rules (datatype3.html 3.1): INTEGER, REAL and NUMERIC convert well-formed numeric text.</summary>
    private static bool IsNumericAffinity(string declared)
    {
        var type = declared.ToUpperInvariant();
        if (type.Contains("INT", StringComparison.Ordinal)) return true;
        if (type.Contains("CHAR", StringComparison.Ordinal) || type.Contains("CLOB", StringComparison.Ordinal) || type.Contains("TEXT", StringComparison.Ordinal)) return false;
        if (type.Contains("BLOB", StringComparison.Ordinal) || type.Length == 0) return false;
        return true;
    }

    /// <summary>A plain decimal literal (no sign, hex or white space): text SQLite converts to the same number it would read.</summary>
    private static bool IsNumber(string text)
    {
        var tokens = SqlTokenizer.Tokenize(text);
        return tokens.Count == 1 && tokens[0].Kind == TokenKind.Number && tokens[0].Text.Length == text.Length
            && !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _);
    }
}
