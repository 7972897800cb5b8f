namespace DiffMigrate.Runner.Revisions;

/// <summary>One revision's place in the graph. List order in a graph is load order (script file names sorted).</summary>
public sealed record RevisionInfo(
    string Id,
    IReadOnlyList<string> DownRevisions,
    IReadOnlyList<string> BranchLabels,
    IReadOnlyList<string> DependsOn,
    string? Message = null,
    string? Path = null);

/// <summary>One revision to run, with the version rows before and after it.</summary>
public sealed record MigrationStep(RevisionInfo Revision, bool IsUpgrade, IReadOnlyList<string> RowsBefore, IReadOnlyList<string> RowsAfter);

/// <summary>A problem with the revision graph or with naming a revision in it.</summary>
public class RevisionException(string message) : DiffMigrateException(message);
