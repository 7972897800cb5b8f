using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.SqlServer;

/// <summary>
/// The CLI against a live SQL Server (DIFFMIGRATE_TEST_MSSQL; inconclusive without one): autogenerate, upgrade, a second
/// autogenerate that finds nothing, check, downgrade to base leaving only the version table, and upgrade again.
/// </summary>
[TestClass]
public sealed class SqlServerRoundTripTests
{
    private const string Model = """
        using DiffMigrate;
        using DiffMigrate.Schema;

        public sealed class ShopModel : SchemaDefinition
        {
            public override void Define(SchemaBuilder b)
            {
                b.Table("authors", t =>
                {
                    t.Column("id", SqlType.Int32).Identity().PrimaryKey();
                    t.Column("name", SqlType.String(80));
                    t.Column("email", SqlType.String(120)).Nullable();
                    t.Unique("email");
                });
                b.Table("posts", t =>
                {
                    t.Column("id", SqlType.Int64).Identity(start: 1000).PrimaryKey();
                    t.Column("author_id", SqlType.Int32);
                    t.Column("title", SqlType.String(200)).Default("'untitled'");
                    t.Column("body", SqlType.Text).Nullable();
                    t.Column("price", SqlType.Decimal(10, 2)).Default("0").Check("price >= 0");
                    t.Column("created", SqlType.DateTime).Default("CURRENT_TIMESTAMP");
                    t.Column("flag", SqlType.Boolean).Default("0");
                    t.Column("uid", SqlType.Uuid).Nullable();
                    t.ForeignKey(["author_id"], "authors", ["id"], ReferentialAction.Cascade);
                    t.Index("ix_posts_title", "title");
                });
            }
        }
        """;

    [TestMethod]
    public void A_schema_autogenerates_upgrades_converges_downgrades_to_base_and_upgrades_again()
    {
        using var database = SqlServerServer.CreateDatabase();
        using var project = new TempProject();
        project.Initialized(ModelAssembly.Compile(Model, Path.Combine(project.Directory, "ShopModel.dll")));
        project.Environment["DIFFMIGRATE_URL"] = database.Url;

        var first = project.Run("revision", "--autogenerate", "-m", "shop", "--rev-id", "000000000001");
        Assert.AreEqual(0, first.Code, first.Err);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Err + "\n" + File.ReadAllText(Directory.GetFiles(project.VersionsPath, "*.cs").Single()));
        CollectionAssert.AreEqual(new[] { "authors", "diffmigrate_version", "posts" }, database.Tables().ToList());

        var again = project.Run("revision", "--autogenerate", "-m", "nothing", "--rev-id", "000000000002");
        Assert.AreEqual(0, again.Code, again.Err);
        if (!again.Err.Contains("No changes detected; no revision written.", StringComparison.Ordinal))
        {
            Assert.Fail("A second autogenerate found changes:\n" + File.ReadAllText(Directory.GetFiles(project.VersionsPath, "000000000002*.cs").Single()));
        }
        var check = project.Run("check");
        Assert.AreEqual(0, check.Code, check.Out + check.Err);

        // The identity starts where the model says; the check refuses a negative price.
        database.Execute("INSERT INTO authors (name) VALUES (N'a'); INSERT INTO posts (author_id) VALUES (SCOPE_IDENTITY())");
        CollectionAssert.AreEqual(new[] { "1000" }, database.Strings("SELECT id FROM posts").ToList());
        Assert.ThrowsExactly<Microsoft.Data.SqlClient.SqlException>(() => database.Execute("INSERT INTO posts (author_id, price) VALUES (1, -1)"));

        var down = project.Run("downgrade", "base");
        Assert.AreEqual(0, down.Code, down.Err);
        CollectionAssert.AreEqual(new[] { "diffmigrate_version" }, database.Tables().ToList());
        Assert.IsEmpty(database.Strings("SELECT version_num FROM diffmigrate_version"));

        var reapply = project.Run("upgrade", "head");
        Assert.AreEqual(0, reapply.Code, reapply.Err);
        CollectionAssert.AreEqual(new[] { "authors", "diffmigrate_version", "posts" }, database.Tables().ToList());
        CollectionAssert.AreEqual(new[] { "000000000001" }, database.Strings("SELECT version_num FROM diffmigrate_version").ToList());
        var final = project.Run("check");
        Assert.AreEqual(0, final.Code, final.Out + final.Err);
    }
}
