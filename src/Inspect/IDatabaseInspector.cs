using System.Data.Common;
using DiffMigrate.Schema;

namespace DiffMigrate.Inspect;

/// <summary>Options for an inspection.</summary>
/// <param name="ExcludeTables">Exact table names to leave out (the runner passes its version table).</param>
/// <param name="Schemas">Schemas to read besides the default one (the runner passes those the model uses).</param>
/// <param name="AllSchemas">Read every user schema (Alembic's <c>include_schemas</c>).</param>
/// <param name="Transaction">The transaction open on the connection, if any (its commands must carry it).</param>
internal sealed record InspectOptions(
    IReadOnlyCollection<string>? ExcludeTables = null, IReadOnlyCollection<string>? Schemas = null, bool AllSchemas = false, DbTransaction? Transaction = null);

/// <summary>Reads a live database into the neutral schema model, normalised so that comparison needs no database.</summary>
internal interface IDatabaseInspector
{
    /// <summary>Reads every table of the open <paramref name="connection"/>.</summary>
    Task<DatabaseSchema> InspectAsync(DbConnection connection, InspectOptions options, CancellationToken cancellationToken = default);

    /// <summary>Reads every table of the open <paramref name="connection"/> with the driver's blocking calls (for synchronous callers).</summary>
    DatabaseSchema Inspect(DbConnection connection, InspectOptions options);
}
