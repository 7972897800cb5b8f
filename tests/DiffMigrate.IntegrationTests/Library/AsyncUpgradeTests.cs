using System.Diagnostics;
using DiffMigrate.Inspect;
using DiffMigrate.IntegrationTests.Cli;
using DiffMigrate.IntegrationTests.Postgres;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Providers;
using DiffMigrate.Runner;
using DiffMigrate.Runner.Execution;
using DiffMigrate.Runner.Revisions;
using Microsoft.Data.Sqlite;

namespace DiffMigrate.IntegrationTests.Library;

/// <summary>
/// <see cref="DatabaseMigrations.UpgradeToHeadAsync(System.Data.Common.DbConnection, System.Reflection.Assembly, MigrationOptions?, CancellationToken)"/>:
/// the application's start-up upgrade without blocking a thread, and what a cancellation leaves (the revisions are
/// AppRevisions, compiled into this assembly: a1 creates notes, a2 adds its tags column).
/// </summary>
[TestClass]
public sealed class AsyncUpgradeTests
{
    private const string SecondStep = "Running upgrade 0000000000a1 -> 0000000000a2, add tags";

    [TestMethod]
    public async Task Sqlite_upgrades_to_head_once()
    {
        using var project = new TempProject();
        await using var connection = new SqliteConnection($"Data Source={project.Database()};Pooling=False");
        var log = new List<string>();

        var applied = await DatabaseMigrations.UpgradeToHeadAsync(connection, typeof(AsyncUpgradeTests).Assembly, new MigrationOptions(Log: log.Add));

        Assert.AreEqual(2, applied);
        CollectionAssert.AreEqual(new[] { "Running upgrade  -> 0000000000a1, create notes", SecondStep }, log);
        CollectionAssert.AreEqual(new[] { "diffmigrate_version", "notes" }, CliWorkflowTests.Tables(project.Database()).ToList());
        CollectionAssert.AreEqual(new[] { "0000000000a2" }, Strings(project.Database(), "SELECT version_num FROM diffmigrate_version"));
        Assert.AreEqual(0, await DatabaseMigrations.UpgradeToHeadAsync(connection, typeof(AsyncUpgradeTests).Assembly), "a second start applies nothing");
    }

    [TestMethod]
    public async Task Sqlite_cancelled_while_another_connection_writes_stops_waiting_and_applies_nothing()
    {
        using var project = new TempProject();
        using var holder = new SqliteConnection($"Data Source={project.Database()};Pooling=False");
        holder.Open();
        using (var writing = holder.CreateCommand())
        {
            writing.CommandText = "BEGIN IMMEDIATE; CREATE TABLE held (id INTEGER)";
            writing.ExecuteNonQuery();
        }
        await using var connection = new SqliteConnection($"Data Source={project.Database()};Pooling=False");
        var log = new List<string>();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        await AssertCancelled(() => DatabaseMigrations.UpgradeToHeadAsync(connection, typeof(AsyncUpgradeTests).Assembly, new MigrationOptions(Log: log.Add), cancel.Token));

        // The lock timeout is 60 s: the wait ended at the cancellation, after the driver's current one-second try at most.
        Assert.IsLessThan(10.0, clock.Elapsed.TotalSeconds, $"waited {clock.Elapsed}");
        Assert.IsTrue(log.Any(l => l.StartsWith("Waiting for the migration lock", StringComparison.Ordinal)), string.Join("\n", log));
        Assert.IsFalse(log.Any(l => l.StartsWith("Running upgrade", StringComparison.Ordinal)), string.Join("\n", log));
        using (var release = holder.CreateCommand())
        {
            release.CommandText = "ROLLBACK";
            release.ExecuteNonQuery();
        }
        Assert.IsEmpty(CliWorkflowTests.Tables(project.Database()), "neither the version table nor a revision");
        Assert.AreEqual(2, await DatabaseMigrations.UpgradeToHeadAsync(connection, typeof(AsyncUpgradeTests).Assembly), "the connection is usable after the cancellation");
    }

