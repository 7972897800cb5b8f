using DiffMigrate.Migrations;
using DiffMigrate.Schema;

namespace DiffMigrate.Diff;

internal sealed partial class SchemaDiffer
{
    /// <summary>
    /// Adds the operations on schemas, extensions, enums and sequences around the table operations: new schemas,
    /// extensions and sequences first, then enum value renames and additions, each new enum just before the first
    /// operation that uses it; after the tables, removed enum values, dropped enums, dropped sequences and, last,
    /// dropped extensions (what the tables used of them is gone by then). Schemas are never dropped.
    /// </summary>
    private List<MigrationOperation> WithSchemaObjects(DatabaseSchema from, DatabaseSchema to, List<MigrationOperation> tableOperations)
    {
        var dialect = options.Dialect;
        var before = new List<MigrationOperation>();
        var after = new List<MigrationOperation>();
        if (dialect.SupportsSchemas)
        {
            var existing = from.Schemas.Select(normalizer.SchemaName).OfType<string>().ToHashSet(StringComparer.Ordinal);
            before.AddRange(to.Schemas.Select(normalizer.SchemaName).OfType<string>().Distinct().Where(s => !existing.Contains(s)).Select(s => new CreateSchema(s)));
        }
        var dropped = DiffExtensions(from, to, before);
        if (dialect.SupportsSequences) DiffSequences(from, to, before, after);
        var (domainChanges, droppedDomains) = DiffDomains(from, to);
        // Domains before the tables that use them (and where an enum is their base type, after it: see Uses), dropped after them.
        tableOperations = [.. domainChanges, .. tableOperations, .. droppedDomains];
        var operations = new List<MigrationOperation>(before);
        if (dialect.SupportsEnumTypes)
        {
            var (created, changes, removals) = DiffEnums(from, to);
            operations.AddRange(changes);
            var tableOps = new List<MigrationOperation>(tableOperations);
            foreach (var create in created)
            {
                var first = tableOps.FindIndex(o => Uses(o, create.Enum.Name));
                tableOps.Insert(first < 0 ? 0 : first, create);
            }
            operations.AddRange(tableOps);
            operations.AddRange(removals);
        }
        else
        {
            operations.AddRange(tableOperations);
        }
        operations.AddRange(after);
        operations.AddRange(dropped);
        return operations;
    }

    /// <summary>New and moved extensions (into <paramref name="before"/>), and the dropped ones, returned to go last.</summary>
    private List<MigrationOperation> DiffExtensions(DatabaseSchema from, DatabaseSchema to, List<MigrationOperation> before)
    {
        if (!options.Dialect.SupportsExtensions)
        {
            if (to.Extensions.FirstOrDefault() is { } declared)
            {
                throw new DiffMigrateException($"The model declares extension {declared.Name}, but {options.Dialect.Name} has no extensions: remove it from the model for this database.");
            }
            return [];
        }
        Extension Normal(Extension e) => e with { Schema = normalizer.SchemaName(e.Schema) };
        var existing = from.Extensions.Select(Normal).ToDictionary(e => e.Name, StringComparer.Ordinal);
        var wanted = to.Extensions.Select(Normal).ToDictionary(e => e.Name, StringComparer.Ordinal);
        foreach (var (name, extension) in wanted.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!existing.TryGetValue(name, out var old)) before.Add(new CreateExtension(extension));
            else if (old != extension) before.Add(new AlterExtension(old, extension));
        }
        return [.. existing.Where(p => !wanted.ContainsKey(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new DropExtension(p.Value))];
    }

    /// <summary>
    /// New and changed domains (compared in the server's spelling where the canonicaliser gave it), and the dropped ones.
    /// A domain whose base type or collation changes is dropped and created again when no column of the database uses
    /// it; otherwise that is refused (PostgreSQL cannot change either in place).
    /// </summary>
    private (List<MigrationOperation> Changes, List<MigrationOperation> Dropped) DiffDomains(DatabaseSchema from, DatabaseSchema to)
    {
        var dialect = options.Dialect;
        if (!dialect.SupportsDomains)
        {
            if (to.Domains.FirstOrDefault() is { } declared)
            {
                throw new DiffMigrateException($"The model declares domain {declared.Name}, but {dialect.Name} has no domains: remove it from the model for this database.");
            }
            return ([], []);
        }
        Domain Normal(Domain d) => d with
        {
            Name = normalizer.Name(d.Name),
            BaseType = dialect.Types.Normalize(d.BaseType),
            Default = d.Default is null ? null : normalizer.Expression(d.Default),
            Checks = d.Checks.Select(c => c with { Sql = normalizer.Expression(c.Sql) }).OrderBy(c => c.Name, StringComparer.Ordinal).ToEquatableArray(),
            Collation = d.Collation?.ToUpperInvariant(),
        };
        var forms = (options.ModelServerForms?.Domains ?? default).ToDictionary(d => normalizer.Name(d.Name));
        var existing = from.Domains.ToDictionary(d => normalizer.Name(d.Name));
        var wanted = to.Domains.ToDictionary(d => normalizer.Name(d.Name));
        var changes = new List<MigrationOperation>();
        foreach (var (name, model) in wanted.OrderBy(p => p.Key))
        {
            if (!existing.TryGetValue(name, out var database))
            {
                changes.Add(new CreateDomain(model));
                continue;
            }
            var (before, after) = (Normal(database), Normal(forms.GetValueOrDefault(name) ?? model));
            if (before == after) continue;
            if (before.BaseType != after.BaseType || before.Collation != after.Collation)
            {
                var user = from.Tables.SelectMany(t => t.Columns.Where(c => UsesDomain(c.Type, name)).Select(c => $"{t.Name}.{c.Name}")).FirstOrDefault();
                if (user is not null)
                {
                    throw new DiffMigrateException($"Domain {database.Name} changes its base type or collation ({database.BaseType} -> {model.BaseType}), which PostgreSQL cannot do in place, and column {user} uses it: " +
                        "change the column to another type first, or write the revision by hand.");
                }
                changes.Add(new DropDomain(database));
                changes.Add(new CreateDomain(model));
                continue;
            }
            // What compares equal keeps the database's spelling, so that the ALTER touches only what changed.
            var checks = model.Checks.Select(c => database.Checks.FirstOrDefault(d => d.Name == c.Name && normalizer.Expression(d.Sql) == after.Checks.First(a => a.Name == c.Name).Sql) ?? c);
            changes.Add(new AlterDomain(database, model with
            {
                Name = database.Name,
                BaseType = database.BaseType,
                Collation = database.Collation,
                Default = before.Default == after.Default ? database.Default : model.Default,
                Checks = checks.OrderBy(c => c.Name, StringComparer.Ordinal).ToEquatableArray(),
            }));
        }
        var dropped = existing.Where(p => !wanted.ContainsKey(p.Key)).OrderBy(p => p.Key).Select(p => (MigrationOperation)new DropDomain(p.Value)).ToList();
        return (changes, dropped);
    }

