using DiffMigrate.Migrations;

namespace DiffMigrate.Render.CSharp;

/// <summary>Everything a revision file says. The same source always renders to the same bytes.</summary>
public sealed record RevisionSource(
    string Id,
    IReadOnlyList<string> DownRevisions,
    string Message,
    DateTimeOffset CreateDate,
    IReadOnlyList<MigrationOperation> Upgrade,
    IReadOnlyList<MigrationOperation> Downgrade,
    IReadOnlyList<string>? BranchLabels = null,
    IReadOnlyList<string>? DependsOn = null,
    string Namespace = "Migrations",
    string? ClassName = null);
