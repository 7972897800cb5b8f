using System.Globalization;
using System.Text.RegularExpressions;

namespace DiffMigrate.Providers.Sqlite;

/// <summary>
/// The value SQLite stores for a constant default in a column of a declared type: its storage class and value,
/// written so that two defaults storing the same compare equal (integer <c>5</c>, real <c>5.0</c>, text <c>'5'</c>).
/// </summary>
internal static partial class SqliteStoredValue
{
    private enum Affinity { Integer, Numeric, Real, Text, Blob }

    /// <summary>
    /// The stored value of <paramref name="canonical"/> (a default in <see cref="SqliteExpressionRules.Canonical"/>
    /// form) in a column declared <paramref name="declared"/>; null when it is not a literal, or when SQLite's own
    /// spelling of the value is not certain (a real shown in exponent form as text).
    /// </summary>
    public static string? Of(string canonical, string declared)
    {
        if (Literal(canonical) is not { } value) return null;
        var stored = Convert(value, AffinityOf(declared));
        return stored switch
        {
            { Integer: { } i } => i.ToString(CultureInfo.InvariantCulture),
            { Real: { } r } => RealText(r),
            { Text: { } t } => "'" + t.Replace("'", "''", StringComparison.Ordinal) + "'",
            _ => null,
        };
    }

    private readonly record struct Value(long? Integer = null, double? Real = null, string? Text = null);

    /// <summary>The literal <paramref name="canonical"/> is: a number (signed), TRUE or FALSE (1 and 0), or a string.</summary>
    private static Value? Literal(string canonical)
    {
        switch (canonical)
        {
            case "TRUE": return new(Integer: 1);
            case "FALSE": return new(Integer: 0);
        }
        if (canonical.Length >= 2 && canonical[0] == '\'' && canonical[^1] == '\'')
        {
            var inner = canonical[1..^1];
            return inner.Replace("''", "", StringComparison.Ordinal).Contains('\'', StringComparison.Ordinal) ? null : new(Text: inner.Replace("''", "'", StringComparison.Ordinal));
        }
        return Number(canonical);
    }

    /// <summary>A decimal number as SQLite reads it: an integer when it has no point or exponent and fits 64 bits, else a real.</summary>
    private static Value? Number(string text)
    {
        if (!NumberPattern().IsMatch(text)) return null;
        var negative = text[0] == '-';
        var digits = text.TrimStart('+', '-');
        if (!digits.Contains('.', StringComparison.Ordinal) && !digits.Contains('E', StringComparison.OrdinalIgnoreCase)
            && long.TryParse(negative ? "-" + digits : digits, NumberStyles.None | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return new(Integer: integer);
        }
        var real = double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture);
        return new(Real: negative ? -real : real);
    }

    /// <summary>SQLite's conversion of a value stored in a column of <paramref name="affinity"/>.</summary>
    private static Value? Convert(Value value, Affinity affinity) => affinity switch
    {
        Affinity.Integer or Affinity.Numeric => value switch
        {
            { Text: { } t } => Number(t.Trim(Spaces)) is { } n ? Integral(n) : value,
            _ => Integral(value),
        },
        Affinity.Real => value switch
        {
            { Text: { } t } => Number(t.Trim(Spaces)) is { } n ? new(Real: n.Integer ?? n.Real) : value,
            { Integer: { } i } => new(Real: i),
            _ => value,
        },
        Affinity.Text => value switch
        {
            { Integer: { } i } => new(Text: i.ToString(CultureInfo.InvariantCulture)),
            { Real: { } r } => RealAsText(r) is { } t ? new(Text: t) : null,
            _ => value,
        },
        _ => value,
    };

    private static readonly char[] Spaces = [' ', '\t', '\n', '\v', '\f', '\r'];

    /// <summary>A real that is a 64-bit integer becomes that integer (NUMERIC and INTEGER affinity).</summary>
    private static Value Integral(Value value) =>
        value is { Real: { } r } && Math.Floor(r) == r && r is >= -9.2e18 and <= 9.2e18 ? new(Integer: (long)r) : value;

    /// <summary>SQLite's text of a real (<c>%!.15g</c>), or null where it would use an exponent (not reproduced here).</summary>
    private static string? RealAsText(double real)
    {
        if (real == 0) return "0.0";
        var text = real.ToString("G15", CultureInfo.InvariantCulture);
        if (text.Contains('E', StringComparison.Ordinal) || Math.Abs(real) >= 1e15) return null;
        return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>A real, written so that it never reads as an integer.</summary>
    private static string RealText(double real)
    {
        var text = (real == 0 ? 0.0 : real).ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>SQLite's affinity rules (datatype3.html 3.1), in order.</summary>
    private static Affinity AffinityOf(string declared)
    {
        var type = declared.ToUpperInvariant();
        if (type.Contains("INT", StringComparison.Ordinal)) return Affinity.Integer;
        if (type.Contains("CHAR", StringComparison.Ordinal) || type.Contains("CLOB", StringComparison.Ordinal) || type.Contains("TEXT", StringComparison.Ordinal)) return Affinity.Text;
        if (type.Contains("BLOB", StringComparison.Ordinal) || type.Trim().Length == 0) return Affinity.Blob;
        if (type.Contains("REAL", StringComparison.Ordinal) || type.Contains("FLOA", StringComparison.Ordinal) || type.Contains("DOUB", StringComparison.Ordinal)) return Affinity.Real;
        return Affinity.Numeric;
    }

    [GeneratedRegex("""^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$""", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
