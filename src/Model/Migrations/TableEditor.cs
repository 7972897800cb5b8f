using System.Text.RegularExpressions;
using DiffMigrate.Schema;

namespace DiffMigrate.Migrations;

/// <summary>
/// Applies table-level operations to a table definition, without a database: what a batch rebuild creates, and
/// where each of its columns' data comes from.
/// </summary>
internal static class TableEditor
{
    /// <summary>True for the table-level operations a batch can hold and this editor applies: every <see cref="TableEdit"/>.</summary>
    public static bool Applies(MigrationOperation operation) => operation is TableEdit;

    /// <summary><paramref name="table"/> after <paramref name="operations"/>.</summary>
    public static Table ApplyAll(Table table, IEnumerable<MigrationOperation> operations) => Edit(table, operations).Table;

    /// <summary>
    /// <paramref name="table"/> after <paramref name="operations"/>, and for each column of the result the column of
    /// <paramref name="table"/> its data comes from (absent for new columns).
    /// </summary>
    public static (Table Table, IReadOnlyDictionary<string, string> SourceOf) Edit(Table table, IEnumerable<MigrationOperation> operations)
    {
        var sourceOf = table.Columns.ToDictionary(c => c.Name, c => c.Name, StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            table = Apply(table, operation, sourceOf);
        }
        return (table, sourceOf);
    }

    private static Table Apply(Table table, MigrationOperation operation, Dictionary<string, string> sourceOf) => operation switch
    {
        AddColumn o => table with { Columns = Insert(table, o) },
        DropColumn o => WithoutColumn(table, Existing(table, o.Column.Name, o), sourceOf),
        AlterColumn o => table with { Columns = table.Columns.Select(c => c.Name == Existing(table, o.Existing.Name, o) ? o.Column with { Name = c.Name } : c).ToEquatableArray() },
        RenameColumn o => Rename(table, Existing(table, o.OldName, o), o.NewName, sourceOf),
        CreateIndex o => table with { Indexes = [.. table.Indexes, o.Index] },
        DropIndex o => table with { Indexes = table.Indexes.Where(i => i.Name != o.Index.Name).ToEquatableArray() },
        AddPrimaryKey o => table with { PrimaryKey = o.PrimaryKey },
        DropPrimaryKey => table with { PrimaryKey = null },
        AddForeignKey o => table with { ForeignKeys = [.. table.ForeignKeys, o.ForeignKey] },
        DropForeignKey o => table with { ForeignKeys = Remove(table.ForeignKeys, o.ForeignKey, o.ForeignKey.Name, (a, b) => a with { Name = null } == b with { Name = null }) },
        AddUniqueConstraint o => table with { UniqueConstraints = [.. table.UniqueConstraints, o.Constraint] },
        DropUniqueConstraint o => table with { UniqueConstraints = Remove(table.UniqueConstraints, o.Constraint, o.Constraint.Name, (a, b) => a.Columns == b.Columns) },
        AddCheckConstraint o => table with { CheckConstraints = [.. table.CheckConstraints, o.Constraint] },
        DropCheckConstraint o => table with { CheckConstraints = Remove(table.CheckConstraints, o.Constraint, o.Constraint.Name, (a, b) => a.Sql == b.Sql) },
        AddExclusionConstraint o => table with { ExclusionConstraints = [.. table.ExclusionConstraints, o.Constraint] },
        DropExclusionConstraint o => table with { ExclusionConstraints = Remove(table.ExclusionConstraints, o.Constraint, o.Constraint.Name, (a, b) => a.Definition == b.Definition) },
        ValidateConstraint { Undo: true } => table,
        ValidateConstraint o => Validated(table, o.Name),
        AlterTableComment o => table with { Comment = o.Comment },
        AlterTableOptions o => table with { Strict = o.Options.Strict, WithoutRowid = o.Options.WithoutRowid },
        // Every TableEdit has a case above (TableEditorCompletenessTests checks each); anything else is not a table edit.
        _ => throw new DiffMigrateException($"BatchAlterTable on {table.Name}: {operation.GetType().Name} cannot be part of a batch."),
    };

    /// <summary>The table with its foreign key or check <paramref name="name"/> marked valid.</summary>
    private static Table Validated(Table table, string name)
    {
        if (!table.ForeignKeys.Any(f => f.Name == name) && !table.CheckConstraints.Any(c => c.Name == name))
        {
            throw new DiffMigrateException($"ValidateConstraint on {table.Name}: the table has no foreign key or check constraint '{name}'.");
        }
        return table with
        {
            ForeignKeys = table.ForeignKeys.Select(f => f.Name == name ? f with { NotValid = false } : f).ToEquatableArray(),
            CheckConstraints = table.CheckConstraints.Select(c => c.Name == name ? c with { NotValid = false } : c).ToEquatableArray(),
        };
    }

