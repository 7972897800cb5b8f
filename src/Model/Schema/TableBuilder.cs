namespace DiffMigrate.Schema;

/// <summary>Assembles a <see cref="Table"/> from loose elements, as <c>op.CreateTable</c> takes them.</summary>
internal static class TableBuilder
{
    /// <summary>Builds the table; more than one primary key or comment is an error.</summary>
    public static Table Build(QualifiedName name, IEnumerable<TableElement> elements)
    {
        var columns = new List<Column>();
        var foreignKeys = new List<ForeignKey>();
        var indexes = new List<TableIndex>();
        var uniques = new List<UniqueConstraint>();
        var checks = new List<CheckConstraint>();
        var exclusions = new List<ExclusionConstraint>();
        PrimaryKey? primaryKey = null;
        string? comment = null;
        TableOptions? options = null;
        TablePartitioning? partitioning = null;
        TablePartitionOf? partitionOf = null;
        foreach (var element in elements)
        {
            switch (element)
            {
                case Column c: columns.Add(c); break;
                case PrimaryKey p when primaryKey is null: primaryKey = p; break;
                case PrimaryKey: throw new ArgumentException($"Table {name} has more than one primary key.", nameof(elements));
                case ForeignKey f: foreignKeys.Add(f); break;
                case TableIndex i: indexes.Add(i); break;
                case UniqueConstraint u: uniques.Add(u); break;
                case CheckConstraint k: checks.Add(k); break;
                case ExclusionConstraint x: exclusions.Add(x); break;
                case TableComment t when comment is null: comment = t.Text; break;
                case TableComment: throw new ArgumentException($"Table {name} has more than one comment.", nameof(elements));
                case TableOptions o when options is null: options = o; break;
                case TableOptions: throw new ArgumentException($"Table {name} has more than one Options(...).", nameof(elements));
                case TablePartitioning p when partitioning is null: partitioning = p; break;
                case TablePartitioning: throw new ArgumentException($"Table {name} has more than one PARTITION BY.", nameof(elements));
                case TablePartitionOf p when partitionOf is null: partitionOf = p; break;
                case TablePartitionOf: throw new ArgumentException($"Table {name} is a partition of more than one table.", nameof(elements));
                default: throw new ArgumentException($"Unknown table element {element.GetType().Name}.", nameof(elements));
            }
        }
        return new Table(name, columns.ToEquatableArray(), primaryKey, foreignKeys.ToEquatableArray(),
            indexes.ToEquatableArray(), uniques.ToEquatableArray(), checks.ToEquatableArray(), comment,
            options?.Strict ?? false, options?.WithoutRowid ?? false, exclusions.ToEquatableArray(),
            partitioning?.Key, partitionOf?.Parent, partitionOf?.Bound);
    }

    /// <summary>The elements <see cref="Build"/> takes to rebuild <paramref name="table"/>, in canonical order.</summary>
    public static IEnumerable<TableElement> Elements(Table table)
    {
        foreach (var c in table.Columns) yield return c;
        if (table.PrimaryKey is { } pk) yield return pk;
        foreach (var f in table.ForeignKeys) yield return f;
        foreach (var u in table.UniqueConstraints) yield return u;
        foreach (var k in table.CheckConstraints) yield return k;
        foreach (var x in table.ExclusionConstraints) yield return x;
        foreach (var i in table.Indexes) yield return i;
        if (table.Comment is { } comment) yield return new TableComment(comment);
        if (table.Options != TableOptions.None) yield return table.Options;
        if (table.PartitionOf is { } parent) yield return new TablePartitionOf(parent, table.PartitionBound ?? "DEFAULT");
        if (table.PartitionBy is { } key) yield return new TablePartitioning(key);
    }
}
