using System.Data.Common;
using DiffMigrate.Migrations;
using DiffMigrate.Render.Sql;
using DiffMigrate.Runner.Revisions;

namespace DiffMigrate.Runner.Execution;

/// <summary>
/// Statements that cannot run in a transaction: each is preceded by a commit that records a progress marker, and is
/// made safe to run again, so that a failure or a kill anywhere leaves a state the next run resumes from.
/// </summary>
internal sealed partial class Migrator
{
    /// <summary>Runs one step's statements and version edits; returns whether it left the transaction.</summary>
    private bool RunStep(MigrationStep step, IReadOnlyList<MigrationOperation> operations, ref DbTransaction transaction, bool foreignKeysOff, int resumeAt, RunProgress progress)
    {
        // resumeAt: the number of the statement outside a transaction to start again from (0: from the start); the
        // statements before it were committed with the marker that says so.
        var marker = resumeAt > 0 ? new ProgressMarker(step.Revision.Id, step.IsUpgrade, resumeAt) : null;
        if (marker is not null) log($"Resuming revision {step.Revision.Id} at its statement {resumeAt}, which runs outside a transaction.");
        var outside = 0;
        foreach (var operation in operations)
        {
            var skipping = outside < resumeAt;
            foreach (var statement in Render(operation, step, transaction, resolve: !skipping))
            {
                // Where DDL is not transactional every statement commits by itself: each is run as one outside the
                // transaction, with a marker, so that a failure says (and the next run knows) how far the revision got.
                if (!statement.SuppressTransaction && services.Dialect.TransactionalDdl)
                {
                    if (outside >= resumeAt) Execute(statement, transaction, step);
                    continue;
                }
                outside++;
                if (outside < resumeAt) continue;
                // Statements such as CREATE INDEX CONCURRENTLY cannot run in a transaction block: commit what came
                // before with a marker saying where to resume, then run the statement on its own.
                var next = new ProgressMarker(step.Revision.Id, step.IsUpgrade, outside);
                if (marker != next)
                {
                    if (marker is not null) Execute(table.Delete(marker.Row), transaction, step);
                    Execute(table.Insert(next.Row), transaction, step);
                    marker = next;
                }
                progress.Committing = true;
                if (foreignKeysOff) CheckForeignKeys(transaction, step);
                transaction.Commit();
                transaction.Dispose();
                progress.Checkpoint(step, outside, FirstLine(statement.Text));
                RunOutside(operation, statement, resuming: outside == resumeAt, step);
                progress.Ran();
                transaction = Begin();
            }
        }
        if (marker is not null) Execute(table.Delete(marker.Row), transaction, step);
        foreach (var edit in table.Edits(step.RowsBefore, step.RowsAfter)) Execute(edit, transaction, step);
        return marker is not null;
    }

    /// <summary>
    /// A statement outside a transaction, made safe to run again when resuming: the stopped run may have finished
    /// it, or (CREATE INDEX CONCURRENTLY) left an invalid index behind.
    /// </summary>
    private void RunOutside(MigrationOperation operation, SqlStatement statement, bool resuming, MigrationStep step)
    {
        if (resuming && services.IndexValidSql is { } validSql && operation is CreateIndex or DropIndex)
        {
            var (tableName, index) = operation switch
            {
                CreateIndex c => (c.Table, c.Index),
                DropIndex d => (d.Table, d.Index),
                _ => throw new InvalidOperationException(),
            };
            using var command = VersionTable.Command(connection, null, validSql(new QualifiedName(tableName.Schema, index.Name)));
            var valid = command.ExecuteScalar() is bool b ? b : (bool?)null;
            if (operation is DropIndex && valid is null) return;
            if (operation is CreateIndex && valid is true) return;
            if (operation is CreateIndex && valid is false)
            {
                log($"Dropping the invalid index {index.Name} that the stopped run left behind.");
                foreach (var drop in services.Renderer.Render([new DropIndex(tableName, index, Concurrently: true)])) Execute(drop, null, step);
            }
        }
        Execute(statement, null, step);
    }

    /// <summary>The progress markers, by revision; each must belong to a step of this plan, in the same direction.</summary>
    private Dictionary<string, int> Markers(DbTransaction transaction, IReadOnlyList<MigrationStep> steps)
    {
        var markers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var marker in table.Markers(connection, transaction))
        {
            if (!steps.Any(s => s.Revision.Id == marker.Revision && s.IsUpgrade == marker.IsUpgrade))
            {
                var verb = marker.IsUpgrade ? "upgrade" : "downgrade";
                throw new DiffMigrateException(
                    $"The {verb} of revision {marker.Revision} stopped at its statement {marker.Statement}, which runs outside a transaction, and was not finished: " +
                    $"run `diffmigrate {verb}` to a target past it to resume it first, or repair the database by hand and `diffmigrate stamp` it.");
            }
            markers[marker.Revision] = marker.Statement;
        }
        return markers;
    }
}
