using DiffMigrate.Diff.Lint;
using DiffMigrate.Dialects;
using DiffMigrate.Migrations;

namespace DiffMigrate.Providers.Sqlite;

/// <summary>SQLite's rule: a batch that rebuilds (<see cref="SqliteAlterTable"/>) its table copies every row (the renderer's own test).</summary>
internal sealed class SqliteLint : DialectLint
{
    public override IReadOnlyList<(string Code, LintSeverity Severity, string Meaning)> Rules { get; } =
    [
        ("DM301", LintSeverity.Info, "SQLite: the table is rebuilt (every row copied)"),
    ];

    public override IEnumerable<LintFinding> Check(MigrationOperation operation, Dialect dialect, int index)
    {
        if (operation is BatchAlterTable batch && SqliteAlterTable.Rule.Rebuilds(batch))
        {
            yield return Finding("DM301", batch.Table, "the table is rebuilt: every row is copied into the new definition", index);
        }
    }
}
