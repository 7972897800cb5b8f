using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using DiffMigrate.Providers;

namespace DiffMigrate.Runner.Database;

/// <summary>
/// Opens URLs with the ADO.NET driver each provider names. The runner depends on no driver: the host ships the
/// drivers it supports (the CLI ships Microsoft.Data.Sqlite, Npgsql and MySqlConnector), and a missing one is a clear error.
/// </summary>
internal sealed class DriverRegistry
{
    private readonly ConcurrentDictionary<string, DbProviderFactory> factories = new(StringComparer.Ordinal);

    /// <summary>Opens a connection to <paramref name="url"/>.</summary>
    public DbConnection Open(DatabaseUrl url)
    {
        var provider = DatabaseProviders.For(url.Dialect);
        var factory = factories.GetOrAdd(provider.Dialect.Name, _ => Load(provider));
        var connection = factory.CreateConnection() ?? throw new DiffMigrateException($"The {url.Dialect.Name} driver made no connection.");
        try
        {
            connection.ConnectionString = url.ConnectionString;
            connection.Open();
            return connection;
        }
        catch (Exception e) when (e is DbException or ArgumentException or InvalidOperationException or FormatException)
        {
            // The provider names the cause (wrong password, no such database, no server), in one line; the URL is masked.
            var reason = e is DbException d ? provider.DescribeFailure(d, connection) ?? e.Message : e.Message;
            connection.Dispose();
            throw new DiffMigrateException($"Cannot connect to {url}: {reason}", e);
        }
    }

    private static DbProviderFactory Load(DatabaseProvider provider)
    {
        var name = provider.DriverFactoryTypeName;
        try
        {
            var type = Type.GetType(name, throwOnError: true)!;
            return type.GetField("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as DbProviderFactory
                ?? throw new DiffMigrateException($"The {provider} driver {name} has no DbProviderFactory Instance field.");
        }
        catch (Exception e) when (e is TypeLoadException or FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            throw new DiffMigrateException($"The {provider} driver ({name}) is not installed with this program: {e.Message}", e);
        }
    }
}
