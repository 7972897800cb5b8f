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
public sealed class Migrator(
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
        try
        {
            if (!table.Exists(connection, transaction)) Execute(table.Create(), transaction);
            var steps = plan(table.Read(connection, transaction));
            var migrations = revisions.Load(steps.Select(s => s.Revision.Id).ToList());
            foreach (var step in steps)
            {
                log(StepText.Describe(step, withMessage: true));
                var operations = Record(migrations[step.Revision.Id], step);
                IReadOnlyList<SqlStatement> statements;
                try
                {
                    statements = services.Renderer.Render(operations);
                }
                catch (DiffMigrateException e)
                {
                    throw new DiffMigrateException($"{Where(step)}: {e.Message}", e);
                }
                var leftTransaction = false;
                foreach (var statement in statements.Concat(table.Edits(step.RowsBefore, step.RowsAfter)))
                {
                    leftTransaction |= statement.SuppressTransaction;
                    if (statement.SuppressTransaction)
                    {
                        // Statements such as CREATE INDEX CONCURRENTLY cannot run in a transaction block.
                        transaction.Commit();
                        transaction.Dispose();
                        Execute(statement, null, step);
                        transaction = connection.BeginTransaction();
                    }
                    else
                    {
                        Execute(statement, transaction, step);
                    }
                }
                // A statement run outside the transaction cannot be rolled back, so its revision is recorded at once.
                if ((settings.TransactionPerRevision || leftTransaction) && step != steps[^1])
                {
                    transaction.Commit();
                    transaction.Dispose();
                    transaction = connection.BeginTransaction();
                }
            }
            transaction.Commit();
            return steps.Count;
        }
        catch
        {
            transaction.Rollback();
            throw;
        }
        finally
        {
            transaction.Dispose();
        }
    }

    private static IReadOnlyList<MigrationOperation> Record(Migration migration, MigrationStep step)
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
            throw new DiffMigrateException($"{where}{e.Message}\n  while running: {FirstLine(statement.Text)}\n  Rolled back: the database is as it was before this command.", e);
        }
    }

    private static string Where(MigrationStep step) =>
        $"revision {step.Revision.Id} ({step.Revision.Path ?? step.Revision.Message ?? "no path"})";

    private static string FirstLine(string sql)
    {
        var line = sql.Split('\n')[0].TrimEnd();
        return line.Length < sql.TrimEnd().Length ? line + " ..." : line;
    }
}
