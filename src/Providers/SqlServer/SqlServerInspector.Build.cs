using DiffMigrate.Schema;

namespace DiffMigrate.Providers.SqlServer;

internal sealed partial class SqlServerInspector
{
    private static DatabaseSchema Build(CatalogRows rows, HashSet<string> excluded)
    {
        QualifiedName Name(string schema, string name) => new(string.Equals(schema, rows.DefaultSchema, StringComparison.OrdinalIgnoreCase) ? null : schema, name);
        var columns = rows.Columns.ToLookup(c => (c.Schema, c.Table));
        var indexes = rows.Indexes.ToLookup(i => (i.Schema, i.Table));
        var foreignKeys = rows.ForeignKeys.ToLookup(f => (f.Schema, f.Table));
        var checks = rows.Checks.ToLookup(c => (c.Schema, c.Table));
        var tables = new List<Table>();
        foreach (var row in rows.Tables)
        {
            var name = Name(row.Schema, row.Name);
            if (name.Schema is null && excluded.Contains(row.Name)) continue;
            var key = (row.Schema, row.Name);
            var (primaryKey, uniques, tableIndexes) = Indexes(indexes[key]);
            tables.Add(new Table(
                name,
                columns[key].Select(c => Column(c, rows.Collation)).ToEquatableArray(),
                primaryKey,
                ForeignKeys(foreignKeys[key], Name).ToEquatableArray(),
                tableIndexes.ToEquatableArray(),
                uniques.ToEquatableArray(),
                checks[key].Select(c => new CheckConstraint(c.Name, SqlServerStoredForms.Expression(c.Definition))).ToEquatableArray(),
                string.IsNullOrEmpty(row.Comment) ? null : row.Comment));
        }
        tables.Sort((a, b) => a.Name.CompareTo(b.Name));
        var sequences = rows.Sequences.Select(s => Sequence(s, Name(s.Schema, s.Name))).OrderBy(s => s.Name).ToEquatableArray();
        var schemas = rows.Schemas.Where(s => !string.Equals(s, rows.DefaultSchema, StringComparison.OrdinalIgnoreCase)).ToEquatableArray();
        var unmanaged = rows.Unmanaged.Select(u => new UnmanagedObject(u.Kind, u.Schema is null ? new QualifiedName(null, u.Name) : Name(u.Schema, u.Name), u.Table, u.Detail)).ToList();
        var objects = Modules(rows.Modules, rows.DefaultSchema, Name, excluded, unmanaged);
        // The catalog orders them by kind; a view listed here joins its kind's (a stable sort).
        return new DatabaseSchema(tables.ToEquatableArray(), Sequences: sequences, Schemas: schemas,
            Unmanaged: unmanaged.OrderBy(u => u.Kind, StringComparer.Ordinal).ToEquatableArray(), Objects: objects.ToEquatableArray());
    }

    private static Column Column(ColumnRow row, string? databaseCollation)
    {
        var type = row.UserDefined && row.UserTypeName is { } alias
            ? SqlType.Raw(alias.ToLowerInvariant())
            : SqlServerTypeMap.Instance.FromCatalog(row.Type, row.MaxLength, row.Precision, row.Scale);
        // IDENTITY(1, 1) reads as an identity without options, as the model leaves them out.
        var identity = row.IsIdentity ? IdentityOptions.Canonical(new Identity(Start: row.Seed, Increment: row.Increment), type) : null;
        var computed = row.Computed is { } definition ? SqlServerStoredForms.Expression(definition) : null;
        return new Column(
            row.Name,
            type,
            row.Nullable,
            row.Default is { } stored && computed is null ? SqlServerStoredForms.Default(stored) : null,
            identity,
            computed,
            string.IsNullOrEmpty(row.Comment) ? null : row.Comment,
            row.Collation is { } collation && !string.Equals(collation, databaseCollation, StringComparison.OrdinalIgnoreCase) ? collation : null,
            ComputedVirtual: computed is not null && !row.Persisted);
    }

    /// <summary>The primary key, the unique constraints, and the other indexes (unique indexes among them), each from its rows in key order.</summary>
    private static (PrimaryKey?, List<UniqueConstraint>, List<TableIndex>) Indexes(IEnumerable<IndexRow> rows)
    {
        PrimaryKey? primaryKey = null;
        var uniques = new List<UniqueConstraint>();
        var indexes = new List<TableIndex>();
        foreach (var group in rows.GroupBy(i => i.Index, StringComparer.Ordinal))
        {
            var first = group.First();
            var keys = group.Where(p => !p.Included).ToList();
            var columns = keys.Select(p => p.Column).ToEquatableArray();
            if (first.PrimaryKey) primaryKey = new PrimaryKey(group.Key, columns);
            else if (first.UniqueConstraint) uniques.Add(new UniqueConstraint(group.Key, columns));
            else
            {
                var descending = keys.Select(p => p.Descending).ToArray();
                indexes.Add(new TableIndex(
                    group.Key,
                    columns,
                    first.Unique,
                    first.Filter is { } filter ? SqlServerStoredForms.Expression(filter) : null,
                    Method: first.Type == 1 ? "clustered" : null,
                    Include: group.Where(p => p.Included).Select(p => p.Column).ToEquatableArray(),
                    Descending: descending.Contains(true) ? descending : default));
            }
        }
        return (primaryKey, uniques, indexes);
    }

