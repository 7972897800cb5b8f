using DiffMigrate.Dialects;
using DiffMigrate.Migrations;

namespace DiffMigrate.Diff.Lint;

/// <summary>
/// The lint rules of one database (locks, rewrites, rebuilds), supplied by its provider; <see cref="SafetyLint"/>
/// applies them after the general rules. Pure, like the rest of the lint.
/// </summary>
internal abstract class DialectLint
{
    /// <summary>The codes this database adds, their severity and what they mean.</summary>
    public abstract IReadOnlyList<(string Code, LintSeverity Severity, string Meaning)> Rules { get; }

    /// <summary>
    /// The findings for <paramref name="operation"/>, the <paramref name="index"/>-th operation of the checked list. A
    /// batch is passed whole, and then each of its operations.
    /// </summary>
    public abstract IEnumerable<LintFinding> Check(MigrationOperation operation, Dialect dialect, int index);

    /// <summary>A finding of one of <see cref="Rules"/>.</summary>
    protected LintFinding Finding(string code, QualifiedName? table, string message, int operation) =>
        new(code, Rules.First(r => r.Code == code).Severity, table, message, operation);
}
