using DiffMigrate.Runner.Configuration;
using DiffMigrate.Schema;

namespace DiffMigrate.Design.Pipeline;

/// <summary>
/// A schema without the objects a predicate refuses. What a refused schema or table holds goes with it, and the
/// predicate is not asked about it; the default schema (null) is never asked about. Tables and objects the predicate
/// keeps whole stay the same instances.
/// </summary>
internal static class SchemaFilter
{
    public static DatabaseSchema Apply(DatabaseSchema schema, Func<SchemaObjectRef, bool> include)
    {
        var schemas = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool InSchema(string? name)
        {
            if (name is null) return true;
            if (!schemas.TryGetValue(name, out var kept)) schemas[name] = kept = include(new SchemaObjectRef(SchemaObjectKind.Schema, name, null, name));
            return kept;
        }
        bool Named(SchemaObjectKind kind, QualifiedName name) => InSchema(name.Schema) && include(new SchemaObjectRef(kind, name.Schema, null, name.Name));
        return schema with
        {
            Schemas = Keep(schema.Schemas, InSchema),
            Tables = schema.Tables
                .Where(t => InSchema(t.Name.Schema) && include(new SchemaObjectRef(SchemaObjectKind.Table, t.Name.Schema, t.Name.Name, t.Name.Name)))
                .Select(t => Members(t, include)).ToEquatableArray(),
            Enums = Keep(schema.Enums, e => Named(SchemaObjectKind.Enum, e.Name)),
            Sequences = Keep(schema.Sequences, s => Named(SchemaObjectKind.Sequence, s.Name)),
            Extensions = Keep(schema.Extensions, e => include(new SchemaObjectRef(SchemaObjectKind.Extension, e.Schema, null, e.Name))),
            Objects = Keep(schema.Objects, o => ObjectFilter.KindOf(o.KindWord) is { } kind && InSchema(o.Name.Schema)
                && include(new SchemaObjectRef(kind, o.Name.Schema, o.Table?.Name, o.Name.Name))
                && (o.Table is not { } table || include(new SchemaObjectRef(SchemaObjectKind.Table, table.Schema, table.Name, table.Name)))),
            Domains = Keep(schema.Domains, d => Named(SchemaObjectKind.Domain, d.Name)),
            Unmanaged = Keep(schema.Unmanaged, u => ObjectFilter.KindOf(u.Kind) switch
            {
                SchemaObjectKind.Schema => InSchema(u.Name.Name),
                { } kind => InSchema(u.Name.Schema) && include(new SchemaObjectRef(kind, u.Name.Schema, u.Table, u.Name.Name))
                    && (u.Table is null || include(new SchemaObjectRef(SchemaObjectKind.Table, u.Name.Schema, u.Table, u.Table))),
                // A kind the configuration cannot name is always reported.
                null => true,
            }),
        };
    }

    private static Table Members(Table table, Func<SchemaObjectRef, bool> include)
    {
        bool On(SchemaObjectKind kind, string? name) => include(new SchemaObjectRef(kind, table.Name.Schema, table.Name.Name, name));
        var kept = table with
        {
            Columns = Keep(table.Columns, c => On(SchemaObjectKind.Column, c.Name)),
            Indexes = Keep(table.Indexes, i => On(SchemaObjectKind.Index, i.Name)),
            UniqueConstraints = Keep(table.UniqueConstraints, u => On(SchemaObjectKind.Unique, u.Name)),
            ForeignKeys = Keep(table.ForeignKeys, f => On(SchemaObjectKind.ForeignKey, f.Name)),
            CheckConstraints = Keep(table.CheckConstraints, c => On(SchemaObjectKind.Check, c.Name)),
            ExclusionConstraints = Keep(table.ExclusionConstraints, x => On(SchemaObjectKind.ExclusionConstraint, x.Name)),
        };
        return kept == table ? table : kept;
    }

    private static EquatableArray<T> Keep<T>(EquatableArray<T> items, Func<T, bool> include)
    {
        var kept = items.Where(include).ToEquatableArray();
        return kept.Count == items.Count ? items : kept;
    }
}
