using DiffMigrate.Dialects;
using DiffMigrate.Migrations;

namespace DiffMigrate.Diff.Lint;

internal static partial class SafetyLint
{
    /// <summary>
    /// DM112: on a dialect whose DDL is not transactional, every schema statement commits by itself (and the data
    /// changes before it), so a revision that changes data and runs more than one schema statement cannot be rolled
    /// back when one fails in the middle: the database is left between revisions. Decided by the capability, so any
    /// dialect without transactional DDL gets it. Reported once, at the first data change.
    /// </summary>
    private static IEnumerable<LintFinding> MixedWithoutTransaction(IReadOnlyList<MigrationOperation> operations, Dialect dialect)
    {
        if (dialect.TransactionalDdl) yield break;
        var schema = 0;
        int? firstData = null;
        for (var i = 0; i < operations.Count; i++)
        {
            var (schemaStatements, changesData) = Statements(operations[i]);
            schema += schemaStatements;
            if (changesData) firstData ??= i;
        }
        if (firstData is not { } at || schema < 2) yield break;
        yield return Finding("DM112", operations[at].TableName,
            $"the revision changes data and runs {schema} schema statements, each of which {dialect.Name} commits by itself: a failure in the middle " +
            "cannot be rolled back and leaves the database between revisions; split it (one schema change per revision, the data changes apart)", at);
    }

    // The schema statements an operation runs (at least one for each schema operation) and whether it changes rows.
    private static (int Schema, bool Data) Statements(MigrationOperation operation) => operation switch
    {
        BulkInsert => (0, true),
        // A declared Changes says what the SQL does to the schema (empty: nothing).
        ExecuteSql { Changes: { } changes } o => (changes.Count, ChangesRows(o.Sql)),
        ExecuteSql o => (SqlStatements.Split(o.Sql).Count(s => !s.OnlyRows), ChangesRows(o.Sql)),
        BatchAlterTable batch => (batch.Operations.Sum(each => Statements(each).Schema), batch.Operations.Any(each => Statements(each).Data)),
        _ => (1, false),
    };

    // A statement that only touches rows and is not a bare SELECT (a read, a check, SELECT SLEEP(1)) changes rows.
    private static bool ChangesRows(string sql) =>
        SqlStatements.Split(sql).Any(s => s.OnlyRows && s.Keyword != "SELECT");
}
