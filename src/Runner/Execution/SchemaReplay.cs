using System.Text.RegularExpressions;
using DiffMigrate.Migrations;
using DiffMigrate.Runner.Revisions;
using DiffMigrate.Schema;

namespace DiffMigrate.Runner.Execution;

/// <summary>
/// The schema as the revisions left it, worked out from their operations alone, with no database: what an offline
/// script knows of a table it must rebuild, and (<see cref="FromRevisions"/>) the whole schema that
/// <c>--from-migrations</c> compares the model with. Run by itself, an object the replay does not know (created by
/// <c>op.Execute</c> or before the first revision) stays unknown; <see cref="FromRevisions"/> refuses instead.
/// </summary>
internal sealed partial class SchemaReplay
{
    private readonly Dictionary<QualifiedName, Table> tables = [];
    private readonly Dictionary<QualifiedName, EnumType> enums = [];
    private readonly Dictionary<QualifiedName, Sequence> sequences = [];
    private readonly Dictionary<QualifiedName, Domain> domains = [];
    private readonly Dictionary<string, Extension> extensions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DefinedObject> objects = new(StringComparer.Ordinal);
    private readonly List<string> schemas = [];

    // Set while FromRevisions replays a step: then SQL that may change the schema, and an edit of a table the
    // replay does not know, are refused naming the step, since the replayed schema would be wrong.
    private MigrationStep? strictStep;

    public Table? Find(QualifiedName name) => tables.GetValueOrDefault(name);

    /// <summary>Everything replayed so far, as a schema the differ compares (tables and objects ordered by name).</summary>
    public DatabaseSchema Schema => new(
        tables.Values.OrderBy(t => t.Name).ToEquatableArray(),
        Enums: enums.Values.OrderBy(e => e.Name).ToEquatableArray(),
        Sequences: sequences.Values.OrderBy(s => s.Name).ToEquatableArray(),
        Schemas: schemas.Order(StringComparer.Ordinal).ToEquatableArray(),
        Extensions: extensions.Values.OrderBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray(),
        Domains: domains.Values.OrderBy(d => d.Name).ToEquatableArray(),
        Objects: objects.Values.OrderBy(o => o.Key, StringComparer.Ordinal).ToEquatableArray());

    /// <summary>
    /// The schema the revisions up to <paramref name="heads"/> build from base, replayed in memory. A raw statement
    /// that may change the schema and declares nothing, or an edit of a table no revision created, is an error
    /// naming the revision.
    /// </summary>
    public static DatabaseSchema FromRevisions(RevisionSet revisions, IReadOnlyList<string> heads)
    {
        var steps = heads.Count == 0 ? [] : revisions.Graph.PlanUpgrade([], heads);
        var migrations = revisions.Load([.. steps.Select(s => s.Revision.Id).Distinct(StringComparer.Ordinal)]);
        var replay = new SchemaReplay();
        foreach (var step in steps)
        {
            replay.strictStep = step;
            foreach (var operation in Migrator.Record(migrations[step.Revision.Id], step)) replay.Apply(operation);
        }
        return replay.Schema;
    }

    public void Apply(MigrationOperation operation)
    {
        switch (operation)
        {
            case CreateTable o: tables[o.Table.Name] = o.Table; break;
            case DropTable o:
                tables.Remove(o.Table.Name);
                // The database drops a table's triggers with it.
                RemoveObjects(x => x.Kind == DefinedObjectKind.Trigger && x.Table == o.Table.Name);
                break;
            case RenameTable o when tables.Remove(o.Table, out var renamed):
                var name = o.Table with { Name = o.NewName };
                tables[name] = renamed with { Name = name };
                RenameReferences(o.Table, name);
                break;
            case BatchAlterTable o when Find(o.Table) is { } table: tables[o.Table] = Edited(table, o.Operations); break;
            case BatchAlterTable o: Unknown(o); tables.Remove(o.Table); break;
            case CreateIndex or DropIndex when Find(((TableEdit)operation).Table) is null && IndexOfView((TableEdit)operation): break;
            case TableEdit o when Find(o.Table) is { } before: tables[o.Table] = Edited(before, [o]); break;
            case RenameTable or TableEdit: Unknown((TableOperation)operation); break;
            // Rows leave the schema as it is.
            case BulkInsert: break;
            case ExecuteSql o: Execute(o); break;
            case SchemaObjectOperation o: ApplyObject(o); break;
            // A new operation must say here what it does to the schema (DispatchCompletenessTests checks each one).
            default: throw new NotSupportedException($"SchemaReplay does not know what {operation.GetType().Name} does to a table.");
        }
    }

