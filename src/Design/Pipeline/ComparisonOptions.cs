using DiffMigrate.Migrations;
using DiffMigrate.Runner.Configuration;

namespace DiffMigrate.Design.Pipeline;

/// <summary>What a <see cref="SchemaComparison"/> compares, and what a revision does with what it found.</summary>
internal sealed record ComparisonOptions
{
    /// <summary>The version table, never compared.</summary>
    public string VersionTable { get; init; } = DiffMigrateConfig.DefaultVersionTable;

    /// <summary>Read every schema of the database, not only the default one and those the model uses.</summary>
    public bool IncludeSchemas { get; init; }

    /// <summary>
    /// Whether an object takes part in the comparison (Alembic's <c>include_object</c>), asked of both sides before
    /// diffing: an object it refuses is never created, dropped or altered. A refused schema or table takes everything
    /// in it along. Null compares everything.
    /// </summary>
    public Func<SchemaObjectRef, bool>? IncludeObject { get; init; }

    /// <summary>
    /// Rewrites the upgrade operations of a revision before it is written (Alembic's
    /// <c>process_revision_directives</c>); the downgrade is derived from what it returns. Null from it means: write
    /// no revision. Comparisons that only report (<c>check</c>, <c>diff</c>, <c>drift</c>) do not call it.
    /// </summary>
    public Func<IReadOnlyList<MigrationOperation>, IReadOnlyList<MigrationOperation>?>? RewriteOperations { get; init; }

    /// <summary>The options <paramref name="config"/> describes: its version table, schemas, include/exclude and skipEmpty.</summary>
    public static ComparisonOptions For(DiffMigrateConfig config) => new()
    {
        VersionTable = config.VersionTable,
        IncludeSchemas = config.IncludeSchemas,
        IncludeObject = ObjectFilter.For(config) is { } filter ? filter.Includes : null,
        RewriteOperations = config.SkipEmpty ? SkipEmpty : null,
    };

    /// <summary>The rewrite behind <c>--skip-empty</c>: no revision when there is no operation.</summary>
    public static IReadOnlyList<MigrationOperation>? SkipEmpty(IReadOnlyList<MigrationOperation> operations) => operations.Count == 0 ? null : operations;

    /// <summary>These options with <paramref name="next"/> applied after the current rewrite (when it still leaves a revision).</summary>
    public ComparisonOptions ThenRewrite(Func<IReadOnlyList<MigrationOperation>, IReadOnlyList<MigrationOperation>?> next) => this with
    {
        RewriteOperations = RewriteOperations is { } first ? operations => first(operations) is { } rewritten ? next(rewritten) : null : next,
    };
}
