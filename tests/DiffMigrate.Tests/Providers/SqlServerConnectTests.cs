using System.Data.Common;
using System.Net;
using System.Net.Sockets;
using DiffMigrate.Providers;
using DiffMigrate.Providers.SqlServer;
using DiffMigrate.Runner.Database;
using DiffMigrate.Runner.Execution;
using Microsoft.Data.SqlClient;

namespace DiffMigrate.Tests.Providers;

/// <summary>
/// Opening SQL Server the way the CLI does (DriverRegistry, the driver named by the provider), with no server: the URL
/// and a raw SqlClient string become a SqlConnection to the right place with the secure defaults kept; a real refused
/// connection on loopback, and each error number the provider knows, is one line with no password.
/// </summary>
[TestClass]
public sealed class SqlServerConnectTests
{
    private const string Password = "Sekr3t-Pw-71";

    private static DatabaseUrl Parse(string url) => DatabaseUrl.Parse(url, Path.GetTempPath());

    [TestMethod]
    public void A_url_opens_a_sqlconnection_to_its_host_database_and_login_with_encryption_on()
    {
        using var connection = new DriverRegistry().Unopened(Parse($"mssql://app:{Password}@db.example:1444/shop"));

        Assert.IsInstanceOfType<SqlConnection>(connection);
        Assert.AreEqual("db.example,1444", connection.DataSource);
        Assert.AreEqual("shop", connection.Database);
        var keys = new SqlConnectionStringBuilder(connection.ConnectionString);
        Assert.AreEqual("app", keys.UserID);
        Assert.AreEqual(Password, keys.Password);
        // SqlClient 4 and later encrypt by default and check the certificate: the URL keeps that unless it says otherwise.
        Assert.AreEqual(SqlConnectionEncryptOption.Mandatory, keys.Encrypt);
        Assert.IsFalse(keys.TrustServerCertificate);
    }

    [TestMethod]
    public void The_urls_query_passes_encrypt_and_trust_server_certificate_through()
    {
        using var connection = new DriverRegistry().Unopened(Parse($"sqlserver://app:{Password}@localhost/shop?encrypt=false&trustServerCertificate=true&Connect%20Timeout=7"));

        var keys = new SqlConnectionStringBuilder(connection.ConnectionString);
        Assert.AreEqual(SqlConnectionEncryptOption.Optional, keys.Encrypt);
        Assert.IsTrue(keys.TrustServerCertificate);
        Assert.AreEqual(7, keys.ConnectTimeout);
        Assert.AreEqual("localhost", connection.DataSource);
    }

    [TestMethod]
    public void A_raw_connection_string_with_the_dialect_opens_a_sqlconnection()
    {
        using var connection = new DriverRegistry().Unopened(Parse($"mssql:Server=127.0.0.1,1433;Database=shop;User ID=app;Password={Password};TrustServerCertificate=true"));

        Assert.IsInstanceOfType<SqlConnection>(connection);
        Assert.AreEqual("127.0.0.1,1433", connection.DataSource);
        Assert.AreEqual("shop", connection.Database);
        Assert.AreEqual("app", new SqlConnectionStringBuilder(connection.ConnectionString).UserID);
    }

    [TestMethod]
    public void A_key_sqlclient_does_not_know_is_one_line_without_the_password()
    {
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => new DriverRegistry().Unopened(Parse($"mssql://app:{Password}@db/shop?Colour=blue")));

        StringAssert.StartsWith(error.Message, "Cannot connect to mssql://app:***@db/shop?Colour=blue: ");
        StringAssert.Contains(error.Message, "colour");
        Assert.DoesNotContain(Password, error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }

    [TestMethod]
    public void No_server_on_a_closed_loopback_port_is_one_line_without_the_password()
    {
        var port = ClosedPort();
        var url = Parse($"mssql://sa:{Password}@127.0.0.1:{port}/shop?Connect%20Timeout=2&ConnectRetryCount=0");

        var error = Assert.ThrowsExactly<DiffMigrateException>(() => new DriverRegistry().Open(url));

        Assert.IsInstanceOfType<SqlException>(error.InnerException, error.ToString());
        StringAssert.StartsWith(error.Message, $"Cannot connect to mssql://sa:***@127.0.0.1:{port}/shop?Connect%20Timeout=2&ConnectRetryCount=0: no SQL Server answers at 127.0.0.1,{port}: is it running, and are the host and port right? (");
        Assert.DoesNotContain(Password, error.ToString());
        Assert.DoesNotContain("\n", error.Message);
    }

