using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.MariaDb;

/// <summary>
/// A revision that asks for online DDL with <c>op.Online</c>: the clauses reach the server on the upgrade and on the
/// downgrade, and a change the server can only make by copying the table is refused when the revision forbids the copy,
/// leaving the table as it was.
/// </summary>
[TestClass]
public sealed class MariaDbOnlineDdlTests
{
    private const string Items = "op.Execute(\"CREATE TABLE items (id INT PRIMARY KEY, code VARCHAR(100) NULL, n INT NOT NULL)\", \"DROP TABLE items\");";

    private static string Revision(string upgrade, string downgrade) => $$"""
        using DiffMigrate;
        using DiffMigrate.Schema;

        [Revision("m2", "m1", Message = "online")]
        public sealed class Rm2 : Migration
        {
            public override void Upgrade(Operations op)
            {
                {{upgrade}}
            }

            public override void Downgrade(Operations op)
            {
                {{downgrade}}
            }
        }
        """;

    [TestMethod]
    public void Online_changes_run_with_their_clauses_both_ways()
    {
        using var database = MariaDbServer.CreateDatabase();
        using var project = RevisionProject.Create("mysql:" + database.ConnectionString, [("m1", Items)]);
        File.WriteAllText(Path.Combine(project.VersionsPath, "m2.cs"), Revision(
            """
            op.Online(new OnlineDdl(DdlAlgorithm.Instant), () => op.AddColumn("items", new Column("flag", SqlType.Int32, Default: "0")));
                    op.Online(new OnlineDdl(DdlAlgorithm.InPlace, DdlLock.None), () => op.CreateIndex("items", new TableIndex("ix_items_code", ["code"])));
            """,
            """
            op.Online(new OnlineDdl(DdlAlgorithm.InPlace, DdlLock.None), () => op.DropIndex("items", new TableIndex("ix_items_code", ["code"])));
                    op.Online(new OnlineDdl(DdlAlgorithm.Instant), () => op.DropColumn("items", new Column("flag", SqlType.Int32, Default: "0")));
            """));

        var script = project.Run("upgrade", "m1:m2", "--sql");
        Assert.AreEqual(0, script.Code, script.Err);
        StringAssert.Contains(script.Out, "ALTER TABLE items ADD COLUMN flag INT NOT NULL DEFAULT 0, ALGORITHM=INSTANT;");
        StringAssert.Contains(script.Out, "CREATE INDEX ix_items_code ON items (code) ALGORITHM=INPLACE LOCK=NONE;");

        var up = project.Run("upgrade", "head");
        Assert.AreEqual(0, up.Code, up.Err);
        CollectionAssert.AreEqual(new[] { "code", "flag", "id", "n" }, Columns(database).ToList());
        CollectionAssert.AreEqual(new[] { "ix_items_code" }, database.Strings(
            "SELECT DISTINCT index_name FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'items' AND index_name <> 'PRIMARY'").ToList());

        var down = project.Run("downgrade", "m1");
        Assert.AreEqual(0, down.Code, down.Err);
        CollectionAssert.AreEqual(new[] { "code", "id", "n" }, Columns(database).ToList());
        CollectionAssert.AreEqual(new[] { "m1" }, database.Strings("SELECT version_num FROM diffmigrate_version").ToList());
    }

    [TestMethod]
    public void A_change_that_copies_the_table_is_refused_when_the_revision_forbids_the_copy()
    {
        using var database = MariaDbServer.CreateDatabase();
        using var project = RevisionProject.Create("mysql:" + database.ConnectionString, [("m1", Items)]);
        File.WriteAllText(Path.Combine(project.VersionsPath, "m2.cs"), Revision(
            "op.Online(new OnlineDdl(DdlAlgorithm.InPlace), () => op.AlterColumn(\"items\", new Column(\"n\", SqlType.Int32), new Column(\"n\", SqlType.Int64)));",
            "op.AlterColumn(\"items\", new Column(\"n\", SqlType.Int64), new Column(\"n\", SqlType.Int32));"));

        var (code, _, err) = project.Run("upgrade", "head");

        Assert.AreEqual(2, code, err);
        StringAssert.Contains(err, "ALGORITHM=INPLACE is not supported");
        StringAssert.Contains(err, "ALTER TABLE items MODIFY COLUMN n BIGINT NOT NULL, ALGORITHM=INPLACE");
        Assert.DoesNotContain(database.Password, err);
        CollectionAssert.AreEqual(new[] { "int" }, database.Strings(
            "SELECT data_type FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'items' AND column_name = 'n'").ToList());
        CollectionAssert.AreEqual(new[] { "m1", "m2@u1" }, database.Strings("SELECT version_num FROM diffmigrate_version ORDER BY 1").ToList());
    }

    private static IEnumerable<string> Columns(MariaDbDatabase database) =>
        database.Strings("SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'items' ORDER BY 1");
}
