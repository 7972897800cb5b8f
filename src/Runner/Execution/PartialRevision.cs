using System.Text;
using DiffMigrate.Runner.Revisions;

namespace DiffMigrate.Runner.Execution;

/// <summary>
/// A revision stopped by a failed statement where DDL is not transactional (each statement commits by itself): every
/// statement of it by number, <see cref="Failed"/> the one that failed, those before it applied (those before
/// <see cref="ResumedAt"/> by an earlier run), those after it not run. The version rows were not changed.
/// </summary>
internal sealed record PartialRevision(MigrationStep Step, IReadOnlyList<string> Statements, int Failed, int ResumedAt, string Dialect)
{
    /// <summary>The report: what ran, what failed, what did not run, and how to repair the database.</summary>
    public string Report(bool connectionBroken)
    {
        var id = Step.Revision.Id;
        var verb = Step.IsUpgrade ? "upgrade" : "downgrade";
        var what = Step.IsUpgrade ? $"Revision {id}" : $"The downgrade of revision {id}";
        var parents = Step.Revision.DownRevisions.Count == 0 ? "base" : string.Join(" ", Step.Revision.DownRevisions);
        var (from, to) = Step.IsUpgrade ? (parents, id) : (id, parents);
        var recorded = Step.RowsBefore.Count == 0 ? "no revision" : string.Join(", ", Step.RowsBefore);
        var text = new StringBuilder(Failed > 1
            ? $"{what} is partly applied: {Dialect} commits each statement by itself, so the ones that ran before the failure are not rolled back."
            : $"{what} failed at its first statement: none of it ran before ({Dialect} commits each statement by itself, nothing is rolled back).");
        for (var i = 0; i < Statements.Count; i++)
        {
            var number = i + 1;
            var state = number < Failed ? "applied: " : number == Failed ? "FAILED:  " : "not run: ";
            var note = number < ResumedAt ? " (by an earlier run)" : number == Failed && connectionBroken ? " (the connection broke: whether it took effect is not known)" : "";
            text.Append($"\n    {state} {number}. {Statements[i]}{note}");
        }
        if (Failed == 1)
        {
            text.Append($"\n  The version table still says {recorded}. Correct the revision or the database and run {verb} again.");
            return text.ToString();
        }
        var undo = Failed > 2 ? $"statements 1 to {Failed - 1}" : "statement 1";
        var finish = Failed == Statements.Count ? $"statement {Failed}" : $"statements {Failed} to {Statements.Count}";
        text.Append($"\n  The database is now between {from} and {to}, and must be repaired by hand: the version table still says {recorded} " +
            $"(the {verb} of {id} is not recorded; a marker row says where it stopped). Undo {undo} and run `diffmigrate stamp {from}`, " +
            $"or carry out {finish} and run `diffmigrate stamp {to}`; or correct the revision and run {verb} again, which resumes at statement {Failed}.");
        return text.ToString();
    }
}
