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
    private bool NeedsForeignKeysOff(List<IReadOnlyList<MigrationOperation>> recorded, DbTransaction transaction)
    {
        if (services.Rebuild is not { } rebuild || !recorded.Any(ops => ops.OfType<BatchAlterTable>().Any(rebuild.MayRebuild))) return false;
        using var command = VersionTable.Command(connection, transaction, rebuild.ForeignKeysState);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>A batch with the table's current definition and triggers, read from the database when the revision did not give them.</summary>
    private MigrationOperation Resolve(MigrationOperation operation, DbTransaction transaction)
    {
        if (operation is not BatchAlterTable batch || services.Rebuild is not { } rebuild) return operation;
        var copyFrom = batch.CopyFrom;
        if (copyFrom is null)
        {
            var schema = services.Inspector.InspectAsync(connection, new InspectOptions(Transaction: transaction)).GetAwaiter().GetResult();
            copyFrom = schema.FindTable(batch.Table) ?? throw new DiffMigrateException($"BatchAlterTable on {batch.Table}: the database has no such table.");
        }
        var triggers = new List<string>();
        using (var command = VersionTable.Command(connection, transaction, rebuild.TriggersSql(batch.Table)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) triggers.Add(reader.GetString(0));
        }
        return batch with { CopyFrom = copyFrom, Triggers = triggers.ToEquatableArray() };
    }

    /// <summary>
    /// What the failed statement's diagnosis finds (the row and value a rebuild could not convert), or null; a
    /// diagnosis that fails in turn leaves the database's own message.
    /// </summary>
    private string? Diagnose(SqlStatement statement, DbTransaction? transaction)
    {
        if (statement.Diagnosis is null) return null;
        try
        {
            using var command = VersionTable.Command(connection, transaction, statement.Diagnosis);
            return command.ExecuteScalar() as string;
        }
        catch (DbException)
        {
            return null;
        }
    }

    /// <summary>With enforcement off during the run, the rows must still be consistent before they are committed.</summary>
    private void CheckForeignKeys(DbTransaction transaction, MigrationStep? step)
    {
        var problems = new List<string>();
        using (var command = VersionTable.Command(connection, transaction, services.Rebuild!.ForeignKeyCheck))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read() && problems.Count < 5)
            {
                problems.Add($"row {Convert.ToString(reader.GetValue(1), CultureInfo.InvariantCulture)} of {reader.GetString(0)} refers to a missing row of {reader.GetString(2)}");
            }
        }
        if (problems.Count == 0) return;
        var message = new StringBuilder(step is null ? "" : Where(step) + ": ")
            .Append("foreign key check failed: ").AppendJoin("; ", problems).Append('.');
        throw new DiffMigrateException(message.ToString());
    }
}
