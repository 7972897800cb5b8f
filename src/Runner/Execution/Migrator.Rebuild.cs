using System.Data.Common;
using System.Globalization;
using System.Text;
using DiffMigrate.Inspect;
using DiffMigrate.Migrations;
using DiffMigrate.Render.Sql;
using DiffMigrate.Runner.Revisions;
using DiffMigrate.Schema;

namespace DiffMigrate.Runner.Execution;

internal sealed partial class Migrator
{
    /// <summary>
    /// True when a batch may rebuild a table while foreign keys are enforced: dropping the old table would run the ON
    /// DELETE actions of the tables that refer to it.
    /// </summary>
    private async Task<bool> NeedsForeignKeysOff(List<IReadOnlyList<MigrationOperation>> recorded, DbTransaction transaction, Io io)
    {
        if (provider.Rebuild is not { } rebuild || !recorded.Any(ops => ops.OfType<BatchAlterTable>().Any(rebuild.MayRebuild))) return false;
        using var command = VersionTable.Command(connection, transaction, rebuild.ForeignKeysState);
        return Convert.ToInt64(await io.Scalar(command).ConfigureAwait(false), CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>A batch with the table's current definition and triggers, read from the database when the revision did not give them.</summary>
    private async Task<MigrationOperation> Resolve(MigrationOperation operation, DbTransaction transaction, Io io)
    {
        if (operation is not BatchAlterTable batch || provider.Rebuild is not { } rebuild) return operation;
        var copyFrom = batch.CopyFrom;
        if (copyFrom is null)
        {
            var options = new InspectOptions(Transaction: transaction);
            var schema = io.Async
                ? await provider.Inspector.InspectAsync(connection, options, io.Token).ConfigureAwait(false)
                : provider.Inspector.Inspect(connection, options);
            copyFrom = schema.FindTable(batch.Table) ?? throw new DiffMigrateException($"BatchAlterTable on {batch.Table}: the database has no such table.");
        }
        List<string> triggers;
        using (var command = VersionTable.Command(connection, transaction, rebuild.TriggersSql(batch.Table)))
        {
            triggers = await io.Rows(command, r => r.GetString(0)).ConfigureAwait(false);
        }
        return batch with { CopyFrom = copyFrom, Triggers = triggers.ToEquatableArray() };
    }

    /// <summary>
    /// What the failed statement's diagnosis finds (the row and value a rebuild could not convert), or null; a
    /// diagnosis that fails in turn leaves the database's own message.
    /// </summary>
    private async Task<string?> Diagnose(SqlStatement statement, DbTransaction? transaction, Io io)
    {
        if (statement.Diagnosis is null) return null;
        try
        {
            using var command = VersionTable.Command(connection, transaction, statement.Diagnosis);
            return await io.Scalar(command).ConfigureAwait(false) as string;
        }
        catch (DbException)
        {
            return null;
        }
    }

    /// <summary>With enforcement off during the run, the rows must still be consistent before they are committed.</summary>
    private async Task CheckForeignKeys(DbTransaction transaction, MigrationStep? step, Io io)
    {
        List<string> problems;
        using (var command = VersionTable.Command(connection, transaction, provider.Rebuild!.ForeignKeyCheck))
        {
            problems = await io.Rows(command, r => $"row {Convert.ToString(r.GetValue(1), CultureInfo.InvariantCulture)} of {r.GetString(0)} refers to a missing row of {r.GetString(2)}", max: 5)
                .ConfigureAwait(false);
        }
        if (problems.Count == 0) return;
        var message = new StringBuilder(step is null ? "" : Where(step) + ": ")
            .Append("foreign key check failed: ").AppendJoin("; ", problems).Append('.');
        throw new DiffMigrateException(message.ToString());
    }
}
