using System.Text;
using DiffMigrate.Inspect;
using DiffMigrate.Inspect.Postgres;
using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.Postgres;

[TestClass]
public sealed class PostgresQueryCountTests
{
    [TestMethod]
    public async Task The_inspector_sends_as_many_queries_for_500_tables_as_for_10()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute(Tables(0, 10));
        var inspector = new PostgresInspector();
        await using var connection = database.Open();
        var small = await inspector.InspectAsync(connection, new InspectOptions());
        var (smallCommands, smallStatements) = (inspector.LastCommandCount, inspector.LastStatementCount);

        database.Execute(Tables(10, 500));
        var large = await inspector.InspectAsync(connection, new InspectOptions());

        Assert.HasCount(10, small.Tables);
        Assert.HasCount(500, large.Tables);
        Assert.AreEqual(500 + 500 + 499, large.Tables.Sum(t => t.Indexes.Count + t.ForeignKeys.Count + t.CheckConstraints.Count));
        Assert.AreEqual(smallCommands, inspector.LastCommandCount);
        Assert.AreEqual(smallStatements, inspector.LastStatementCount);
        Assert.AreEqual(1, inspector.LastCommandCount);
        Assert.AreEqual(7, inspector.LastStatementCount);
    }

    /// <summary>Tables with a key, a default, a check, an index and (but the first) a foreign key to the one before.</summary>
    private static string Tables(int from, int to)
    {
        var sql = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            var fk = i == 0 ? "" : $", parent_id int REFERENCES t{i - 1} (id)";
            sql.Append($"CREATE TABLE t{i} (id int PRIMARY KEY, name text NOT NULL DEFAULT 'x', n int CHECK (n > 0){fk});\n");
            sql.Append($"CREATE INDEX ix_t{i}_name ON t{i} (lower(name));\n");
        }
        return sql.ToString();
    }
}
