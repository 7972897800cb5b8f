using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MySqlConnector;

namespace DiffMigrate.IntegrationTests.Support;

/// <summary>
/// The MariaDB (or MySQL) server the tests use: the one <c>DIFFMIGRATE_TEST_MARIADB</c> names (a MySqlConnector
/// connection string), or a throwaway MariaDB started here once per run (mariadb-install-db into a temporary
/// directory, mariadbd as the <c>mysql</c> user when running as root, on a unix socket in that directory and on a free
/// loopback port) and stopped when the run ends. The tests connect as a user of their own with a password, so that a
/// wrong password is refused as on a real server. Each test gets a database of its own. When no server can be had the
/// tests are inconclusive locally and fail when CI=true.
/// </summary>
internal static class MariaDbServer
{
    /// <summary>The user the tests connect as (the throwaway server's; a given server's is its own).</summary>
    public const string User = "diffmigrate";

    private static readonly Lazy<(string? ConnectionString, string? Problem)> Server = new(Start);
    private static string? serverDirectory;
    private static string? socketPath;
    private static Process? server;

    /// <summary>The admin connection string (no database), for tests that need the server itself; inconclusive without one.</summary>
    public static string ConnectionString => Server.Value.ConnectionString ?? Unavailable();

    /// <summary>The unix socket of the server this run started; null for a given server (or before one is asked for).</summary>
    public static string? Socket => Server.Value.ConnectionString is null ? null : socketPath;

    /// <summary>A fresh, empty database; dropped when the returned handle is disposed.</summary>
    public static MariaDbDatabase CreateDatabase()
    {
        var admin = ConnectionString;
        var name = "dm_test_" + Guid.NewGuid().ToString("N")[..12];
        Execute(admin, $"CREATE DATABASE `{name}`");
        var builder = new MySqlConnectionStringBuilder(admin) { Database = name };
        return new MariaDbDatabase(builder.ConnectionString, name, () =>
        {
            MySqlConnection.ClearAllPools();
            Execute(admin, $"DROP DATABASE IF EXISTS `{name}`");
        });
    }

