using System.Data.Common;
using DiffMigrate.Dialects;

namespace DiffMigrate.Runner.Database;

/// <summary>
/// The ADO.NET providers the host wired in (the CLI registers Microsoft.Data.Sqlite and Npgsql); the runner itself
/// depends on no driver.
/// </summary>
public sealed class DriverRegistry
{
    private readonly Dictionary<string, DbProviderFactory> factories = new(StringComparer.Ordinal);

    /// <summary>Registers the provider for <paramref name="dialect"/>.</summary>
    public DriverRegistry Register(Dialect dialect, DbProviderFactory factory)
    {
        factories[dialect.Name] = factory;
        return this;
    }

    /// <summary>Opens a connection to <paramref name="url"/>.</summary>
    public DbConnection Open(DatabaseUrl url)
    {
        if (!factories.TryGetValue(url.Dialect.Name, out var factory))
        {
            throw new DiffMigrateException($"No ADO.NET driver is registered for {url.Dialect.Name}.");
        }
        var connection = factory.CreateConnection() ?? throw new DiffMigrateException($"The {url.Dialect.Name} driver made no connection.");
        try
        {
            connection.ConnectionString = url.ConnectionString;
            connection.Open();
            return connection;
        }
        catch (Exception e) when (e is DbException or ArgumentException or InvalidOperationException or FormatException)
        {
            connection.Dispose();
            throw new DiffMigrateException($"Cannot connect to {url}: {e.Message}", e);
        }
    }
}