    [TestMethod]
    public async Task Sqlite_cancelled_after_the_first_revision_rolls_back_the_whole_run()
    {
        using var project = new TempProject();
        await using var connection = new SqliteConnection($"Data Source={project.Database()};Pooling=False");
        using var cancel = new CancellationTokenSource();
        var log = new List<string>();
        var options = new MigrationOptions(Log: line => CancelAt(line, log, cancel));

        await AssertCancelled(() => DatabaseMigrations.UpgradeToHeadAsync(connection, typeof(AsyncUpgradeTests).Assembly, options, cancel.Token));

        Assert.IsEmpty(CliWorkflowTests.Tables(project.Database()), "one transaction for the run: the first revision is rolled back too");
        CollectionAssert.Contains(log, "Cancelled. Rolled back: the database is as it was before this command.");
    }

    [TestMethod]
    public async Task Sqlite_cancelled_after_the_first_revision_with_a_transaction_per_revision_keeps_it_and_nothing_of_the_second()
    {
        using var project = new TempProject();
        await using var connection = new SqliteConnection($"Data Source={project.Database()};Pooling=False");
        using var cancel = new CancellationTokenSource();
        var log = new List<string>();
        var options = new MigrationOptions(Log: line => CancelAt(line, log, cancel), Run: RunSettings.Default with { TransactionPerRevision = true });

        await AssertCancelled(() => DatabaseMigrations.UpgradeToHeadAsync(connection, typeof(AsyncUpgradeTests).Assembly, options, cancel.Token));

        CollectionAssert.AreEqual(new[] { "0000000000a1" }, Strings(project.Database(), "SELECT version_num FROM diffmigrate_version"));
        CollectionAssert.AreEqual(new[] { "id", "body" }, Strings(project.Database(), "SELECT name FROM pragma_table_info('notes') ORDER BY cid"), "no tags column");
        Assert.AreEqual(1, await DatabaseMigrations.UpgradeToHeadAsync(connection, typeof(AsyncUpgradeTests).Assembly), "the next start applies the rest");
    }

    [TestMethod]
    public async Task Sqlite_table_rebuild_reads_the_table_asynchronously_and_the_synchronous_inspection_agrees()
    {
        using var project = new TempProject();
        await using var connection = new SqliteConnection($"Data Source={project.Database()};Pooling=False");
        var revisions = Rebuilds();

        Assert.AreEqual(2, await DatabaseMigrations.UpgradeToHeadAsync(connection, revisions));

        CollectionAssert.AreEqual(new[] { "id", "code", "extra" }, Strings(project.Database(), "SELECT name FROM pragma_table_info('items') ORDER BY cid"));
        CollectionAssert.AreEqual(new[] { "1|a" }, Strings(project.Database(), "SELECT id || '|' || code FROM items"), "the rebuild copied the row");
        var inspector = DatabaseProviders.Sqlite.Inspector;
        var options = new InspectOptions();
        var viaAsync = await inspector.InspectAsync(connection, options);
        Assert.AreEqual(viaAsync, inspector.Inspect(connection, options));
        Assert.IsNotNull(viaAsync.FindTable(new QualifiedName(null, "items")));
    }

    [TestMethod]
    public async Task Postgres_upgrades_to_head_once()
    {
        using var database = PostgresServer.CreateDatabase();
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);

        Assert.AreEqual(2, await DatabaseMigrations.UpgradeToHeadAsync(connection, typeof(AsyncUpgradeTests).Assembly));

