using DiffMigrate.Migrations;
using DiffMigrate.Schema;

namespace DiffMigrate.Diff;

/// <summary>
/// Compares two schemas (from = the database, to = the model) and returns the operations that turn one into the
/// other. Pure: it never touches a connection. Output order:
/// declared table renames; new tables in foreign-key dependency order, each followed by its indexes (FKs that close
/// a cycle are added after all creates); foreign keys of surviving tables that point at dropped tables; dropped
/// tables in reverse dependency order, each preceded by its index drops; then each existing table, by name:
/// column renames, added columns, altered columns, dropped indexes and constraints, added ones, dropped columns.
/// <see cref="Batches"/> then groups them for dialects that rebuild tables.
/// </summary>
internal sealed partial class SchemaDiffer(DiffOptions options)
{
    private readonly DialectNormalizer normalizer = new(options.Dialect);

    /// <summary>The operations that take <paramref name="from"/> to <paramref name="to"/>.</summary>
    public IReadOnlyList<MigrationOperation> Diff(DatabaseSchema from, DatabaseSchema to)
    {
        RefuseWhatTheDialectLacks(to);
        RefuseConstraintsTheDialectLacks(to);
        var source = Tables(from, null);
        var target = Tables(to, options.ModelServerForms);
        var columnRenames = new Dictionary<QualifiedName, List<MigrationOperation>>();
        var renames = ApplyRenames(source, target, to.Renames, columnRenames);

        var created = target.Keys.Where(k => !source.ContainsKey(k)).Select(k => target[k]).ToList();
        var dropped = source.Keys.Where(k => !target.ContainsKey(k)).Select(k => source[k]).ToList();
        var kept = target.Keys.Where(source.ContainsKey).Order().ToList();

        var operations = new List<MigrationOperation>(renames);
        var (createOrder, deferredCreate) = TableOrder.Sort(created);
        foreach (var table in createOrder)
        {
            var withoutIndexes = table.Original with { Indexes = default, ForeignKeys = Without(table.Original.ForeignKeys, deferredCreate) };
            operations.Add(new CreateTable(withoutIndexes));
            operations.AddRange(table.Original.Indexes.Select(i => new CreateIndex(table.Original.Name, i)));
        }
        operations.AddRange(deferredCreate.Select(d => new AddForeignKey(d.Table, d.ForeignKey)));

        var droppedNames = dropped.Select(d => d.Normalized.Name).ToHashSet();
        var perTable = InOrder.Each(kept, k => (Name: k, Ops: DiffTable(source[k], target[k], columnRenames.GetValueOrDefault(k) ?? [])));
        // Foreign keys into a table being dropped must go before the table does.
        foreach (var (_, ops) in perTable)
        {
            var early = ops.OfType<DropForeignKey>().Where(d => droppedNames.Contains(normalizer.Name(d.ForeignKey.ReferredTable))).ToList();
            operations.AddRange(early);
            ops.RemoveAll(o => early.Contains(o));
        }
        var (dropOrder, deferredDrop) = TableOrder.Sort(dropped);
        operations.AddRange(deferredDrop.Select(d => new DropForeignKey(d.Table, d.ForeignKey)));
        foreach (var table in Enumerable.Reverse(dropOrder))
        {
            operations.AddRange(table.Original.Indexes.Select(i => new DropIndex(table.Original.Name, i)));
            operations.Add(new DropTable(table.Original with { Indexes = default, ForeignKeys = Without(table.Original.ForeignKeys, deferredDrop) }));
        }
        foreach (var (_, ops) in perTable) operations.AddRange(ops);
        return WithSchemaObjects(from, to, WithDefinedObjects(from, to, operations));
    }

