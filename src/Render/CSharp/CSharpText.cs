using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace DiffMigrate.Render.CSharp;

/// <summary>
/// The one way text from outside (database names, comments, defaults, messages, lint notes) reaches generated C#:
/// as a string literal made by Roslyn, as a <c>//</c> comment that no character can end early, or as an identifier
/// that is valid C#. A <c>//</c> comment ends at CR, LF, U+0085, U+2028 and U+2029, so a raw name in one could add
/// code to a file that <c>lint</c> and <c>upgrade</c> later compile and run. Block comments are never written, so
/// a <c>*/</c> in a name has nothing to close.
/// </summary>
internal static class CSharpText
{
    /// <summary>
    /// Appends <paramref name="text"/> as <c>//</c> comment lines at <paramref name="indent"/>: one per line of the
    /// text (split at LF and CRLF), every other line terminator and control character shown as an escape.
    /// </summary>
    public static StringBuilder Comment(StringBuilder code, string indent, string text)
    {
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            code.Append(indent).Append("// ").Append(CommentLine(line)).Append('\n');
        }
        return code;
    }

    /// <summary>The body of one <c>//</c> comment line: nothing in it can end the line or hide what it says.</summary>
    public static string CommentLine(string text) => VisibleText.Escape(text).TrimEnd();

    /// <summary>
    /// A C# string literal of <paramref name="value"/> (with quotes): Roslyn's escaping, and invisible or reordering
    /// characters (bidi controls, zero-width characters) written as <c>\uXXXX</c> so that the file shows what it holds.
    /// </summary>
    public static string Literal(string value)
    {
        var literal = SymbolDisplay.FormatLiteral(value, quote: true);
        if (!VisibleText.NeedsEscape(literal)) return literal;
        var text = new StringBuilder(literal.Length + 8);
        // Roslyn has escaped control characters and line terminators already; what is left is printable to it.
        for (var i = 0; i < literal.Length; i++)
        {
            if (VisibleText.IsHiddenAt(literal, i)) text.Append("\\u").Append(((int)literal[i]).ToString("x4", CultureInfo.InvariantCulture));
            else text.Append(literal[i]);
        }
        return text.ToString();
    }

    /// <summary>
    /// A literal for SQL text that may span lines: verbatim (<c>@"..."</c>, lines kept as they are, so a view or
    /// function reads as it was written) when its only line break is LF and it holds no other control, invisible or
    /// line-terminating character; otherwise as <see cref="Literal"/>, where every such character is an escape.
    /// </summary>
    public static string Text(string value)
    {
        if (!value.Contains('\n', StringComparison.Ordinal) || value.Any(c => (char.IsControl(c) && c is not '\n' and not '\t') || c is '\u0085' or '\u2028' or '\u2029')
            || VisibleText.NeedsEscape(value.Replace("\n", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal)))
        {
            return Literal(value);
        }
        return "@\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// A valid C# identifier in PascalCase made from a database name (ASCII letters and digits kept, words joined),
    /// not in <paramref name="taken"/> (a number is appended until it is free) and then added to it.
    /// </summary>
    public static string Identifier(string name, ISet<string> taken)
    {
        var text = new StringBuilder();
        var upper = true;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upper = true;
                continue;
            }
            text.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        if (text.Length == 0 || char.IsAsciiDigit(text[0])) text.Insert(0, 'N');
        var stem = text.ToString();
        var candidate = stem;
        for (var n = 2; !taken.Add(candidate); n++) candidate = stem + n.ToString(CultureInfo.InvariantCulture);
        return Keyword(candidate);
    }

    /// <summary><paramref name="name"/> as written in code: a keyword gets <c>@</c>; anything else must already be an identifier.</summary>
    public static string Keyword(string name)
    {
        var escaped = SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
        return SyntaxFacts.IsValidIdentifier(escaped.TrimStart('@'))
            ? escaped
            : throw new ArgumentException($"'{VisibleText.Escape(name)}' is not a C# identifier.", nameof(name));
    }

    /// <summary>Checks that <paramref name="name"/> is a type name (one identifier, not a keyword).</summary>
    public static string TypeName(string name) => IsIdentifier(name)
        ? name
        : throw new DiffMigrateException($"'{VisibleText.Escape(name)}' is not a C# class name: use letters, digits and underscores, not starting with a digit.");

    /// <summary>Checks that <paramref name="name"/> is a namespace: identifiers (not keywords) joined by dots.</summary>
    public static string Namespace(string name) => name.Split('.').All(IsIdentifier)
        ? name
        : throw new DiffMigrateException($"'{VisibleText.Escape(name)}' is not a C# namespace: use identifiers joined by dots, such as MyApp.Data.");

    // Contextual keywords (var, record, file...) are refused too: some cannot name a type, none reads well as one.
    private static bool IsIdentifier(string name) => SyntaxFacts.IsValidIdentifier(name)
        && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None && SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.None;
}
