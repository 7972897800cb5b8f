using System.Data.Common;
using System.Globalization;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Providers;
using DiffMigrate.Providers.MySql;
using DiffMigrate.Runner.Execution;
using MySqlConnector;

namespace DiffMigrate.IntegrationTests.MariaDb;

/// <summary>
/// The MariaDB/MySQL provider against a live MariaDB: its URL forms connect, its failures are one line without the
/// password, its table-exists query, scratch databases and migration lock work. The provider is reached directly.
/// </summary>
[TestClass]
public sealed class MariaDbProviderTests
{
    private static readonly MySqlProvider Provider = new();

    private static DatabaseUrl Parse(string url) => DatabaseUrl.Parse(url, Path.GetTempPath(), s => Provider.Schemes.Contains(s) ? Provider : null);

    private static DbConnection Open(DatabaseUrl url)
    {
        var connection = new MySqlConnection(url.ConnectionString);
        connection.Open();
        return connection;
    }

    private static string Scalar(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>The test database as a URL of the given scheme, with its user, password, host and port.</summary>
    private static string TcpUrl(MariaDbDatabase database, string scheme = "mysql", string? password = null, string? name = null)
    {
        var b = new MySqlConnectionStringBuilder(database.ConnectionString);
        return $"{scheme}://{Uri.EscapeDataString(b.UserID)}:{Uri.EscapeDataString(password ?? b.Password)}@{b.Server}:{b.Port}/{name ?? database.Name}";
    }

    [TestMethod]
    [DataRow("mysql")]
    [DataRow("mariadb")]
    [DataRow("mysql+pymysql")]
    public void A_url_of_either_scheme_connects_to_its_database_and_shows_no_password(string scheme)
    {
        using var database = MariaDbServer.CreateDatabase();
        var url = Parse(TcpUrl(database, scheme));

        using var connection = Open(url);

        Assert.AreEqual(database.Name, Scalar(connection, "SELECT DATABASE()"));
        Assert.AreEqual("mysql", url.Dialect.Name);
        Assert.DoesNotContain(database.Password, url.Display);
        Assert.DoesNotContain(database.Password, url.ToString());
        StringAssert.Contains(url.Display, SecretMask.Mask);
    }

    [TestMethod]
    public void A_raw_connection_string_with_the_dialect_connects_and_shows_no_password()
    {
        using var database = MariaDbServer.CreateDatabase();
        var url = Parse("mysql:" + database.ConnectionString);

        using var connection = Open(url);

        Assert.AreEqual(database.Name, Scalar(connection, "SELECT DATABASE()"));
        Assert.DoesNotContain(database.Password, url.Display);
    }

    [TestMethod]
    public void The_socket_form_connects_through_the_servers_unix_socket()
    {
        using var database = MariaDbServer.CreateDatabase();
        if (MariaDbServer.Socket is not { } socket)
        {
            Assert.Inconclusive("The server was given by DIFFMIGRATE_TEST_MARIADB: its socket is not known.");
            return;
        }
        var b = new MySqlConnectionStringBuilder(database.ConnectionString);
        var url = Parse($"mysql://{b.UserID}:{Uri.EscapeDataString(b.Password)}@/{database.Name}?unix_socket={Uri.EscapeDataString(socket)}");

        using var connection = Open(url);

        Assert.AreEqual(database.Name, Scalar(connection, "SELECT DATABASE()"));
        // Over the socket the server sees the user as coming from localhost, not from 127.0.0.1.
        Assert.AreEqual($"{MariaDbServer.User}@localhost", Scalar(connection, "SELECT CURRENT_USER()"));
        Assert.DoesNotContain(b.Password, url.Display);
    }

    [TestMethod]
    public void A_wrong_password_is_one_line_that_names_the_refusal_and_not_the_password()
    {
        using var database = MariaDbServer.CreateDatabase();
        const string wrong = "Wrong-Secret-42";
        var url = Parse(TcpUrl(database, password: wrong));

        var (message, connection) = Failure(url);

        StringAssert.Contains(message, "refused the user name or password");
        StringAssert.Contains(message, connection.DataSource);
        AssertClean(message, wrong, database.Password);
    }

    [TestMethod]
    public void A_missing_database_is_one_line_that_says_so()
    {
        using var database = MariaDbServer.CreateDatabase();
        var url = Parse(TcpUrl(database, name: "no_such_database_here"));

        var (message, _) = Failure(url);

        StringAssert.Contains(message, "the database does not exist");
        StringAssert.Contains(message, "no_such_database_here");
        AssertClean(message, database.Password);
    }

    [TestMethod]
    public void A_server_that_is_down_is_one_line_that_says_nothing_answers()
    {
        using var database = MariaDbServer.CreateDatabase();
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var url = Parse($"mysql://{MariaDbServer.User}:{Uri.EscapeDataString(database.Password)}@127.0.0.1:{port}/{database.Name}?ConnectionTimeout=3");

        var (message, _) = Failure(url);

        StringAssert.Contains(message, "no MariaDB or MySQL server answers at 127.0.0.1");
        AssertClean(message, database.Password);
    }

    private static (string Message, DbConnection Connection) Failure(DatabaseUrl url)
    {
        var connection = new MySqlConnection(url.ConnectionString);
        var error = Assert.Throws<DbException>(connection.Open);
        var message = Provider.DescribeFailure(error, connection);
        Assert.IsNotNull(message, $"{error.GetType().Name} {error.Message} was not described");
        return (message, connection);
    }

    private static void AssertClean(string message, params string[] secrets)
    {
        Assert.DoesNotContain("\n", message);
        foreach (var secret in secrets) Assert.DoesNotContain(secret, message);
    }

    [TestMethod]
    public void Table_exists_counts_base_tables_of_the_connections_database_by_exact_name()
    {
        using var database = MariaDbServer.CreateDatabase();
        using var connection = database.Open();
        const string awkward = "it's a \\ table";
        Assert.AreEqual("0", Scalar(connection, Provider.TableExistsSql(awkward)));
        database.Execute("CREATE TABLE `it's a \\ table` (id INT)");
        database.Execute("CREATE VIEW just_a_view AS SELECT 1 AS x");

        Assert.AreEqual("1", Scalar(connection, Provider.TableExistsSql(awkward)));
        Assert.AreEqual("0", Scalar(connection, Provider.TableExistsSql("just_a_view")), "a view is not a table");
        Assert.AreEqual("1", Scalar(connection, Provider.TableExistsSql(new QualifiedName(database.Name, awkward))));
    }

    [TestMethod]
    public void A_scratch_database_is_a_new_empty_database_on_the_same_server_dropped_when_disposed()
    {
        using var database = MariaDbServer.CreateDatabase();
        var url = Parse(TcpUrl(database));
        string name;
        using (var scratch = Provider.CreateScratch(url, Open))
        {
            name = Scalar(scratch.Connection, "SELECT DATABASE()");
            StringAssert.StartsWith(name, "diffmigrate_scratch_");
            Assert.AreEqual("0", Scalar(scratch.Connection, "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()"));
            using var command = scratch.Connection.CreateCommand();
            command.CommandText = "CREATE TABLE t (id INT)";
            command.ExecuteNonQuery();
        }
        Assert.IsEmpty(database.Strings($"SELECT schema_name FROM information_schema.schemata WHERE schema_name = '{name}'"));
    }

    [TestMethod]
    public async Task The_migration_lock_makes_a_second_runner_wait_names_the_holder_and_is_free_once_released()
    {
        using var database = MariaDbServer.CreateDatabase();
        using var first = database.Open();
        using var second = database.Open();
        var lines = new List<string>();
        var patient = RunSettings.Default with { LockTimeout = TimeSpan.FromSeconds(0.5) };

        var held = await MigrationLock.Acquire(first, Provider, "diffmigrate_version", patient, lines.Add, Io.Sync);
        Assert.IsNotNull(held);
        var error = await Assert.ThrowsExactlyAsync<DiffMigrateException>(() => MigrationLock.Acquire(second, Provider, "diffmigrate_version", patient, lines.Add, Io.Sync));
        StringAssert.Contains(error.Message, "Another runner holds the migration lock");
        StringAssert.Contains(error.Message, $"held by server process {Scalar(first, "SELECT CONNECTION_ID()")}");
        Assert.IsTrue(lines.Any(l => l.StartsWith("Waiting for the migration lock", StringComparison.Ordinal)), string.Join("\n", lines));

        // Another version table is another lock: projects of their own do not block each other.
        await using (var other = await MigrationLock.Acquire(second, Provider, "other_version", patient, lines.Add, Io.Sync)) Assert.IsNotNull(other);

        await held!.DisposeAsync();
        await using var taken = await MigrationLock.Acquire(second, Provider, "diffmigrate_version", patient, lines.Add, Io.Sync);
        Assert.IsNotNull(taken);
        var name = MySqlProvider.LockName(MigrationLockKey.For("diffmigrate_version"));
        Assert.AreEqual(Scalar(second, "SELECT CONNECTION_ID()"), Scalar(first, $"SELECT IS_USED_LOCK({name})"));
    }

    [TestMethod]
    public async Task The_inspector_reads_an_empty_database_as_no_tables_sync_and_async()
    {
        using var database = MariaDbServer.CreateDatabase();
        using var connection = database.Open();
        Assert.IsEmpty(Provider.Inspector.Inspect(connection, new DiffMigrate.Inspect.InspectOptions()).Tables);
        database.Execute("CREATE TABLE t (id INT PRIMARY KEY)");
        var schema = await Provider.Inspector.InspectAsync(connection, new DiffMigrate.Inspect.InspectOptions());
        Assert.AreEqual("t", schema.Tables.Single().Name.Name);
    }
}
