using System.Data.Common;
using DiffMigrate.Dialects;

namespace DiffMigrate.Runner.Database;

/// <summary>
/// Where the database is: a dialect and an ADO.NET connection string. Parsed from <c>sqlite:///relative.db</c>,
/// <c>sqlite:////absolute.db</c>, <c>sqlite://</c> (in memory), <c>postgresql://user:pass@host:port/db</c>,
/// <c>postgresql://user@/db?host=/socket/dir</c>, or <c>&lt;dialect&gt;:&lt;ADO.NET connection string&gt;</c>.
/// </summary>
public sealed record DatabaseUrl(Dialect Dialect, string ConnectionString, string Display)
{
    /// <summary>The SQLite database file, when the URL names one (null for a server or an in-memory database).</summary>
    public string? File { get; init; }

    /// <summary>
    /// The same database for a command that only reads: a SQLite file is opened read-only, so that nothing the command
    /// does can write to it, and a file that does not exist is read as an empty database instead of being created.
    /// </summary>
    public DatabaseUrl ForReading() => File switch
    {
        null => this,
        var file when System.IO.File.Exists(file) => this with { ConnectionString = ConnectionString + ";Mode=ReadOnly" },
        // A folder (or anything else that is there) is opened as named, so that the driver says what is wrong with it.
        var file when Directory.Exists(file) => this,
        _ => this with { ConnectionString = "Data Source=:memory:", Display = Display + " (no such file: read as an empty database)" },
    };

    private const string Expected =
        "expected sqlite:///relative.db, sqlite:////absolute.db, sqlite://, postgresql://user:pass@host:port/db, or <dialect>:<ADO.NET connection string>";

    /// <summary>Parses <paramref name="url"/>; relative SQLite paths resolve against <paramref name="baseDirectory"/>.</summary>
    public static DatabaseUrl Parse(string url, string baseDirectory)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) throw Bad(url, "no dialect");
        var scheme = url[..colon].ToLowerInvariant();
        var plus = scheme.IndexOf('+', StringComparison.Ordinal);   // SQLAlchemy-style driver suffixes: postgresql+psycopg
        if (plus > 0) scheme = scheme[..plus];
        Dialect dialect;
        try
        {
            dialect = Dialect.FromName(scheme);
        }
        catch (ArgumentException e)
        {
            throw Bad(url, e.Message.StartsWith("Unknown", StringComparison.Ordinal) ? $"unknown dialect '{scheme}'" : e.Message.Split(" (Parameter")[0]);
        }
        var rest = url[(colon + 1)..];
        if (!rest.StartsWith("//", StringComparison.Ordinal))
        {
            if (rest.Trim().Length == 0) throw Bad(url, "empty connection string");
            return new DatabaseUrl(dialect, rest, $"{scheme}:{SecretMask.Apply(rest, SecretMask.In(rest))}");
        }
        try
        {
            return dialect.Name switch
            {
                "sqlite" => Sqlite(url, rest[2..], baseDirectory),
                "postgresql" => Postgres(url, rest[2..]),
                _ => throw Bad(url, $"{scheme} URLs are not supported yet; use {scheme}:<ADO.NET connection string>"),
            };
        }
        catch (Exception e) when (e is ArgumentException or FormatException or NotSupportedException or PathTooLongException)
        {
            // A key the connection-string builder refuses, a path the file system cannot hold: the URL's fault.
            throw Bad(url, e.Message);
        }
    }

    private static DatabaseUrl Sqlite(string url, string path, string baseDirectory)
    {
        if (path.Length == 0 || path is "/:memory:" or "/") return new DatabaseUrl(Dialect.Sqlite, "Data Source=:memory:", "sqlite://");
        if (path[0] != '/') throw Bad(url, "a SQLite URL has three slashes before a relative path (sqlite:///app.db) and four before an absolute one");
        var file = path[1..];
        var full = Path.GetFullPath(file, baseDirectory);
        var builder = new DbConnectionStringBuilder { ["Data Source"] = full };
        return new DatabaseUrl(Dialect.Sqlite, builder.ConnectionString, $"sqlite:///{full}") { File = full };
    }

    private static DatabaseUrl Postgres(string url, string rest)
    {
        var query = "";
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0) (rest, query) = (rest[..q], rest[(q + 1)..]);
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0) throw Bad(url, "no database name");
        var authority = rest[..slash];
        var database = Uri.UnescapeDataString(rest[(slash + 1)..]);
        var builder = new DbConnectionStringBuilder();
        var at = authority.LastIndexOf('@');
        var hostPart = at >= 0 ? authority[(at + 1)..] : authority;
        if (at >= 0)
        {
            var userInfo = authority[..at];
            var c = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder["Username"] = Uri.UnescapeDataString(c >= 0 ? userInfo[..c] : userInfo);
            if (c >= 0) builder["Password"] = Uri.UnescapeDataString(userInfo[(c + 1)..]);
        }
        if (hostPart.StartsWith('[') && !hostPart.Contains(']', StringComparison.Ordinal)) throw Bad(url, "an IPv6 host needs its closing ']'");
        if (hostPart.Length > 0)
        {
            var c = hostPart.LastIndexOf(':');
            if (c > 0 && !hostPart.EndsWith(']'))
            {
                if (!int.TryParse(hostPart[(c + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var port)) throw Bad(url, "the port is not a number");
                builder["Port"] = port;
                hostPart = hostPart[..c];
            }
            builder["Host"] = hostPart.Trim('[', ']');
        }
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            builder[key.Equals("host", StringComparison.OrdinalIgnoreCase) ? "Host" : key] = value;
        }
        if (database.Length > 0) builder["Database"] = database;
        return new DatabaseUrl(Dialect.Postgres, builder.ConnectionString, SecretMask.Apply(url, SecretMask.In(url)));
    }

    private static DiffMigrateException Bad(string url, string why) =>
        new($"Bad database URL '{SecretMask.Apply(url, SecretMask.In(url))}': {why}; {Expected}.");

    /// <summary>The URL with any password masked.</summary>
    public override string ToString() => Display;
}
