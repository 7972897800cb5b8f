using DiffMigrate.Migrations;

namespace DiffMigrate.Providers;

/// <summary>
/// What a dialect that rebuilds tables needs around a rebuild: foreign-key enforcement off for the run (it cannot
/// change inside a transaction), a foreign-key check before committing, and the triggers to create again.
/// </summary>
/// <param name="ForeignKeysState">A query returning 1 when enforcement is on.</param>
/// <param name="ForeignKeysOff">Turns enforcement off.</param>
/// <param name="ForeignKeysOn">Turns it on again.</param>
/// <param name="ForeignKeyCheck">Lists violations as (table, rowid, referred table, ...).</param>
/// <param name="TriggersSql">The query returning the CREATE TRIGGER statements of a table.</param>
/// <param name="MayRebuild">Whether a batch can rebuild its table (judged before its table is read: a dropped column counts).</param>
internal sealed record TableRebuild(
    string ForeignKeysState, string ForeignKeysOff, string ForeignKeysOn, string ForeignKeyCheck, Func<QualifiedName, string> TriggersSql,
    Func<BatchAlterTable, bool> MayRebuild);