    /// <summary>Stops the server this run started, if any.</summary>
    public static void Stop()
    {
        if (server is null) return;
        MySqlConnection.ClearAllPools();
        try
        {
            // A throwaway server: nothing in it needs an orderly shutdown.
            if (File.Exists(Path.Combine(serverDirectory!, "mariadbd.pid"))
                && int.TryParse(File.ReadAllText(Path.Combine(serverDirectory!, "mariadbd.pid")).Trim(), CultureInfo.InvariantCulture, out var pid))
            {
                using var daemon = Process.GetProcessById(pid);
                daemon.Kill();
                daemon.WaitForExit(10_000);
            }
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            server.WaitForExit(10_000);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Gone already.
        }
        server.Dispose();
        server = null;
        try { Directory.Delete(serverDirectory!, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        serverDirectory = null;
        socketPath = null;
    }

    public static void Execute(string connectionString, string sql)
    {
        using var connection = new MySqlConnection(connectionString);
        connection.Open();
        using var command = new MySqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string Unavailable()
    {
        var message = $"No MariaDB server for the tests: {Server.Value.Problem}";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(message);
        Assert.Inconclusive(message);
        return "";
    }

    private static (string?, string?) Start()
    {
        if (Environment.GetEnvironmentVariable("DIFFMIGRATE_TEST_MARIADB") is { Length: > 0 } given) return (given, null);
        var daemon = Find("mariadbd", "/usr/sbin") ?? Find("mysqld", "/usr/sbin");
        var install = Find("mariadb-install-db", "/usr/bin") ?? Find("mysql_install_db", "/usr/bin");
        if (daemon is null || install is null)
        {
            return (null, "DIFFMIGRATE_TEST_MARIADB is not set and no mariadbd and mariadb-install-db were found (apt-get install -y mariadb-server).");
        }
        var directory = Path.Combine(Path.GetTempPath(), "diffmigrate-mariadb-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var root = Environment.UserName == "root";
        if (root && Run("chown", ["mysql:mysql", directory], out var chownOutput) != 0) return (null, $"cannot hand {directory} to the mysql user: {chownOutput}");
        if (Run(install, ["--no-defaults", $"--datadir={directory}/data", "--auth-root-authentication-method=normal", "--skip-test-db"], out var installOutput, root) != 0)
        {
            return (null, "mariadb-install-db failed: " + installOutput);
        }
        var port = FreePort();
        var socket = Path.Combine(directory, "mariadbd.sock");
        var info = Command(daemon, [
            "--no-defaults", $"--datadir={directory}/data", $"--socket={socket}", $"--port={port}", "--bind-address=127.0.0.1",
            $"--pid-file={directory}/mariadbd.pid", $"--log-error={directory}/error.log", "--skip-name-resolve", "--skip-log-bin",
            "--innodb-flush-log-at-trx-commit=0", "--innodb-buffer-pool-size=64M", "--innodb-log-file-size=16M", "--max-connections=200",
            "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
        ], root);
        server = Process.Start(info)!;
        // The server writes to its error log; what it says before opening it (limits it could not raise) is read and
        // dropped, so that it neither fills a pipe nor shows in the test output.
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        serverDirectory = directory;
        socketPath = socket;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        var rootConnection = new MySqlConnectionStringBuilder { Server = socket, ConnectionProtocol = MySqlConnectionProtocol.UnixSocket, UserID = "root", Pooling = false }.ConnectionString;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                Execute(rootConnection, "SELECT 1");
                break;
            }
            catch (MySqlException) when (clock.Elapsed < TimeSpan.FromSeconds(60) && !server.HasExited)
            {
                Thread.Sleep(200);
            }
            catch (MySqlException e)
            {
                var log = Path.Combine(directory, "error.log");
                return (null, $"mariadbd did not start ({e.Message})" + (File.Exists(log) ? "\n" + File.ReadAllText(log) : ""));
            }
        }
        // A user with a password, reachable over TCP and the socket: the tests of a wrong password need one.
        var password = "pw-" + Guid.NewGuid().ToString("N")[..16];
        foreach (var host in new[] { "%", "localhost" })
        {
            Execute(rootConnection, $"CREATE USER '{User}'@'{host}' IDENTIFIED BY '{password}'");
            Execute(rootConnection, $"GRANT ALL PRIVILEGES ON *.* TO '{User}'@'{host}' WITH GRANT OPTION");
        }
        return (new MySqlConnectionStringBuilder
        {
            Server = "127.0.0.1", Port = (uint)port, UserID = User, Password = password, Pooling = true, AllowUserVariables = false,
        }.ConnectionString, null);
    }

    private static string? Find(string name, string directory)
    {
        var path = Path.Combine(directory, name);
        if (File.Exists(path)) return path;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // As the mysql user when running as root: mariadbd refuses to run as root without --user.
    private static ProcessStartInfo Command(string program, IEnumerable<string> arguments, bool asMysql)
    {
        var info = new ProcessStartInfo(asMysql ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asMysql)
        {
            foreach (var argument in new[] { "-u", "mysql", "--", program }) info.ArgumentList.Add(argument);
        }
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return info;
    }

    private static int Run(string program, IEnumerable<string> arguments, out string output, bool asMysql = false)
    {
        using var process = Process.Start(Command(program, arguments, asMysql))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        output = stdout.Result + stderr;
        return process.ExitCode;
    }
}

/// <summary>One test's MariaDB database.</summary>
internal sealed class MariaDbDatabase(string connectionString, string name, Action drop) : IDisposable
{
    public string ConnectionString { get; } = connectionString;

    /// <summary>The database's name on the server.</summary>
    public string Name { get; } = name;

    /// <summary>The password the tests connect with: it must never appear in what DiffMigrate prints.</summary>
    public string Password => new MySqlConnectionStringBuilder(ConnectionString).Password;

    public MySqlConnection Open()
    {
        var connection = new MySqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Execute(string sql) => MariaDbServer.Execute(ConnectionString, sql);

    /// <summary>The first column of every row, as text.</summary>
    public IReadOnlyList<string> Strings(string sql)
    {
        using var connection = Open();
        using var command = new MySqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        return rows;
    }

    public void Dispose() => drop();
}
