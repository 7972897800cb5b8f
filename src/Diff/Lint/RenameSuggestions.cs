using DiffMigrate.Dialects;
using DiffMigrate.Migrations;

namespace DiffMigrate.Diff.Lint;

/// <summary>A drop and an add that look like one rename; never applied, only suggested.</summary>
internal sealed record RenameSuggestion(QualifiedName Table, string? OldColumn, string? NewColumn, string OldTable)
{
    /// <summary>The sentence shown in <c>diff</c> and <c>revision</c> output.</summary>
    public override string ToString() => OldColumn is { } old
        ? $"did you rename {Table}.{old} -> {NewColumn}? Declare it with [RenamedFrom(\"{old}\")] on the property, or .RenamedFrom(\"{old}\") in the builder; as it stands, {old}'s values are dropped."
        : $"did you rename table {OldTable} -> {Table.Name}? Declare it with [RenamedFrom(\"{OldTable}\")] on the class, or .RenamedFrom(\"{OldTable}\") in the builder; as it stands, {OldTable}'s rows are dropped.";
}

/// <summary>
/// Finds undeclared renames: in one table, a dropped column and an added column of the same type, nullability and
/// default; or a dropped table and a created table with the same columns. Renames are declared, never guessed: this
/// only says what to declare.
/// </summary>
internal static class RenameSuggestions
{
    /// <summary>The suggestions for <paramref name="operations"/>.</summary>
    public static IReadOnlyList<RenameSuggestion> Find(IReadOnlyList<MigrationOperation> operations, Dialect dialect)
    {
        var flat = operations.SelectMany(o => o is BatchAlterTable b ? b.Operations.AsEnumerable() : [o]).ToList();
        var suggestions = new List<RenameSuggestion>();
        Column Shape(Column c) => c with { Name = "", Type = dialect.Types.Normalize(c.Type), Comment = null };
        foreach (var dropped in flat.OfType<DropColumn>())
        {
            var added = flat.OfType<AddColumn>().FirstOrDefault(a => a.Table == dropped.Table && Shape(a.Column) == Shape(dropped.Column));
            if (added is not null) suggestions.Add(new RenameSuggestion(dropped.Table, dropped.Column.Name, added.Column.Name, dropped.Table.Name));
        }
        foreach (var dropped in flat.OfType<DropTable>())
        {
            var shape = dropped.Table.Columns.Select(Shape).ToList();
            var created = flat.OfType<CreateTable>().FirstOrDefault(c =>
                c.Table.Name.Schema == dropped.Table.Name.Schema && c.Table.Columns.Select(Shape).SequenceEqual(shape)
                && c.Table.Columns.Select(x => x.Name).SequenceEqual(dropped.Table.Columns.Select(x => x.Name)));
            if (created is not null) suggestions.Add(new RenameSuggestion(created.Table.Name, null, null, dropped.Table.Name.Name));
        }
        return suggestions;
    }
}
