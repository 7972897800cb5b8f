using DiffMigrate.Schema;

namespace DiffMigrate.Declarative;

/// <summary>The standalone objects a model implies.</summary>
internal static class SchemaObjects
{
    /// <summary>
    /// The declared enums plus every enum a column uses, by name; one name with two value lists is an error, since
    /// the database can hold only one.
    /// </summary>
    public static EquatableArray<EnumType> Enums(IEnumerable<Table> tables, IEnumerable<EnumType> declared)
    {
        var byName = new Dictionary<QualifiedName, (EnumType Enum, string Where)>();
        void Add(EnumType type, string where)
        {
            if (byName.TryGetValue(type.Name, out var seen) && seen.Enum.Values != type.Values)
            {
                throw new DiffMigrateException(
                    $"Enum {type.Name} has two value lists: ({string.Join(", ", seen.Enum.Values)}) in {seen.Where} and ({string.Join(", ", type.Values)}) in {where}.");
            }
            byName.TryAdd(type.Name, (type, where));
        }
        foreach (var type in declared) Add(type, "SchemaBuilder.Enum");
        foreach (var table in tables)
        {
            foreach (var column in table.Columns.Where(c => c.Type.Kind == SqlTypeKind.Enum))
            {
                Add(new EnumType(EnumType.NameOf(column.Type), column.Type.Values), $"column {table.Name}.{column.Name}");
            }
        }
        return byName.Values.Select(v => v.Enum).OrderBy(e => e.Name).ToEquatableArray();
    }

    /// <summary>The declared views, routines and triggers, by kind and name; one identity declared twice differently is an error.</summary>
    public static EquatableArray<DefinedObject> Defined(IEnumerable<DefinedObject> declared)
    {
        var byKey = new Dictionary<string, DefinedObject>(StringComparer.Ordinal);
        foreach (var item in declared)
        {
            if (string.IsNullOrWhiteSpace(item.Definition)) throw new DiffMigrateException($"{item}: the definition is empty.");
            if (item.Kind == DefinedObjectKind.Trigger && item.Table is null) throw new DiffMigrateException($"{item}: a trigger needs its table.");
            if (item.IsRoutine && item.Arguments is null) throw new DiffMigrateException($"{item}: a routine needs its argument types (\"\" for none).");
            if (byKey.TryGetValue(item.Key, out var seen) && seen != item)
            {
                throw new DiffMigrateException($"{item} is declared twice, with different definitions.");
            }
            byKey[item.Key] = item;
        }
        return byKey.Values.OrderBy(o => o.Kind).ThenBy(o => o.Name).ThenBy(o => o.Arguments, StringComparer.Ordinal).ToEquatableArray();
    }
}
