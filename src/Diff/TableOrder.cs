namespace DiffMigrate.Diff;

/// <summary>
/// Orders tables so that each comes after the tables its foreign keys refer to and a partition after its parent (ties by name). Foreign keys that
/// close a cycle are returned separately, to be added after the tables exist (or dropped before they go).
/// </summary>
internal static class TableOrder
{
    public static (List<SchemaDiffer.TablePair> Order, List<(QualifiedName Table, ForeignKey ForeignKey)> Deferred) Sort(List<SchemaDiffer.TablePair> tables)
    {
        var byName = tables.ToDictionary(t => t.Normalized.Name);
        var pending = new SortedSet<QualifiedName>(byName.Keys);
        var done = new HashSet<QualifiedName>();
        var order = new List<SchemaDiffer.TablePair>();
        var deferred = new List<(QualifiedName, ForeignKey)>();
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(n => Dependencies(byName[n], byName).All(d => done.Contains(d) || d == n));
            if (ready is null)
            {
                // A cycle: create the first table by name now, and add its unresolved foreign keys afterwards.
                ready = pending.Min!;
                var table = byName[ready];
                for (var i = 0; i < table.Normalized.ForeignKeys.Count; i++)
                {
                    var referred = table.Normalized.ForeignKeys[i].ReferredTable;
                    if (referred != ready && byName.ContainsKey(referred) && !done.Contains(referred))
                    {
                        deferred.Add((table.Original.Name, table.Original.ForeignKeys[i]));
                    }
                }
            }
            pending.Remove(ready);
            done.Add(ready);
            order.Add(byName[ready]);
        }
        return (order, deferred);
    }

    // A partition comes after its partitioned parent (and is dropped before it).
    private static IEnumerable<QualifiedName> Dependencies(SchemaDiffer.TablePair table, Dictionary<QualifiedName, SchemaDiffer.TablePair> among) =>
        table.Normalized.ForeignKeys.Select(f => f.ReferredTable).Concat(table.Normalized.PartitionOf is { } parent ? [parent] : []).Where(among.ContainsKey);
}