        CollectionAssert.AreEqual(new[] { "public.diffmigrate_version", "public.notes" }, PostgresRoundTripTests.UserTables(database).ToList());
        CollectionAssert.AreEqual(new[] { "0000000000a2" }, database.Strings("SELECT version_num FROM diffmigrate_version").ToList());
        Assert.AreEqual(0, await DatabaseMigrations.UpgradeToHeadAsync(connection, typeof(AsyncUpgradeTests).Assembly));
        Assert.IsEmpty(database.Strings("SELECT 1 FROM pg_locks WHERE locktype = 'advisory'"), "the migration lock is released");
        var inspector = DatabaseProviders.Postgres.Inspector;
        Assert.AreEqual(await inspector.InspectAsync(connection, new InspectOptions()), inspector.Inspect(connection, new InspectOptions()));
    }

    [TestMethod]
    public async Task Postgres_cancelled_while_another_runner_holds_the_lock_stops_waiting_and_applies_nothing()
    {
        using var database = PostgresServer.CreateDatabase();
        using var holder = database.Open();
        using (var locking = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey.For("diffmigrate_version")})", holder)) locking.ExecuteNonQuery();
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        var log = new List<string>();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        await AssertCancelled(() => DatabaseMigrations.UpgradeToHeadAsync(connection, typeof(AsyncUpgradeTests).Assembly, new MigrationOptions(Log: log.Add), cancel.Token));

        Assert.IsLessThan(10.0, clock.Elapsed.TotalSeconds, $"waited {clock.Elapsed}");
        Assert.IsTrue(log.Any(l => l.StartsWith("Waiting for the migration lock (advisory lock", StringComparison.Ordinal)), string.Join("\n", log));
        Assert.IsEmpty(PostgresRoundTripTests.UserTables(database), "neither the version table nor a revision");
        // A pooled connection keeps its session (and the lock) when closed: release it explicitly.
        using (var unlocking = new Npgsql.NpgsqlCommand("SELECT pg_advisory_unlock_all()", holder)) unlocking.ExecuteNonQuery();
        Assert.AreEqual(2, await DatabaseMigrations.UpgradeToHeadAsync(connection, typeof(AsyncUpgradeTests).Assembly), "the connection is usable after the cancellation");
    }

    [TestMethod]
    public async Task Postgres_cancelled_after_the_first_revision_rolls_back_and_releases_the_lock()
    {
        using var database = PostgresServer.CreateDatabase();
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        using var cancel = new CancellationTokenSource();
        var log = new List<string>();
        var options = new MigrationOptions(Log: line => CancelAt(line, log, cancel));

        await AssertCancelled(() => DatabaseMigrations.UpgradeToHeadAsync(connection, typeof(AsyncUpgradeTests).Assembly, options, cancel.Token));

        Assert.IsEmpty(PostgresRoundTripTests.UserTables(database), "one transaction for the run: the first revision is rolled back too");
        Assert.IsEmpty(database.Strings("SELECT 1 FROM pg_locks WHERE locktype = 'advisory'"), "the migration lock is released");
        Assert.AreEqual(System.Data.ConnectionState.Open, connection.State);
        using var idle = new Npgsql.NpgsqlCommand("SELECT 1", connection);
        Assert.AreEqual(1, await idle.ExecuteScalarAsync(), "no transaction is left open on the application's connection");
    }

    /// <summary>Logs <paramref name="line"/> and cancels when the second revision is about to run.</summary>
    private static void CancelAt(string line, List<string> log, CancellationTokenSource cancel)
    {
        log.Add(line);
        if (line == SecondStep) cancel.Cancel();
    }

    private static async Task AssertCancelled(Func<Task<int>> run)
    {
        try
        {
            var applied = await run();
            Assert.Fail($"the run was not cancelled: it applied {applied} steps");
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>A table, then a batch that rebuilds it without a given definition, so the runner inspects the table.</summary>
    private static RevisionSet Rebuilds()
    {
        var migrations = new Dictionary<string, Migration> { ["aaaaaaaaaaaa"] = new CreateItems(), ["bbbbbbbbbbbb"] = new RebuildItems() };
        var graph = RevisionGraph.Build([new RevisionInfo("aaaaaaaaaaaa", [], [], []), new RevisionInfo("bbbbbbbbbbbb", ["aaaaaaaaaaaa"], [], [])]);
        return new RevisionSet(graph, ids => ids.ToDictionary(id => id, id => migrations[id], StringComparer.Ordinal));
    }

    private static List<string> Strings(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return rows;
    }

    private sealed class CreateItems : Migration
    {
        public override void Upgrade(Operations op)
        {
            op.CreateTable("items", Column("id", SqlType.Int32), Column("code", SqlType.Text), PrimaryKey("pk_items", "id"));
            op.Execute("INSERT INTO items (id, code) VALUES (1, 'a')");
        }

        public override void Downgrade(Operations op) => op.DropTable("items");
    }

    private sealed class RebuildItems : Migration
    {
        public override void Upgrade(Operations op) =>
            op.BatchAlterTable("items", b => b.AddColumn(Column("extra", SqlType.Text, nullable: true)), Recreate.Always);

        public override void Downgrade(Operations op)
        {
        }
    }
}
