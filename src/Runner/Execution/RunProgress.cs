using DiffMigrate.Runner.Revisions;

namespace DiffMigrate.Runner.Execution;

/// <summary>
/// What a run has committed so far, so that a failure can say exactly what stayed applied: nothing, whole
/// revisions, or part of a revision up to a statement that ran outside a transaction.
/// </summary>
internal sealed class RunProgress
{
    private readonly List<MigrationStep> committed = [];
    private readonly List<MigrationStep> pending = [];
    private IReadOnlyList<string>? committedRows;
    private (MigrationStep Step, int Number, string Statement, bool Ran)? checkpoint;
    private PartialRevision? partial;

    /// <summary>True while a COMMIT is on its way: a connection lost then leaves its outcome unknown.</summary>
    public bool Committing { get; set; }

    /// <summary>True once the first step started; failures before it (planning) need no account of what stayed.</summary>
    public bool Started => pending.Count > 0 || committed.Count > 0;

    public void Starting(MigrationStep step) => pending.Add(step);

    /// <summary>Everything applied so far is committed.</summary>
    public void Committed()
    {
        Committing = false;
        if (pending.Count == 0) return;
        committedRows = pending[^1].RowsAfter;
        committed.AddRange(pending);
        pending.Clear();
        checkpoint = null;
        partial = null;
    }

    /// <summary>The steps before <paramref name="step"/> and its statements before its <paramref name="number"/>th one outside a transaction are committed.</summary>
    public void Checkpoint(MigrationStep step, int number, string statement)
    {
        Committing = false;
        var before = pending.Where(s => !ReferenceEquals(s, step)).ToList();
        if (before.Count > 0) committedRows = before[^1].RowsAfter;
        committed.AddRange(before);
        pending.RemoveAll(s => !ReferenceEquals(s, step));
        checkpoint = (step, number, statement, false);
    }

    /// <summary>The statement of the last checkpoint ran.</summary>
    public void Ran()
    {
        if (checkpoint is { } c) checkpoint = c with { Ran = true };
    }

    /// <summary>A statement of a revision failed where DDL is not transactional: the ones before it stay applied.</summary>
    public void Stopped(PartialRevision revision) => partial = revision;

    /// <summary>What stayed applied after a failure (the open transaction having been rolled back).</summary>
    public string Outcome(bool connectionBroken)
    {
        if (Committing && connectionBroken)
        {
            return $"The connection failed while committing {Names(pending)}, so whether that commit happened is not known: " +
                   "run `diffmigrate current` to see where the database is, then run the command again.";
        }
        var before = committed.Count > 0 ? $" {Capitalised(Names(committed))} before it stay{(committed.Count == 1 ? "s" : "")} applied." : "";
        if (partial is { } p) return p.Report(connectionBroken) + (before.Length > 0 ? "\n " + before : "");
        if (checkpoint is { } c)
        {
            var id = c.Step.Revision.Id;
            var verb = c.Step.IsUpgrade ? "upgrade" : "downgrade";
            var text = c.Ran
                ? $"Revision {id} stopped after its statement {c.Number} ran outside a transaction: {c.Statement} stays applied, with the statements before it; run {verb} again to resume."
                : $"Revision {id} stopped at its statement {c.Number}, which runs outside a transaction ({c.Statement}): the statements before it stay applied; run {verb} again to resume.";
            return text + before;
        }
        if (committed.Count == 0) return "Rolled back: the database is as it was before this command.";
        var rows = committedRows is { Count: > 0 } r ? string.Join(", ", r) : "base";
        if (pending.Count == 0) return $"{Capitalised(Names(committed))} stay{(committed.Count == 1 ? "s" : "")} applied (the database is at {rows}).";
        return $"Rolled back {Names(pending)}; {Names(committed)} before {(pending.Count == 1 ? "it" : "them")} stay{(committed.Count == 1 ? "s" : "")} applied (the database is at {rows}).";
    }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Names(IReadOnlyList<MigrationStep> steps)
    {
        var upgrades = steps.All(s => s.IsUpgrade);
        var noun = (upgrades ? "revision" : "the downgrade of revision") + (steps.Count == 1 ? "" : "s");
        return $"{noun} {string.Join(", ", steps.Select(s => s.Revision.Id))}";
    }
}