    [TestMethod]
    public void The_drivers_own_exception_is_described_by_the_provider()
    {
        var port = ClosedPort();
        using var connection = new SqlConnection($"Data Source=127.0.0.1,{port};Initial Catalog=shop;User ID=sa;Password={Password};Connect Timeout=2;ConnectRetryCount=0");
        var error = Assert.ThrowsExactly<SqlException>(connection.Open);

        var described = DatabaseProviders.SqlServer.DescribeFailure(error, connection);

        Assert.IsNotNull(described, $"SqlException number {error.Number}: {error.Message}");
        StringAssert.StartsWith(described, $"no SQL Server answers at 127.0.0.1,{port}");
        Assert.IsFalse(DatabaseProviders.SqlServer.IsBusy(error));
    }

    [TestMethod]
    [DataRow(18456, "Login failed for user 'sa'.", "the server at db,1433 refused the login name or password (Login failed for user 'sa'.)")]
    [DataRow(4060, "Cannot open database \"shop\" requested by the login. The login failed.", "the database does not exist on the server at db,1433, or the login may not open it")]
    [DataRow(18488, "Login failed for user 'sa'. Reason: The password of the account must be changed.", "the password of the login has expired or must be changed")]
    [DataRow(53, "A network-related or instance-specific error occurred.", "no SQL Server answers at db,1433")]
    [DataRow(2, "A network-related or instance-specific error occurred.", "no SQL Server answers at db,1433")]
    [DataRow(40, "Could not open a connection to SQL Server.", "no SQL Server answers at db,1433")]
    [DataRow(-2, "Execution Timeout Expired.", "the server at db,1433 did not answer in time")]
    [DataRow(1205, "Transaction (Process ID 52) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.", "SQL Server chose this connection as a deadlock victim")]
    [DataRow(1222, "Lock request time out period exceeded.", "another connection held a lock this statement needed past the lock timeout")]
    [DataRow(10054, "A transport-level error has occurred.", "the database server ended the connection")]
    [DataRow(0, "A network-related or instance-specific error occurred while establishing a connection to SQL Server. (provider: TCP Provider, error: 35 - An internal exception was caught)", "no SQL Server answers at db,1433")]
    [DataRow(0, "A transport-level error has occurred when receiving results from the server. (provider: TCP Provider, error: 35 - An internal exception was caught)", "the database server ended the connection")]
    [DataRow(0, "A connection was successfully established with the server, but then an error occurred during the pre-login handshake.\n(provider: TCP Provider, error: 0 - The certificate chain was issued by an authority that is not trusted.)",
        "the server at db,1433 presented a certificate this machine does not trust: install a trusted one, or add ?TrustServerCertificate=true")]
    public void Each_known_error_number_is_one_line_that_says_what_to_do(int number, string message, string expected)
    {
        var described = SqlServerFailures.Describe(number, message, "db,1433");

        Assert.IsNotNull(described);
        StringAssert.StartsWith(described, expected);
        Assert.DoesNotContain("\n", described);
    }

    [TestMethod]
    public void An_error_number_with_no_meaning_of_its_own_keeps_the_servers_message() =>
        Assert.IsNull(SqlServerFailures.Describe(208, "Invalid object name 'posts'.", "db,1433"));

    [TestMethod]
    public void A_described_failure_never_shows_the_connections_password()
    {
        using var connection = new SqlConnection($"Data Source=db,1433;Initial Catalog=shop;User ID=sa;Password={Password}");
        // A driver message quoting the password (none is known to; the line is masked whatever it says).
        var described = DatabaseProviders.SqlServer.DescribeFailure(new NumberedError(18456, $"Login failed for user 'sa' with {Password}."), connection);

        Assert.IsNotNull(described);
        StringAssert.StartsWith(described, "the server at db,1433 refused the login name or password");
        Assert.DoesNotContain(Password, described);
        StringAssert.Contains(described, SecretMask.Mask);
    }

    [TestMethod]
    public void A_deadlock_or_lock_timeout_is_busy_and_said_in_sql_servers_words_not_as_a_locked_file()
    {
        using var connection = new SqlConnection("Data Source=db,1433;Initial Catalog=shop");
        foreach (var number in new[] { 1205, 1222 })
        {
            var error = new NumberedError(number, "lock trouble");
            Assert.IsTrue(DatabaseProviders.SqlServer.IsBusy(error), number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var line = DatabaseFailure.Describe(error, connection, DatabaseProviders.SqlServer, RunSettings.Default);
            Assert.DoesNotContain("database file", line);
            StringAssert.Contains(line, "(lock trouble)");
        }
        Assert.IsFalse(DatabaseProviders.SqlServer.IsBusy(new NumberedError(18456, "Login failed.")));
    }

    // A port nothing listens on: bound, read and released.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A driver error with a number, read by name as SqlException's is (SqlException has no public constructor).</summary>
    private sealed class NumberedError(int number, string message) : DbException(message)
    {
        public int Number { get; } = number;
    }
}
