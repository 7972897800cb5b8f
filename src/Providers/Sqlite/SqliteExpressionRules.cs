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
    /// A constant default compares as the value SQLite stores in a row by the column's affinity (datatype3.html 3.1
    /// and 4.2, checked against the library with typeof() and quote() of inserted defaults): on INTEGER and NUMERIC
    /// affinity <c>5.0</c>, <c>'5'</c> and <c>' 5'</c> are the integer 5; on REAL <c>5</c> is 5.0; on TEXT
    /// <c>5</c> is '5' and <c>1.50</c> is '1.5'; on BLOB (no affinity) nothing converts, so 5 and '5' differ.
    /// Anything else compares by its tokens (<see cref="Canonical"/>).
    /// </summary>
    public override string CanonicalDefault(string sql, SqlType type)
    {
        var canonical = Canonical(sql);
        return SqliteStoredValue.Of(canonical, SqliteTypeMap.Instance.ToSql(type)) ?? canonical;
    }

    /// <inheritdoc/>
    public override string CanonicalDefinition(DefinedObjectKind kind, string sql) => SqliteObjects.Canonical(sql);

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