    private void ApplyObject(SchemaObjectOperation operation)
    {
        switch (operation)
        {
            case CreateSchema o:
                if (!schemas.Contains(o.Name, StringComparer.Ordinal)) schemas.Add(o.Name);
                break;
            case DropSchema o: schemas.Remove(o.Name); break;
            case CreateEnum o: enums[o.Enum.Name] = o.Enum; break;
            case DropEnum o: enums.Remove(o.Enum.Name); break;
            case AddEnumValue o: SetEnumValues(o.Enum, o.Values); break;
            case DropEnumValue o: SetEnumValues(o.Enum, o.Values.Where(v => v != o.Value).ToEquatableArray()); break;
            case ReorderEnumValues o: SetEnumValues(o.Enum, o.Values); break;
            case RenameEnumValue o when enums.GetValueOrDefault(o.Enum) is { } renamed:
                SetEnumValues(o.Enum, renamed.Values.Select(v => v == o.OldValue ? o.NewValue : v).ToEquatableArray());
                break;
            case RenameEnumValue: break;
            case CreateExtension o: extensions[o.Extension.Name] = o.Extension; break;
            case DropExtension o: extensions.Remove(o.Extension.Name); break;
            case AlterExtension o: extensions[o.Extension.Name] = o.Extension; break;
            case CreateSequence o: sequences[o.Sequence.Name] = o.Sequence; break;
            case DropSequence o: sequences.Remove(o.Sequence.Name); break;
            case AlterSequence o: sequences.Remove(o.Existing.Name); sequences[o.Sequence.Name] = o.Sequence; break;
            case CreateDomain o: domains[o.Domain.Name] = o.Domain; break;
            case DropDomain o: domains.Remove(o.Domain.Name); break;
            case AlterDomain o: domains.Remove(o.Existing.Name); domains[o.Domain.Name] = o.Domain; break;
            case CreateObject o: objects[o.Object.Key] = o.Object; break;
            case DropObject o: objects.Remove(o.Object.Key); break;
            case ReplaceObject o: objects.Remove(o.Existing.Key); objects[o.Object.Key] = o.Object; break;
            default: throw new NotSupportedException($"SchemaReplay does not know what {operation.GetType().Name} does to the schema.");
        }
    }

    /// <summary>
    /// SQL as written: its declared changes when the revision gives them; else nothing when every statement only
    /// touches rows. Anything else is unknown to the replay: ignored for an offline script, refused by <see cref="FromRevisions"/>.
    /// </summary>
    private void Execute(ExecuteSql operation)
    {
        if (operation.Changes is { } declared)
        {
            foreach (var change in declared) Apply(change);
            return;
        }
        if (strictStep is not { } step || RawSql.FirstSchemaStatement(operation.Sql) is not { } statement) return;
        throw new DiffMigrateException(
            $"{Migrator.Where(step)}: op.Execute(\"{RawSql.Start(statement)}\") may change the schema, and the in-memory replay cannot tell how: " +
            "declare it with op.Execute(sql, downSql, changes: [the equivalent operations]) (changes: [] when it changes no schema), or compare with a scratch database instead (without --offline).");
    }

    private void Unknown(TableOperation operation)
    {
        if (strictStep is not { } step) return;
        throw new DiffMigrateException(
            $"{Migrator.Where(step)}: {operation.GetType().Name} on {operation.Table}: no earlier revision creates that table, so the in-memory replay cannot follow it (was it created by op.Execute without declaring it?).");
    }

