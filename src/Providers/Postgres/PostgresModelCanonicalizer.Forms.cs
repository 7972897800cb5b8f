using System.Data.Common;

namespace DiffMigrate.Providers.Postgres;

internal sealed partial class PostgresModelCanonicalizer
{
    /// <summary>What the server stored for the temporary tables: columns, checks (and exclusion constraints) and indexes by their temporary names.</summary>
    private sealed class ServerForms
    {
        public Dictionary<(string Table, string Column), (string Type, string? Expression)> Columns { get; } = [];
        public Dictionary<(string Table, string Check), string> Checks { get; } = [];
        public Dictionary<string, IndexForm> Indexes { get; } = new(StringComparer.Ordinal);
        public HashSet<int> SameValues { get; private set; } = [];
        public Dictionary<string, PostgresInspector.DomainRow> Domains { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, (string? Key, string? Bound)> Partitions { get; } = new(StringComparer.Ordinal);

        public async Task ReadAsync(DbDataReader reader, CancellationToken cancellationToken)
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                Columns[(reader.GetString(0), reader.GetString(1))] = (reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3));
            }
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) Checks[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                Indexes[reader.GetString(0)] = new(reader.GetFieldValue<string[]>(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.GetFieldValue<bool[]>(3), reader.GetFieldValue<string?[]>(4), reader.GetFieldValue<string?[]>(5));
            }
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) Domains[reader.GetString(0)] = PostgresInspector.ReadDomain(reader, 0);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                Partitions[reader.GetString(0)] = (reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
            }
            SameValues = await ReadValuesAsync(reader, cancellationToken).ConfigureAwait(false);
        }
    }
}