    private static IEnumerable<ForeignKey> ForeignKeys(IEnumerable<ForeignKeyRow> rows, Func<string, string, QualifiedName> name) =>
        rows.GroupBy(f => f.Name, StringComparer.Ordinal).Select(g =>
        {
            var first = g.First();
            return new ForeignKey(g.Key, g.Select(f => f.Column).ToEquatableArray(), name(first.ReferredSchema, first.ReferredTable),
                g.Select(f => f.ReferredColumn).ToEquatableArray(), Action(first.OnDelete), Action(first.OnUpdate));
        });

    private static ReferentialAction Action(string action) => action.ToUpperInvariant() switch
    {
        "CASCADE" => ReferentialAction.Cascade,
        "SET_NULL" => ReferentialAction.SetNull,
        "SET_DEFAULT" => ReferentialAction.SetDefault,
        _ => ReferentialAction.NoAction,
    };

    /// <summary>
    /// A sequence with the options the renderer leaves out read as null: bounds at the type's, increment 1, the start
    /// it writes for a null one (the lower bound going up, the upper going down, or 1 and -1), the server's cache size.
    /// NO CACHE reads as a cache of 1.
    /// </summary>
    private static Sequence Sequence(SequenceRow row, QualifiedName name)
    {
        var (typeMin, typeMax) = row.Type.ToLowerInvariant() switch
        {
            "tinyint" => (0L, 255L),
            "smallint" => (short.MinValue, short.MaxValue),
            "int" => (int.MinValue, int.MaxValue),
            _ => (long.MinValue, long.MaxValue),
        };
        var min = row.Min is { } low && low != typeMin ? low : (long?)null;
        var max = row.Max is { } high && high != typeMax ? high : (long?)null;
        var increment = row.Increment ?? 1;
        var start = increment < 0 ? max ?? -1 : min ?? 1;
        return new Sequence(name, row.Start == start ? null : row.Start, increment == 1 ? null : increment, min, max, row.Cycling,
            row.Cached ? row.CacheSize : 1);
    }

    internal sealed class CatalogRows
    {
        public string DefaultSchema { get; set; } = "dbo";
        public string? Collation { get; set; }
        public List<string> Schemas { get; } = [];
        public List<TableRow> Tables { get; } = [];
        public List<ColumnRow> Columns { get; } = [];
        public List<IndexRow> Indexes { get; } = [];
        public List<ForeignKeyRow> ForeignKeys { get; } = [];
        public List<CheckRow> Checks { get; } = [];
        public List<SequenceRow> Sequences { get; } = [];
        public List<UnmanagedRow> Unmanaged { get; } = [];
        public List<ModuleRow> Modules { get; } = [];
    }

    internal sealed record TableRow(string Schema, string Name, string? Comment);

    // DefaultName is not in the model: the renderer finds a column's default constraint in the catalog, whatever its name.
    internal sealed record ColumnRow(
        string Schema, string Table, string Name, string Type, bool UserDefined, string? UserTypeName, int MaxLength, int Precision, int Scale, bool Nullable,
        string? Collation, string? DefaultName, string? Default, string? Computed, bool Persisted, bool IsIdentity, long? Seed, long? Increment, string? Comment);

    internal sealed record IndexRow(
        string Schema, string Table, string Index, bool PrimaryKey, bool UniqueConstraint, bool Unique, int Type, string? Filter, string Column, bool Descending, bool Included);

    internal sealed record ForeignKeyRow(
        string Schema, string Table, string Name, string Column, string ReferredSchema, string ReferredTable, string ReferredColumn, string OnDelete, string OnUpdate);

    internal sealed record CheckRow(string Schema, string Table, string Name, string Definition);

    internal sealed record SequenceRow(
        string Schema, string Name, string Type, long? Start, long? Increment, long? Min, long? Max, bool Cycling, bool Cached, long? CacheSize);

    internal sealed record UnmanagedRow(string Kind, string? Schema, string Name, string? Table, string? Detail);

    internal sealed record ModuleRow(string Schema, string Name, string Type, string? TableSchema, string? Table, string Definition);
}
