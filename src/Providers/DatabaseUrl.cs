using DiffMigrate.Dialects;

namespace DiffMigrate.Providers;

/// <summary>
/// Where the database is: a dialect and an ADO.NET connection string. Parsed from a provider's URL forms
/// (<c>sqlite:///relative.db</c>, <c>sqlite:////absolute.db</c>, <c>sqlite://</c> in memory,
/// <c>postgresql://user:pass@host:port/db</c>, <c>postgresql://user@/db?host=/socket/dir</c>), or
/// <c>&lt;dialect&gt;:&lt;ADO.NET connection string&gt;</c>.
/// </summary>
internal sealed record DatabaseUrl(Dialect Dialect, string ConnectionString, string Display)
{
    /// <summary>The SQLite database file, when the URL names one (null for a server or an in-memory database).</summary>
    public string? File { get; init; }

    /// <summary>
    /// The same database for a command that only reads: a SQLite file is opened read-only, so that nothing the command
    /// does can write to it, and a file that does not exist is read as an empty database instead of being created; a
    /// server's connection string is the provider's <see cref="DatabaseProvider.ForCatalogReading"/>.
    /// </summary>
    public DatabaseUrl ForReading() => File switch
    {
        null => this with { ConnectionString = DatabaseProviders.For(Dialect).ForCatalogReading(ConnectionString) },
        var file when System.IO.File.Exists(file) => this with { ConnectionString = ConnectionString + ";Mode=ReadOnly" },
        // A folder (or anything else that is there) is opened as named, so that the driver says what is wrong with it.
        var file when Directory.Exists(file) => this,
        _ => this with { ConnectionString = "Data Source=:memory:", Display = Display + " (no such file: read as an empty database)" },
    };

    private static string Expected =>
        $"expected {string.Join(", ", DatabaseProviders.All.SelectMany(p => p.UrlForms))}, or <dialect>:<ADO.NET connection string>";

    /// <summary>Parses <paramref name="url"/>; relative SQLite paths resolve against <paramref name="baseDirectory"/>.</summary>
    public static DatabaseUrl Parse(string url, string baseDirectory) => Parse(url, baseDirectory, DatabaseProviders.Find);

    /// <summary>Parses <paramref name="url"/> with the provider <paramref name="find"/> gives for its scheme (a provider not yet registered, in its tests).</summary>
    internal static DatabaseUrl Parse(string url, string baseDirectory, Func<string, DatabaseProvider?> find)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) throw Bad(url, "no dialect");
        var scheme = url[..colon].ToLowerInvariant();
        var plus = scheme.IndexOf('+', StringComparison.Ordinal);   // SQLAlchemy-style driver suffixes: postgresql+psycopg
        if (plus > 0) scheme = scheme[..plus];
        var provider = find(scheme) ?? throw Bad(url, DatabaseProviders.Refusal(scheme));
        var rest = url[(colon + 1)..];
        if (!rest.StartsWith("//", StringComparison.Ordinal))
        {
            if (rest.Trim().Length == 0) throw Bad(url, "empty connection string");
            return new DatabaseUrl(provider.Dialect, rest, $"{scheme}:{SecretMask.Apply(rest, SecretMask.In(rest))}");
        }
        try
        {
            return provider.ParseUrl(url, rest[2..], baseDirectory);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or NotSupportedException or PathTooLongException)
        {
            // A key the connection-string builder refuses, a path the file system cannot hold: the URL's fault.
            throw Bad(url, e.Message, e);
        }
    }

    private static DiffMigrateException Bad(string url, string why, Exception? inner = null)
    {
        var message = $"Bad database URL '{SecretMask.Apply(url, SecretMask.In(url))}': {why}; {Expected}.";
        return inner is null ? new DiffMigrateException(message) : new DiffMigrateException(message, inner);
    }

    /// <summary>The URL with any password masked.</summary>
    public override string ToString() => Display;
}
