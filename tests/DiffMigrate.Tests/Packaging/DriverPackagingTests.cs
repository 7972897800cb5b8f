using System.Text.Json;

namespace DiffMigrate.Tests.Packaging;

/// <summary>
/// The drivers ship with the tool, never with the runtime: an application brings its own (SQLite, Npgsql, MySqlConnector,
/// SqlClient) and passes its connection. The tool's process must not be globalization-invariant, because SqlClient
/// refuses to open a connection in that mode.
/// </summary>
[TestClass]
public sealed class DriverPackagingTests
{
    private static readonly string[] Drivers = ["Microsoft.Data.Sqlite", "Npgsql", "MySqlConnector", "Microsoft.Data.SqlClient"];

    [TestMethod]
    public void The_runtime_depends_on_no_database_driver()
    {
        var closure = RuntimeClosureTests.DepsClosure("DiffMigrate.Runner");

        var offending = Drivers.Where(closure.Contains).ToList();
        Assert.IsEmpty(offending, "the runtime package depends on " + string.Join(", ", offending));
    }

    [TestMethod]
    public void The_tool_depends_on_every_driver_so_the_walk_can_fail()
    {
        var closure = RuntimeClosureTests.DepsClosure("diffmigrate");

        foreach (var driver in Drivers) Assert.Contains(driver, closure, "deps.json walk from the tool: " + string.Join(", ", closure.Order()));
    }

    [TestMethod]
    public void The_tool_does_not_run_globalization_invariant()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "diffmigrate.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.IsTrue(properties.TryGetProperty("System.Runtime.TieredPGO", out _), "the tool's own runtimeconfig was read: " + properties);
        Assert.IsFalse(properties.TryGetProperty("System.Globalization.Invariant", out var invariant) && invariant.GetBoolean(),
            "SqlClient cannot open a connection in a globalization-invariant process: " + properties);
    }
}
