using System.Data.Common;

namespace DiffMigrate.Providers;

/// <summary>
/// Runs an inspector's one command of several catalog statements and hands each result set, in order, to its reader:
/// one round trip, however many statements.
/// </summary>
internal static class CatalogBatch
{
    /// <summary>Reads every result set of <paramref name="command"/> with the matching one of <paramref name="readers"/>.</summary>
    public static void Read(DbCommand command, IEnumerable<Action<DbDataReader>> readers)
    {
        using var reader = command.ExecuteReader();
        var first = true;
        foreach (var read in readers)
        {
            if (!first && !reader.NextResult()) throw FewerResults();
            first = false;
            while (reader.Read()) read(reader);
        }
    }

    /// <summary>The same, without blocking a thread.</summary>
    public static async Task ReadAsync(DbCommand command, IEnumerable<Action<DbDataReader>> readers, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var first = true;
        foreach (var read in readers)
        {
            if (!first && !await reader.NextResultAsync(cancellationToken).ConfigureAwait(false)) throw FewerResults();
            first = false;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) read(reader);
        }
    }

    /// <summary>The error for a batch that answered fewer result sets than it has statements.</summary>
    public static InvalidOperationException FewerResults() => new("The catalog batch returned fewer result sets than it has queries.");
}
