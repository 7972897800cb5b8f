using DiffMigrate.Dialects;
using DiffMigrate.Migrations;
using DiffMigrate.Schema;

namespace DiffMigrate.Diff;

/// <summary>
/// Where the dialect cannot ALTER columns and constraints (SQLite), each run of one table's changes that holds such
/// a change becomes one <see cref="BatchAlterTable"/>, so that a revision applies as generated; the runner decides at
/// run time whether the table is rebuilt. Other dialects keep plain operations. Pure, like the differ.
/// </summary>
internal static class Batches
{
    /// <summary><paramref name="operations"/> grouped for <paramref name="dialect"/>.</summary>
    public static IReadOnlyList<MigrationOperation> For(Dialect dialect, IReadOnlyList<MigrationOperation> operations)
    {
        if (dialect.RebuildRule is not { } rule) return operations;
        var result = new List<MigrationOperation>();
        var run = new List<MigrationOperation>();
        void Flush()
        {
            if (run.Count == 0) return;
            if (run.Any(o => !rule.InPlace(o, null))) result.Add(new BatchAlterTable(run[0].TableName!, run.ToEquatableArray()));
            else result.AddRange(run);
            run.Clear();
        }
        foreach (var operation in operations)
        {
            if (operation is not TableEdit || run.Count > 0 && run[0].TableName != operation.TableName) Flush();
            if (operation is TableEdit) run.Add(operation);
            else result.Add(operation);
        }
        Flush();
        return result;
    }
}
