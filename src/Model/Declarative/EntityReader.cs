using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using System.Reflection;
using DiffMigrate.Schema;

namespace DiffMigrate.Declarative;

/// <summary>
/// Reads one attribute-mapped class into a table draft, with the conventions an EF Core user expects: <c>Id</c> or
/// <c>&lt;Class&gt;Id</c> is the key, an integer key is an identity, nullability follows the C# types, names are
/// snake_case unless given.
/// </summary>
internal static class EntityReader
{
    public static QualifiedName TableName(Type type)
    {
        var table = type.GetCustomAttribute<TableAttribute>();
        return new QualifiedName(table?.Schema, table?.Name ?? SnakeCase.Of(type.Name));
    }

    public static TableDraft Read(Type type)
    {
        var draft = new TableDraft(TableName(type), $"class {type.FullName}");
        var columnOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = new List<string>();
        // NullabilityInfoContext caches in plain dictionaries: one per read keeps model reading thread-safe.
        var nullability = new NullabilityInfoContext();
        PropertyInfo? conventionalKey = null;
        foreach (var property in MappedProperties(type))
        {
            var column = ReadColumn(type, property, nullability);
            columnOf[property.Name] = column.Name;
            draft.Columns.Add(column);
            if (property.GetCustomAttribute<KeyAttribute>() is not null) keys.Add(property.Name);
            if (property.Name == "Id" || property.Name == type.Name + "Id") conventionalKey ??= property;
            ReadConstraints(draft, type, property, column);
        }

        string Column(string property, string what) => columnOf.TryGetValue(property, out var c)
            ? c
            : throw new DiffMigrateException($"class {type.FullName}: {what} names property '{property}', which is not a mapped property.");

        var composite = type.GetCustomAttribute<PrimaryKeyAttribute>();
        draft.Keyless = type.GetCustomAttribute<KeylessAttribute>() is not null;
        // [Keyless] turns the naming convention off: only an explicit key contradicts it (and the draft says so).
        var keyProperties = composite is not null ? composite.Properties.ToList()
            : keys.Count > 0 ? keys
            : draft.Keyless ? []
            : conventionalKey is not null ? [conventionalKey.Name]
            : throw new DiffMigrateException(
                $"class {type.FullName}: no primary key: add [Key] to a property, [PrimaryKey(...)] to the class, or a property named Id or {type.Name}Id.");
        draft.PrimaryKey = keyProperties.Count == 0 ? null : keyProperties.Select(p => Column(p, "[PrimaryKey]")).ToList();
        draft.PrimaryKeyName = composite?.Name;
        foreach (var key in (draft.PrimaryKey ?? []).Select(c => draft.Find(c)!))
        {
            key.Nullable = false;
            var property = type.GetProperty(keyProperties[draft.PrimaryKey!.IndexOf(key.Name)])!;
            var generated = property.GetCustomAttribute<DatabaseGeneratedAttribute>()?.DatabaseGeneratedOption;
            if (draft.PrimaryKey!.Count == 1 && key.Type.IsInteger && generated is null or DatabaseGeneratedOption.Identity) key.Identity ??= new Identity();
        }

        foreach (var index in type.GetCustomAttributes<IndexAttribute>())
        {
            draft.Indexes.Add(new TableIndex(index.Name ?? "", index.Properties.Select(p => Column(p, "[Index]")).ToEquatableArray(), index.IsUnique, index.Filter,
                default, index.Method, index.Include.Select(p => Column(p, "[Index] Include")).ToEquatableArray(),
                index.IsDescending.Contains(true) ? (EquatableArray<bool>)index.IsDescending : default,
                KeyOptions(index), index.NullsNotDistinct));
        }
        foreach (var unique in type.GetCustomAttributes<UniqueAttribute>())
        {
            draft.Uniques.Add(new UniqueConstraint(unique.Name, unique.Properties.Select(p => Column(p, "[Unique]")).ToEquatableArray(), unique.NullsNotDistinct));
        }
        foreach (var check in type.GetCustomAttributes<CheckAttribute>()) draft.Checks.Add((check.Name, check.Sql, null, check.ExactName && check.Name is not null));
        draft.Comment = type.GetCustomAttribute<CommentAttribute>()?.Text;
        (draft.Strict, draft.WithoutRowid) = type.GetCustomAttribute<TableOptionsAttribute>() is { } options ? (options.Strict, options.WithoutRowid) : (false, false);
        draft.RenamedFrom = type.GetCustomAttribute<RenamedFromAttribute>()?.OldName;
        return draft;
    }

