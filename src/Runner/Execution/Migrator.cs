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
    DbConnection connection, DatabaseProvider services, RevisionSet revisions, string versionTable, Action<string> log, RunSettings? settings = null)
{
    private readonly VersionTable table = new(new QualifiedName(null, versionTable), services);
    private readonly RunSettings settings = settings ?? RunSettings.Default;

    /// <summary>The revision graph in use.</summary>
    public RevisionGraph Graph => revisions.Graph;

    /// <summary>
    /// The revisions whose run stopped part-way, after a statement that runs outside a transaction, each described
    /// for a person; the next upgrade (or downgrade) resumes them.
    /// </summary>
    public IReadOnlyList<string> Interrupted() => table.Markers(connection, null)
        .Select(m => $"the {(m.IsUpgrade ? "upgrade" : "downgrade")} of revision {m.Revision} stopped at its statement {m.Statement} " +
                     $"that runs outside a transaction, with the statements before it committed: run {(m.IsUpgrade ? "upgrade" : "downgrade")} again to resume")
        .ToList();

    /// <summary>The rows of the version table (empty when it does not exist yet).</summary>
    public IReadOnlyList<string> Current() => Guarded(() => table.Read(connection, null));

    /// <summary>Upgrades to <paramref name="target"/>; returns the number of steps applied.</summary>
    public int Upgrade(string target) => Upgrade([target]);

    /// <summary>Upgrades to every one of <paramref name="targets"/>; returns the number of steps applied.</summary>
    public int Upgrade(IReadOnlyList<string> targets) => Guarded(() => Run(rows => revisions.Graph.PlanUpgrade(rows, targets)));

    /// <summary>Downgrades to <paramref name="target"/> (<c>base</c> for none); returns the number of steps applied.</summary>
    public int Downgrade(string target) => Guarded(() => Run(rows => revisions.Graph.PlanDowngrade(rows, target)));

    /// <summary>Creates the version table when it does not exist; returns whether it did so.</summary>
    public bool EnsureVersionTable() => Guarded(() =>
    {
        using var held = MigrationLock.Acquire(connection, services, versionTable, settings, log);
        using var transaction = Begin();
        if (table.Exists(connection, transaction)) return false;
        Execute(table.Create(), transaction);
        transaction.Commit();
        return true;
    });

    /// <summary>Replaces the version rows with <paramref name="targets"/> without running any revision; clears progress markers.</summary>
    public void Stamp(IReadOnlyList<string> targets, bool purge) => Guarded(() =>
    {
        using var held = MigrationLock.Acquire(connection, services, versionTable, settings, log);
        using var transaction = Begin();
        var rows = purge ? [] : table.Read(connection, transaction);
        if (!table.Exists(connection, transaction)) Execute(table.Create(), transaction);
        if (purge) Execute(new SqlStatement($"DELETE FROM {services.Renderer.Syntax.Quote(table.Name)}"), transaction);
        foreach (var marker in purge ? [] : table.Markers(connection, transaction))
        {
            log($"Clearing the progress marker of revision {marker.Revision} (stopped at its statement {marker.Statement}).");
            Execute(table.Delete(marker.Row), transaction);
        }
        var after = revisions.Graph.Stamp(rows, targets, purge);
        foreach (var edit in table.Edits(rows, after)) Execute(edit, transaction);
        transaction.Commit();
        return 0;
    });

    private int Run(Func<IReadOnlyList<string>, IReadOnlyList<MigrationStep>> plan)
    {
        using var held = MigrationLock.Acquire(connection, services, versionTable, settings, log);
        var transaction = Begin();
        var foreignKeysOff = false;
        var progress = new RunProgress();
        MigrationStep? current = null;
        try
        {
            var (steps, recorded) = Prepare(transaction, plan);
            if (NeedsForeignKeysOff(recorded, transaction))
            {
                // PRAGMA foreign_keys cannot change inside a transaction: start again with enforcement off.
                transaction.Rollback();
                transaction.Dispose();
                Execute(new SqlStatement(services.Rebuild!.ForeignKeysOff), null);
                foreignKeysOff = true;
                transaction = Begin();
                (steps, recorded) = Prepare(transaction, plan);
            }
            var markers = Markers(transaction, steps);
            var applied = 0;
            for (var i = 0; i < steps.Count; i++)
            {
                var step = current = steps[i];
                log(StepText.Describe(step, withMessage: true));
                progress.Starting(step);
                var leftTransaction = RunStep(step, recorded[i], ref transaction, foreignKeysOff, markers.GetValueOrDefault(step.Revision.Id), progress);
                applied++;
                current = null;
                // A revision that left the transaction is committed at once, so that a later failure leaves a revision boundary.
                if ((!settings.TransactionPerRevision && !leftTransaction) || i == steps.Count - 1) continue;
                Commit(ref transaction, foreignKeysOff, step, progress);
                transaction = Begin();
                if (services.Lock is null && !table.Read(connection, transaction).SequenceEqual(steps[i + 1].RowsBefore, StringComparer.Ordinal))
                {
                    // Without a session lock (SQLite) another runner may have applied revisions between two commits: plan again from where it left the database.
                    log("Another runner changed the version table between two revisions: planning again.");
                    (steps, recorded) = Prepare(transaction, plan);
                    i = -1;
                }
            }
            Commit(ref transaction, foreignKeysOff, steps.Count > 0 ? steps[^1] : null, progress);
            return applied;
        }
        catch (Exception e) when (e is DiffMigrateException || DatabaseFailure.IsDatabaseError(e, connection))
        {
            Rollback(transaction);
            if (!progress.Started) throw;
            var broken = DatabaseFailure.IsBroken(connection);
            var message = e is DiffMigrateException ? e.Message : (current is null ? "" : Where(current) + ": ") + DatabaseFailure.Describe(e, connection, services, settings);
            throw new DiffMigrateException($"{message}\n  {progress.Outcome(broken)}", e);
        }
        finally
        {
            transaction.Dispose();
            if (foreignKeysOff && !DatabaseFailure.IsBroken(connection)) Execute(new SqlStatement(services.Rebuild!.ForeignKeysOn), null);
        }
    }

    /// <summary>Reads the version rows (creating the table) and records every step's operations.</summary>
    private (IReadOnlyList<MigrationStep> Steps, List<IReadOnlyList<MigrationOperation>> Recorded) Prepare(
        DbTransaction transaction, Func<IReadOnlyList<string>, IReadOnlyList<MigrationStep>> plan)
    {
        if (!table.Exists(connection, transaction)) Execute(table.Create(), transaction);
        var steps = plan(table.Read(connection, transaction));
        if (steps.FirstOrDefault(s => ProgressMarker.Parse(s.Revision.Id) is not null) is { } clash)
        {
            throw new DiffMigrateException($"{Where(clash)}: the id has the form of a progress marker (id@u1) that the version table reserves; give the revision an id of letters, digits and underscores.");
        }
        var migrations = revisions.Load(steps.Select(s => s.Revision.Id).ToList());
        return (steps, steps.Select(s => Record(migrations[s.Revision.Id], s)).ToList());
    }

    /// <summary>An operation rendered when its turn comes, so that a batch sees the table as the operations before it left it.</summary>
    private IReadOnlyList<SqlStatement> Render(MigrationOperation operation, MigrationStep step, DbTransaction transaction, bool resolve)
    {
        try
        {
            return services.Renderer.Render([resolve ? Resolve(operation, transaction) : operation]);
        }
        catch (DiffMigrateException e)
        {
            throw new DiffMigrateException($"{Where(step)}: {e.Message}", e);
        }
    }

    /// <summary>Commits (after the foreign-key check when enforcement is off).</summary>
    private void Commit(ref DbTransaction transaction, bool foreignKeysOff, MigrationStep? step, RunProgress progress)
    {
        if (foreignKeysOff) CheckForeignKeys(transaction, step);
        progress.Committing = true;
        transaction.Commit();
        transaction.Dispose();
        progress.Committed();
    }

    private DbTransaction Begin() => MigrationLock.Begin(connection, services, settings, log);

    /// <summary>Rolls back what is open; on a broken connection the server has done so already, and the real error must not be hidden.</summary>
    private void Rollback(DbTransaction transaction)
    {
        try
        {
            if (transaction.Connection is not null) transaction.Rollback();
        }
        catch (Exception e) when (DatabaseFailure.IsDatabaseError(e, connection) || e is InvalidOperationException)
        {
        }
    }

    /// <summary>Driver errors outside a run's steps (the lock, the version table) in the user's terms.</summary>
    private T Guarded<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (DatabaseFailure.IsDatabaseError(e, connection))
        {
            // The database's own complaint (not a database, no such column) says nothing of which database it is.
            var reason = DatabaseFailure.Describe(e, connection, services, settings);
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

    private void Execute(SqlStatement statement, DbTransaction? transaction, MigrationStep? step = null)
    {
        using var command = VersionTable.Command(connection, transaction, statement.Text);
        try
        {
            command.ExecuteNonQuery();
        }
        // A statement the driver cannot encode (a lone surrogate in a hand-written revision) is the revision's fault too.
        catch (Exception e) when (e is DbException or System.Text.EncoderFallbackException)
        {
            var where = step is null ? "" : Where(step) + ": ";
            var doing = statement.Purpose is { } purpose ? $"while {purpose}: " : "while running: ";
            // A failed guard (a lossy conversion in a rebuild) is diagnosed with the row and value; anything else by its cause.
            var reason = Diagnose(statement, transaction) ?? DatabaseFailure.Describe(e, connection, services, settings);
            throw new DiffMigrateException($"{where}{reason}\n  {doing}{FirstLine(statement.Text)}", e);
        }
    }

    internal static string Where(MigrationStep step) =>
        $"revision {step.Revision.Id} ({step.Revision.Path ?? step.Revision.Message ?? "no path"})";

    private static string FirstLine(string sql)
    {
        var line = sql.Split('\n')[0].TrimEnd();
        return line.Length < sql.TrimEnd().Length ? line + " ..." : line;
    }
}