    /// <summary>Table options and VIRTUAL generated columns the target has no such thing for: one clear line, rather than a difference that never goes away.</summary>
    private void RefuseWhatTheDialectLacks(DatabaseSchema to)
    {
        var dialect = options.Dialect;
        foreach (var table in to.Tables)
        {
            if (table.Strict && !dialect.SupportsStrictTables || table.WithoutRowid && !dialect.SupportsWithoutRowid)
            {
                throw new DiffMigrateException($"The model declares table {table.Name} {(table.Strict ? "STRICT" : "WITHOUT ROWID")}, but {dialect.Name} has no such table option: remove it from the model for this database.");
            }
            if (table.Columns.FirstOrDefault(c => c.Computed is not null && c.ComputedVirtual) is { } column && !dialect.SupportsVirtualComputedColumns)
            {
                throw new DiffMigrateException($"The model declares column {table.Name}.{column.Name} a VIRTUAL generated column, but {dialect.Name} has only STORED ones: make it stored for this database.");
            }
            if (table.WithoutRowid && dialect.SupportsWithoutRowid)
            {
                if (table.PrimaryKey is null) throw new DiffMigrateException($"The model declares table {table.Name} WITHOUT ROWID, which needs a primary key: declare one.");
                if (dialect.IdentityIsRowid && table.Columns.FirstOrDefault(c => c.Identity is not null) is { } identity)
                {
                    throw new DiffMigrateException($"The model declares table {table.Name} WITHOUT ROWID with identity column {identity.Name}: an identity (AUTOINCREMENT) needs the rowid; remove one of them.");
                }
            }
            if (table.Strict && dialect.SupportsStrictTables && table.Columns.FirstOrDefault(c => dialect.Types.StrictType(c.Type) is null) is { } loose)
            {
                throw new DiffMigrateException($"The model declares table {table.Name} STRICT, which takes only INTEGER, REAL, TEXT, BLOB and ANY columns: column {loose.Name}'s type {loose.Type} is none of them (SqlType.Raw(\"ANY\") takes any value).");
            }
        }
    }

    /// <summary>
    /// A model table that is partitioned, or has an exclusion or a deferrable UNIQUE constraint, where the dialect has
    /// none: one line naming it, before anything is written. (NOT VALID is meaningless there, and ignored: every
    /// constraint is valid.)
    /// </summary>
    private void RefuseConstraintsTheDialectLacks(DatabaseSchema model)
    {
        var dialect = options.Dialect;
        foreach (var table in model.Tables)
        {
            var lacking = !dialect.SupportsPartitioning && (table.PartitionBy is not null || table.PartitionOf is not null) ? "declarative partitioning (PartitionBy, Partition)"
                : !dialect.SupportsExclusionConstraints && !table.ExclusionConstraints.IsEmpty ? "exclusion constraints"
                : !dialect.SupportsDeferrableUnique && table.UniqueConstraints.Any(u => u.Deferrable || u.InitiallyDeferred) ? "deferrable UNIQUE constraints"
                : null;
            if (lacking is not null)
            {
                throw new DiffMigrateException($"The model's table {table.Name} uses {lacking}, which {dialect.Name} does not have: remove it from the model for this database.");
            }
        }
    }

    /// <summary>
    /// Normalises <paramref name="schema"/>'s tables ahead of <see cref="Diff"/> (which then finds them done): work for
    /// a core that would otherwise wait, such as the database's side while the model loads.
    /// </summary>
    public void Prepare(DatabaseSchema schema) => InOrder.Each(schema.Tables, normalizer.Table);

    private Dictionary<QualifiedName, TablePair> Tables(DatabaseSchema schema, DatabaseSchema? serverForms)
    {
        // By name (the first of a name, as FindTable gives), not FindTable's scan for each table: that made the
        // comparison of 500 tables quadratic.
        var forms = serverForms?.Tables.DistinctBy(t => t.Name).ToDictionary(t => t.Name);
        var compared = schema.Tables.Where(t => options.Compares(t.Name.Name)).ToList();
        var normalized = InOrder.Each(compared, t => normalizer.Table(forms?.GetValueOrDefault(t.Name) ?? t));
        var tables = new Dictionary<QualifiedName, TablePair>();
        for (var i = 0; i < compared.Count; i++) tables[normalized[i].Name] = new TablePair(compared[i], normalized[i]);
        return tables;
    }

    private static EquatableArray<ForeignKey> Without(EquatableArray<ForeignKey> keys, IReadOnlyList<(QualifiedName Table, ForeignKey ForeignKey)> deferred) =>
        keys.Where(k => !deferred.Any(d => ReferenceEquals(d.ForeignKey, k) || d.ForeignKey == k)).ToEquatableArray();

    /// <summary>A table as written (<see cref="Original"/>, what operations carry) and as compared.</summary>
    internal sealed record TablePair(Table Original, Table Normalized);
}
