using System.Globalization;
using System.Text;

namespace DiffMigrate.Render;

/// <summary>
/// Text taken from a database (names, comments, defaults) made safe to show on one line: every character that ends a
/// line somewhere (CR, LF, U+0085, U+2028, U+2029), drives a terminal (C0, DEL, C1, ESC), reorders what is shown
/// (bidi controls) or is invisible, becomes a visible escape such as <c>\n</c> or <c>\u2028</c>. Everything else is
/// left as it is, so ordinary names read unchanged.
/// </summary>
internal static class VisibleText
{
    /// <summary><paramref name="text"/> with every hidden character shown as an escape.</summary>
    public static string Escape(string text)
    {
        if (!NeedsEscape(text)) return text;
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }
            if (!IsHiddenAt(text, i))
            {
                builder.Append(c);
                continue;
            }
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
        }
        return builder.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> for a terminal, keeping its line feeds (messages of several lines) and escaping the rest:
    /// a name in an error message cannot move the cursor, recolour the screen or pass for another line's end.
    /// </summary>
    public static string EscapeLines(string text) => NeedsEscape(text) ? string.Join('\n', text.Split('\n').Select(Escape)) : text;

    /// <summary>Whether <paramref name="text"/> holds a character <see cref="Escape"/> would change.</summary>
    public static bool NeedsEscape(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsHiddenAt(text, i)) return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="c"/> ends a line in C# (a <c>//</c> comment stops there) or in Unicode text.</summary>
    public static bool IsLineTerminator(char c) => c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>
    /// Whether the character at <paramref name="i"/> is one <see cref="Escape"/> shows as an escape. A lone surrogate
    /// is: encoders turn it into U+FFFD, so what is shown would not be what is stored.
    /// </summary>
    public static bool IsHiddenAt(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c)) return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        if (char.IsLowSurrogate(c)) return i == 0 || !char.IsHighSurrogate(text[i - 1]);
        return c switch
        {
            < ' ' or '\u007f' => true,                       // C0 (CR, LF, tab, ESC, NUL...) and DEL
            >= '\u0080' and <= '\u009f' => true,             // C1, NEL (U+0085) among them
            '\u061c' or '\u00ad' or '\ufeff' => true,       // Arabic letter mark, soft hyphen, byte-order mark
            >= '\u200b' and <= '\u200f' => true,             // zero-width characters, LRM and RLM
            >= '\u2028' and <= '\u202e' => true,             // line and paragraph separators, bidi embeddings and overrides
            >= '\u2060' and <= '\u2069' => true,             // word joiner, invisible operators, bidi isolates
            >= '\ufff9' and <= '\ufffb' => true,             // interlinear annotation controls
            _ => false,
        };
    }
}
