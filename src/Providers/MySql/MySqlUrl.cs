using System.Data.Common;
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
        var parts = UrlParts.Parse(rest);
        var builder = new DbConnectionStringBuilder();
        if (parts.User is { } user) builder["User ID"] = user;
        if (parts.Password is { } password) builder["Password"] = password;
        if (parts.Port is { } port) builder["Port"] = port;
        if (parts.Host.Length > 0) builder["Server"] = parts.Host;
        foreach (var (key, value) in parts.Query)
        {
            if (key.Equals("unix_socket", StringComparison.OrdinalIgnoreCase))
            {
                if (parts.Host.Length > 0) throw new FormatException("both a host and a unix_socket: name one");
                builder["Server"] = value;
                builder["Protocol"] = "Unix";
            }
            else
            {
                builder[key] = value;
            }
        }
        var database = parts.Database;
        if (database.Length > 0) builder["Database"] = database;
        return new DatabaseUrl(dialect, builder.ConnectionString, SecretMask.Apply(url, SecretMask.In(url)));
    }
}
