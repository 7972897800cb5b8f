using System.Data.Common;
using System.Globalization;
using DiffMigrate.Dialects;

namespace DiffMigrate.Providers.SqlServer;

/// <summary>
/// The URL form of SQL Server, as SQLAlchemy spells it: <c>mssql://user:pass@host:1433/db</c> (or <c>sqlserver://</c>),
/// as a Microsoft.Data.SqlClient connection string (Data Source <c>host,port</c>, Initial Catalog). Query parameters
/// become connection-string keys (<c>?Encrypt=false&amp;TrustServerCertificate=true</c>).
/// </summary>
internal static class SqlServerUrl
{
    /// <summary>The URL whose part after <c>scheme://</c> is <paramref name="rest"/>, as a SqlClient connection string.</summary>
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
        var host = at >= 0 ? authority[(at + 1)..] : authority;
        if (host.Length == 0) throw new FormatException("no host");
        if (host.StartsWith('[') && !host.Contains(']', StringComparison.Ordinal)) throw new FormatException("an IPv6 host needs its closing ']'");
        var colon = host.LastIndexOf(':');
        string? port = null;
        if (colon > 0 && !host.EndsWith(']'))
        {
            if (!int.TryParse(host[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is 0 or > 65535)
            {
                throw new FormatException("the port is not a number from 1 to 65535");
            }
            port = number.ToString(CultureInfo.InvariantCulture);
            host = host[..colon];
        }
        // SqlClient names the port after a comma: host,1433.
        builder["Data Source"] = Uri.UnescapeDataString(host.Trim('[', ']')) + (port is null ? "" : "," + port);
        if (at >= 0)
        {
            var userInfo = authority[..at];
            var c = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder["User ID"] = Uri.UnescapeDataString(c >= 0 ? userInfo[..c] : userInfo);
            if (c >= 0) builder["Password"] = Uri.UnescapeDataString(userInfo[(c + 1)..]);
        }
        if (database.Length > 0) builder["Initial Catalog"] = database;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            builder[Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq])] = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
        }
        return new DatabaseUrl(dialect, builder.ConnectionString, SecretMask.Apply(url, SecretMask.In(url)));
    }
}
