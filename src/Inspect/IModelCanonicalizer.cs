using System.Data.Common;
using DiffMigrate.Schema;

namespace DiffMigrate.Inspect;

/// <summary>
/// Asks the server how it would print the model's expressions and types (defaults, checks, index expressions and
/// filters, generated columns), so that the comparison is by meaning and never by spelling. Leaves no trace.
/// </summary>
internal interface IModelCanonicalizer
{
    /// <summary>
    /// The model's tables in the server's spelling, element for element, or a reason why the server could not say
    /// (the comparison then uses the built-in normaliser). With forms, the problem (when not null) names the elements
    /// the server would not take, one line each: they keep the model's spelling and only they use the built-in normaliser.
    /// </summary>
    Task<(DatabaseSchema? Forms, string? Problem)> CanonicalizeAsync(
        DbConnection connection, DatabaseSchema model, DatabaseSchema database, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs the code a first canonicalisation of <paramref name="sample"/> would run before it reaches the server,
    /// sending nothing (no connection): a warm-up on a spare core, so that the real call finds that code compiled.
    /// The number of statements it wrote and did not send (none where there is nothing to warm).
    /// </summary>
    int WarmUp(DatabaseSchema sample) => 0;
}
