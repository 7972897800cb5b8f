using DiffMigrate.Runner.Revisions;

namespace DiffMigrate.Runner.Execution;

/// <summary>
/// The line printed for each applied step, as Alembic prints it (a base revision has an empty "from", hence the
/// two spaces in <c>Running upgrade  -> abc</c>).
/// </summary>
internal static class StepText
{
    public static string Describe(MigrationStep step, bool withMessage)
    {
        var revision = step.Revision;
        var parents = string.Join(", ", revision.DownRevisions);
        var text = step.IsUpgrade
            ? $"Running upgrade {parents} -> {revision.Id}"
            : $"Running downgrade {revision.Id} -> {parents}";
        return withMessage && !string.IsNullOrEmpty(revision.Message) ? $"{text}, {revision.Message}" : text;
    }
}