    private static string Existing(Table table, string name, MigrationOperation operation) =>
        table.FindColumn(name)?.Name ?? throw new DiffMigrateException($"{operation.GetType().Name} on {table.Name}: the table has no column '{name}'.");

    private static EquatableArray<Column> Insert(Table table, AddColumn add)
    {
        if (table.FindColumn(add.Column.Name) is not null) throw new DiffMigrateException($"AddColumn on {table.Name}: the table already has a column '{add.Column.Name}'.");
        var columns = table.Columns.ToList();
        var at = add.Before is { } before ? columns.FindIndex(c => c.Name == Existing(table, before, add))
            : add.After is { } after ? columns.FindIndex(c => c.Name == Existing(table, after, add)) + 1
            : columns.Count;
        columns.Insert(at, add.Column);
        return columns.ToEquatableArray();
    }

    /// <summary>Drops the column and what is built on it alone (its indexes, unique and foreign keys); a CHECK that names it must be dropped explicitly.</summary>
    private static Table WithoutColumn(Table table, string name, Dictionary<string, string> sourceOf)
    {
        sourceOf.Remove(name);
        bool Uses(IEnumerable<string> columns) => columns.Contains(name, StringComparer.Ordinal);
        return table with
        {
            Columns = table.Columns.Where(c => c.Name != name).ToEquatableArray(),
            PrimaryKey = table.PrimaryKey is { } pk && Uses(pk.Columns) ? null : table.PrimaryKey,
            ForeignKeys = table.ForeignKeys.Where(f => !Uses(f.Columns)).ToEquatableArray(),
            UniqueConstraints = table.UniqueConstraints.Where(u => !Uses(u.Columns)).ToEquatableArray(),
            Indexes = table.Indexes.Where(i => !Uses(i.Columns.Where((_, k) => !i.IsExpression(k)).Concat(i.Include))).ToEquatableArray(),
        };
    }

    private static Table Rename(Table table, string old, string @new, Dictionary<string, string> sourceOf)
    {
        if (sourceOf.Remove(old, out var source)) sourceOf[@new] = source;
        EquatableArray<string> Names(EquatableArray<string> columns) => columns.Select(c => c == old ? @new : c).ToEquatableArray();
        string Sql(string sql) => Identifier(old).Replace(sql, m =>
            m.Groups["literal"].Success ? m.Value : m.Value.StartsWith('"') ? "\"" + @new.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : @new);
        return table with
        {
            Columns = table.Columns.Select(c => c.Name == old ? c with { Name = @new } : c with { Computed = c.Computed is null ? null : Sql(c.Computed) }).ToEquatableArray(),
            PrimaryKey = table.PrimaryKey is { } pk ? pk with { Columns = Names(pk.Columns) } : null,
            ForeignKeys = table.ForeignKeys.Select(f => f with { Columns = Names(f.Columns) }).ToEquatableArray(),
            UniqueConstraints = table.UniqueConstraints.Select(u => u with { Columns = Names(u.Columns) }).ToEquatableArray(),
            CheckConstraints = table.CheckConstraints.Select(c => c with { Sql = Sql(c.Sql) }).ToEquatableArray(),
            Indexes = table.Indexes.Select(i => i with
            {
                Columns = i.Columns.Select((c, k) => i.IsExpression(k) ? Sql(c) : c == old ? @new : c).ToEquatableArray(),
                Include = Names(i.Include),
                Filter = i.Filter is null ? null : Sql(i.Filter),
            }).ToEquatableArray(),
        };
    }

    /// <summary>The identifier <paramref name="name"/>, bare or double-quoted, outside string literals.</summary>
    private static Regex Identifier(string name) => new(
        $"""(?<literal>'(?:[^']|'')*')|"{Regex.Escape(name.Replace("\"", "\"\"", StringComparison.Ordinal))}"|(?<![\w"]){Regex.Escape(name)}(?![\w"])""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static EquatableArray<T> Remove<T>(EquatableArray<T> items, T item, string? name, Func<T, T, bool> same) where T : TableElement
    {
        var list = items.ToList();
        var at = name is not null ? list.FindIndex(i => NameOf(i) == name) : -1;
        if (at < 0) at = list.FindIndex(i => same(i, item));
        if (at >= 0) list.RemoveAt(at);
        return list.ToEquatableArray();
    }

    private static string? NameOf(TableElement element) => element switch
    {
        ForeignKey f => f.Name,
        UniqueConstraint u => u.Name,
        CheckConstraint c => c.Name,
        ExclusionConstraint x => x.Name,
        _ => null,
    };
}
