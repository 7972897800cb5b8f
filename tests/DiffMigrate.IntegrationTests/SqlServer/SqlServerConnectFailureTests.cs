using System.Net;
using System.Net.Sockets;
using DiffMigrate.IntegrationTests.Support;
using Microsoft.Data.SqlClient;

namespace DiffMigrate.IntegrationTests.SqlServer;

/// <summary>
/// Through the CLI, a SQL Server that cannot be connected to (a wrong password, a missing database: live, with
/// DIFFMIGRATE_TEST_MSSQL; no server: a closed loopback port, always) is one ERROR line saying why, exit 2, with the
/// password in neither output.
/// </summary>
[TestClass]
public sealed class SqlServerConnectFailureTests
{
    private const string Password = "Wr0ng-Secret-7c1";

    [TestMethod]
    public void A_wrong_password_is_one_line_without_the_password()
    {
        using var database = SqlServerServer.CreateDatabase();
        var b = new SqlConnectionStringBuilder(database.ConnectionString) { Password = Password };
        Fails("mssql:" + b.ConnectionString, "refused the login name or password", Password);
    }

    [TestMethod]
    public void A_missing_database_is_one_line_without_the_password()
    {
        using var database = SqlServerServer.CreateDatabase();
        var b = new SqlConnectionStringBuilder(database.ConnectionString) { InitialCatalog = "no_such_db_" + Guid.NewGuid().ToString("N") };
        Fails("mssql:" + b.ConnectionString, "the database does not exist", database.Password);
    }

    [TestMethod]
    public void No_server_is_one_line_without_the_password() =>
        Fails($"mssql://sa:{Password}@127.0.0.1:{ClosedPort()}/shop?Connect%20Timeout=3&ConnectRetryCount=0", "no SQL Server answers at 127.0.0.1,", Password);

    [TestMethod]
    public void The_tools_own_process_reaches_sqlclients_network_error_not_a_globalization_refusal()
    {
        // In-process runs use the test host's runtime settings; the tool's own (diffmigrate.runtimeconfig.json) decide
        // whether SqlClient opens at all: it refuses in a globalization-invariant process.
        using var project = new TempProject();
        project.Initialized();
        project.Environment["DIFFMIGRATE_URL"] = $"mssql://sa:{Password}@127.0.0.1:{ClosedPort()}/shop?Connect%20Timeout=3&ConnectRetryCount=0";
        using var process = RevisionProject.Start(project, "current");
        var output = process.StandardOutput.ReadToEndAsync();
        var err = process.StandardError.ReadToEnd();
        Assert.IsTrue(process.WaitForExit(60_000), "the tool hung");

        Assert.AreEqual(2, process.ExitCode, output.Result + err);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(1, lines, err);
        StringAssert.StartsWith(lines[0], "ERROR: Cannot connect to mssql://sa:***@127.0.0.1:");
        StringAssert.Contains(lines[0], "no SQL Server answers at 127.0.0.1,");
        Assert.DoesNotContain(Password, output.Result + err);
    }

    private static void Fails(string url, string reason, string password)
    {
        using var project = new TempProject();
        project.Initialized();
        project.Environment["DIFFMIGRATE_URL"] = url;

        var result = project.Run("current");

        Assert.AreEqual(2, result.Code, result.Out + result.Err);
        var lines = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(1, lines, result.Err);
        StringAssert.StartsWith(lines[0], "ERROR: Cannot connect to ");
        StringAssert.Contains(lines[0], reason);
        Assert.DoesNotContain(password, result.Out + result.Err);
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
}
