using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using DiffMigrate.Providers;

namespace DiffMigrate.Runner.Database;

/// <summary>
/// Opens URLs with the ADO.NET driver each provider names. The runner depends on no driver: the host ships the
/// drivers it supports (the CLI ships Microsoft.Data.Sqlite, Npgsql, MySqlConnector and Microsoft.Data.SqlClient), and a missing one is a clear error.
/// </summary>
internal sealed class DriverRegistry
{
    private readonly ConcurrentDictionary<string, DbProviderFactory> factories = new(StringComparer.Ordinal);

    /// <summary>Opens a connection to <paramref name="url"/>.</summary>
    public DbConnection Open(DatabaseUrl url)
    {
        var provider = DatabaseProviders.For(url.Dialect);
        var connection = Unopened(url, provider);
        try
        {
            connection.Open();
            return connection;
        }
        catch (Exception e) when (e is DbException or ArgumentException or InvalidOperationException or FormatException or NotSupportedException)
        {
            // The provider names the cause (wrong password, no such database, no server), in one line; the URL is masked.
            var reason = e switch
            {
                DbException d => provider.DescribeFailure(d, connection) ?? e.Message,
                // SqlClient refuses to open in globalization-invariant mode (it maps collations to code pages with ICU).
                NotSupportedException when GlobalizationInvariant() =>
                    $"{e.Message} The {provider} driver needs ICU: install libicu and unset DOTNET_SYSTEM_GLOBALIZATION_INVARIANT",
                _ => e.Message,
            };
            connection.Dispose();
            throw new DiffMigrateException($"Cannot connect to {url}: {reason}", e);
        }
    }

    /// <summary>The driver's connection to <paramref name="url"/>, not opened yet: what <see cref="Open"/> opens.</summary>
    public DbConnection Unopened(DatabaseUrl url) => Unopened(url, DatabaseProviders.For(url.Dialect));

    private DbConnection Unopened(DatabaseUrl url, DatabaseProvider provider)
    {
        var factory = factories.GetOrAdd(provider.Dialect.Name, _ => Load(provider));
        var connection = factory.CreateConnection() ?? throw new DiffMigrateException($"The {url.Dialect.Name} driver made no connection.");
        try
        {
            connection.ConnectionString = url.ConnectionString;
            return connection;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            // A key the driver does not know, a value it cannot read: the driver's message names it.
            connection.Dispose();
            throw new DiffMigrateException($"Cannot connect to {url}: {e.Message}", e);
        }
    }

    private static bool GlobalizationInvariant() =>
        AppContext.TryGetSwitch("System.Globalization.Invariant", out var invariant) ? invariant
            : Environment.GetEnvironmentVariable("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT") is { } value
                && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

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
