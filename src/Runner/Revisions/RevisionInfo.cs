namespace DiffMigrate.Runner.Revisions;

/// <summary>One revision's place in the graph. List order in a graph is load order (script file names sorted).</summary>
internal sealed record RevisionInfo(
    string Id,
    IReadOnlyList<string> DownRevisions,
    IReadOnlyList<string> BranchLabels,
    IReadOnlyList<string> DependsOn,
    string? Message = null,
    string? Path = null);

/// <summary>One revision to run, with the version rows before and after it.</summary>
internal sealed record MigrationStep(RevisionInfo Revision, bool IsUpgrade, IReadOnlyList<string> RowsBefore, IReadOnlyList<string> RowsAfter);

/// <summary>What kind of problem a <see cref="RevisionException"/> reports (Alembic's exception classes).</summary>
internal enum RevisionErrorKind
{
    /// <summary>A badly formed graph or walk.</summary>
    Revision,
    /// <summary>An identifier that names nothing, or names the wrong thing.</summary>
    Resolution,
    /// <summary><c>head</c> where there are several heads.</summary>
    MultipleHeads,
    /// <summary>A range whose ends are not related the right way round.</summary>
    RangeNotAncestor,
    /// <summary>A cycle through down revisions.</summary>
    Cycle,
    /// <summary>A cycle through dependencies.</summary>
    DependencyCycle,
    /// <summary>A command that cannot be carried out from the current state.</summary>
    Command,
}

/// <summary>A problem with the revision graph or with naming a revision in it.</summary>
internal class RevisionException : DiffMigrateException
{
    /// <summary>A problem of <paramref name="kind"/>, described by <paramref name="message"/>.</summary>
    public RevisionException(string message, RevisionErrorKind kind = RevisionErrorKind.Revision) : base(message) => Kind = kind;

    /// <summary>A problem of <paramref name="kind"/>, described by <paramref name="message"/>, caused by <paramref name="inner"/>.</summary>
    public RevisionException(string message, RevisionErrorKind kind, Exception inner) : base(message, inner) => Kind = kind;

    /// <summary>The kind of problem.</summary>
    public RevisionErrorKind Kind { get; }
}