    /// <summary>The value renames declared with <c>[RenamedFrom]</c> on members of the C# enums an entity maps.</summary>
    public static IEnumerable<EnumValueRename> EnumRenames(Type type) =>
        MappedProperties(type)
            .Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)
            .Where(t => t.IsEnum && t.GetCustomAttribute<ColumnAttribute>() is null)
            .Distinct()
            .SelectMany(e => e.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.GetCustomAttribute<RenamedFromAttribute>() is not null)
                .Select(f => new EnumValueRename(new QualifiedName(null, SnakeCase.Of(e.Name)), f.GetCustomAttribute<RenamedFromAttribute>()!.OldName, f.Name)));

    /// <summary>The [Index] attribute's per-key options, one per key where some key has one.</summary>
    private static EquatableArray<IndexKeyOptions> KeyOptions(IndexAttribute index)
    {
        static string? At(string[] values, int k) => k < values.Length && !string.IsNullOrEmpty(values[k]) ? values[k] : null;
        var options = index.Properties.Select((_, k) => new IndexKeyOptions(
            k < index.Nulls.Length ? index.Nulls[k] : NullsOrder.Default, At(index.OperatorClasses, k), At(index.Collations, k))).ToList();
        return options.All(o => o.IsDefault) ? default : options.ToEquatableArray();
    }

    private static IEnumerable<PropertyInfo> MappedProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)
            .Where(p => p.GetCustomAttribute<NotMappedAttribute>() is null)
            .Where(p => !IsNavigation(p.PropertyType))
            .OrderBy(p => p.MetadataToken);

    /// <summary>Class-typed and collection properties are navigations, not columns.</summary>
    private static bool IsNavigation(Type type) =>
        type != typeof(string) && type != typeof(byte[]) && (type.IsClass || type.IsInterface || typeof(IEnumerable).IsAssignableFrom(type));

    private static ColumnDraft ReadColumn(Type owner, PropertyInfo property, NullabilityInfoContext nullability)
    {
        var columnAttribute = property.GetCustomAttribute<ColumnAttribute>();
        var name = columnAttribute?.Name ?? SnakeCase.Of(property.Name);
        var clr = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var type = columnAttribute?.TypeName is { } typeName ? SqlType.Raw(typeName) : Map(owner, property, clr);
        var nullable = property.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(property.PropertyType) is not null
            : nullability.Create(property).WriteState == NullabilityState.Nullable;
        if (property.GetCustomAttribute<RequiredAttribute>() is not null) nullable = false;
        return new ColumnDraft(name, type)
        {
            Nullable = nullable,
            Default = property.GetCustomAttribute<ServerDefaultAttribute>()?.Sql,
            Identity = property.GetCustomAttribute<DatabaseGeneratedAttribute>()?.DatabaseGeneratedOption == DatabaseGeneratedOption.Identity ? new Identity() : null,
            Comment = property.GetCustomAttribute<CommentAttribute>()?.Text,
            RenamedFrom = property.GetCustomAttribute<RenamedFromAttribute>()?.OldName,
        };
    }

    private static SqlType Map(Type owner, PropertyInfo property, Type clr)
    {
        if (clr.IsEnum) return SqlType.Enum(SnakeCase.Of(clr.Name), Enum.GetNames(clr));
        if (clr == typeof(string))
        {
            var length = property.GetCustomAttribute<MaxLengthAttribute>()?.Length ?? property.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength;
            return length is { } n and > 0 ? SqlType.String(n) : SqlType.Text;
        }
        if (clr == typeof(decimal))
        {
            var precision = property.GetCustomAttribute<PrecisionAttribute>();
            return precision is null ? SqlType.Decimal(18, 2) : SqlType.Decimal(precision.Precision, precision.Scale);
        }
        return clr switch
        {
            _ when clr == typeof(int) => SqlType.Int32,
            _ when clr == typeof(long) => SqlType.Int64,
            _ when clr == typeof(short) => SqlType.Int16,
            _ when clr == typeof(double) => SqlType.Double,
            _ when clr == typeof(float) => SqlType.Single,
            _ when clr == typeof(bool) => SqlType.Boolean,
            _ when clr == typeof(byte[]) => SqlType.Binary(property.GetCustomAttribute<MaxLengthAttribute>()?.Length),
            _ when clr == typeof(DateTime) => SqlType.DateTime,
            _ when clr == typeof(DateTimeOffset) => SqlType.DateTimeOffset,
            _ when clr == typeof(DateOnly) => SqlType.Date,
            _ when clr == typeof(TimeOnly) => SqlType.Time,
            _ when clr == typeof(Guid) => SqlType.Uuid,
            _ => throw new DiffMigrateException(
                $"class {owner.FullName}, property {property.Name}: no SQL type for {clr.Name}; give one with [Column(TypeName = \"...\")] or mark it [NotMapped]."),
        };
    }

    private static void ReadConstraints(TableDraft draft, Type type, PropertyInfo property, ColumnDraft column)
    {
        if (property.GetCustomAttribute<UniqueAttribute>() is { } unique) draft.Uniques.Add(new UniqueConstraint(unique.Name, [column.Name], unique.NullsNotDistinct));
        foreach (var check in property.GetCustomAttributes<CheckAttribute>()) draft.Checks.Add((check.Name, check.Sql, column.Name, check.ExactName && check.Name is not null));
        if (property.GetCustomAttribute<ReferencesAttribute>() is { } reference)
        {
            var where = $"class {type.FullName}, property {property.Name}";
            draft.ForeignKeys.Add(reference.Entity is { } entity
                ? new ForeignKeyDraft([column.Name], null, entity, null, reference.OnDelete, reference.OnUpdate, reference.Name, where,
                    reference.Deferrable, reference.InitiallyDeferred)
                : new ForeignKeyDraft([column.Name], new QualifiedName(reference.Schema, reference.Table!), null, [reference.Column!],
                    reference.OnDelete, reference.OnUpdate, reference.Name, where, reference.Deferrable, reference.InitiallyDeferred));
        }
    }
}
