namespace DiffMigrate.Runner.Scripts;

/// <summary>What the <c>[Revision]</c> attribute of one script says, read without compiling it.</summary>
internal sealed record ScriptHeader(
    string Id,
    IReadOnlyList<string> DownRevisions,
    IReadOnlyList<string> BranchLabels,
    IReadOnlyList<string> DependsOn,
    string? Message,
    string Path,
    string ClassName);

/// <summary>A problem in a revision script, located at a file and line.</summary>
internal sealed class ScriptException : DiffMigrateException
{
    /// <summary>A problem described by <paramref name="message"/>.</summary>
    public ScriptException(string message) : base(message) { }

    /// <summary>A problem described by <paramref name="message"/>, caused by <paramref name="inner"/>.</summary>
    public ScriptException(string message, Exception inner) : base(message, inner) { }
}
