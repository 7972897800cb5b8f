using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using DiffMigrate.Providers;

namespace DiffMigrate.Runner.Execution;

/// <summary>
/// The lock that keeps two runners from applying revisions at once: a session-level lock taken with a
/// non-blocking try in a polling loop. A blocking wait would deadlock with CREATE INDEX CONCURRENTLY, which waits
/// for every older transaction, including the waiting runner's own.
/// </summary>
internal sealed class MigrationLock : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan WaitNotice = TimeSpan.FromMilliseconds(200);
    private readonly DbConnection connection;
    private readonly AdvisoryLock sql;
    private readonly long key;
    private readonly Io io;

    private MigrationLock(DbConnection connection, AdvisoryLock sql, long key, Io io) => (this.connection, this.sql, this.key, this.io) = (connection, sql, key, io);

    /// <summary>
    /// Takes the lock for <paramref name="versionTable"/>, or null when the dialect has none or locking is off; a
    /// cancellation ends the wait.
    /// </summary>
    public static async Task<MigrationLock?> Acquire(DbConnection connection, DatabaseProvider provider, string versionTable, RunSettings settings, Action<string> log, Io io)
    {
        if (provider.Lock is not { } sql || !settings.Lock) return null;
        var key = MigrationLockKey.For(versionTable);
        var clock = Stopwatch.StartNew();
        var told = false;
        while (!Acquired(await Scalar<object>(connection, sql.TryAcquire(key), io).ConfigureAwait(false)))
        {
            var holder = await Scalar<object>(connection, sql.Holder(key), io).ConfigureAwait(false);
            if (clock.Elapsed >= settings.LockTimeout)
            {
                throw new DiffMigrateException(
                    $"Another runner holds the migration lock (advisory lock {key}{Held(holder)}): gave up after {settings.LockTimeout.TotalSeconds:0.#} s. " +
                    "Wait for it to finish and run again, raise lockTimeout, or set \"lock\": false if you serialise runs yourself.");
            }
            if (!told)
            {
                log($"Waiting for the migration lock (advisory lock {key}{Held(holder)}) ...");
                told = true;
            }
            await io.Delay(PollInterval).ConfigureAwait(false);
        }
        return new MigrationLock(connection, sql, key, io);
    }

    public async ValueTask DisposeAsync()
    {
        // The lock belongs to the session: releasing it must not depend on the state of any transaction, nor on a
        // cancelled token. A broken connection has lost the lock already, and must not hide the error that broke it.
        try
        {
            await Scalar<object>(connection, sql.Release(key), io.Uncancellable).ConfigureAwait(false);
        }
        catch (Exception e) when (DatabaseFailure.IsDatabaseError(e, connection))
        {
        }
    }

    /// <summary>
    /// Begins a write transaction. SQLite has no session lock: its write lock is the transaction itself, so waiting
    /// for another writer is a retry loop bounded by lockTimeout that says when it starts waiting; afterwards each
    /// statement waits for the file up to lockTimeout as well (a COMMIT may wait for readers). The driver counts
    /// its waits in whole seconds, so a lockTimeout under a second waits one; a cancellation ends the wait after
    /// the driver's current try.
    /// </summary>
    public static async Task<DbTransaction> Begin(DbConnection connection, DatabaseProvider provider, RunSettings settings, Action<string> log, Io io)
    {
        if (provider.Lock is not null || connection.GetType().GetProperty("DefaultTimeout") is not { CanWrite: true } timeout) return await io.Begin(connection).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var told = 0;
        void Tell()
        {
            if (Interlocked.Exchange(ref told, 1) == 0) log($"Waiting for the migration lock: another connection is writing to {connection.DataSource} ...");
        }
        timeout.SetValue(connection, 1);
        // BEGIN IMMEDIATE takes microseconds unless another connection writes; the driver's own retries stay silent, so a
        // timer says that the wait has begun.
        var timer = new Timer(_ => Tell(), null, WaitNotice, Timeout.InfiniteTimeSpan);
        try
        {
            while (true)
            {
                try
                {
                    return await io.Begin(connection).ConfigureAwait(false);
                }
                catch (DbException e) when (DatabaseFailure.IsBusy(e, provider))
                {
                    Tell();
                    if (clock.Elapsed >= settings.LockTimeout) throw new DiffMigrateException(DatabaseFailure.Locked(connection, clock.Elapsed, settings) + ".", e);
                    await io.Delay(PollInterval).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            // Stop the timer before returning, so that no line about waiting follows the run's own.
            if (io.Async)
            {
                await timer.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                using var stopped = new ManualResetEvent(false);
                if (timer.Dispose(stopped)) stopped.WaitOne();
            }
            timeout.SetValue(connection, DatabaseFailure.BusyWaitSeconds(settings));
        }
    }

    // PostgreSQL answers a boolean; MariaDB and MySQL have none, and answer 1 or 0.
    private static bool Acquired(object? answer) => answer switch
    {
        bool taken => taken,
        null or DBNull => false,
        _ => Convert.ToInt64(answer, CultureInfo.InvariantCulture) == 1,
    };

    private static string Held(object? holder) => holder is null or DBNull ? "" : $", held by server process {Convert.ToString(holder, CultureInfo.InvariantCulture)}";

    private static async Task<T> Scalar<T>(DbConnection connection, string text, Io io)
    {
        using var command = connection.CreateCommand();
        command.CommandText = text;
        return (T)(await io.Scalar(command).ConfigureAwait(false))!;
    }
}

/// <summary>The key of the migration lock: what another tool must take to keep DiffMigrate runners out.</summary>
internal static class MigrationLockKey
{
    /// <summary>A stable 63-bit key per version table (FNV-1a), so that projects with their own tables do not block each other.</summary>
    public static long For(string versionTable)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in "diffmigrate:" + versionTable)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return (long)(hash >> 1);
    }
}


/// <summary>How a run applies revisions.</summary>
/// <param name="TransactionPerRevision">Commit after each revision instead of once for the whole run.</param>
/// <param name="Lock">Take the migration lock (on by default).</param>
/// <param name="LockTimeout">How long to wait for another runner's lock before giving up.</param>
public sealed record RunSettings(bool TransactionPerRevision = false, bool Lock = true, TimeSpan LockTimeout = default)
{
    /// <summary>The default: one transaction, locked, waiting up to 60 seconds.</summary>
    public static RunSettings Default { get; } = new(LockTimeout: TimeSpan.FromSeconds(60));
}
