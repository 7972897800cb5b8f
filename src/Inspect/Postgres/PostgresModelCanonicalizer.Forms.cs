using System.Data.Common;
using DiffMigrate.Dialects.Postgres;
using DiffMigrate.Schema;

namespace DiffMigrate.Inspect.Postgres;

public sealed partial class PostgresModelCanonicalizer
{
    /// <summary>What the server stored for the temporary tables, keyed by temporary name and position.</summary>
    private sealed class ServerForms
    {
        private readonly Dictionary<(string Table, int Column), (string Type, string? Default)> columns = [];
        private readonly Dictionary<(string Table, string Check), string> checks = [];
        private readonly Dictionary<string, (string[] Keys, string? Filter)> indexes = new(StringComparer.Ordinal);

        public async Task ReadAsync(DbDataReader reader, CancellationToken cancellationToken)
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                columns[(reader.GetString(0), reader.GetInt16(1))] = (reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3));
            }
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) checks[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                indexes[reader.GetString(0)] = (reader.GetFieldValue<string[]>(1), reader.IsDBNull(2) ? null : reader.GetString(2));
            }
        }

        /// <summary><paramref name="table"/> with the server's spelling wherever the server gave one.</summary>
        public Table Apply(Table table, string temp, HashSet<string> unusableEnums) => table with
        {
            Columns = table.Columns.Select((c, i) => Column(c, columns.GetValueOrDefault((temp, i + 1)), unusableEnums)).ToEquatableArray(),
            CheckConstraints = table.CheckConstraints.Select((c, i) => checks.TryGetValue((temp, $"c{i}"), out var sql) ? c with { Sql = sql } : c).ToEquatableArray(),
            Indexes = table.Indexes.Select((x, i) => indexes.TryGetValue($"{temp}_i{i}", out var form) ? Index(x, form) : x).ToEquatableArray(),
        };

        private static Column Column(Column column, (string Type, string? Default) form, HashSet<string> unusableEnums)
        {
            if (form.Type is null) return column;
            if (column.Type.Kind == SqlTypeKind.Enum)
            {
                // The enum keeps its own type; its default only when the enum could be used as the model has it.
                var usable = !unusableEnums.Contains(Key(EnumType.NameOf(column.Type)));
                return usable && column.Computed is null && column.Default is not null ? column with { Default = form.Default } : column;
            }
            var type = PostgresTypeMap.Instance.Parse(form.Type);
            return column.Computed is not null
                ? column with { Type = type, Computed = form.Default }
                : column with { Type = type, Default = column.Default is null ? null : form.Default };
        }

        private static TableIndex Index(TableIndex index, (string[] Keys, string? Filter) form) => index with
        {
            Columns = index.Columns.Select((c, k) => index.IsExpression(k) && k < form.Keys.Length ? form.Keys[k] : c).ToEquatableArray(),
            Filter = index.Filter is null ? null : form.Filter,
        };
    }
}
