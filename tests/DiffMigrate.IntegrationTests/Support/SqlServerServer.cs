using System.Globalization;
using Microsoft.Data.SqlClient;

namespace DiffMigrate.IntegrationTests.Support;

/// <summary>
/// The SQL Server the live tests use: the one <c>DIFFMIGRATE_TEST_MSSQL</c> names (a SqlClient connection string for a
/// login that may create databases, with TrustServerCertificate=true where the server's certificate is self-signed).
/// No SQL Server can run on the machines this is built on, in CI or not, so without one the tests are inconclusive,
/// never failed and never passed. Each test gets a database of its own.
/// </summary>
internal static class SqlServerServer
{
    /// <summary>The variable naming the server.</summary>
    public const string Variable = "DIFFMIGRATE_TEST_MSSQL";

    /// <summary>The admin connection string, as given; inconclusive without one.</summary>
    public static string ConnectionString
    {
        get
        {
            if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given) return given;
            var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) ? " (CI=true: skipped in CI too)" : "";
            Assert.Inconclusive(
                $"No SQL Server for the tests{ci}: SQL Server cannot run on the machines DiffMigrate is built and tested on, and {Variable} " +
                "is not set. Set it to a SqlClient connection string (a login that may CREATE DATABASE) to run them.");
            return "";
        }
    }

    /// <summary>A fresh, empty database; dropped when the returned handle is disposed.</summary>
    public static SqlServerDatabase CreateDatabase()
    {
        var admin = ConnectionString;
        var name = "dm_test_" + Guid.NewGuid().ToString("N")[..12];
        Execute(admin, $"CREATE DATABASE [{name}]");
        var builder = new SqlConnectionStringBuilder(admin) { InitialCatalog = name };
        return new SqlServerDatabase(builder.ConnectionString, name, () =>
        {
            // Pooled connections keep the database in use; SINGLE_USER ends any other session still in it.
            SqlConnection.ClearAllPools();
            Execute(admin, $"IF DB_ID(N'{name}') IS NOT NULL BEGIN ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]; END");
        });
    }

    public static void Execute(string connectionString, string sql)
    {
        using var connection = new SqlConnection(connectionString);
        connection.Open();
        using var command = new SqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>One test's SQL Server database.</summary>
internal sealed class SqlServerDatabase(string connectionString, string name, Action drop) : IDisposable
{
    public string ConnectionString { get; } = connectionString;

    /// <summary>The database's name on the server.</summary>
    public string Name { get; } = name;

    /// <summary>The password the tests connect with: it must never appear in what DiffMigrate prints.</summary>
    public string Password => new SqlConnectionStringBuilder(ConnectionString).Password;

    /// <summary>The database as the CLI takes it: the dialect and the raw connection string.</summary>
    public string Url => "mssql:" + ConnectionString;

    public SqlConnection Open()
    {
        var connection = new SqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Execute(string sql) => SqlServerServer.Execute(ConnectionString, sql);

    /// <summary>The first column of every row, as text.</summary>
    public IReadOnlyList<string> Strings(string sql)
    {
        using var connection = Open();
        using var command = new SqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        return rows;
    }

    /// <summary>The base tables of the database, by name.</summary>
    public IReadOnlyList<string> Tables() =>
        Strings("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME");

    public void Dispose() => drop();
}
