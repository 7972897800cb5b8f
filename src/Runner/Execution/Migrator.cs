using System.Data.Common;
using DiffMigrate.Migrations;
using DiffMigrate.Render.Sql;
using DiffMigrate.Runner.Database;
using DiffMigrate.Runner.Revisions;
using DiffMigrate.Schema;

namespace DiffMigrate.Runner.Execution;

/// <summary>
/// Applies revisions to a live database. By default the whole run is one transaction (SQLite and PostgreSQL DDL is
/// transactional), so a failing revision leaves no trace: neither its own statements nor the steps before it; with
/// <see cref="RunSettings.TransactionPerRevision"/> each revision commits on its own, and a failure keeps the ones
/// before it. Where the dialect has one, the migration lock is held from before the version table is read until
/// the end.
/// </summary>
public sealed partial class Migrator(
    DbConnection connection, DialectServices services, RevisionSet revisions, string versionTable, Action<string> log, RunSettings? settings = null)
{
    private readonly VersionTable table = new(new QualifiedName(null, versionTable), services);
    private readonly RunSettings settings = settings ?? RunSettings.Default;

    /// <summary>The revision graph in use.</summary>
    public RevisionGraph Graph => revisions.Graph;

    /// <summary>The rows of the version table (empty when it does not exist yet).</summary>
    public IReadOnlyList<string> Current() => table.Read(connection, null);

    /// <summary>Upgrades to <paramref name="target"/>; returns the number of steps applied.</summary>
    public int Upgrade(string target) => Upgrade([target]);

    /// <summary>Upgrades to every one of <paramref name="targets"/>; returns the number of steps applied.</summary>
    public int Upgrade(IReadOnlyList<string> targets) => Run(rows => revisions.Graph.PlanUpgrade(rows, targets));

    /// <summary>Downgrades to <paramref name="target"/> (<c>base</c> for none); returns the number of steps applied.</summary>
    public int Downgrade(string target) => Run(rows => revisions.Graph.PlanDowngrade(rows, target));

    /// <summary>Creates the version table when it does not exist; returns whether it did so.</summary>
    public bool EnsureVersionTable()
    {
        using var held = MigrationLock.Acquire(connection, services, versionTable, settings, log);
        using var transaction = connection.BeginTransaction();
        if (table.Exists(connection, transaction)) return false;
        Execute(table.Create(), transaction);
        transaction.Commit();
        return true;
    }

    /// <summary>Replaces the version rows with <paramref name="targets"/> without running any revision.</summary>
    public void Stamp(IReadOnlyList<string> targets, bool purge)
    {
        using var held = MigrationLock.Acquire(connection, services, versionTable, settings, log);
        using var transaction = connection.BeginTransaction();
        var rows = purge ? [] : table.Read(connection, transaction);
        if (!table.Exists(connection, transaction)) Execute(table.Create(), transaction);
        if (purge) Execute(new SqlStatement($"DELETE FROM {services.Renderer.Syntax.Quote(table.Name)}"), transaction);
        var after = revisions.Graph.Stamp(rows, targets, purge);
        foreach (var edit in table.Edits(rows, after)) Execute(edit, transaction);
        transaction.Commit();
    }

    private int Run(Func<IReadOnlyList<string>, IReadOnlyList<MigrationStep>> plan)
    {
        using var held = MigrationLock.Acquire(connection, services, versionTable, settings, log);
        var transaction = connection.BeginTransaction();
        var foreignKeysOff = false;
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
                transaction = connection.BeginTransaction();
                (steps, recorded) = Prepare(transaction, plan);
            }
            for (var i = 0; i < steps.Count; i++)
            {
                var step = steps[i];
                log(StepText.Describe(step, withMessage: true));
                var leftTransaction = false;
                foreach (var statement in Statements(recorded[i], step, transaction).Concat(table.Edits(step.RowsBefore, step.RowsAfter)))
                {
                    leftTransaction |= statement.SuppressTransaction;
                    if (statement.SuppressTransaction)
                    {
                        // Statements such as CREATE INDEX CONCURRENTLY cannot run in a transaction block.
                        Commit(ref transaction, foreignKeysOff, step, again: false);
                        Execute(statement, null, step);
                        transaction = connection.BeginTransaction();
                    }
                    else
                    {
                        Execute(statement, transaction, step);
                    }
                }
                // A statement run outside the transaction cannot be rolled back, so its revision is recorded at once.
                if ((settings.TransactionPerRevision || leftTransaction) && i < steps.Count - 1) Commit(ref transaction, foreignKeysOff, step, again: true);
            }
            Commit(ref transaction, foreignKeysOff, steps.Count > 0 ? steps[^1] : null, again: false);
            return steps.Count;
        }
        catch
        {
            if (transaction.Connection is not null) transaction.Rollback();
            throw;
        }
        finally
        {
            transaction.Dispose();
            if (foreignKeysOff) Execute(new SqlStatement(services.Rebuild!.ForeignKeysOn), null);
        }
    }

    /// <summary>Reads the version rows (creating the table) and records every step's operations.</summary>
    private (IReadOnlyList<MigrationStep> Steps, List<IReadOnlyList<MigrationOperation>> Recorded) Prepare(
        DbTransaction transaction, Func<IReadOnlyList<string>, IReadOnlyList<MigrationStep>> plan)
    {
        if (!table.Exists(connection, transaction)) Execute(table.Create(), transaction);
        var steps = plan(table.Read(connection, transaction));
        var migrations = revisions.Load(steps.Select(s => s.Revision.Id).ToList());
        return (steps, steps.Select(s => Record(migrations[s.Revision.Id], s)).ToList());
    }

    /// <summary>Each operation rendered when its turn comes, so that a batch sees the table as the operations before it left it.</summary>
    private IEnumerable<SqlStatement> Statements(IReadOnlyList<MigrationOperation> operations, MigrationStep step, DbTransaction transaction)
    {
        foreach (var operation in operations)
        {
            IReadOnlyList<SqlStatement> statements;
            try
            {
                statements = services.Renderer.Render([Resolve(operation, transaction)]);
            }
            catch (DiffMigrateException e)
            {
                throw new DiffMigrateException($"{Where(step)}: {e.Message}", e);
            }
            foreach (var statement in statements) yield return statement;
        }
    }

    /// <summary>Commits (after the foreign-key check when enforcement is off) and, with <paramref name="again"/>, begins anew.</summary>
    private void Commit(ref DbTransaction transaction, bool foreignKeysOff, MigrationStep? step, bool again)
    {
        if (foreignKeysOff) CheckForeignKeys(transaction, step);
        transaction.Commit();
        transaction.Dispose();
        if (again) transaction = connection.BeginTransaction();
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
        catch (DbException e)
        {
            var where = step is null ? "" : Where(step) + ": ";
            var doing = statement.Purpose is { } purpose ? $"while {purpose}: " : "while running: ";
            var reason = Diagnose(statement, transaction) ?? e.Message;
            throw new DiffMigrateException($"{where}{reason}\n  {doing}{FirstLine(statement.Text)}\n  Rolled back: the database is as it was before this command.", e);
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
