using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Postgres;

/// <summary>The CLI against a real PostgreSQL server, with a model that uses every type and object.</summary>
[TestClass]
public sealed class PostgresRoundTripTests
{
    [TestMethod]
    public void Rich_schema_autogenerates_upgrades_converges_downgrades_to_base_and_upgrades_again()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute("CREATE EXTENSION citext");
        using var project = new TempProject();
        project.Initialized(ModelAssembly.Compile(RichModel.Source, Path.Combine(project.Directory, "RichModel.dll")));
        project.Environment["DIFFMIGRATE_URL"] = database.Url;

        var first = project.Run("revision", "--autogenerate", "-m", "rich", "--rev-id", "000000000001");
        Assert.AreEqual(0, first.Code, first.Err);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Err + "\n" + File.ReadAllText(Directory.GetFiles(project.VersionsPath, "*.cs").Single()));

        var again = project.Run("revision", "--autogenerate", "-m", "nothing", "--rev-id", "000000000002");
        Assert.AreEqual(0, again.Code, again.Err);
        if (!again.Err.Contains("No changes detected; no revision written.", StringComparison.Ordinal))
        {
            Assert.Fail("A second autogenerate found changes:\n" + File.ReadAllText(Directory.GetFiles(project.VersionsPath, "000000000002*.cs").Single()));
        }
        Assert.IsEmpty(Directory.GetFiles(project.VersionsPath, "000000000002*.cs"), "a no-op writes no revision");
        var check = project.Run("check");
        Assert.AreEqual(0, check.Code, check.Out + check.Err);

        var down = project.Run("downgrade", "base");
        Assert.AreEqual(0, down.Code, down.Err);
        CollectionAssert.AreEqual(new[] { "public.diffmigrate_version" }, UserTables(database).ToList());
        Assert.IsEmpty(database.Strings("SELECT typname FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid"));
        Assert.IsEmpty(database.Strings("SELECT relname FROM pg_class WHERE relkind = 'S'"));

        var reapply = project.Run("upgrade", "head");
        Assert.AreEqual(0, reapply.Code, reapply.Err);
        CollectionAssert.AreEqual(new[] { "audit.events", "public.authors", "public.diffmigrate_version", "public.posts" }, UserTables(database).ToList());
        Assert.AreEqual(0, project.Run("check").Code);
    }

    internal static IEnumerable<string> UserTables(TestDatabase database) =>
        database.Strings("SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1");
}
