using System.Data.Common;
using System.Globalization;
using DiffMigrate.Dialects;

namespace DiffMigrate.Providers.MySql;

/// <summary>
/// The URL forms of MariaDB and MySQL, as SQLAlchemy spells them: <c>mysql://user:pass@host:port/db</c> (or
/// <c>mariadb://</c>), and a unix socket as <c>mysql://user:pass@/db?unix_socket=/path</c>. Other query parameters
/// become MySqlConnector connection-string keys (<c>?SslMode=Required</c>).
/// </summary>
internal static class MySqlUrl
{
    /// <summary>The URL whose part after <c>scheme://</c> is <paramref name="rest"/>, as a MySqlConnector connection string.</summary>
    public static DatabaseUrl Parse(Dialect dialect, string url, string rest)
    {
        var query = "";
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0) (rest, query) = (rest[..q], rest[(q + 1)..]);
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0) throw new FormatException("no database name");
        var authority = rest[..slash];
        var database = Uri.UnescapeDataString(rest[(slash + 1)..]);
        var builder = new DbConnectionStringBuilder();
        var at = authority.LastIndexOf('@');
        var hostPart = at >= 0 ? authority[(at + 1)..] : authority;
        if (at >= 0)
        {
            var userInfo = authority[..at];
            var c = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder["User ID"] = Uri.UnescapeDataString(c >= 0 ? userInfo[..c] : userInfo);
            if (c >= 0) builder["Password"] = Uri.UnescapeDataString(userInfo[(c + 1)..]);
        }
        if (hostPart.StartsWith('[') && !hostPart.Contains(']', StringComparison.Ordinal)) throw new FormatException("an IPv6 host needs its closing ']'");
        if (hostPart.Length > 0)
        {
            var c = hostPart.LastIndexOf(':');
            if (c > 0 && !hostPart.EndsWith(']'))
            {
                if (!int.TryParse(hostPart[(c + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is 0 or > 65535)
                {
                    throw new FormatException("the port is not a number from 1 to 65535");
                }
                builder["Port"] = port;
                hostPart = hostPart[..c];
            }
            builder["Server"] = hostPart.Trim('[', ']');
        }
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            if (key.Equals("unix_socket", StringComparison.OrdinalIgnoreCase))
            {
                if (hostPart.Length > 0) throw new FormatException("both a host and a unix_socket: name one");
                builder["Server"] = value;
                builder["Protocol"] = "Unix";
            }
            else
            {
                builder[key] = value;
            }
        }
        if (database.Length > 0) builder["Database"] = database;
        return new DatabaseUrl(dialect, builder.ConnectionString, SecretMask.Apply(url, SecretMask.In(url)));
    }
}
