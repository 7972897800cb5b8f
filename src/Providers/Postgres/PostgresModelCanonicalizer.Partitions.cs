using DiffMigrate.Schema;

namespace DiffMigrate.Providers.Postgres;

internal sealed partial class PostgresModelCanonicalizer
{
    private sealed partial class Plan
    {
        private readonly Dictionary<QualifiedName, string> partitionTables = [];
        private readonly List<Statement> partitionStatements = [];
        private readonly Dictionary<QualifiedName, EquatableArray<Column>> partitionColumns = [];

        /// <summary>
        /// A temporary partitioned table for each of the model's partitioned tables (with the root's columns), and a
        /// temporary partition of it for each of its partitions, parents first: the server prints their PARTITION BY
        /// and bounds back in its own form. A partition whose parent the model lacks is left as written.
        /// </summary>
        public void AddPartitions(IReadOnlyList<Table> tables)
        {
            var byName = tables.ToDictionary(t => Key(t.Name), StringComparer.Ordinal);
            var pending = tables.Where(t => t.PartitionBy is not null || t.PartitionOf is not null).ToList();
            while (pending.Count > 0)
            {
                var ready = pending.Where(t => t.PartitionOf is not { } parent || partitionTables.ContainsKey(Canonical(parent, byName))).ToList();
                if (ready.Count == 0) break;
                foreach (var table in ready)
                {
                    var temporary = $"{Prefix}p{partitionTables.Count}";
                    var element = table.PartitionOf is null ? $"PARTITION BY of table {table.Name}" : $"partition bound of table {table.Name}";
                    var key = table.PartitionBy is { } by ? " PARTITION BY " + Checked(by, element) : "";
                    if (table.PartitionOf is { } parent)
                    {
                        var group = partitionTables[Canonical(parent, byName)];
                        partitionStatements.Add(new($"CREATE TEMP TABLE {temporary} PARTITION OF {group} {Checked(table.PartitionBound ?? "DEFAULT", element)}{key}", element, group));
                    }
                    else
                    {
                        var columns = table.Columns.Select(c => $"{Quote(c.Name)} {TypeSql(c)}{Collate(c.Collation)}");
                        partitionStatements.Add(new($"CREATE TEMP TABLE {temporary} ({string.Join(", ", columns)}){key}", element, temporary, Head: true));
                    }
                    partitionTables[table.Name] = temporary;
                    partitionColumns[table.Name] = table.PartitionOf is { } of && partitionColumns.TryGetValue(Canonical(of, byName), out var inherited) ? inherited : table.Columns;
                }
                pending.RemoveAll(ready.Contains);
            }
        }

        private QualifiedName Canonical(QualifiedName name, Dictionary<string, Table> byName) =>
            byName.TryGetValue(Key(name), out var table) && partitionTables.ContainsKey(table.Name) ? table.Name : name;

        /// <summary>The temporary partitioned tables and partitions, after the other questions.</summary>
        public void WritePartitions(List<Statement> statements) => statements.AddRange(partitionStatements);

        /// <summary><paramref name="table"/> with the server's PARTITION BY and bound, where it was asked.</summary>
        public Table WithPartitionForms(Table table, ServerForms forms)
        {
            if (!partitionTables.TryGetValue(table.Name, out var temporary) || !forms.Partitions.TryGetValue(temporary, out var form)) return table;
            return table with
            {
                PartitionBy = table.PartitionBy is null ? null : form.Key ?? table.PartitionBy,
                PartitionBound = table.PartitionOf is null ? table.PartitionBound : form.Bound ?? table.PartitionBound,
            };
        }
    }
}
