using DiffMigrate.Migrations;
using DiffMigrate.Schema;

namespace DiffMigrate.Diff;

internal sealed partial class SchemaDiffer
{
    /// <summary>
    /// Applies the model's declared renames to the database side, so that the rest of the comparison sees the new
    /// names everywhere (constraints and foreign keys from other tables included). Renames are never guessed.
    /// </summary>
    private List<MigrationOperation> ApplyRenames(Dictionary<QualifiedName, TablePair> source, Dictionary<QualifiedName, TablePair> target,
        EquatableArray<RenameHint> hints, Dictionary<QualifiedName, List<MigrationOperation>> columnRenames)
    {
        var tableRenames = new List<MigrationOperation>();
        foreach (var hint in hints.Where(h => h.Column is null))
        {
            var newName = normalizer.Name(hint.Table);
            var oldName = newName with { Name = hint.OldName };
            if (!target.ContainsKey(newName) || source.ContainsKey(newName) || !source.Remove(oldName, out var renamed)) continue;
            tableRenames.Add(new RenameTable(renamed.Original.Name, newName.Name));
            source[newName] = new TablePair(
                renamed.Original with { Name = renamed.Original.Name with { Name = newName.Name } },
                renamed.Normalized with { Name = newName });
            RewriteReferences(source, oldName, fk => fk with { ReferredTable = fk.ReferredTable with { Name = newName.Name } });
        }
        foreach (var hint in hints.Where(h => h.Column is not null))
        {
            var table = normalizer.Name(hint.Table);
            var newColumn = hint.Column!;
            if (!source.TryGetValue(table, out var pair) || !target.TryGetValue(table, out var model)) continue;
            var old = pair.Original.Columns.FirstOrDefault(c => SameColumn(c.Name, hint.OldName));
            if (old is null || pair.Original.Columns.Any(c => SameColumn(c.Name, newColumn)) || !model.Original.Columns.Any(c => SameColumn(c.Name, newColumn))) continue;
            if (!columnRenames.TryGetValue(table, out var ops)) columnRenames[table] = ops = [];
            ops.Add(new RenameColumn(model.Original.Name, old.Name, newColumn));
            source[table] = new TablePair(RenameColumnIn(pair.Original, old.Name, newColumn), RenameColumnIn(pair.Normalized, old.Name, newColumn));
            RewriteReferences(source, table, fk => fk with { ReferredColumns = Rename(fk.ReferredColumns, old.Name, newColumn) });
        }
        return tableRenames;
    }

    /// <summary>Rewrites the foreign keys of every source table that refer to <paramref name="referred"/>.</summary>
    private static void RewriteReferences(Dictionary<QualifiedName, TablePair> source, QualifiedName referred, Func<ForeignKey, ForeignKey> rewrite)
    {
        foreach (var (name, pair) in source.ToList())
        {
            var refers = pair.Normalized.ForeignKeys.Select(f => f.ReferredTable == referred).ToList();
            if (!refers.Contains(true)) continue;
            source[name] = new TablePair(
                pair.Original with { ForeignKeys = pair.Original.ForeignKeys.Select((f, i) => refers[i] ? rewrite(f) : f).ToEquatableArray() },
                pair.Normalized with { ForeignKeys = pair.Normalized.ForeignKeys.Select((f, i) => refers[i] ? rewrite(f) : f).ToEquatableArray() });
        }
    }

    private static Table RenameColumnIn(Table table, string old, string @new) => table with
    {
        Columns = table.Columns.Select(c => Same(c.Name, old) ? c with { Name = @new } : c).ToEquatableArray(),
        PrimaryKey = table.PrimaryKey is { } pk ? pk with { Columns = Rename(pk.Columns, old, @new) } : null,
        ForeignKeys = table.ForeignKeys.Select(f => f with { Columns = Rename(f.Columns, old, @new) }).ToEquatableArray(),
        UniqueConstraints = table.UniqueConstraints.Select(u => u with { Columns = Rename(u.Columns, old, @new) }).ToEquatableArray(),
        Indexes = table.Indexes.Select(x => x with
        {
            Columns = x.Columns.Select((c, i) => i < x.Expressions.Count && x.Expressions[i] ? c : Same(c, old) ? @new : c).ToEquatableArray(),
        }).ToEquatableArray(),
    };

    private static EquatableArray<string> Rename(EquatableArray<string> columns, string old, string @new) =>
        columns.Select(c => Same(c, old) ? @new : c).ToEquatableArray();
}
