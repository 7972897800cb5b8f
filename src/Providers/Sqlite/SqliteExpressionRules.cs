using System.Globalization;
using DiffMigrate.Dialects;

namespace DiffMigrate.Providers.Sqlite;

/// <summary>
/// SQLite stores a DEFAULT exactly as written (<c>pragma_table_info.dflt_value</c>), parentheses included, and a
/// CHECK only inside the CREATE TABLE text; both compare through <see cref="ExpressionRules.Canonical"/>.
/// </summary>
internal sealed class SqliteExpressionRules : ExpressionRules
{
    /// <summary>The shared instance.</summary>
    public static SqliteExpressionRules Instance { get; } = new();

    /// <inheritdoc/>
    public override string Canonical(string sql) => Fold(sql);

    /// <inheritdoc/>
    public override bool IsLiteral(string sql)
    {
        var text = sql.Trim();
        if (text.Length == 0) return false;
        if (text[0] == '\'' && text[^1] == '\'' && text.Length >= 2) return text[1..^1].Replace("''", "", StringComparison.Ordinal).IndexOf('\'', StringComparison.Ordinal) < 0;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return true;
        return text.ToUpperInvariant() is "NULL" or "TRUE" or "FALSE" or "CURRENT_TIMESTAMP" or "CURRENT_DATE" or "CURRENT_TIME";
    }
}
