using DiffMigrate.Schema;

namespace DiffMigrate.Providers.Postgres;

internal sealed partial class PostgresInspector
{
    private static DatabaseSchema Build(CatalogRows rows, HashSet<string> excluded)
    {
        QualifiedName Name(string schema, string name) => new(schema == rows.CurrentSchema ? null : schema, name);
        var enums = rows.Enums.Select(e => new EnumType(Name(e.Schema, e.Name), e.Values)).ToList();
        var enumValues = enums.ToDictionary(e => e.TypeName, e => e.Values);
        var columns = rows.Columns.ToLookup(c => (c.Schema, c.Table));
        var constraints = rows.Constraints.ToLookup(c => (c.Schema, c.Table));
        var indexes = rows.Indexes.ToLookup(i => (i.Schema, i.Table));
        var tables = new List<Table>();
        foreach (var row in rows.Tables)
        {
            var name = Name(row.Schema, row.Name);
            if (name.Schema is null && excluded.Contains(row.Name)) continue;
            var key = (row.Schema, row.Name);
            var tableConstraints = constraints[key].ToList();
            var pk = tableConstraints.FirstOrDefault(c => c.Kind == 'p');
            tables.Add(new Table(
                name,
                columns[key].Select(c => Column(c, Name, enumValues)).ToEquatableArray(),
                pk is null ? null : new PrimaryKey(pk.Name, pk.Columns),
                tableConstraints.Where(c => c.Kind == 'f').Select(c => new ForeignKey(
                    c.Name, c.Columns, Name(c.ReferredSchema!, c.ReferredTable!), c.ReferredColumns, Action(c.OnDelete), Action(c.OnUpdate),
                    c.Deferrable, c.Deferred, !c.Validated)).ToEquatableArray(),
                indexes[key].Select(Index).ToEquatableArray(),
                tableConstraints.Where(c => c.Kind == 'u').Select(c => new UniqueConstraint(c.Name, c.Columns, c.NullsNotDistinct, c.Deferrable, c.Deferred)).ToEquatableArray(),
                tableConstraints.Where(c => c.Kind == 'c').Select(c => new CheckConstraint(c.Name, c.Check!, !c.Validated)).ToEquatableArray(),
                row.Comment,
                ExclusionConstraints: tableConstraints.Where(c => c.Kind == 'x').Select(c => new ExclusionConstraint(c.Name, ExclusionDefinition(c.Definition!))).ToEquatableArray(),
                PartitionBy: row.PartitionKey,
                PartitionOf: row.ParentName is null ? null : Name(row.ParentSchema!, row.ParentName),
                PartitionBound: row.ParentName is null ? null : row.Bound));
        }
        tables.Sort((a, b) => a.Name.CompareTo(b.Name));
        var sequences = rows.Sequences.Select(s => Sequence(s, Name(s.Schema, s.Name))).OrderBy(s => s.Name).ToEquatableArray();
        var schemas = rows.Schemas.Where(s => s != rows.CurrentSchema).ToEquatableArray();
        var unmanaged = rows.Unmanaged.Where(u => u.Kind != "extension")
            .Select(u => new UnmanagedObject(u.Kind, u.Schema is null ? new QualifiedName(null, u.Name) : Name(u.Schema, u.Name), u.Table, u.Detail));
        var extensions = rows.Unmanaged.Where(u => u.Kind == "extension").Select(u => new Extension(u.Name, u.Schema == rows.CurrentSchema ? null : u.Schema));
        var domains = rows.Domains.Select(d => Domain(d, Name(d.Schema, d.Name))).OrderBy(d => d.Name).ToEquatableArray();
        return new DatabaseSchema(tables.ToEquatableArray(), default, enums.OrderBy(e => e.Name).ToEquatableArray(), sequences, schemas,
            Unmanaged: unmanaged.ToEquatableArray(), Extensions: extensions.OrderBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray(), Domains: domains,
            Objects: [.. Relations(rows, Name, indexes), .. RoutinesAndTriggers(rows, Name, excluded)]);
    }

