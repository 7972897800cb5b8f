using System.Data.Common;
using DiffMigrate.Providers;
using DiffMigrate.Providers.SqlServer;
using Microsoft.Data.SqlClient;

namespace DiffMigrate.Tests.Providers;

/// <summary>The SQL Server provider without a server: registration, URL forms and connection strings, masking (the inspector: SqlServerInspectorTests).</summary>
[TestClass]
public sealed class SqlServerProviderTests
{
    private static DatabaseUrl Parse(string url) => DatabaseUrl.Parse(url, Path.GetTempPath());

    private static Dictionary<string, string> Keys(DatabaseUrl url)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = url.ConnectionString };
        return builder.Keys.Cast<string>().ToDictionary(k => k, k => builder[k].ToString()!, StringComparer.OrdinalIgnoreCase);
    }

    [TestMethod]
    public void The_provider_is_registered_under_both_schemes_with_its_dialect()
    {
        Assert.AreSame(DatabaseProviders.SqlServer, DatabaseProviders.Find("mssql"));
        Assert.AreSame(DatabaseProviders.SqlServer, DatabaseProviders.Find("SQLSERVER"));
        var dialect = DatabaseProviders.SqlServer.Dialect;
        Assert.AreEqual("mssql", dialect.Name);
        Assert.AreEqual("dbo", dialect.DefaultSchema);
        Assert.IsTrue(dialect.TransactionalDdl);
        Assert.AreEqual(128, dialect.MaxIdentifierLength);
        using var connection = new SqlConnection();
        Assert.AreSame(DatabaseProviders.SqlServer, DatabaseProviders.For(connection), "an application's SqlConnection selects it");
    }

    [TestMethod]
    public void A_url_becomes_a_sqlclient_connection_string_and_shows_no_password()
    {
        var url = Parse("mssql://sa:S3cr%40t!@db.example:1433/shop?TrustServerCertificate=true");
        var keys = Keys(url);
        Assert.AreEqual("db.example,1433", keys["Data Source"]);
        Assert.AreEqual("sa", keys["User ID"]);
        Assert.AreEqual("S3cr@t!", keys["Password"]);
        Assert.AreEqual("shop", keys["Initial Catalog"]);
        Assert.AreEqual("true", keys["TrustServerCertificate"]);
        Assert.AreEqual("mssql://sa:***@db.example:1433/shop?TrustServerCertificate=true", url.Display);
        Assert.AreEqual("mssql", url.Dialect.Name);
        // SqlClient itself reads the string as meant.
        var parsed = new SqlConnectionStringBuilder(url.ConnectionString);
        Assert.AreEqual("db.example,1433", parsed.DataSource);
        Assert.AreEqual("shop", parsed.InitialCatalog);
        Assert.IsTrue(parsed.TrustServerCertificate);
    }

    [TestMethod]
    [DataRow("sqlserver://app@localhost/shop", "localhost")]
    [DataRow("MSSQL+pyodbc://app@db/shop", "db")]
    [DataRow("mssql://app@[::1]:1444/shop", "::1,1444")]
    public void Either_scheme_and_an_ipv6_host_parse(string text, string server)
    {
        var url = Parse(text);
        Assert.AreEqual("mssql", url.Dialect.Name);
        Assert.AreEqual(server, Keys(url)["Data Source"]);
        Assert.AreEqual("shop", Keys(url)["Initial Catalog"]);
    }

    [TestMethod]
    [DataRow("mssql:Server=db;Database=shop;User Id=sa;Password=Sekrit9")]
    [DataRow("sqlserver:Data Source=db;Initial Catalog=shop;User ID=sa;PWD=Sekrit9")]
    public void A_raw_connection_string_keeps_its_keys_and_masks_its_password(string text)
    {
        var url = Parse(text);
        Assert.AreEqual(text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..], url.ConnectionString);
        Assert.DoesNotContain("Sekrit9", url.Display);
        Assert.AreEqual("mssql", url.Dialect.Name);
    }

    [TestMethod]
    [DataRow("mssql://sa:Tiger77@db:port/shop", "the port is not a number")]
    [DataRow("mssql://sa:Tiger77@db:99999/shop", "the port is not a number")]
    [DataRow("mssql://sa:Tiger77@db", "no database name")]
    [DataRow("mssql://sa:Tiger77@/shop", "no host")]
    public void A_bad_url_is_refused_with_the_reason_and_no_password(string text, string reason)
    {
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => Parse(text));
        StringAssert.Contains(error.Message, reason);
        Assert.DoesNotContain("Tiger77", error.Message);
    }

    [TestMethod]
    public void The_table_check_is_quoted_as_unicode_literals() => Assert.AreEqual(
        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA = N'sales' AND TABLE_NAME = N'it''s'",
        new SqlServerProvider().TableExistsSql(new QualifiedName("sales", "it's")));
}
