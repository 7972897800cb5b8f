using System.Data.Common;
using DiffMigrate.Providers;
using DiffMigrate.Providers.MySql;

namespace DiffMigrate.Tests.Providers;

/// <summary>The MariaDB/MySQL provider without a server: URL forms, masking, the type map and quoting. (Live tests: IntegrationTests/MariaDb.)</summary>
[TestClass]
public sealed class MySqlProviderTests
{
    private static readonly MySqlProvider Provider = new();

    private static DatabaseUrl Parse(string url) => DatabaseUrl.Parse(url, Path.GetTempPath(), s => Provider.Schemes.Contains(s) ? Provider : null);

    private static Dictionary<string, string> Keys(DatabaseUrl url)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = url.ConnectionString };
        return builder.Keys.Cast<string>().ToDictionary(k => k, k => builder[k].ToString()!, StringComparer.OrdinalIgnoreCase);
    }

    [TestMethod]
    public void The_provider_is_registered_under_both_schemes()
    {
        Assert.AreSame(DatabaseProviders.MySql, DatabaseProviders.All.Single(p => p.Dialect.Name == "mysql"));
        Assert.AreSame(DatabaseProviders.MySql, DatabaseProviders.Find("mariadb"));
        Assert.AreSame(DatabaseProviders.MySql, DatabaseProviders.Find("mysql"));
        Assert.AreEqual("mysql", Provider.Schemes[0]);
        Assert.AreSame(Provider.Dialect, Provider.Renderer.Dialect);
    }

    [TestMethod]
    public void A_tcp_url_becomes_a_connection_string_and_shows_no_password()
    {
        var url = Parse("mysql://app:s3cr%40t!@db.example:3307/shop");
        var keys = Keys(url);
        Assert.AreEqual("db.example", keys["Server"]);
        Assert.AreEqual("3307", keys["Port"]);
        Assert.AreEqual("app", keys["User ID"]);
        Assert.AreEqual("s3cr@t!", keys["Password"]);
        Assert.AreEqual("shop", keys["Database"]);
        Assert.AreEqual("mysql://app:***@db.example:3307/shop", url.Display);
    }

    [TestMethod]
    [DataRow("mariadb://app@localhost/shop", "localhost")]
    [DataRow("MARIADB+mariadbconnector://app@db/shop", "db")]
    [DataRow("mysql://app@[::1]:3306/shop", "::1")]
    public void Either_scheme_and_an_ipv6_host_parse(string text, string server)
    {
        var url = Parse(text);
        Assert.AreEqual("mysql", url.Dialect.Name);
        Assert.AreEqual(server, Keys(url)["Server"]);
        Assert.AreEqual("shop", Keys(url)["Database"]);
    }

    [TestMethod]
    public void The_socket_form_names_the_socket_as_the_server_over_the_unix_protocol()
    {
        var url = Parse("mysql://app:Hidden99@/shop?unix_socket=/run/mysqld/mysqld.sock&SslMode=None");
        var keys = Keys(url);
        Assert.AreEqual("/run/mysqld/mysqld.sock", keys["Server"]);
        Assert.AreEqual("Unix", keys["Protocol"]);
        Assert.AreEqual("None", keys["SslMode"]);
        Assert.DoesNotContain("Hidden99", url.Display);
    }

    [TestMethod]
    public void A_raw_connection_string_keeps_its_keys_and_masks_its_password()
    {
        var url = Parse("mysql:Server=db;User ID=app;Password=Sekrit9;Database=shop");
        Assert.AreEqual("Server=db;User ID=app;Password=Sekrit9;Database=shop", url.ConnectionString);
        Assert.DoesNotContain("Sekrit9", url.Display);
        Assert.AreEqual("mysql", url.Dialect.Name);
    }

    [TestMethod]
    [DataRow("mysql://app:Tiger77@db:port/shop", "the port is not a number")]
    [DataRow("mysql://app:Tiger77@db:99999/shop", "the port is not a number")]
    [DataRow("mysql://app:Tiger77@db", "no database name")]
    [DataRow("mysql://app:Tiger77@db/shop?unix_socket=/tmp/s", "both a host and a unix_socket")]
    [DataRow("mysql://app:Tiger77@[::1/shop", "closing ']'")]
    public void A_bad_url_is_refused_with_the_reason_and_no_password(string text, string reason)
    {
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => Parse(text));
        StringAssert.Contains(error.Message, reason);
        Assert.DoesNotContain("Tiger77", error.Message);
    }

    [TestMethod]
    public void Every_neutral_type_reads_back_as_itself_except_where_MySQL_has_no_such_type()
    {
        var types = Provider.Dialect.Types;
        SqlType[] same = [SqlType.Int16, SqlType.Int32, SqlType.Int64, SqlType.Decimal(10, 2), SqlType.Single, SqlType.Double, SqlType.Boolean,
            SqlType.String(40), SqlType.FixedChar(3), SqlType.Text, SqlType.Binary(16), SqlType.Binary(), SqlType.Date, SqlType.Time,
            SqlType.DateTime, SqlType.Json, SqlType.Raw("mediumtext")];
        foreach (var type in same) Assert.AreEqual(type, types.Normalize(type), type.ToString());
        Assert.AreEqual(SqlType.FixedChar(36), types.Normalize(SqlType.Uuid), "a UUID is CHAR(36): MySQL 8 has no UUID type");
        Assert.AreEqual(SqlType.Decimal(10, 0), types.Normalize(SqlType.Decimal()), "DECIMAL without precision is DECIMAL(10,0)");
        Assert.ThrowsExactly<DiffMigrateException>(() => types.ToSql(SqlType.DateTimeOffset));
    }

    [TestMethod]
    [DataRow("int(11)", "Int32")]
    [DataRow("bigint(20)", "Int64")]
    [DataRow("tinyint(1)", "Boolean")]
    [DataRow("tinyint(4)", "Raw(tinyint)")]
    [DataRow("int(10) unsigned", "Raw(int unsigned)")]
    [DataRow("decimal(12,4)", "Decimal(12, 4)")]
    [DataRow("varchar(255)", "String(255)")]
    [DataRow("datetime(6)", "DateTime")]
    [DataRow("datetime", "Raw(datetime)")]
    [DataRow("timestamp(6)", "Raw(timestamp(6))")]
    [DataRow("longtext", "Text")]
    [DataRow("text", "Raw(text)")]
    [DataRow("uuid", "Uuid")]
    [DataRow("set('a','b')", "Raw(set('a','b'))")]
    public void Catalog_spellings_parse_to_the_neutral_type(string sql, string expected) =>
        Assert.AreEqual(expected, Provider.Dialect.Types.Parse(sql).ToString());

    [TestMethod]
    public void An_enum_is_inline_and_compares_by_its_values_not_its_name()
    {
        var types = Provider.Dialect.Types;
        var mood = SqlType.Enum("mood", "sad", "it's ok", "back\\slash");
        Assert.AreEqual("ENUM('sad', 'it''s ok', 'back\\\\slash')", types.ToSql(mood));
        Assert.AreEqual(types.Normalize(mood), types.Parse("enum('sad','it''s ok','back\\\\slash')"));
        Assert.AreEqual(types.Normalize(mood), types.Normalize(SqlType.Enum("other_name", "sad", "it's ok", "back\\slash")));
    }

    [TestMethod]
    [DataRow("users", "users")]
    [DataRow("Users", "`Users`")]
    [DataRow("order", "`order`")]
    [DataRow("a`b", "`a``b`")]
    [DataRow("x\"y'z;", "`x\"y'z;`")]
    [DataRow("line\u2028sep", "`line\u2028sep`")]
    public void Identifiers_are_bare_when_plain_and_in_backticks_otherwise(string name, string quoted) =>
        Assert.AreEqual(quoted, MySqlSyntax.Instance.QuoteIdentifier(name));

    [TestMethod]
    public void String_literals_double_quotes_and_backslashes() =>
        Assert.AreEqual(@"'it''s a \\'' trap'", MySqlSyntax.Instance.StringLiteral(@"it's a \' trap"));

    [TestMethod]
    [DataRow("0", true)]
    [DataRow("'x'", true)]
    [DataRow("'it''s'", true)]
    [DataRow("'a' 'b'", false)]
    [DataRow("CURRENT_TIMESTAMP(6)", true)]
    [DataRow("uuid()", false)]
    [DataRow("1 + 1", false)]
    public void Literal_defaults_are_told_from_expressions(string sql, bool literal) =>
        Assert.AreEqual(literal, Provider.Dialect.Expressions.IsLiteral(sql));
}
