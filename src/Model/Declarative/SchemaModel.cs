using System.ComponentModel.DataAnnotations.Schema;
using System.Reflection;
using DiffMigrate.Declarative;
using DiffMigrate.Schema;

namespace DiffMigrate;

/// <summary>
/// Reads an application's declarative model into the neutral schema. The entities are every public, non-abstract
/// class marked <c>[Table]</c>, plus the classes a <see cref="SchemaDefinition"/> registers with
/// <see cref="SchemaBuilder.Entity{T}"/>; the builder's own tables are added to them. Both styles mix freely.
/// </summary>
public static class SchemaModel
{
    /// <summary>The model defined in <paramref name="assembly"/>.</summary>
    public static DatabaseSchema FromAssembly(Assembly assembly, NamingConvention? naming = null)
    {
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            throw new DiffMigrateException($"Cannot read the types of {assembly.GetName().Name}: {e.LoaderExceptions.FirstOrDefault()?.Message}", e);
        }
        var entities = types.Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.GetCustomAttribute<TableAttribute>() is not null);
        var definitions = types
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(SchemaDefinition).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => t.GetConstructor(Type.EmptyTypes) is null
                ? throw new DiffMigrateException($"class {t.FullName}: a SchemaDefinition needs a public parameterless constructor.")
                : (SchemaDefinition)Activator.CreateInstance(t)!);
        return FromTypes(entities, definitions, naming);
    }

    /// <summary>The model made of <paramref name="entities"/> and <paramref name="definitions"/>.</summary>
    public static DatabaseSchema FromTypes(IEnumerable<Type> entities, IEnumerable<SchemaDefinition> definitions, NamingConvention? naming = null)
    {
        naming ??= NamingConvention.Default;
        var entityTypes = entities.ToList();
        var drafts = new List<TableDraft>();
        var objects = new SchemaBuilder();
        foreach (var definition in definitions)
        {
            var builder = new SchemaBuilder();
            definition.Define(builder);
            drafts.AddRange(builder.Tables.Select(t => t.Draft));
            entityTypes.AddRange(builder.Entities);
            objects.Enums.AddRange(builder.Enums);
            objects.EnumRenames.AddRange(builder.EnumRenames);
            objects.Sequences.AddRange(builder.Sequences);
            objects.Extensions.AddRange(builder.Extensions);
            objects.Objects.AddRange(builder.Objects);
            objects.Domains.AddRange(builder.Domains);
        }
        var byType = new Dictionary<Type, TableDraft>();
        foreach (var type in entityTypes.Distinct())
        {
            var draft = EntityReader.Read(type);
            byType[type] = draft;
            drafts.Add(draft);
        }
        foreach (var duplicate in drafts.GroupBy(d => d.Name).Where(g => g.Count() > 1))
        {
            throw new DiffMigrateException($"Two tables are named {duplicate.Key}: {string.Join(" and ", duplicate.Select(d => d.Origin))}.");
        }
        (QualifiedName, List<string>) Resolve(ForeignKeyDraft key)
        {
            if (key.ReferredEntity is not { } entity) return (key.ReferredTable!, key.ReferredColumns!);
            if (!byType.TryGetValue(entity, out var referred))
            {
                throw new DiffMigrateException(
                    $"{key.Where}: [References(typeof({entity.Name}))] refers to a class that is not an entity: mark it [Table] or register it with builder.Entity<{entity.Name}>().");
            }
            return (referred.Name, referred.PrimaryKey ?? []);
        }
        // A partition's columns are its parent's: what it names is checked by the server when it is created.
        foreach (var draft in drafts.Where(d => d.PartitionOf is null))
        {
            // Expression entries of an index are SQL, not column names.
            draft.CheckColumns(draft.Indexes.SelectMany(i => i.Columns.Where((_, k) => !i.IsExpression(k)).Concat(i.Include)), "an index");
            draft.CheckColumns(draft.Uniques.SelectMany(u => u.Columns), "a unique constraint");
            draft.CheckColumns(draft.ForeignKeys.SelectMany(f => f.Columns), "a foreign key");
        }
        foreach (var partition in drafts.Where(d => d.PartitionOf is not null))
        {
            if (drafts.Find(d => d.Name == partition.PartitionOf) is not { PartitionBy: not null })
            {
                throw new DiffMigrateException($"{partition.Origin}: {partition.Name} is a partition of {partition.PartitionOf}, which the model does not declare with PartitionBy(...).");
            }
        }
        var tables = drafts.Select(d => d.Build(naming, Resolve)).OrderBy(t => t.Name).ToEquatableArray();
        objects.EnumRenames.AddRange(entityTypes.Distinct().SelectMany(EntityReader.EnumRenames));
        var enums = SchemaObjects.Enums(tables, objects.Enums);
        var sequences = objects.Sequences.OrderBy(s => s.Name).ToEquatableArray();
        foreach (var twice in objects.Extensions.GroupBy(e => e.Name, StringComparer.Ordinal).Where(g => g.Distinct().Count() > 1))
        {
            throw new DiffMigrateException($"Extension {twice.Key} is declared twice, in different schemas ({string.Join(" and ", twice.Select(e => e.Schema ?? "the default schema"))}).");
        }
        var extensions = objects.Extensions.Distinct().OrderBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray();
        var definedObjects = SchemaObjects.Defined(objects.Objects);
        foreach (var twice in objects.Domains.GroupBy(d => d.Name).Where(g => g.Distinct().Count() > 1))
        {
            throw new DiffMigrateException($"Domain {twice.Key} is declared twice, with different definitions.");
        }
        var domains = objects.Domains.Distinct().OrderBy(d => d.Name).ToEquatableArray();
        var schemas = tables.Select(t => t.Name.Schema).Concat(enums.Select(e => e.Name.Schema)).Concat(sequences.Select(s => s.Name.Schema))
            .Concat(extensions.Select(e => e.Schema)).Concat(domains.Select(d => d.Name.Schema)).Concat(definedObjects.Select(o => o.Name.Schema))
            .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToEquatableArray();
        return new DatabaseSchema(tables, drafts.SelectMany(d => d.Renames()).ToEquatableArray(), enums, sequences, schemas,
            objects.EnumRenames.Distinct().ToEquatableArray(), Extensions: extensions, Domains: domains, Objects: definedObjects);
    }
}