    /// <summary>A domain as read (by the inspector, or by the canonicaliser from its copy), under <paramref name="name"/>.</summary>
    internal static Domain Domain(DomainRow row, QualifiedName name) => new(name, PostgresTypeMap.Instance.Parse(row.BaseType), row.NotNull, row.Default,
        row.CheckNames.Zip(row.Checks, (n, sql) => new CheckConstraint(n, sql)).ToEquatableArray(), row.Collation);

    // The same few dozen declarations for thousands of columns.
    private static readonly KnownAnswers<string, SqlType> Types = new(PostgresTypeMap.Instance.Parse, StringComparer.Ordinal);

    private static Column Column(ColumnRow row, Func<string, string, QualifiedName> name, Dictionary<string, EquatableArray<string>> enumValues)
    {
        var type = row.TypeKind == 'e'
            ? SqlType.Enum(name(row.TypeSchema, row.TypeName).ToString(), [.. enumValues.GetValueOrDefault(name(row.TypeSchema, row.TypeName).ToString())])
            : Types.For(row.Type);
        var identity = row.IdentityKind switch
        {
            // The identity's sequence has the column's type; options at the server's default for it read as null.
            'a' or 'd' => IdentityOptions.Canonical(new Identity(row.IdentityKind == 'a', row.SequenceStart, row.SequenceIncrement,
                MinValue: row.SequenceMin, MaxValue: row.SequenceMax, Cycle: row.SequenceCycle, Cache: row.SequenceCache), type),
            _ => null,
        };
        var @default = row.Default;
        // A serial column is an integer with an owned sequence and a nextval() default of that sequence.
        if (identity is null && row.SequenceDependency == 'a' && row.Default is { } d && row.SequenceName is { } sequence && IsNextval(d, sequence))
        {
            identity = new Identity(Start: NotDefault(row.SequenceStart), Increment: NotDefault(row.SequenceIncrement), Serial: true);
            @default = null;
        }
        var computed = row.Generated == 's' ? @default : null;
        return new Column(row.Name, type, !row.NotNull, computed is null ? @default : null, identity, computed, row.Comment, row.Collation);
    }

    /// <summary>What follows EXCLUDE in <c>pg_get_constraintdef</c>'s text.</summary>
    internal static string ExclusionDefinition(string definition) =>
        definition.StartsWith("EXCLUDE ", StringComparison.Ordinal) ? definition["EXCLUDE ".Length..] : definition;

