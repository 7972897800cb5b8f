using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.Cli;

/// <summary>
/// A password given in any form never reaches stdout, stderr (with --verbose too) or a file the tool writes, on runs
/// that succeed as on runs that fail.
/// </summary>
[TestClass]
public sealed class SecretLeakTests
{
    private const string Secret = "Vb4_leak-me-not";

    private const string Migration = """
        using DiffMigrate;
        using DiffMigrate.Schema;

        [Revision("000000000001", Message = "table")]
        public sealed class First : Migration
        {
            public override void Upgrade(Operations op) => op.CreateTable("items", Column("id", SqlType.Int32), PrimaryKey("pk_items", "id"));
            public override void Downgrade(Operations op) => op.DropTable("items");
        }
        """;

    // stdout, stderr and every file under the project (the tool's cache included).
    private static void AssertNowhere(TempProject project, params (int Code, string Out, string Err)[] results)
    {
        foreach (var (_, output, error) in results) Assert.DoesNotContain(Secret, output + error);
        foreach (var file in Directory.EnumerateFiles(project.Directory, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".dll", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(Secret, File.ReadAllText(file), file);
        }
    }

    [TestMethod]
    [DataRow("--url", "postgresql://app:{0}@db.example/app")]
    [DataRow("--url", "postgresql://app@db.example/app?sslmode=disable&password={0}")]
    [DataRow("--url", "postgresql:Host=db.example;Database=app;Psw={0}")]
    [DataRow("env", "postgresql://app:{0}@db.example/app")]
    [DataRow("config", "postgresql://app:${{DB_PASSWORD}}@db.example/app")]
    public void Offline_scripts_revisions_and_graph_commands_do_not_show_the_password(string where, string form)
    {
        using var project = new TempProject().Initialized();
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, form, Secret);
        string[] prefix = [];
        switch (where)
        {
            case "--url":
                prefix = ["--url", url];
                break;
            case "env":
                project.Environment["DIFFMIGRATE_URL"] = url;
                break;
            default:
                var config = Path.Combine(project.Directory, "diffmigrate.json");
                File.WriteAllText(config, File.ReadAllText(config).Replace("\"sqlite:///app.db\"", "\"" + url + "\"", StringComparison.Ordinal));
                project.Environment["DB_PASSWORD"] = Secret;
                break;
        }
        File.WriteAllText(Path.Combine(project.VersionsPath, "000000000001_table.cs"), Migration);
        var results = new[]
        {
            project.Run([.. prefix, "revision", "-m", "second", "--rev-id", "000000000002", "-v"]),
            project.Run([.. prefix, "upgrade", "head", "--sql", "-v"]),
            project.Run([.. prefix, "downgrade", "000000000002:base", "--sql", "-v"]),
            project.Run([.. prefix, "stamp", "head", "--sql", "-v"]),
            project.Run([.. prefix, "history", "-v"]),
            project.Run([.. prefix, "heads", "-v"]),
            project.Run([.. prefix, "current", "-v"]),
        };
        for (var i = 0; i < results.Length - 1; i++) Assert.AreEqual(0, results[i].Code, results[i].Err);
        Assert.AreEqual(2, results[^1].Code, "db.example cannot be reached");
        StringAssert.StartsWith(results[^1].Err, "ERROR: ");
        StringAssert.Contains(results[1].Out, "CREATE TABLE items", "the offline script was written");
        Assert.HasCount(1, Directory.GetFiles(project.VersionsPath, "000000000002_second.cs"), "the revision was written");
        AssertNowhere(project, results);
    }

    [TestMethod]
    [TestCategory("Postgres")]
    public void Runs_against_postgresql_with_a_password_in_the_url_never_show_it()
    {
        using var database = PostgresServer.CreateDatabase();
        using var project = new TempProject().Initialized();
        File.WriteAllText(Path.Combine(project.VersionsPath, "000000000001_table.cs"), Migration);
        // The test server trusts local connections, so the password is sent and ignored: the run succeeds.
        project.Environment["DIFFMIGRATE_URL"] = database.Url + ";Password=" + Secret;
        var results = new[]
        {
            project.Run("upgrade", "head", "-v"),
            project.Run("current", "-v"),
            project.Run("history", "-v", "--indicate-current"),
            project.Run("downgrade", "base", "-v"),
            project.Run("check", "-v"),
        };
        for (var i = 0; i < 4; i++) Assert.AreEqual(0, results[i].Code, results[i].Err);
        StringAssert.Contains(results[1].Out, "000000000001");
        StringAssert.Contains(results[1].Out, "Password=***", "current -v names the database, masked");
        Assert.AreEqual(2, results[4].Code, "not at head: " + results[4].Err);

        // An option the driver refuses makes it echo the connection string's keys; the password stays hidden.
        project.Environment["DIFFMIGRATE_URL"] = database.Url + ";No Such Option=1;Password=" + Secret;
        var refused = project.Run("current", "-v");
        Assert.AreEqual(2, refused.Code);
        StringAssert.Contains(refused.Err, "Password=***");
        AssertNowhere(project, [.. results, refused]);
    }
}