    private Table Edited(Table table, IEnumerable<MigrationOperation> operations)
    {
        var edited = TableEditor.ApplyAll(table, operations);
        // A column renamed in a table that others refer to: the database follows the rename in their foreign keys.
        foreach (var rename in operations.OfType<RenameColumn>()) RenameReferredColumn(table.Name, rename.OldName, rename.NewName);
        return edited;
    }

    /// <summary>An index on a materialized view: kept with the view's definition.</summary>
    private bool IndexOfView(TableEdit edit)
    {
        var key = $"relation {edit.Table}";
        if (objects.GetValueOrDefault(key) is not { Kind: DefinedObjectKind.MaterializedView } view) return false;
        objects[key] = edit switch
        {
            CreateIndex c => view with { Indexes = [.. view.Indexes, c.Index] },
            DropIndex d => view with { Indexes = view.Indexes.Where(i => i.Name != d.Index.Name).ToEquatableArray() },
            _ => view,
        };
        return true;
    }

    private void SetEnumValues(QualifiedName name, EquatableArray<string> values)
    {
        if (enums.GetValueOrDefault(name) is { } existing) enums[name] = existing with { Values = values };
        // Columns of the type carry its values.
        var typeName = name.ToString();
        foreach (var table in tables.Values.ToList())
        {
            if (!table.Columns.Any(c => c.Type is { Kind: SqlTypeKind.Enum } t && t.Name == typeName)) continue;
            tables[table.Name] = table with
            {
                Columns = table.Columns.Select(c => c.Type is { Kind: SqlTypeKind.Enum } t && t.Name == typeName ? c with { Type = t with { Values = values } } : c).ToEquatableArray(),
            };
        }
    }

    // The database keeps foreign keys and triggers pointing at a renamed table.
    private void RenameReferences(QualifiedName old, QualifiedName @new)
    {
        foreach (var table in tables.Values.ToList())
        {
            if (!table.ForeignKeys.Any(f => f.ReferredTable == old)) continue;
            tables[table.Name] = table with
            {
                ForeignKeys = table.ForeignKeys.Select(f => f.ReferredTable == old ? f with { ReferredTable = @new } : f).ToEquatableArray(),
            };
        }
        foreach (var trigger in objects.Values.Where(x => x.Kind == DefinedObjectKind.Trigger && x.Table == old).ToList())
        {
            objects.Remove(trigger.Key);
            var moved = trigger with { Table = @new, Definition = TriggerOn(trigger.Definition, old.Name, @new.Name) };
            objects[moved.Key] = moved;
        }
    }

    /// <summary>
    /// A trigger's CREATE statement with the table after its first <c>ON</c> renamed, as the database prints it after
    /// the rename (the name bare or double-quoted, as it was written; a schema before it stays).
    /// </summary>
    private static string TriggerOn(string definition, string old, string @new) =>
        new Regex(
            $"""(?<on>\bON\s+(?:(?:"[^"]*"|\w+)\.)?)(?:"{Regex.Escape(old.Replace("\"", "\"\"", StringComparison.Ordinal))}"|{Regex.Escape(old)}\b)""",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
        .Replace(definition, m => m.Groups["on"].Value + (m.Value.EndsWith('"') ? "\"" + @new.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : @new), 1);

    private void RenameReferredColumn(QualifiedName table, string old, string @new)
    {
        foreach (var other in tables.Values.ToList())
        {
            if (!other.ForeignKeys.Any(f => f.ReferredTable == table && f.ReferredColumns.Contains(old))) continue;
            tables[other.Name] = other with
            {
                ForeignKeys = other.ForeignKeys.Select(f => f.ReferredTable == table
                    ? f with { ReferredColumns = f.ReferredColumns.Select(c => c == old ? @new : c).ToEquatableArray() }
                    : f).ToEquatableArray(),
            };
        }
    }

    private void RemoveObjects(Func<DefinedObject, bool> which)
    {
        foreach (var key in objects.Where(p => which(p.Value)).Select(p => p.Key).ToList()) objects.Remove(key);
    }
}
