using System.Globalization;

namespace DiffMigrate.Providers;

/// <summary>
/// The parts of a server URL after <c>scheme://</c>, as SQLAlchemy spells it: <c>user:pass@host:port/database?key=value</c>.
/// User, password, database and query are unescaped; the host is as written, without an IPv6 address's brackets, and
/// empty when the URL names none (a unix socket given in the query). Each provider turns them into its driver's keys.
/// </summary>
internal sealed record UrlParts(string? User, string? Password, string Host, int? Port, string Database, IReadOnlyList<(string Key, string Value)> Query)
{
    /// <summary>The parts of <paramref name="rest"/>; <see cref="FormatException"/> saying what is wrong.</summary>
    public static UrlParts Parse(string rest)
    {
        var query = "";
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0) (rest, query) = (rest[..q], rest[(q + 1)..]);
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0) throw new FormatException("no database name");
        var authority = rest[..slash];
        var database = Uri.UnescapeDataString(rest[(slash + 1)..]);
        // The last '@': a password may hold one unescaped.
        var at = authority.LastIndexOf('@');
        var host = at >= 0 ? authority[(at + 1)..] : authority;
        string? user = null, password = null;
        if (at >= 0)
        {
            var userInfo = authority[..at];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon >= 0 ? userInfo[..colon] : userInfo);
            if (colon >= 0) password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        }
        if (host.StartsWith('[') && !host.Contains(']', StringComparison.Ordinal)) throw new FormatException("an IPv6 host needs its closing ']'");
        int? port = null;
        var c = host.LastIndexOf(':');
        if (c > 0 && !host.EndsWith(']'))
        {
            if (!int.TryParse(host[(c + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is 0 or > 65535)
            {
                throw new FormatException("the port is not a number from 1 to 65535");
            }
            port = number;
            host = host[..c];
        }
        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            return (Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]), eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]));
        }).ToList();
        return new UrlParts(user, password, host.Trim('[', ']'), port, database, pairs);
    }
}
