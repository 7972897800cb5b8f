using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.Sqlite;

/// <summary>Offline scripts (--sql) rebuild a table from what the revisions say it is.</summary>
[TestClass]
public sealed class BatchOfflineTests
{
    private const string Usings = "using DiffMigrate;\nusing DiffMigrate.Schema;\n\n";

    private const string Create = Usings + """
        [Revision("0000000000c1", Message = "create")]
        public sealed class Create : Migration
        {
            public override void Upgrade(Operations op) =>
                op.CreateTable("posts", Column("id", SqlType.Int32, identity: new Identity()), Column("title", SqlType.Text, nullable: true), PrimaryKey("pk_posts", "id"));
            public override void Downgrade(Operations op) => op.DropTable("posts");
        }
        """;

    private const string Alter = Usings + """
        [Revision("0000000000c2", "0000000000c1", Message = "alter")]
        public sealed class Alter : Migration
        {
            public override void Upgrade(Operations op) => op.BatchAlterTable("posts", batch =>
                batch.AlterColumn(existing: Column("title", SqlType.Text, nullable: true), column: Column("title", SqlType.Text, defaultSql: "'none'")));
            public override void Downgrade(Operations op) => op.BatchAlterTable("posts", batch =>
                batch.AlterColumn(existing: Column("title", SqlType.Text, defaultSql: "'none'"), column: Column("title", SqlType.Text, nullable: true)));
        }
        """;

    private const string Unknown = Usings + """
        [Revision("0000000000c3", "0000000000c2", Message = "unknown")]
        public sealed class Unknown : Migration
        {
            public override void Upgrade(Operations op)
            {
                op.Execute("CREATE TABLE legacy (id INTEGER PRIMARY KEY, note TEXT)");
                op.BatchAlterTable("legacy", batch => batch.AddCheckConstraint(Check("ck_legacy_note", "note <> ''")));
            }
            public override void Downgrade(Operations op) { }
        }
        """;

    [TestMethod]
    public void The_script_rebuilds_from_the_replayed_definition_and_runs_on_a_real_database()
    {
        using var project = Project(Create, Alter);
        var (code, sql, err) = project.Run("upgrade", "head", "--sql");
        Assert.AreEqual(0, code, err);
        StringAssert.StartsWith(sql, "PRAGMA foreign_keys = OFF;\n\nBEGIN;");
        StringAssert.Contains(sql, "CREATE TABLE _dm_new_posts (\n    id INTEGER NOT NULL CONSTRAINT pk_posts PRIMARY KEY AUTOINCREMENT,\n    title TEXT NOT NULL DEFAULT 'none'\n);");
        StringAssert.Contains(sql, "PRAGMA foreign_key_check;\n\nCOMMIT;");
        StringAssert.EndsWith(sql, "PRAGMA foreign_keys = ON;\n");

        BatchRebuildTests.Execute(project.Database(), sql);
        StringAssert.Contains(BatchRebuildTests.Scalar(project.Database(), "SELECT sql FROM sqlite_schema WHERE name = 'posts'"), "DEFAULT 'none'");

        // A range starts from the definition the earlier revisions leave.
        var (rangeCode, rangeSql, rangeErr) = project.Run("downgrade", "0000000000c2:0000000000c1", "--sql");
        Assert.AreEqual(0, rangeCode, rangeErr);
        StringAssert.Contains(rangeSql, "title TEXT\n);");
    }

    [TestMethod]
    public void A_table_the_revisions_never_created_needs_copy_from_and_the_error_says_so()
    {
        using var project = Project(Create, Alter, Unknown);
        var (code, _, err) = project.Run("upgrade", "head", "--sql");
        Assert.AreEqual(2, code);
        StringAssert.Contains(err, "BatchAlterTable on legacy");
        StringAssert.Contains(err, "copyFrom");
    }

    private static TempProject Project(params string[] revisions)
    {
        var project = new TempProject().Initialized();
        for (var i = 0; i < revisions.Length; i++) File.WriteAllText(Path.Combine(project.VersionsPath, $"c{i + 1}.cs"), revisions[i]);
        return project;
    }
}
