using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.Postgres;

/// <summary>How runs use transactions on PostgreSQL: one for the run, one per revision, and none around CONCURRENTLY.</summary>
[TestClass]
public sealed class PostgresRunnerTests
{
    private const string Usings = "using DiffMigrate;\nusing DiffMigrate.Schema;\n\n";

    private static readonly string[] Revisions =
    [
        Usings + """
        [Revision("000000000001", Message = "table")]
        public sealed class First : Migration
        {
            public override void Upgrade(Operations op) => op.CreateTable("items", Column("id", SqlType.Int32), Column("code", SqlType.Text), PrimaryKey("pk_items", "id"));
            public override void Downgrade(Operations op) => op.DropTable("items");
        }
        """,
        Usings + """
        [Revision("000000000002", "000000000001", Message = "index")]
        public sealed class Second : Migration
        {
            public override void Upgrade(Operations op) => op.CreateIndex("items", Index("ix_items_code", ["code"]), concurrently: true);
            public override void Downgrade(Operations op) => op.DropIndex("items", Index("ix_items_code", ["code"]), concurrently: true);
        }
        """,
        Usings + """
        [Revision("000000000003", "000000000002", Message = "broken")]
        public sealed class Third : Migration
        {
            public override void Upgrade(Operations op) => op.Execute("SELECT no_such_function()");
            public override void Downgrade(Operations op) { }
        }
        """,
    ];

    [TestMethod]
    public void A_concurrent_index_commits_its_revision_and_a_later_failure_rolls_back_only_what_follows()
    {
        using var database = PostgresServer.CreateDatabase();
        using var project = Project(database, perRevision: false);
        var (code, _, err) = project.Run("upgrade", "000000000002");
        Assert.AreEqual(0, code, err);
        CollectionAssert.AreEqual(new[] { "ix_items_code" }, database.Strings("SELECT indexname FROM pg_indexes WHERE tablename = 'items' AND indexname LIKE 'ix%'").ToList());
        Assert.AreEqual(0, project.Run("downgrade", "base").Code);
        Assert.IsEmpty(database.Strings("SELECT 1 FROM pg_tables WHERE tablename = 'items'"));

        (code, _, err) = project.Run("upgrade", "head");
        Assert.AreEqual(2, code);
        StringAssert.Contains(err, "no_such_function");
        // CREATE INDEX CONCURRENTLY cannot be undone by a rollback, so the version table records its revision at once.
        CollectionAssert.AreEqual(new[] { "000000000002" }, database.Strings("SELECT version_num FROM diffmigrate_version").ToList());
        Assert.HasCount(1, database.Strings("SELECT 1 FROM pg_indexes WHERE indexname = 'ix_items_code'"));
    }

    [TestMethod]
    public void Transaction_per_revision_keeps_the_revisions_before_a_failure()
    {
        using var database = PostgresServer.CreateDatabase();
        using var project = Project(database, perRevision: true);
        var (code, _, err) = project.Run("upgrade", "head");
        Assert.AreEqual(2, code);
        StringAssert.Contains(err, "no_such_function");
        CollectionAssert.AreEqual(new[] { "000000000002" }, database.Strings("SELECT version_num FROM diffmigrate_version").ToList());
        Assert.HasCount(1, database.Strings("SELECT 1 FROM pg_tables WHERE tablename = 'items'"));
    }

    [TestMethod]
    public void Offline_script_leaves_the_transaction_around_a_concurrent_index()
    {
        using var project = new TempProject().Initialized();
        for (var i = 0; i < 2; i++) File.WriteAllText(Path.Combine(project.VersionsPath, $"00000000000{i + 1}.cs"), Revisions[i]);
        project.Environment["DIFFMIGRATE_URL"] = "postgresql://app@db.example/app";
        var (code, sql, err) = project.Run("upgrade", "head", "--sql");
        Assert.AreEqual(0, code, err);
        StringAssert.StartsWith(sql, "BEGIN;\n\nCREATE TABLE diffmigrate_version (");
        StringAssert.Contains(sql, "CREATE TABLE items (\n    id integer NOT NULL,\n    code text NOT NULL,\n    CONSTRAINT pk_items PRIMARY KEY (id)\n);");
        StringAssert.Contains(sql, "COMMIT;\n\nCREATE INDEX CONCURRENTLY ix_items_code ON items (code);\n\nBEGIN;");
        StringAssert.EndsWith(sql, "UPDATE diffmigrate_version SET version_num='000000000002' WHERE diffmigrate_version.version_num = '000000000001';\n\nCOMMIT;\n");
    }

    private static TempProject Project(TestDatabase database, bool perRevision)
    {
        var project = new TempProject().Initialized();
        for (var i = 0; i < Revisions.Length; i++) File.WriteAllText(Path.Combine(project.VersionsPath, $"00000000000{i + 1}.cs"), Revisions[i]);
        var config = Path.Combine(project.Directory, "diffmigrate.json");
        var text = File.ReadAllText(config).TrimEnd().TrimEnd('}').TrimEnd().TrimEnd(',');
        File.WriteAllText(config, text + $",\n  \"transactionPerRevision\": {(perRevision ? "true" : "false")}\n}}\n");
        project.Environment["DIFFMIGRATE_URL"] = database.Url;
        return project;
    }
}

/// <summary>The URL forms a user writes, against the real server.</summary>
[TestClass]
public sealed class PostgresUrlTests
{
    [TestMethod]
    public void Socket_tcp_and_connection_string_urls_all_reach_the_server()
    {
        using var database = PostgresServer.CreateDatabase();
        var server = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString);
        var user = Uri.EscapeDataString(server.Username!);
        var password = server.Password is { Length: > 0 } p ? ":" + Uri.EscapeDataString(p) : "";
        var urls = new List<string> { database.Url };
        if (server.Host!.StartsWith('/'))
        {
            urls.Add($"postgresql://{user}@/{server.Database}?host={Uri.EscapeDataString(server.Host)}&port={server.Port}");
            urls.Add($"postgresql://{user}@127.0.0.1:{server.Port}/{server.Database}");
        }
        else
        {
            urls.Add($"postgresql://{user}{password}@{server.Host}:{server.Port}/{server.Database}");
        }
        using var project = new TempProject().Initialized();
        foreach (var url in urls)
        {
            var (code, _, err) = project.Run("ensure-version", "--url", url);
            Assert.AreEqual(0, code, $"{url}: {err}");
        }
        Assert.HasCount(1, database.Strings("SELECT 1 FROM pg_tables WHERE tablename = 'diffmigrate_version'"));
    }
}

/// <summary>The library entry point on PostgreSQL: the dialect is inferred from the connection.</summary>
[TestClass]
public sealed class PostgresLibraryTests
{
    [TestMethod]
    public void Revisions_compiled_into_the_application_upgrade_an_npgsql_connection_once()
    {
        using var database = PostgresServer.CreateDatabase();
        using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        var applied = Runner.DatabaseMigrations.UpgradeToHead(connection, typeof(PostgresLibraryTests).Assembly);
        Assert.AreEqual(2, applied);
        CollectionAssert.AreEqual(new[] { "public.diffmigrate_version", "public.notes" }, PostgresRoundTripTests.UserTables(database).ToList());
        Assert.AreEqual(0, Runner.DatabaseMigrations.UpgradeToHead(connection, typeof(PostgresLibraryTests).Assembly));
    }
}
