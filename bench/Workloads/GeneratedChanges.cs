using DiffMigrate.Schema;

namespace DiffMigrate.Workloads;

/// <summary>
/// Deterministic alterations of a <see cref="GeneratedSchema"/>, of the kinds SQLite cannot ALTER in place (types,
/// nullability, defaults, checks, unique constraints) mixed with those it can (added columns and indexes, dropped
/// columns): what a team does to a schema over a few months.
/// </summary>
public static class GeneratedChanges
{
    private const int Kinds = 9;

    /// <summary><paramref name="schema"/> with <paramref name="count"/> changes, and a line describing each.</summary>
    public static (DatabaseSchema Schema, IReadOnlyList<string> Changes) Apply(DatabaseSchema schema, int count, int seed = 7)
    {
        var random = new Random(seed);
        var tables = schema.Tables.ToList();
        var changes = new List<string>();
        while (changes.Count < count)
        {
            var i = random.Next(tables.Count);
            var kind = random.Next(Kinds);
            for (var attempt = 0; attempt < Kinds; attempt++, kind = (kind + 1) % Kinds)
            {
                if (Change(tables[i], kind, changes.Count) is not { } changed) continue;
                tables[i] = changed.Table;
                changes.Add($"{tables[i].Name}: {changed.What}");
                break;
            }
        }
        return (schema with { Tables = tables.ToEquatableArray() }, changes);
    }

    private static (Table Table, string What)? Change(Table table, int kind, int n)
    {
        var name = table.Name.Name;
        Table WithColumn(string column, Func<Column, Column> change) =>
            table with { Columns = table.Columns.Select(c => c.Name == column ? change(c) : c).ToEquatableArray() };
        return kind switch
        {
            0 when table.FindColumn("name") is { Type.Length: { } length } => (WithColumn("name", c => c with { Type = SqlType.String(length + 10) }), "name longer"),
            1 when table.FindColumn("description") is { } d => (WithColumn("description", c => c with { Nullable = !d.Nullable, Default = d.Nullable ? "''" : null }), "description nullability"),
            2 when table.FindColumn("amount") is { } a => (WithColumn("amount", c => c with { Default = a.Default == "0" ? "1" : "0" }), "amount default"),
            3 when !table.CheckConstraints.Any(c => c.Name == $"ck_{name}_name_len") =>
                (table with { CheckConstraints = [.. table.CheckConstraints, new CheckConstraint($"ck_{name}_name_len", "length(name) > 0")] }, "check added"),
            4 when table.CheckConstraints.Count > 0 => (table with { CheckConstraints = table.CheckConstraints.Skip(1).ToEquatableArray() }, "check dropped"),
            5 => (table with { Columns = [.. table.Columns, new Column($"note_{n}", SqlType.Text, Nullable: true)] }, $"note_{n} added"),
            6 when table.FindColumn("description") is not null && !table.Indexes.Any(x => x.Columns.Contains("description")) =>
                (table with { Columns = table.Columns.Where(c => c.Name != "description").ToEquatableArray() }, "description dropped"),
            7 when !table.UniqueConstraints.Any(u => u.Columns.Count == 1 && u.Columns[0] == "name") =>
                (table with { UniqueConstraints = [.. table.UniqueConstraints, new UniqueConstraint($"uq_{name}_name", ["name"])] }, "unique name added"),
            8 when !table.Indexes.Any(x => x.Name == $"ix_{name}_amount") =>
                (table with { Indexes = [.. table.Indexes, new TableIndex($"ix_{name}_amount", ["amount"])] }, "index on amount added"),
            _ => null,
        };
    }
}
