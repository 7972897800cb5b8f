using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.MariaDb;

/// <summary>The CLI against a live MariaDB, with a model that uses every type and element the provider writes.</summary>
[TestClass]
public sealed class MariaDbRoundTripTests
{
    [TestMethod]
    public void Rich_schema_autogenerates_upgrades_converges_downgrades_to_base_and_upgrades_again()
    {
        using var database = MariaDbServer.CreateDatabase();
        using var project = new TempProject();
        project.Initialized(ModelAssembly.Compile(MariaDbRichModel.Source, Path.Combine(project.Directory, "RichModel.dll")));
        project.Environment["DIFFMIGRATE_URL"] = "mysql:" + database.ConnectionString;

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
        var check = project.Run("check");
        Assert.AreEqual(0, check.Code, check.Out + check.Err);

        // The identity's start is the table's AUTO_INCREMENT; the JSON column takes only JSON.
        database.Execute("INSERT INTO authors (name) VALUES ('a'); INSERT INTO posts (author_id, meta) VALUES (LAST_INSERT_ID(), '{\"k\": 1}')");
        CollectionAssert.AreEqual(new[] { "1000" }, database.Strings("SELECT id FROM posts").ToList());
        Assert.ThrowsExactly<MySqlConnector.MySqlException>(() => database.Execute("INSERT INTO posts (author_id, meta) VALUES (1, 'not json')"));

        // The view, function and trigger are there, and the second autogenerate above did not propose them again.
        Assert.AreEqual("recent_posts|twice|trg_posts_score", string.Join("|", Objects(database)));
        StringAssert.Contains(check.Out + check.Err, "view recent_posts", "listed as not managed");

        var down = project.Run("downgrade", "base");
        Assert.AreEqual(0, down.Code, down.Err);
        CollectionAssert.AreEqual(new[] { "diffmigrate_version" }, Tables(database).ToList());
        Assert.IsEmpty(Objects(database));

        var reapply = project.Run("upgrade", "head");
        Assert.AreEqual(0, reapply.Code, reapply.Err);
        CollectionAssert.AreEqual(new[] { "authors", "diffmigrate_version", "posts", "recent_posts" }, Tables(database).ToList());
        var final = project.Run("check");
        Assert.AreEqual(0, final.Code, final.Out + final.Err);
    }

    private static IEnumerable<string> Objects(MariaDbDatabase database) => database.Strings(
        "SELECT table_name FROM information_schema.views WHERE table_schema = DATABASE() UNION ALL " +
        "SELECT routine_name FROM information_schema.routines WHERE routine_schema = DATABASE() UNION ALL " +
        "SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = DATABASE()");

    internal static IEnumerable<string> Tables(MariaDbDatabase database) =>
        database.Strings("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1");
}
