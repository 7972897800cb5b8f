using DiffMigrate.Diff;
using DiffMigrate.Inspect;
using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Workloads;
using DiffMigrate.Migrations;
using DiffMigrate.Schema;
using Microsoft.Data.Sqlite;

namespace DiffMigrate.IntegrationTests.Sqlite;

/// <summary>
/// Convergence on a real SQLite database: apply diff(empty, model), inspect, and diff again: nothing may remain.
/// Then apply the reverse and find an empty database.
/// </summary>
[TestClass]
public sealed class RoundTripTests
{
    private static readonly SchemaDiffer Differ = new(new DiffOptions(SqliteDialect.Instance));

    [TestMethod]
    [DataRow(10)]
    [DataRow(200)]
    public async Task Generated_schema_converges_and_reverses_to_empty(int tables)
    {
        var model = GeneratedSchema.Build(tables);
        using var connection = Open();

        var upgrade = Differ.Diff(DatabaseSchema.Empty, model);
        Apply(connection, upgrade);
        var inspected = await Inspect(connection);
        Assert.HasCount(tables, inspected.Tables);
        var remaining = Differ.Diff(inspected, model);
        Assert.IsEmpty(remaining, "no-op autogenerate found: " + string.Join("; ", remaining.Take(10)));

        Apply(connection, OperationReverser.ReverseAll(upgrade));
        Assert.IsEmpty((await Inspect(connection)).Tables);
    }

    [TestMethod]
    public async Task Inspecting_a_converged_schema_gives_the_model_back_table_by_table()
    {
        var model = GeneratedSchema.Build(30);
        using var connection = Open();
        Apply(connection, Differ.Diff(DatabaseSchema.Empty, model));
        var inspected = await Inspect(connection);
        foreach (var table in model.Tables)
        {
            var found = inspected.FindTable(table.Name);
            Assert.IsNotNull(found, table.Name.ToString());
            CollectionAssert.AreEqual(table.Columns.Select(c => c.Name).ToList(), found.Columns.Select(c => c.Name).ToList(), table.Name.ToString());
            Assert.AreEqual(table.ForeignKeys.Count, found.ForeignKeys.Count, table.Name.ToString());
            Assert.AreEqual(table.Indexes.Count, found.Indexes.Count, table.Name.ToString());
        }
    }

    internal static SqliteConnection Open()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA foreign_keys = ON";
        pragma.ExecuteNonQuery();
        return connection;
    }

    internal static void Apply(SqliteConnection connection, IReadOnlyList<MigrationOperation> operations)
    {
        using var transaction = connection.BeginTransaction();
        foreach (var statement in new SqliteSqlRenderer().Render(operations))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statement.Text;
            try
            {
                command.ExecuteNonQuery();
            }
            catch (SqliteException e)
            {
                Assert.Fail($"{e.Message}\n{statement.Text}");
            }
        }
        transaction.Commit();
    }

    internal static Task<DatabaseSchema> Inspect(SqliteConnection connection) =>
        new SqliteInspector().InspectAsync(connection, new InspectOptions());
}