    // The server prints the default as nextval('<regclass text>'::regclass), the same spelling as regclass::text.
    private static bool IsNextval(string expression, string sequence) =>
        expression == $"nextval('{sequence.Replace("'", "''", StringComparison.Ordinal)}'::regclass)";

    private static long? NotDefault(long? value) => value == 1 ? null : value;

    private static TableIndex Index(IndexRow row)
    {
        var keys = row.Entries.Take(row.KeyCount).ToEquatableArray();
        var expressions = row.IsExpression.Take(row.KeyCount).ToArray();
        return new TableIndex(
            row.Name,
            keys,
            row.Unique,
            row.Filter,
            expressions.Contains(true) ? expressions : default,
            row.Method == "btree" ? null : row.Method,
            row.Entries.Skip(row.KeyCount).ToEquatableArray(),
            row.Descending.Contains(true) ? row.Descending : default,
            KeyOptions(row.Descending, row.NullsFirst, row.OperatorClasses, row.Collations),
            row.NullsNotDistinct);
    }

    /// <summary>
    /// Each key's options from the catalog's arrays (see <see cref="PostgresCatalog.KeyOptions"/>): NULLS at the
    /// direction's default is <see cref="NullsOrder.Default"/>; none when no key has an option.
    /// </summary>
    internal static EquatableArray<IndexKeyOptions> KeyOptions(bool[] descending, bool[] nullsFirst, string?[] operatorClasses, string?[] collations)
    {
        var options = nullsFirst.Select((first, k) => new IndexKeyOptions(
            first == (k < descending.Length && descending[k]) ? NullsOrder.Default : first ? NullsOrder.First : NullsOrder.Last,
            k < operatorClasses.Length ? operatorClasses[k] : null,
            k < collations.Length ? collations[k] : null)).ToList();
        return options.All(o => o.IsDefault) ? default : options.ToEquatableArray();
    }

    private static Sequence Sequence(SequenceRow row, QualifiedName name)
    {
        var ascending = row.Increment > 0;
        var (typeMin, typeMax) = row.Type switch
        {
            "smallint" => ((long)short.MinValue, (long)short.MaxValue),
            "integer" => (int.MinValue, int.MaxValue),
            _ => (long.MinValue, long.MaxValue),
        };
        long defaultMin = ascending ? 1 : typeMin, defaultMax = ascending ? typeMax : -1;
        return new Sequence(
            name,
            Start: row.Start == (ascending ? row.Min : row.Max) ? null : row.Start,
            Increment: row.Increment == 1 ? null : row.Increment,
            MinValue: row.Min == defaultMin ? null : row.Min,
            MaxValue: row.Max == defaultMax ? null : row.Max,
            Cycle: row.Cycle,
            Cache: row.Cache == 1 ? null : row.Cache);
    }

    private static ReferentialAction Action(char code) => code switch
    {
        'r' => ReferentialAction.Restrict,
        'c' => ReferentialAction.Cascade,
        'n' => ReferentialAction.SetNull,
        'd' => ReferentialAction.SetDefault,
        _ => ReferentialAction.NoAction,
    };

    internal sealed partial class CatalogRows
    {
        public string CurrentSchema { get; set; } = "public";
        public List<string> Schemas { get; } = [];
        public List<TableRow> Tables { get; } = [];
        public List<ColumnRow> Columns { get; } = [];
        public List<ConstraintRow> Constraints { get; } = [];
        public List<IndexRow> Indexes { get; } = [];
        public List<EnumRow> Enums { get; } = [];
        public List<SequenceRow> Sequences { get; } = [];
        public List<UnmanagedRow> Unmanaged { get; } = [];
        public List<DomainRow> Domains { get; } = [];
    }

    internal sealed record DomainRow(string Schema, string Name, string BaseType, bool NotNull, string? Default, string? Collation, string[] CheckNames, string[] Checks);

    internal sealed record UnmanagedRow(string Kind, string? Schema, string Name, string? Table, string? Detail);

    internal sealed record TableRow(string Schema, string Name, string? Comment, string? PartitionKey, string? ParentSchema, string? ParentName, string? Bound);

    internal sealed record ColumnRow(
        string Schema, string Table, string Name, string Type, bool NotNull, string? Default, char IdentityKind, char Generated,
        string? Collation, string? Comment, char TypeKind, string TypeSchema, string TypeName, char SequenceDependency, string? SequenceName,
        long? SequenceStart, long? SequenceIncrement, long? SequenceMin, long? SequenceMax, bool SequenceCycle, long? SequenceCache);

    internal sealed record ConstraintRow(
        string Schema, string Table, string Name, char Kind, string[] Columns, string? ReferredSchema, string? ReferredTable,
        string[] ReferredColumns, char OnDelete, char OnUpdate, bool Deferrable, bool Deferred, string? Check, bool NullsNotDistinct,
        bool Validated, string? Definition);

    internal sealed record IndexRow(
        string Schema, string Table, string Name, bool Unique, string Method, short KeyCount, string[] Entries, bool[] IsExpression,
        bool[] Descending, string? Filter, bool[] NullsFirst, string?[] OperatorClasses, string?[] Collations, bool NullsNotDistinct);

    internal sealed record EnumRow(string Schema, string Name, string[] Values);

    internal sealed record SequenceRow(string Schema, string Name, long Start, long Increment, long Min, long Max, bool Cycle, long Cache, string Type);
}
