using System.Data.Common;
using DiffMigrate.Schema;

namespace DiffMigrate.Inspect;

/// <summary>Options for an inspection.</summary>
/// <param name="ExcludeTables">Exact table names to leave out (the runner passes its version table).</param>
public sealed record InspectOptions(IReadOnlyCollection<string>? ExcludeTables = null);

/// <summary>Reads a live database into the neutral schema model, normalised so that comparison needs no database.</summary>
public interface IDatabaseInspector
{
    /// <summary>Reads every table of the open <paramref name="connection"/>.</summary>
    Task<DatabaseSchema> InspectAsync(DbConnection connection, InspectOptions options, CancellationToken cancellationToken = default);
}
