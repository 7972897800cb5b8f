using System.Data.Common;
using System.Text.RegularExpressions;

namespace DiffMigrate.Providers;

/// <summary>
/// The one place that hides passwords in text the tool shows or writes: URL user information
/// (<c>user:pass@</c>), password query parameters and connection-string keys (Password, Pwd, PSW, SSL Password, in
/// any case and spacing), and the literal secret values known for a run wherever they appear.
/// </summary>
internal static partial class SecretMask
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    // Shorter values are not replaced literally (a one-letter password would garble every message); the patterns
    // still hide them where they stand in a URL or a connection string.
    private const int ShortestLiteral = 3;

    /// <summary>
    /// <paramref name="text"/> with every password form masked, and every one of <paramref name="secrets"/> replaced
    /// wherever it appears.
    /// </summary>
    public static string Apply(string text, IEnumerable<string>? secrets = null)
    {
        if (text.Length == 0) return text;
        // Longest first, so that a secret containing another is replaced whole.
        foreach (var secret in (secrets ?? []).Where(s => s.Length >= ShortestLiteral).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
            var escaped = Uri.EscapeDataString(secret);
            if (escaped != secret) text = text.Replace(escaped, Mask, StringComparison.OrdinalIgnoreCase);
        }
        text = UserInfo().Replace(text, m => m.Groups["scheme"].Value + m.Groups["user"].Value + ":" + Mask + "@");
        text = NonNumericPort().Replace(text, m => m.Groups["head"].Value + ":" + Mask);
        // A value already masked is left as it is, so that what follows it is not taken for part of the secret.
        return KeyValue().Replace(text, m => m.Groups["value"].Value.StartsWith(Mask, StringComparison.Ordinal) ? m.Value : m.Groups["key"].Value + Mask);
    }

    /// <summary>
    /// The secret values written in <paramref name="url"/> (a database URL or connection string, parseable or not):
    /// the password of its user information, of its password parameters and of its password keys.
    /// </summary>
    public static IReadOnlyList<string> In(string? url)
    {
        // Every form a password takes here needs a colon (user information, a scheme) or an equals sign (a key): a plain
        // word such as a command-line verb is answered without the patterns or a connection-string parse (which
        // throws, and so costs, for each such word).
        if (string.IsNullOrEmpty(url) || url.AsSpan().IndexOfAny(':', '=') < 0) return [];
        var found = new List<string>();
        foreach (Match m in UserInfo().Matches(url)) Add(found, m.Groups["pass"].Value);
        foreach (Match m in NonNumericPort().Matches(url)) Add(found, m.Groups["pass"].Value);
        foreach (Match m in KeyValue().Matches(url)) Add(found, m.Groups["value"].Value.Trim('"', '\''));
        // The user information as the URL parser reads it: up to the last @ of the authority, spaces and all.
        var start = url.IndexOf("://", StringComparison.Ordinal);
        if (start > 0)
        {
            var authority = url[(start + 3)..];
            var end = authority.IndexOfAny(['/', '?', '#']);
            if (end >= 0) authority = authority[..end];
            var at = authority.LastIndexOf('@');
            var colon = authority.IndexOf(':', StringComparison.Ordinal);
            if (at > 0 && colon >= 0 && colon < at) Add(found, authority[(colon + 1)..at]);
        }
        // A connection string's own reading catches quoting the patterns do not.
        var scheme = Scheme().Match(url);
        var rest = scheme.Success ? url[scheme.Length..] : url;
        if (!rest.StartsWith("//", StringComparison.Ordinal))
        {
            try
            {
                var builder = new DbConnectionStringBuilder { ConnectionString = rest };
                foreach (string key in builder.Keys)
                {
                    if (IsSecretKey(key)) Add(found, builder[key]?.ToString() ?? "");
                }
            }
            catch (ArgumentException)
            {
                // Not a connection string: the patterns found what there is.
            }
        }
        return found;
    }

    /// <summary>Whether a connection-string key names a password.</summary>
    public static bool IsSecretKey(string key) => SecretKey().IsMatch(key.Trim());

    private static void Add(List<string> found, string value)
    {
        if (value.Length == 0 || value == Mask) return;
        found.Add(value);
        var unescaped = Unescape(value);
        if (unescaped != value) found.Add(unescaped);
    }

    private static string Unescape(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value);
        }
        catch (UriFormatException)
        {
            return value;
        }
    }

    // scheme://user:password@ (the password runs to the last @ before white space, so one containing @ is hidden whole).
    // The // is optional: postgresql:user:pass@host/db, a URL with its slashes forgotten, must not show its password either.
    [GeneratedRegex(@"(?<scheme>\b[A-Za-z][A-Za-z0-9+.-]*:(?://)?)(?<user>[^:/@?#\s;=]*):(?<pass>[^\s]*)@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();

    // scheme://user:password/db with the host forgotten: what stands where the port should be is not a number.
    [GeneratedRegex(@"(?<head>\b[A-Za-z][A-Za-z0-9+.-]*://(?:\[[^\]\s]*\]|[^:/@?#\s\[]*)):(?![0-9]*(?:[/?#\s'""]|$))(?<pass>[^/?#\s@'""]+)", RegexOptions.CultureInvariant)]
    private static partial Regex NonNumericPort();

    // password=..., pwd=..., psw=..., ssl password=... in a query string or connection string, in any case and spacing.
    [GeneratedRegex(@"(?<key>(?<![A-Za-z0-9_])(?:ssl\s*)?(?:password|pwd|psw)\s*=\s*)(?<value>""(?:[^""]|"""")*""|'(?:[^']|'')*'|[^;&\s'""]*)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^(?:ssl\s*)?(?:password|pwd|psw)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SecretKey();
}
