using DiffMigrate.Migrations;

namespace DiffMigrate.Render.CSharp;

/// <summary>
/// Everything a revision file says. The same source always renders to the same bytes. <see cref="Notes"/> are
/// comment lines written at the top of Upgrade (the safety lint's findings, rename suggestions).
/// </summary>
internal sealed record RevisionSource(
    string Id,
    IReadOnlyList<string> DownRevisions,
    string Message,
    DateTimeOffset CreateDate,
    IReadOnlyList<MigrationOperation> Upgrade,
    IReadOnlyList<MigrationOperation> Downgrade,
    IReadOnlyList<string>? BranchLabels = null,
    IReadOnlyList<string>? DependsOn = null,
    string Namespace = "Migrations",
    string? ClassName = null)
{
    /// <summary>Comment lines for the top of Upgrade.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
