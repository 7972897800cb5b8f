using System.Data.Common;
using DiffMigrate.Migrations;
using DiffMigrate.Providers;
using DiffMigrate.Render.Sql;
using DiffMigrate.Runner.Revisions;

namespace DiffMigrate.Runner.Execution;

/// <summary>
/// Applies revisions to a live database. By default the whole run is one transaction (SQLite and PostgreSQL DDL is
/// transactional), so a failing revision leaves no trace: neither its own statements nor the steps before it; with
/// <see cref="RunSettings.TransactionPerRevision"/> each revision commits on its own, and a failure keeps the ones
/// before it. A statement that cannot run in a transaction (CREATE INDEX CONCURRENTLY) is preceded by a commit that
/// records a progress marker, so that a failure or a kill leaves a state the next run resumes from (see
/// <see cref="ProgressMarker"/>). Where the dialect has one, the migration lock is held from before the version table
/// is read until the end; on SQLite the write transaction is the lock. Every failure says what stayed applied.
/// </summary>
internal sealed partial class Migrator(
    DbConnection connection, DatabaseProvider provider, RevisionSet revisions, string versionTable, Action<string> log, RunSettings? settings = null)
{
    private readonly VersionTable table = new(new QualifiedName(null, versionTable), provider);
    private readonly RunSettings settings = settings ?? RunSettings.Default;

    /// <summary>The revision graph in use.</summary>
    public RevisionGraph Graph => revisions.Graph;

    /// <summary>
    /// The revisions whose run stopped part-way, after a statement that runs outside a transaction, each described
    /// for a person; the next upgrade (or downgrade) resumes them.
    /// </summary>
    public IReadOnlyList<string> Interrupted() => Io.Completed(table.Markers(connection, null, Io.Sync)).Select(m =>
        $"the {(m.IsUpgrade ? "upgrade" : "downgrade")} of revision {m.Revision} stopped at its statement {m.Statement} " +
        $"that runs outside a transaction, with the statements before it committed: run {(m.IsUpgrade ? "upgrade" : "downgrade")} again to resume")
        .ToList();

    /// <summary>The rows of the version table (empty when it does not exist yet).</summary>
    public IReadOnlyList<string> Current() => Io.Completed(Guarded(() => table.Read(connection, null, Io.Sync)));

    /// <summary>Upgrades to <paramref name="target"/>; returns the number of steps applied.</summary>
    public int Upgrade(string target) => Upgrade([target]);

    /// <summary>Upgrades to every one of <paramref name="targets"/>; returns the number of steps applied.</summary>
    public int Upgrade(IReadOnlyList<string> targets) => Io.Completed(Upgrade(targets, Io.Sync));

    /// <summary>
    /// Upgrades to <paramref name="target"/>; returns the number of steps applied. A cancellation stops the run
    /// between two statements or while it waits for the migration lock: the open transaction is rolled back, and
    /// the <see cref="OperationCanceledException"/> reaches the caller as it is.
    /// </summary>
    public Task<int> UpgradeAsync(string target, CancellationToken cancellationToken = default) => Upgrade([target], new Io(true, cancellationToken));

    /// <summary>Downgrades to <paramref name="target"/> (<c>base</c> for none); returns the number of steps applied.</summary>
    public int Downgrade(string target) => Io.Completed(Downgrade(target, Io.Sync));

    /// <summary>Downgrades to <paramref name="target"/>; cancelled as <see cref="UpgradeAsync"/> is.</summary>
    public Task<int> DowngradeAsync(string target, CancellationToken cancellationToken = default) => Downgrade(target, new Io(true, cancellationToken));

    private Task<int> Upgrade(IReadOnlyList<string> targets, Io io) => Guarded(() => Run(rows => revisions.Graph.PlanUpgrade(rows, targets), io));

    private Task<int> Downgrade(string target, Io io) => Guarded(() => Run(rows => revisions.Graph.PlanDowngrade(rows, target), io));

    /// <summary>Creates the version table when it does not exist; returns whether it did so.</summary>
    public bool EnsureVersionTable() => Io.Completed(Guarded(async () =>
    {
        var io = Io.Sync;
        await using var held = await MigrationLock.Acquire(connection, provider, versionTable, settings, log, io);
        using var transaction = await Begin(io);
        if (await table.Exists(connection, transaction, io)) return false;
        await Execute(table.Create(), transaction, io);
        transaction.Commit();
        return true;
    }));

    /// <summary>Replaces the version rows with <paramref name="targets"/> without running any revision; clears progress markers.</summary>
    public void Stamp(IReadOnlyList<string> targets, bool purge) => Io.Completed(Guarded(async () =>
    {
        var io = Io.Sync;
        await using var held = await MigrationLock.Acquire(connection, provider, versionTable, settings, log, io);
        using var transaction = await Begin(io);
        var rows = purge ? [] : await table.Read(connection, transaction, io);
        if (!await table.Exists(connection, transaction, io)) await Execute(table.Create(), transaction, io);
        if (purge) await Execute(new SqlStatement($"DELETE FROM {provider.Renderer.Syntax.Quote(table.Name)}"), transaction, io);
        foreach (var marker in purge ? [] : await table.Markers(connection, transaction, io))
        {
            log($"Clearing the progress marker of revision {marker.Revision} (stopped at its statement {marker.Statement}).");
            await Execute(table.Delete(marker.Row), transaction, io);
        }
        var after = revisions.Graph.Stamp(rows, targets, purge);
        foreach (var edit in table.Edits(rows, after)) await Execute(edit, transaction, io);
        transaction.Commit();
        return 0;
    }));

    private async Task<int> Run(Func<IReadOnlyList<string>, IReadOnlyList<MigrationStep>> plan, Io io)
    {
        await using var held = await MigrationLock.Acquire(connection, provider, versionTable, settings, log, io).ConfigureAwait(false);
        var transaction = new OpenTransaction(await Begin(io).ConfigureAwait(false));
        var foreignKeysOff = false;
        var progress = new RunProgress();
        MigrationStep? current = null;
        try
        {
            var (steps, recorded) = await Prepare(transaction.Value, plan, io).ConfigureAwait(false);
            if (await NeedsForeignKeysOff(recorded, transaction.Value, io).ConfigureAwait(false))
            {
                // PRAGMA foreign_keys cannot change inside a transaction: start again with enforcement off.
                await io.Rollback(transaction.Value).ConfigureAwait(false);
                await io.Dispose(transaction.Value).ConfigureAwait(false);
                await Execute(new SqlStatement(provider.Rebuild!.ForeignKeysOff), null, io).ConfigureAwait(false);
                foreignKeysOff = true;
                transaction.Value = await Begin(io).ConfigureAwait(false);
                (steps, recorded) = await Prepare(transaction.Value, plan, io).ConfigureAwait(false);
            }
            var markers = await Markers(transaction.Value, steps, io).ConfigureAwait(false);
            var applied = 0;
            for (var i = 0; i < steps.Count; i++)
            {
                io.ThrowIfCancelled();
                var step = current = steps[i];
                log(StepText.Describe(step, withMessage: true));
                progress.Starting(step);
                var leftTransaction = await RunStep(step, recorded[i], transaction, foreignKeysOff, markers.GetValueOrDefault(step.Revision.Id), progress, io).ConfigureAwait(false);
                applied++;
                current = null;
                // A revision that left the transaction is committed at once, so that a later failure leaves a revision boundary.
                if ((!settings.TransactionPerRevision && !leftTransaction) || i == steps.Count - 1) continue;
                await Commit(transaction.Value, foreignKeysOff, step, progress, io).ConfigureAwait(false);
                transaction.Value = await Begin(io).ConfigureAwait(false);
                if (provider.Lock is null && !(await table.Read(connection, transaction.Value, io).ConfigureAwait(false)).SequenceEqual(steps[i + 1].RowsBefore, StringComparer.Ordinal))
                {
                    // Without a session lock (SQLite) another runner may have applied revisions between two commits: plan again from where it left the database.
                    log("Another runner changed the version table between two revisions: planning again.");
                    (steps, recorded) = await Prepare(transaction.Value, plan, io).ConfigureAwait(false);
                    i = -1;
                }
            }
            // The last chance to stop: after the COMMIT the run is done.
            io.ThrowIfCancelled();
            await Commit(transaction.Value, foreignKeysOff, steps.Count > 0 ? steps[^1] : null, progress, io).ConfigureAwait(false);
            return applied;
        }
        catch (OperationCanceledException) when (io.Token.IsCancellationRequested)
        {
            // Cancelled as the caller asked: roll back like any failure, say what stayed, and let the exception through as it is.
            await Rollback(transaction.Value, io).ConfigureAwait(false);
            if (progress.Started) log("Cancelled. " + progress.Outcome(DatabaseFailure.IsBroken(connection)));
            throw;
        }
        catch (Exception e) when (e is DiffMigrateException || DatabaseFailure.IsDatabaseError(e, connection))
        {
            await Rollback(transaction.Value, io).ConfigureAwait(false);
            if (!progress.Started) throw;
            var broken = DatabaseFailure.IsBroken(connection);
            var message = e is DiffMigrateException ? e.Message : (current is null ? "" : Where(current) + ": ") + DatabaseFailure.Describe(e, connection, provider, settings);
            throw new DiffMigrateException($"{message}\n  {progress.Outcome(broken)}", e);
        }
        finally
        {
            await io.Dispose(transaction.Value).ConfigureAwait(false);
            if (foreignKeysOff && !DatabaseFailure.IsBroken(connection)) await Execute(new SqlStatement(provider.Rebuild!.ForeignKeysOn), null, io.Uncancellable).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the version rows (creating the table) and records every step's operations.</summary>
    private async Task<(IReadOnlyList<MigrationStep> Steps, List<IReadOnlyList<MigrationOperation>> Recorded)> Prepare(
        DbTransaction transaction, Func<IReadOnlyList<string>, IReadOnlyList<MigrationStep>> plan, Io io)
    {
        if (!await table.Exists(connection, transaction, io).ConfigureAwait(false)) await Execute(table.Create(), transaction, io).ConfigureAwait(false);
        var steps = plan(await table.Read(connection, transaction, io).ConfigureAwait(false));
        if (steps.FirstOrDefault(s => ProgressMarker.Parse(s.Revision.Id) is not null) is { } clash)
        {
            throw new DiffMigrateException($"{Where(clash)}: the id has the form of a progress marker (id@u1) that the version table reserves; give the revision an id of letters, digits and underscores.");
        }
        var migrations = revisions.Load(steps.Select(s => s.Revision.Id).ToList());
        return (steps, steps.Select(s => provider.Renderer.Arrange(Record(migrations[s.Revision.Id], s))).ToList());
    }

    /// <summary>An operation rendered when its turn comes, so that a batch sees the table as the operations before it left it.</summary>
    private async Task<IReadOnlyList<SqlStatement>> Render(MigrationOperation operation, MigrationStep step, DbTransaction transaction, bool resolve, Io io)
    {
        var resolved = resolve ? await Resolve(operation, transaction, io).ConfigureAwait(false) : operation;
        try
        {
            return provider.Renderer.Render([resolved]);
        }
        catch (DiffMigrateException e)
        {
            throw new DiffMigrateException($"{Where(step)}: {e.Message}", e);
        }
    }

    /// <summary>Commits (after the foreign-key check when enforcement is off).</summary>
    private async Task Commit(DbTransaction transaction, bool foreignKeysOff, MigrationStep? step, RunProgress progress, Io io)
    {
        if (foreignKeysOff) await CheckForeignKeys(transaction, step, io).ConfigureAwait(false);
        progress.Committing = true;
        await io.Commit(transaction).ConfigureAwait(false);
        await io.Dispose(transaction).ConfigureAwait(false);
        progress.Committed();
    }

    private Task<DbTransaction> Begin(Io io) => MigrationLock.Begin(connection, provider, settings, log, io);

    /// <summary>Rolls back what is open; on a broken connection the server has done so already, and the real error must not be hidden.</summary>
    private async Task Rollback(DbTransaction transaction, Io io)
    {
        try
        {
            if (transaction.Connection is not null) await io.Rollback(transaction).ConfigureAwait(false);
        }
        catch (Exception e) when (DatabaseFailure.IsDatabaseError(e, connection) || e is InvalidOperationException)
        {
        }
    }

    /// <summary>Driver errors outside a run's steps (the lock, the version table) in the user's terms.</summary>
    private async Task<T> Guarded<T>(Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (DatabaseFailure.IsDatabaseError(e, connection))
        {
            // The database's own complaint (not a database, no such column) says nothing of which database it is.
            var reason = DatabaseFailure.Describe(e, connection, provider, settings);
            throw new DiffMigrateException((reason == e.Message ? $"{connection.DataSource}: {reason}" : reason) + ".", e);
        }
    }

    /// <summary>The operations a step's Upgrade or Downgrade records; what they throw is named by revision.</summary>
    internal static IReadOnlyList<MigrationOperation> Record(Migration migration, MigrationStep step)
    {
        var op = new Operations();
        try
        {
            if (step.IsUpgrade) migration.Upgrade(op);
            else migration.Downgrade(op);
        }
        catch (Exception e) when (e is not DiffMigrateException)
        {
            throw new DiffMigrateException($"{Where(step)}: {(step.IsUpgrade ? "Upgrade" : "Downgrade")} threw {e.GetType().Name}: {e.Message}", e);
        }
        return op.Recorded;
    }

    /// <summary>Runs one statement; a cancellation stops the run before it, and the driver may end a long one early.</summary>
    private async Task Execute(SqlStatement statement, DbTransaction? transaction, Io io, MigrationStep? step = null)
    {
        io.ThrowIfCancelled();
        using var command = VersionTable.Command(connection, transaction, statement.Text);
        try
        {
            await io.Execute(command).ConfigureAwait(false);
        }
        // A statement the driver cannot encode (a lone surrogate in a hand-written revision) is the revision's fault too.
        catch (Exception e) when (e is DbException or System.Text.EncoderFallbackException)
        {
            var where = step is null ? "" : Where(step) + ": ";
            var doing = statement.Purpose is { } purpose ? $"while {purpose}: " : "while running: ";
            // A failed guard (a lossy conversion in a rebuild) is diagnosed with the row and value; anything else by its cause.
            var reason = await Diagnose(statement, transaction, io.Uncancellable).ConfigureAwait(false) ?? DatabaseFailure.Describe(e, connection, provider, settings);
            throw new DiffMigrateException($"{where}{reason}\n  {doing}{FirstLine(statement.Text)}", e);
        }
    }

    /// <summary>The transaction open on the connection, replaced at each commit; shared so that a failure rolls back the current one.</summary>
    private sealed class OpenTransaction(DbTransaction value)
    {
        public DbTransaction Value { get; set; } = value;
    }

    internal static string Where(MigrationStep step) =>
        $"revision {step.Revision.Id} ({step.Revision.Path ?? step.Revision.Message ?? "no path"})";

    private static string FirstLine(string sql)
    {
        var line = sql.Split('\n')[0].TrimEnd();
        return line.Length < sql.TrimEnd().Length ? line + " ..." : line;
    }
}