    /// <summary>True when a column of type <paramref name="type"/> is of the domain <paramref name="name"/> (as compared).</summary>
    private bool UsesDomain(SqlType type, QualifiedName name) =>
        type.Kind == SqlTypeKind.Raw && type.Name is { Length: > 0 } && normalizer.Name(SqlNames.Parts(type.Name) is { Count: 2 } parts
            ? new QualifiedName(parts[0], parts[1]) : new QualifiedName(null, SqlNames.Parts(type.Name) is { Count: 1 } one ? one[0] : type.Name)) == name;

    private void DiffSequences(DatabaseSchema from, DatabaseSchema to, List<MigrationOperation> before, List<MigrationOperation> after)
    {
        var existing = from.Sequences.ToDictionary(s => normalizer.Name(s.Name));
        var wanted = to.Sequences.ToDictionary(s => normalizer.Name(s.Name));
        foreach (var (name, sequence) in wanted.OrderBy(p => p.Key))
        {
            if (!existing.TryGetValue(name, out var old)) before.Add(new CreateSequence(sequence));
            else if (old with { Name = name } != sequence with { Name = name }) before.Add(new AlterSequence(old, sequence with { Name = old.Name }));
        }
        after.AddRange(existing.Where(p => !wanted.ContainsKey(p.Key)).OrderBy(p => p.Key).Select(p => new DropSequence(p.Value)));
    }

    /// <summary>New enums; value renames and additions (before the tables); removed values, reorders and dropped enums (after).</summary>
    private (List<CreateEnum> Created, List<MigrationOperation> Changes, List<MigrationOperation> Removals) DiffEnums(DatabaseSchema from, DatabaseSchema to)
    {
        var existing = from.Enums.ToDictionary(e => normalizer.Name(e.Name));
        var wanted = to.Enums.ToDictionary(e => normalizer.Name(e.Name));
        var created = new List<CreateEnum>();
        var changes = new List<MigrationOperation>();
        var removals = new List<MigrationOperation>();
        foreach (var (name, model) in wanted.OrderBy(p => p.Key))
        {
            if (!existing.TryGetValue(name, out var database))
            {
                created.Add(new CreateEnum(model));
                continue;
            }
            var values = database.Values.ToList();
            foreach (var rename in to.EnumRenames.Where(r => normalizer.Name(r.Enum) == name))
            {
                var at = values.IndexOf(rename.OldValue);
                if (at < 0 || values.Contains(rename.NewValue) || !model.Values.Contains(rename.NewValue) || model.Values.Contains(rename.OldValue)) continue;
                changes.Add(new RenameEnumValue(database.Name, rename.OldValue, rename.NewValue));
                values[at] = rename.NewValue;
            }
            for (var i = 0; i < model.Values.Count; i++)
            {
                if (values.Contains(model.Values[i])) continue;
                // Place the value after its predecessor in the model (already present, as values go in model order).
                var previous = i == 0 ? -1 : values.IndexOf(model.Values[i - 1]);
                values.Insert(previous + 1, model.Values[i]);
                changes.Add(new AddEnumValue(database.Name, model.Values[i], [.. values]));
            }
            foreach (var value in values.Where(v => !model.Values.Contains(v)).ToList())
            {
                removals.Add(new DropEnumValue(database.Name, value, [.. values]));
                values.Remove(value);
            }
            // The same values in another order sort differently: the order is part of the type.
            if (!values.SequenceEqual(model.Values, StringComparer.Ordinal) && values.Count == model.Values.Count)
            {
                removals.Add(new ReorderEnumValues(database.Name, [.. values], model.Values));
            }
        }
        removals.AddRange(existing.Where(p => !wanted.ContainsKey(p.Key)).OrderBy(p => p.Key).Select(p => new DropEnum(p.Value)));
        return (created, changes, removals);
    }

    /// <summary>True when <paramref name="operation"/> needs the enum <paramref name="name"/> to exist.</summary>
    private bool Uses(MigrationOperation operation, QualifiedName name)
    {
        bool IsIt(Column column) => column.Type.Kind == SqlTypeKind.Enum && normalizer.Name(EnumType.NameOf(column.Type)) == normalizer.Name(name);
        return operation switch
        {
            CreateDomain o => IsIt(new Column("", o.Domain.BaseType)),
            CreateTable o => o.Table.Columns.Any(IsIt),
            AddColumn o => IsIt(o.Column),
            AlterColumn o => IsIt(o.Column),
            _ => false,
        };
    }
}
