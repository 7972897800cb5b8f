using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DiffMigrate.Providers;
using DiffMigrate.Providers.Postgres;
using Npgsql;

namespace DiffMigrate.IntegrationTests.Support;

/// <summary>
/// The PostgreSQL server the tests use: the one <c>DIFFMIGRATE_TEST_PG</c> names (an Npgsql connection string), or
/// a throwaway cluster started here (initdb + pg_ctl, as the <c>postgres</c> user when running as root, in a
/// temporary directory, on a unix socket and loopback, on a free port) and stopped when the test run ends. Each test gets a
/// database of its own. When no server can be had the tests are inconclusive locally and fail when CI=true.
/// </summary>
internal static class PostgresServer
{
    private static readonly Lazy<(string? ConnectionString, string? Problem)> Server = new(Start);
    private static string? clusterDirectory;
    private static string? binDirectory;

    /// <summary>A fresh, empty database; dropped when the returned handle is disposed.</summary>
    public static TestDatabase CreateDatabase()
    {
        var (connectionString, problem) = Server.Value;
        if (connectionString is null)
        {
            var message = $"No PostgreSQL server for the tests: {problem}";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(message);
            Assert.Inconclusive(message);
        }
        var name = "dm_test_" + Guid.NewGuid().ToString("N")[..12];
        Execute(connectionString!, $"CREATE DATABASE {name}");
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Database = name };
        return new TestDatabase(builder.ConnectionString, () =>
        {
            NpgsqlConnection.ClearAllPools();
            Execute(connectionString!, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    /// <summary>Stops the cluster this run started, if any.</summary>
    public static void Stop()
    {
        if (clusterDirectory is null || binDirectory is null) return;
        NpgsqlConnection.ClearAllPools();
        RunAsPostgres(Path.Combine(binDirectory, "pg_ctl"), $"-D {clusterDirectory}/data -m immediate -w stop", out _);
        try { Directory.Delete(clusterDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        clusterDirectory = null;
    }

    public static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// <c>pg_dump --schema-only --no-owner --no-privileges</c> of the database: a judge of what a database holds that
    /// does not go through DiffMigrate's inspector.
    /// </summary>
    public static string SchemaDump(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var pgDump = (binDirectory ?? FindBinaries()) is { } bin ? Path.Combine(bin, "pg_dump") : "pg_dump";
        var info = new ProcessStartInfo(pgDump) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--schema-only", "--no-owner", "--no-privileges", "-h", builder.Host!, "-p", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", builder.Username!, "-d", builder.Database! })
        {
            info.ArgumentList.Add(argument);
        }
        if (builder.Password is { } password) info.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException("pg_dump failed: " + stderr);
        return stdout.Result;
    }

    private static (string?, string?) Start()
    {
        if (Environment.GetEnvironmentVariable("DIFFMIGRATE_TEST_PG") is { Length: > 0 } given) return (given, null);
        binDirectory = FindBinaries();
        if (binDirectory is null) return (null, "DIFFMIGRATE_TEST_PG is not set and no initdb was found (apt-get install -y postgresql).");
        var directory = Path.Combine(Path.GetTempPath(), "diffmigrate-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        if (Environment.UserName == "root" && RunProcess("chown", $"postgres:postgres {directory}", out var chownOutput) != 0)
        {
            return (null, $"cannot hand {directory} to the postgres user: {chownOutput}");
        }
        if (RunAsPostgres(Path.Combine(binDirectory, "initdb"), $"-D {directory}/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync", out var initOutput) != 0)
        {
            return (null, "initdb failed: " + initOutput);
        }
        var port = FreePort();
        var options = $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100";
        if (RunAsPostgres(Path.Combine(binDirectory, "pg_ctl"), $"-D {directory}/data -l {directory}/server.log -w -o \"{options}\" start", out var startOutput) != 0)
        {
            return (null, "pg_ctl start failed: " + startOutput + ReadLog(directory));
        }
        clusterDirectory = directory;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        return ($"Host={directory};Port={port};Username=postgres;Database=postgres;Pooling=true", null);
    }

    private static string? FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        if (!Directory.Exists(root)) return null;
        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int RunAsPostgres(string program, string arguments, out string output) =>
        Environment.UserName == "root"
            ? RunProcess("runuser", $"-u postgres -- {program} {arguments}", out output)
            : RunProcess(program, arguments, out output);

    private static int RunProcess(string program, string arguments, out string output)
    {
        var info = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        output = stdout.Result + stderr;
        return process.ExitCode;
    }

    private static string ReadLog(string directory)
    {
        var log = Path.Combine(directory, "server.log");
        return File.Exists(log) ? "\n" + File.ReadAllText(log) : "";
    }
}

/// <summary>One test's database.</summary>
internal sealed class TestDatabase(string connectionString, Action drop) : IDisposable
{
    public string ConnectionString { get; } = connectionString;

    /// <summary>The database as a DiffMigrate URL (<c>postgresql:&lt;connection string&gt;</c>).</summary>
    public string Url => "postgresql:" + ConnectionString;

    /// <summary>
    /// A connection as DiffMigrate's reading commands open one (<see cref="DatabaseProvider.ForCatalogReading"/>: no type
    /// catalog loaded), so that every inspection and canonicalisation test reads through it; setting up with it works
    /// too. Reading values of the database's own types needs <see cref="OpenFull"/>.
    /// </summary>
    public NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(DatabaseProviders.For(PostgresDialect.Instance).ForCatalogReading(ConnectionString));
        connection.Open();
        return connection;
    }

    /// <summary>A connection that knows the database's types (enums, domains, extensions' types).</summary>
    public NpgsqlConnection OpenFull()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Execute(string sql) => PostgresServer.Execute(ConnectionString, sql);

    /// <summary>The first column of every row, as text.</summary>
    public IReadOnlyList<string> Strings(string sql)
    {
        using var connection = OpenFull();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return rows;
    }

    public void Dispose() => drop();
}

[TestClass]
public static class PostgresAssembly
{
    [AssemblyCleanup]
    public static void StopServer() => PostgresServer.Stop();
}
