using System.Globalization;
using System.Text;
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
        var text = Fold(Unquoted(sql));
        foreach (var synonym in Now)
        {
            if (text == synonym) return "CURRENT_TIMESTAMP";
        }
        return text;
    }

    /// <summary>
    /// As <see cref="Canonical"/>, and a constant as the value the column stores: TRUE and FALSE are 1 and 0, a quoted
    /// number on a numeric column is that number, a number on a text column is its text, and a decimal has the
    /// column's scale (MariaDB prints the default of DECIMAL(10,2) as 0.00).
    /// </summary>
    public override string CanonicalDefault(string sql, SqlType type)
    {
        var text = Canonical(sql);
        // The server gives the default the column's fractional digits: DATETIME(6) DEFAULT CURRENT_TIMESTAMP reads back as
        // current_timestamp(6) (MySQL 8 refuses fewer digits than the column's), so the digits say nothing of their own.
        if (text.StartsWith("CURRENT_TIMESTAMP(", StringComparison.Ordinal) && text.EndsWith(')')
            && int.TryParse(text["CURRENT_TIMESTAMP(".Length..^1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return "CURRENT_TIMESTAMP";
        }
        var numeric = type.IsInteger || type.Kind is SqlTypeKind.Decimal or SqlTypeKind.Single or SqlTypeKind.Double or SqlTypeKind.Boolean;
        if (text is "TRUE" or "FALSE" && (numeric || type.Kind == SqlTypeKind.Boolean)) return text == "TRUE" ? "1" : "0";
        var inner = text.Length >= 2 && text[0] == '\'' && text[^1] == '\'' ? text[1..^1] : null;
        if (numeric && decimal.TryParse(inner ?? text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return type.Kind == SqlTypeKind.Decimal && type.Scale is { } scale
                ? number.ToString("F" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
                : (number / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
        }
        if (inner is null && !numeric && type.Kind is SqlTypeKind.String or SqlTypeKind.FixedChar or SqlTypeKind.Text or SqlTypeKind.Enum
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return "'" + text + "'";
        }
        return text;
    }

    /// <summary>
    /// <paramref name="sql"/> without the backticks around plain names (<c>`q` &gt;= 0</c> is <c>q &gt;= 0</c>), as the
    /// server prints checks and generated columns: names compare without case in MySQL, so folding them is safe.
    /// </summary>
    private static string Unquoted(string sql)
    {
        if (!sql.Contains('`', StringComparison.Ordinal)) return sql;
        var builder = new StringBuilder(sql.Length);
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            if (c is '\'' or '"')
            {
                var end = i + 1;
                while (end < sql.Length && !(sql[end] == c && (end + 1 >= sql.Length || sql[end + 1] != c))) end += sql[end] == c || sql[end] == '\\' ? 2 : 1;
                builder.Append(sql, i, Math.Min(end + 1, sql.Length) - i);
                i = end;
                continue;
            }
            if (c == '`')
            {
                var close = sql.IndexOf('`', i + 1);
                var name = close > i ? sql[(i + 1)..close] : "";
                if (name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_')
                    && !MySqlIdentifiers.ReservedWords.Contains(name.ToLowerInvariant()))
                {
                    builder.Append(name);
                    i = close;
                    continue;
                }
            }
            builder.Append(c);
        }
        return builder.ToString();
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
