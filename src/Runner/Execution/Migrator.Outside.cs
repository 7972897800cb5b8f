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
    private async Task<bool> RunStep(
        MigrationStep step, IReadOnlyList<MigrationOperation> operations, OpenTransaction transaction, bool foreignKeysOff, int resumeAt, RunProgress progress, Io io)
    {
        // resumeAt: the number of the statement outside a transaction to start again from (0: from the start); the
        // statements before it were committed with the marker that says so.
        var marker = resumeAt > 0 ? new ProgressMarker(step.Revision.Id, step.IsUpgrade, resumeAt) : null;
        if (marker is not null) log($"Resuming revision {step.Revision.Id} at its statement {resumeAt}, which runs outside a transaction.");
        var outside = 0;
        // Where DDL is not transactional, the text of every statement so far, for the report of a failure.
        var texts = new List<string>();
        for (var o = 0; o < operations.Count; o++)
        {
            var operation = operations[o];
            var skipping = outside < resumeAt;
            var statements = await Render(operation, step, transaction.Value, resolve: !skipping, io).ConfigureAwait(false);
            for (var s = 0; s < statements.Count; s++)
            {
                var statement = statements[s];
                // Where DDL is not transactional every statement commits by itself: each is run as one outside the
                // transaction, with a marker, so that a failure says (and the next run knows) how far the revision got.
                if (!statement.SuppressTransaction && provider.Dialect.TransactionalDdl)
                {
                    if (outside >= resumeAt) await Execute(statement, transaction.Value, io, step).ConfigureAwait(false);
                    continue;
                }
                outside++;
                if (!provider.Dialect.TransactionalDdl) texts.Add(RawSql.Start(statement.Text));
                if (outside < resumeAt) continue;
                // Statements such as CREATE INDEX CONCURRENTLY cannot run in a transaction block: commit what came
                // before with a marker saying where to resume, then run the statement on its own.
                var next = new ProgressMarker(step.Revision.Id, step.IsUpgrade, outside);
                if (marker != next)
                {
                    if (marker is not null) await Execute(table.Delete(marker.Row), transaction.Value, io, step).ConfigureAwait(false);
                    await Execute(table.Insert(next.Row), transaction.Value, io, step).ConfigureAwait(false);
                    marker = next;
                }
                progress.Committing = true;
                if (foreignKeysOff) await CheckForeignKeys(transaction.Value, step, io).ConfigureAwait(false);
                await io.Commit(transaction.Value).ConfigureAwait(false);
                await io.Dispose(transaction.Value).ConfigureAwait(false);
                progress.Checkpoint(step, outside, FirstLine(statement.Text));
                try
                {
                    await RunOutside(operation, statement, resuming: outside == resumeAt, step, io).ConfigureAwait(false);
                }
                catch (DiffMigrateException) when (!provider.Dialect.TransactionalDdl)
                {
                    // Nothing rolls back: the report lists the statements that ran, this one, and the ones that did not.
                    texts.AddRange(statements.Skip(s + 1).Select(later => RawSql.Start(later.Text)));
                    texts.AddRange(operations.Skip(o + 1).SelectMany(NotRun));
                    progress.Stopped(new PartialRevision(step, texts, outside, resumeAt, provider.Dialect.Name));
                    throw;
                }
                progress.Ran();
                transaction.Value = await Begin(io).ConfigureAwait(false);
            }
        }
        if (marker is not null) await Execute(table.Delete(marker.Row), transaction.Value, io, step).ConfigureAwait(false);
        foreach (var edit in table.Edits(step.RowsBefore, step.RowsAfter)) await Execute(edit, transaction.Value, io, step).ConfigureAwait(false);
        return marker is not null;
    }

    /// <summary>The statements an operation after a failure would have run, as the report shows them (rendered as they stand).</summary>
    private IEnumerable<string> NotRun(MigrationOperation operation)
    {
        try
        {
            return provider.Renderer.Render([operation]).Select(statement => RawSql.Start(statement.Text)).ToList();
        }
        catch (DiffMigrateException)
        {
            return [$"({operation.GetType().Name}{(operation.TableName is { } table ? " on " + table : "")}, not rendered)"];
        }
    }

    /// <summary>
    /// A statement outside a transaction, made safe to run again when resuming: the stopped run may have finished
    /// it, or (CREATE INDEX CONCURRENTLY) left an invalid index behind.
    /// </summary>
    private async Task RunOutside(MigrationOperation operation, SqlStatement statement, bool resuming, MigrationStep step, Io io)
    {
        if (resuming && provider.IndexValidSql is { } validSql && operation is CreateIndex or DropIndex)
        {
            var (tableName, index) = operation switch
            {
                CreateIndex c => (c.Table, c.Index),
                DropIndex d => (d.Table, d.Index),
                _ => throw new InvalidOperationException(),
            };
            using var command = VersionTable.Command(connection, null, validSql(new QualifiedName(tableName.Schema, index.Name)));
            var valid = await io.Scalar(command).ConfigureAwait(false) is bool b ? b : (bool?)null;
            if (operation is DropIndex && valid is null) return;
            if (operation is CreateIndex && valid is true) return;
            if (operation is CreateIndex && valid is false)
            {
                log($"Dropping the invalid index {index.Name} that the stopped run left behind.");
                foreach (var drop in provider.Renderer.Render([new DropIndex(tableName, index, Concurrently: true)])) await Execute(drop, null, io, step).ConfigureAwait(false);
            }
        }
        await Execute(statement, null, io, step).ConfigureAwait(false);
    }

    /// <summary>The progress markers, by revision; each must belong to a step of this plan, in the same direction.</summary>
    private async Task<Dictionary<string, int>> Markers(DbTransaction transaction, IReadOnlyList<MigrationStep> steps, Io io)
    {
        var markers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var marker in await table.Markers(connection, transaction, io).ConfigureAwait(false))
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
