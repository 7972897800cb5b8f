using System.Text.RegularExpressions;
using DiffMigrate.Migrations;
using DiffMigrate.Schema;

namespace DiffMigrate.Diff;

internal sealed partial class SchemaDiffer
{
    /// <summary>
    /// Adds the operations on views, materialized views, routines and triggers around the table operations.
    /// Before them: triggers and views that go (dropped, changed, or on a table the operations rebuild or change under
    /// them), dependents first; then new and changed routines that no new table is needed for. After them: routines
    /// that need a new table, the views (dependencies first) and the triggers to create, and last the routines that go.
    /// A view or trigger that changes is dropped and created again (what depends on a view goes and comes back with
    /// it); a routine is replaced in place.
    /// </summary>
    private List<MigrationOperation> WithDefinedObjects(DatabaseSchema from, DatabaseSchema to, List<MigrationOperation> tableOperations)
    {
        if (from.Objects.IsEmpty && to.Objects.IsEmpty) return tableOperations;
        // An object the inspector saw but could not read (listed as not managed: MariaDB's views and routines, an
        // encrypted SQL Server module, a PostgreSQL view with a column list) is there: the model's object of that kind
        // and name is not created again (the server would refuse it as existing), and its definition is not compared.
        var unread = from.Unmanaged.Select(u => UnreadKey(u.Kind, u.Name, u.Table)).ToHashSet(StringComparer.Ordinal);
        if (unread.Count > 0)
        {
            var existingKeys = from.Objects.Select(KeyOf).ToHashSet(StringComparer.Ordinal);
            to = to with { Objects = to.Objects.Where(o => existingKeys.Contains(KeyOf(o)) || !unread.Contains(UnreadKey(o.KindWord, o.Name, o.Table?.Name))).ToEquatableArray() };
        }
        // The model's objects as the server stores them (where it could create them): compared, and written so.
        to = WithServerForms(to);
        var dialect = options.Dialect;
        if (to.Objects.FirstOrDefault(o => !dialect.SupportsObject(o.Kind)) is { } unsupported)
        {
            throw new DiffMigrateException($"The model declares {unsupported}, but {dialect.Name} has no {(unsupported.Kind == DefinedObjectKind.MaterializedView ? "materialized view" : unsupported.KindWord)}s: remove it from the model for this database.");
        }
        var existing = from.Objects.Where(o => dialect.SupportsObject(o.Kind)).ToDictionary(KeyOf, StringComparer.Ordinal);
        var wanted = to.Objects.ToDictionary(KeyOf, StringComparer.Ordinal);
        var touched = TouchedTables(from, tableOperations);
        var newTables = tableOperations.OfType<CreateTable>().Select(c => normalizer.Name(c.Table.Name)).ToHashSet();

        // What goes: gone from the model, changed, or standing on a table that changes under it. What an existing object
        // uses is asked once (it scans the definition for every table's name).
        var usesOf = new Dictionary<string, IReadOnlyCollection<QualifiedName>>(StringComparer.Ordinal);
        IReadOnlyCollection<QualifiedName> UsesOf(string key, DefinedObject item) =>
            usesOf.TryGetValue(key, out var names) ? names : usesOf[key] = Uses(from, item).ToList();
        var goes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, old) in existing)
        {
            var model = wanted.GetValueOrDefault(key);
            if (model is null || model.Kind != old.Kind || (!old.IsRoutine && !SameDefinition(old, model))
                || (old.IsRoutine && !SameDefinition(old, model) && !InPlace(old, model))
                || (old.Kind == DefinedObjectKind.Trigger && touched.Rebuilt.Contains(normalizer.Name(old.Table!)))
                || (old.IsRelation && touched.Changed.Count > 0 && UsesOf(key, old).Any(touched.Changed.Contains)))
            {
                goes.Add(key);
            }
        }
        // A view that uses one that goes goes with it; a trigger that uses a routine that goes, too.
        for (var grew = goes.Count > 0; grew;)
        {
            grew = false;
            // Routines that go for good are dropped last, after what uses them: only those created again count here.
            var gone = existing.Where(e => goes.Contains(e.Key) && (!e.Value.IsRoutine || wanted.ContainsKey(e.Key)))
                .Select(e => normalizer.Name(e.Value.Name)).ToHashSet();
            foreach (var (key, old) in existing)
            {
                if (goes.Contains(key) || old.IsRoutine) continue;
                if (UsesOf(key, old).Any(gone.Contains)) grew |= goes.Add(key);
            }
        }

        var early = new List<MigrationOperation>();
        var routinesBefore = new List<MigrationOperation>();
        var routinesAfter = new List<MigrationOperation>();
        var late = new List<MigrationOperation>();
        var routinesGone = new List<MigrationOperation>();
        var dropping = existing.Where(e => goes.Contains(e.Key)).Select(e => e.Value).ToList();
        early.AddRange(dropping.Where(o => o.Kind == DefinedObjectKind.Trigger).OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => new DropObject(o)));
        early.AddRange(Enumerable.Reverse(InDependencyOrder(from, dropping.Where(o => o.IsRelation))).Select(o => new DropObject(o)));
        // A routine that comes back as another kind (a function made a procedure) must be gone before it is created.
        early.AddRange(dropping.Where(o => o.IsRoutine && wanted.ContainsKey(KeyOf(o))).Select(o => new DropObject(o)));
        routinesGone.AddRange(dropping.Where(o => o.IsRoutine && !wanted.ContainsKey(KeyOf(o))).Select(o => new DropObject(o)));

        foreach (var (key, model) in wanted.Where(w => w.Value.IsRoutine).OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            var target = Uses(to, model).Any(newTables.Contains) ? routinesAfter : routinesBefore;
            if (!existing.TryGetValue(key, out var old) || goes.Contains(key)) target.Add(new CreateObject(model));
            else if (!SameDefinition(old, model)) target.Add(new ReplaceObject(old, model));
        }
        var creating = wanted.Where(w => !w.Value.IsRoutine && (!existing.ContainsKey(w.Key) || goes.Contains(w.Key))).Select(w => w.Value).ToList();
        late.AddRange(InDependencyOrder(to, creating.Where(o => o.IsRelation)).Select(o => new CreateObject(o)));
        late.AddRange(creating.Where(o => o.Kind == DefinedObjectKind.Trigger).OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => new CreateObject(o)));

        return [.. early, .. routinesBefore, .. tableOperations, .. routinesAfter, .. late, .. routinesGone];
    }

    private string UnreadKey(string kindWord, QualifiedName name, string? table)
    {
        var key = $"{kindWord} {normalizer.Name(name)} {(kindWord == DefinedObject.KindWordOf(DefinedObjectKind.Trigger) ? table : null)}";
        return options.Dialect.CaseSensitiveNames ? key : key.ToLowerInvariant();
    }

    private string KeyOf(DefinedObject item)
    {
        var normal = item with { Name = normalizer.Name(item.Name), Table = item.Table is { } t ? normalizer.Name(t) : null };
        if (normal.IsRoutine && options.Dialect.RoutinesKeyedByName) normal = normal with { Arguments = "" };
        return options.Dialect.CaseSensitiveNames ? normal.Key : normal.Key.ToLowerInvariant();
    }

    private bool SameDefinition(DefinedObject existing, DefinedObject model)
    {
        var rules = options.Dialect.Expressions;
        if (existing.Kind != model.Kind
            || rules.CanonicalDefinition(existing.Kind, existing.Definition) != rules.CanonicalDefinition(model.Kind, model.Definition))
        {
            return false;
        }
        if (existing.Indexes.IsEmpty && model.Indexes.IsEmpty) return true;
        // A materialized view's indexes compare as a table's do.
        Table AsTable(DefinedObject o) => normalizer.Table(new Table(o.Name, default, Indexes: o.Indexes));
        return AsTable(existing).Indexes.OrderBy(i => i.Name, StringComparer.Ordinal).SequenceEqual(AsTable(model).Indexes.OrderBy(i => i.Name, StringComparer.Ordinal));
    }

    /// <summary>
    /// The tables (and views) <paramref name="item"/> uses: what the database recorded, and any table or view of
    /// <paramref name="schema"/> whose name its definition mentions as a word. Mentions can only add dependencies, so
    /// at worst an unchanged view is dropped and created again with its table.
    /// </summary>
    private IEnumerable<QualifiedName> Uses(DatabaseSchema schema, DefinedObject item)
    {
        var names = new HashSet<QualifiedName>(item.DependsOn.Select(normalizer.Name));
        if (item.Table is { } table) names.Add(normalizer.Name(table));
        var candidates = schema.Tables.Select(t => t.Name).Concat(schema.Objects.Where(o => o.IsRelation && o != item).Select(o => o.Name));
        foreach (var name in candidates)
        {
            if (Mentions(item.Definition, name.Name)) names.Add(normalizer.Name(name));
        }
        return names;
    }

    private static bool Mentions(string sql, string name) =>
        sql.Contains(name, StringComparison.OrdinalIgnoreCase)
        && Regex.IsMatch(sql, $@"(?<!\w){Regex.Escape(name)}(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary><paramref name="items"/> with every view after the views it uses (by name order otherwise).</summary>
    private List<DefinedObject> InDependencyOrder(DatabaseSchema schema, IEnumerable<DefinedObject> items)
    {
        var pending = items.OrderBy(o => o.Name).ToList();
        var names = pending.Select(o => normalizer.Name(o.Name)).ToHashSet();
        var done = new HashSet<QualifiedName>();
        var ordered = new List<DefinedObject>();
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(o => Uses(schema, o).All(n => !names.Contains(n) || done.Contains(n) || n == normalizer.Name(o.Name)))
                ?? pending[0]; // a cycle (only mentions can make one): keep name order
            pending.Remove(ready);
            done.Add(normalizer.Name(ready.Name));
            ordered.Add(ready);
        }
        return ordered;
    }

    /// <summary>
    /// The tables the operations change under a view (dropped, renamed, a column dropped, renamed, or changed in place
    /// in type, collation or generation), and those they rebuild (which loses its triggers).
    /// </summary>
    private (HashSet<QualifiedName> Changed, HashSet<QualifiedName> Rebuilt) TouchedTables(DatabaseSchema from, List<MigrationOperation> operations)
    {
        var changed = new HashSet<QualifiedName>();
        var rebuilt = new HashSet<QualifiedName>();
        var rule = options.Dialect.RebuildRule;
        foreach (var operation in operations)
        {
            if (operation.TableName is not { } name) continue;
            var table = normalizer.Name(name);
            if (rule is not null && operation is not CreateTable && !rule.InPlace(operation, from.FindTable(name))) rebuilt.Add(table);
            // A rebuild keeps the views over its table (they name it, and it has that name again); a column changed in
            // place does not where the database checks its views first (PostgreSQL refuses).
            if (operation is DropTable or RenameTable or DropColumn or RenameColumn
                || operation is AlterColumn a && options.Dialect.SupportsAlterColumn
                    && (a.Existing.Type != a.Column.Type || a.Existing.Collation != a.Column.Collation || a.Existing.Computed != a.Column.Computed))
            {
                changed.Add(table);
            }
        }
        return (changed, rebuilt);
    }
}
