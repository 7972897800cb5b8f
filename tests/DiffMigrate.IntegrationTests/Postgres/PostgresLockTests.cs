using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.Postgres;

/// <summary>Two runners at once: the migration lock makes one wait for the other.</summary>
[TestClass]
public sealed class PostgresLockTests
{
    private const string SlowRevision = """
        using DiffMigrate;
        using DiffMigrate.Schema;

        [Revision("00000000aaaa", Message = "slow")]
        public sealed class Slow : Migration
        {
            public override void Upgrade(Operations op)
            {
                op.CreateTable("counted", Column("id", SqlType.Int32), PrimaryKey("pk_counted", "id"));
                op.Execute("SELECT pg_sleep(1.5)");
            }

            public override void Downgrade(Operations op) => op.DropTable("counted");
        }
        """;

    [TestMethod]
    public void Two_runners_started_together_apply_once_and_the_second_finds_nothing_to_do()
    {
        using var database = PostgresServer.CreateDatabase();
        using var project = Project(database, lockTimeout: 30);
        var runs = Enumerable.Range(0, 2).Select(_ => Task.Run(() => project.Run("upgrade", "head"))).ToArray();
        Task.WaitAll(runs);

        Assert.IsTrue(runs.All(r => r.Result.Code == 0), string.Join("\n", runs.Select(r => r.Result.Err)));
        var outputs = runs.Select(r => r.Result.Out + r.Result.Err).ToList();
        Assert.AreEqual(1, outputs.Count(o => o.Contains("Running upgrade", StringComparison.Ordinal)), string.Join("\n---\n", outputs));
        Assert.AreEqual(1, outputs.Count(o => o.Contains("Waiting for the migration lock", StringComparison.Ordinal)), string.Join("\n---\n", outputs));
        CollectionAssert.AreEqual(new[] { "00000000aaaa" }, database.Strings("SELECT version_num FROM diffmigrate_version").ToList());
    }

    [TestMethod]
    public void A_runner_that_cannot_get_the_lock_in_time_says_who_holds_it_and_changes_nothing()
    {
        using var database = PostgresServer.CreateDatabase();
        using var project = Project(database, lockTimeout: 0.5);
        using var holder = database.Open();
        using (var take = holder.CreateCommand())
        {
            take.CommandText = $"SELECT pg_advisory_lock({Runner.Execution.MigrationLockKey.For("diffmigrate_version")})";
            take.ExecuteScalar();
        }

        var (code, _, err) = project.Run("upgrade", "head");

        Assert.AreEqual(2, code);
        StringAssert.Contains(err, "Another runner holds the migration lock");
        StringAssert.Contains(err, "held by server process");
        Assert.IsEmpty(database.Strings("SELECT tablename FROM pg_tables WHERE tablename = 'counted'"));
    }

    [TestMethod]
    public void Locking_can_be_turned_off()
    {
        using var database = PostgresServer.CreateDatabase();
        using var project = Project(database, lockTimeout: 0.5, locking: false);
        using var holder = database.Open();
        using (var take = holder.CreateCommand())
        {
            take.CommandText = $"SELECT pg_advisory_lock({Runner.Execution.MigrationLockKey.For("diffmigrate_version")})";
            take.ExecuteScalar();
        }
        var (code, _, err) = project.Run("upgrade", "head");
        Assert.AreEqual(0, code, err);
    }

    private static TempProject Project(TestDatabase database, double lockTimeout, bool locking = true)
    {
        var project = new TempProject().Initialized();
        File.WriteAllText(Path.Combine(project.VersionsPath, "00000000aaaa_slow.cs"), SlowRevision);
        var config = Path.Combine(project.Directory, "diffmigrate.json");
        var text = File.ReadAllText(config).TrimEnd().TrimEnd('}').TrimEnd().TrimEnd(',');
        File.WriteAllText(config, text + $",\n  \"lockTimeout\": {lockTimeout.ToString(System.Globalization.CultureInfo.InvariantCulture)},\n  \"lock\": {(locking ? "true" : "false")}\n}}\n");
        project.Environment["DIFFMIGRATE_URL"] = database.Url;
        return project;
    }
}
