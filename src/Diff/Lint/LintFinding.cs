namespace DiffMigrate.Diff.Lint;

/// <summary>How bad a finding is; <c>lint --fail-on</c> compares against it.</summary>
internal enum LintSeverity
{
    /// <summary>Worth knowing (a table rebuild, a rename).</summary>
    Info,
    /// <summary>Can fail on existing data, or lock a busy table.</summary>
    Warning,
    /// <summary>Loses data for certain.</summary>
    Error,
}

/// <summary>
/// One finding about one operation: a stable <see cref="Code"/> (documented in the README), its severity, the table,
/// and a sentence that says what happens. <see cref="Operation"/> is the operation's position in the list.
/// </summary>
internal sealed record LintFinding(string Code, LintSeverity Severity, QualifiedName? Table, string Message, int Operation)
{
    /// <summary><c>DM102 error posts: ...</c>.</summary>
    public override string ToString() => $"{Code} {Severity.ToString().ToLowerInvariant()}{(Table is null ? "" : " " + Table)}: {Message}";
}
