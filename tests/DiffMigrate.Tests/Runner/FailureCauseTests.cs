using System.Data.Common;
using System.Text.Json;
using DiffMigrate.Design.Scripts;
using DiffMigrate.Providers;
using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Runner.Configuration;
using DiffMigrate.Runner.Database;
using DiffMigrate.Runner.Execution;
using DiffMigrate.Runner.Revisions;
using Microsoft.Data.Sqlite;

namespace DiffMigrate.Tests.Runner;

/// <summary>
/// A user-caused failure says what went wrong in one line, and keeps what caused it as its inner exception, for
/// --verbose and for callers of the library.
/// </summary>
[TestClass]
public sealed class FailureCauseTests
{
    private string directory = null!;

    [TestInitialize]
    public void Create() => Directory.CreateDirectory(directory = Path.Combine(Path.GetTempPath(), "dm-cause-" + Guid.NewGuid().ToString("N")[..8]));

    [TestCleanup]
    public void Delete() => Directory.Delete(directory, recursive: true);

    [TestMethod]
    public void Invalid_configuration_JSON_keeps_the_parser_error()
    {
        File.WriteAllText(Path.Combine(directory, "diffmigrate.json"), "{ \"url\": \"sqlite:///a.db\",\n  \"model\" }");
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => ConfigLoader.Load(null, directory, null, _ => null));
        StringAssert.Contains(error.Message, "invalid JSON");
        Assert.IsInstanceOfType<JsonException>(error.InnerException);
    }

    [TestMethod]
    public void A_database_that_cannot_be_opened_keeps_the_driver_error()
    {
        var url = DatabaseUrl.Parse("sqlite:///" + Path.Combine(directory, "no such directory", "app.db"), directory);
        var drivers = new DriverRegistry();
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => drivers.Open(url).Dispose());
        StringAssert.Contains(error.Message, "Cannot connect");
        Assert.IsInstanceOfType<DbException>(error.InnerException);
    }

    [TestMethod]
    public void A_failing_statement_keeps_the_database_error()
    {
        var versions = Directory.CreateDirectory(Path.Combine(directory, "versions")).FullName;
        File.WriteAllText(Path.Combine(versions, "a1b2c3d4e5f6_broken.cs"), """
            using DiffMigrate;

            [Revision("a1b2c3d4e5f6", Message = "broken")]
            public sealed class Broken : Migration
            {
                public override void Upgrade(Operations op) => op.Execute("UPDATE no_such_table SET x = 1");
                public override void Downgrade(Operations op) { }
            }
            """);
        var revisions = ScriptRevisions.FromDirectories([versions], recursive: false, Path.Combine(directory, "cache"));
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var migrator = new Migrator(connection, DatabaseProviders.For(SqliteDialect.Instance), revisions, "alembic_version", _ => { });
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => migrator.Upgrade("heads"));
        StringAssert.Contains(error.Message, "no_such_table");
        Assert.IsNotNull(Causes(error).OfType<DbException>().FirstOrDefault(), "the driver's exception among the causes");
    }

    [TestMethod]
    public void A_branch_that_does_not_exist_keeps_the_resolution_error()
    {
        var graph = RevisionGraph.Build([new RevisionInfo("a1b2c3d4e5f6", [], [], [])]);
        var error = Assert.ThrowsExactly<RevisionException>(() => graph.Resolve("nosuchbranch@a1b2c3d4e5f6", []));
        StringAssert.Contains(error.Message, "No such branch");
        Assert.IsInstanceOfType<RevisionException>(error.InnerException);
    }

    private static IEnumerable<Exception> Causes(Exception error)
    {
        for (var inner = error.InnerException; inner is not null; inner = inner.InnerException) yield return inner;
    }
}
