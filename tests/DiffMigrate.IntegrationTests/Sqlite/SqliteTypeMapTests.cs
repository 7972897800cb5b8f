using DiffMigrate.Providers.Sqlite;
using Microsoft.Data.Sqlite;

namespace DiffMigrate.IntegrationTests.Sqlite;

[TestClass]
public sealed class SqliteTypeMapTests
{
    private static readonly SqlType[] EveryType =
    [
        SqlType.Int16, SqlType.Int32, SqlType.Int64, SqlType.Decimal(10, 2), SqlType.Decimal(), SqlType.Single,
        SqlType.Double, SqlType.Boolean, SqlType.String(255), SqlType.String(), SqlType.FixedChar(3), SqlType.Text,
        SqlType.Binary(), SqlType.Binary(16), SqlType.Date, SqlType.Time, SqlType.DateTime, SqlType.DateTimeOffset,
        SqlType.Uuid, SqlType.Json, SqlType.Raw("CITEXT"),
    ];

    [TestMethod]
    public void Every_type_reads_back_from_a_real_database_as_itself()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var map = SqliteTypeMap.Instance;
        var columns = EveryType.Select((t, i) => $"c{i} {map.ToSql(t)}");
        using (var create = connection.CreateCommand())
        {
            create.CommandText = $"CREATE TABLE t ({string.Join(", ", columns)})";
            create.ExecuteNonQuery();
        }
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT type FROM pragma_table_info('t') ORDER BY cid";
        using var reader = read.ExecuteReader();
        var i = 0;
        while (reader.Read())
        {
            Assert.AreEqual(EveryType[i], map.Parse(reader.GetString(0)), $"column c{i}");
            i++;
        }
        Assert.AreEqual(EveryType.Length, i);
    }

    [TestMethod]
    public void An_enum_is_stored_as_a_varchar_of_its_longest_value()
    {
        var status = SqlType.Enum("post_status", "draft", "published", "archived");
        Assert.AreEqual(SqlType.String(9), SqliteTypeMap.Instance.Normalize(status));
    }
}
