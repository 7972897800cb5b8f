using System.Data.Common;
using System.Globalization;
using DiffMigrate.Dialects;

namespace DiffMigrate.Providers.SqlServer;

/// <summary>
/// The URL form of SQL Server, as SQLAlchemy spells it: <c>mssql://user:pass@host:1433/db</c> (or <c>sqlserver://</c>),
/// as a Microsoft.Data.SqlClient connection string (Data Source <c>host,port</c>, Initial Catalog). Query parameters
/// become connection-string keys (<c>?Encrypt=false&amp;TrustServerCertificate=true</c>).
/// </summary>
/// <remarks>
/// Nothing is added for encryption: SqlClient 4 and later encrypt by default (Encrypt=Mandatory) and check the server's
/// certificate, and the URL keeps that secure default. A server with a self-signed certificate (a developer's
/// container) takes <c>?TrustServerCertificate=true</c> (still encrypted, not verified) or <c>?Encrypt=false</c>, said
/// in the URL where the risk is chosen; a failed certificate check names both (<see cref="SqlServerFailures"/>).
/// </remarks>
internal static class SqlServerUrl
{
    /// <summary>The URL whose part after <c>scheme://</c> is <paramref name="rest"/>, as a SqlClient connection string.</summary>
    public static DatabaseUrl Parse(Dialect dialect, string url, string rest)
    {
        var parts = UrlParts.Parse(rest);
        if (parts.Host.Length == 0) throw new FormatException("no host");
        var builder = new DbConnectionStringBuilder();
        // SqlClient names the port after a comma: host,1433.
        builder["Data Source"] = Uri.UnescapeDataString(parts.Host) + (parts.Port is { } port ? "," + port.ToString(CultureInfo.InvariantCulture) : "");
        if (parts.User is { } user) builder["User ID"] = user;
        if (parts.Password is { } password) builder["Password"] = password;
        if (parts.Database.Length > 0) builder["Initial Catalog"] = parts.Database;
        foreach (var (key, value) in parts.Query) builder[key] = value;
        return new DatabaseUrl(dialect, builder.ConnectionString, SecretMask.Apply(url, SecretMask.In(url)));
    }
}
