using System.Globalization;
using System.Text.RegularExpressions;
using DiffMigrate.Dialects;

namespace DiffMigrate.Providers.SqlServer;

/// <summary>
/// The text normaliser for SQL Server expressions, so that the model's spelling and the server's stored one compare
/// equal (see <see cref="SqlServerStoredForms"/>): outer parentheses and those SQL Server puts around each constant
/// dropped (it stores a default as <c>((0))</c>), brackets around plain names dropped, N'...' as '...', CONVERT(type, x)
/// as CAST(x AS type), case folded outside strings, white space one space between words and none around operators, the
/// synonyms of the current time made one, <c>x IN (a, b)</c> as the <c>x=a OR x=b</c> SQL Server stores for it.
/// Definitions of views, routines and triggers compare as SQL Server keeps them: the text as it was sent.
/// </summary>
internal sealed partial class SqlServerExpressionRules : ExpressionRules
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

    /// <summary>
    /// A view's query, or a routine's or trigger's CREATE statement, as SQL Server keeps it (the text as it was sent,
    /// which is what the renderer sends for the model's): without the space and semicolons that end it, and for the
    /// CREATE statements with <c>CREATE OR ALTER</c>, <c>ALTER</c> and <c>PROC</c> as <c>CREATE ... PROCEDURE</c> and
    /// without the object's name, which the key already compares (<c>[dbo].[f]</c>, <c>dbo.f</c> and <c>f</c> are one).
    /// </summary>
    public override string CanonicalDefinition(DefinedObjectKind kind, string sql)
    {
        var text = base.CanonicalDefinition(kind, sql);
        if (kind == DefinedObjectKind.View) return text;
        var head = Head().Match(text);
        if (!head.Success) return text;
        var word = head.Groups[1].Value.ToUpperInvariant() is var upper && upper == "PROC" ? "PROCEDURE" : upper;
        return $"CREATE {word} {text[head.Length..]}";
    }

    // CREATE [OR ALTER] | ALTER, the kind, and the object's name of one to three parts (each plain, [bracketed] or "quoted").
    [GeneratedRegex("""
        ^(?:CREATE(?:\s+OR\s+ALTER)?|ALTER)\s+(FUNCTION|PROCEDURE|PROC|TRIGGER)\s+
        (?>(?:\[(?:[^\]]|\]\])*\]|"(?:[^"]|"")*"|[\p{L}_@\#][\p{L}\p{Nd}_@\#$]*)(?:\s*\.\s*(?:\[(?:[^\]]|\]\])*\]|"(?:[^"]|"")*"|[\p{L}_@\#][\p{L}\p{Nd}_@\#$]*)){0,2})\s*
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Head();

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
