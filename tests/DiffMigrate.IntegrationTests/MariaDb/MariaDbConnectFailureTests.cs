using System.Net;
using System.Net.Sockets;
using DiffMigrate.IntegrationTests.Support;
using MySqlConnector;

namespace DiffMigrate.IntegrationTests.MariaDb;

/// <summary>
/// Through the CLI, a MariaDB URL that cannot connect (a wrong password, a missing database, no server) is one ERROR
/// line saying why, exit 2, with the password in neither output.
/// </summary>
[TestClass]
public sealed class MariaDbConnectFailureTests
{
    private const string Password = "Wr0ng-Secret-9f2";

    [TestMethod]
    public void A_wrong_password_is_one_line_without_the_password()
    {
        using var database = MariaDbServer.CreateDatabase();
        var b = new MySqlConnectionStringBuilder(database.ConnectionString);
        Fails($"mysql://{b.UserID}:{Password}@{b.Server}:{b.Port}/{database.Name}", "refused the user name or password", Password);
    }

    [TestMethod]
    public void A_missing_database_is_one_line_without_the_password()
    {
        using var database = MariaDbServer.CreateDatabase();
        var b = new MySqlConnectionStringBuilder(database.ConnectionString);
        Fails($"mysql://{b.UserID}:{Uri.EscapeDataString(b.Password)}@{b.Server}:{b.Port}/no_such_db_{Guid.NewGuid():N}", "the database does not exist", b.Password);
    }

    [TestMethod]
    public void No_server_is_one_line_without_the_password()
    {
        Fails($"mariadb://app:{Password}@127.0.0.1:{ClosedPort()}/shop?ConnectionTimeout=3", "no MariaDB or MySQL server answers", Password);
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
