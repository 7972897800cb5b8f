using DiffMigrate.IntegrationTests.Support;
using MySqlConnector;

namespace DiffMigrate.IntegrationTests.MariaDb;

/// <summary>The test server itself: a database per test, a user with a password, nothing shared between tests.</summary>
[TestClass]
public sealed class MariaDbServerTests
{
    [TestMethod]
    public void Each_test_gets_an_empty_database_of_its_own_that_is_dropped_afterwards()
    {
        string name;
        using (var database = MariaDbServer.CreateDatabase())
        {
            name = database.Name;
            Assert.AreEqual("0", database.Strings("SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()").Single());
            database.Execute("CREATE TABLE t (id INT PRIMARY KEY)");
            CollectionAssert.AreEqual(new[] { "t" }, database.Strings("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()").ToList());
        }
        using var other = MariaDbServer.CreateDatabase();
        Assert.AreNotEqual(name, other.Name);
        Assert.IsEmpty(other.Strings($"SELECT schema_name FROM information_schema.schemata WHERE schema_name = '{name}'"));
    }

    [TestMethod]
    public void The_server_refuses_a_wrong_password()
    {
        using var database = MariaDbServer.CreateDatabase();
        var builder = new MySqlConnectionStringBuilder(database.ConnectionString) { Password = "not-the-password" };
        using var connection = new MySqlConnection(builder.ConnectionString);
        var error = Assert.ThrowsExactly<MySqlException>(connection.Open);
        Assert.AreEqual(MySqlErrorCode.AccessDenied, error.ErrorCode, error.Message);
    }
}
