using DiffMigrate.Schema;

namespace DiffMigrate.Providers.Sqlite;

internal sealed partial class SqliteInspector
{
    private static Table BuildTable(
        string name,
        ParsedTable parsed,
        List<ColumnRow> columnRows,
        List<ForeignKeyRow> keyRows,
        List<IndexRow> indexRows,
        ILookup<string, ColumnRow> allColumns)
    {
        var pkRows = columnRows.Where(c => c.PrimaryKeyPosition > 0).OrderBy(c => c.PrimaryKeyPosition).ToList();
        var parsedPk = parsed.Constraints.FirstOrDefault(c => c.Kind == ConstraintKind.PrimaryKey);
        // INTEGER PRIMARY KEY (that exact declared type, alone) is an alias of the rowid; with AUTOINCREMENT (allowed
        // only there) its values are never reused: that, and only that, is the model's identity on SQLite.
        var rowid = !parsed.WithoutRowid && pkRows.Count == 1 && string.Equals(pkRows[0].Type.Trim(), "INTEGER", StringComparison.OrdinalIgnoreCase) ? pkRows[0].Name : null;
        var identity = rowid is not null && parsed.Autoincrement ? rowid : null;

        var columns = new List<Column>(columnRows.Count);
        foreach (var row in columnRows)
        {
            var extra = Parsed(parsed.Columns, row.Name);
            var collation = extra?.Collation is { } c && !string.Equals(c, "BINARY", StringComparison.OrdinalIgnoreCase) ? c : null;
            var computed = row.Hidden is 2 or 3 ? extra?.Generated : null;
            columns.Add(new Column(
                row.Name,
                TypeOf(row.Type),
                Nullable: !row.NotNull && row.PrimaryKeyPosition == 0,
                Default: Canonical(row.Default),
                Identity: row.Name == identity ? new Identity() : null,
                Computed: computed,
                Collation: collation,
                // pragma_table_xinfo: hidden 2 is a VIRTUAL generated column, 3 a STORED one.
                ComputedVirtual: computed is not null && row.Hidden == 2));
        }

        var primaryKey = pkRows.Count == 0 ? null : new PrimaryKey(parsedPk?.Name, pkRows.Select(r => r.Name).ToEquatableArray());

        var foreignKeys = new List<ForeignKey>();
        foreach (var group in keyRows.GroupBy(k => k.Id).OrderBy(g => g.Key))
        {
            var rows = group.ToList();
            var from = rows.Select(r => r.From).ToEquatableArray();
            var referred = rows[0].Referred;
            // An FK written without referred columns points at the referred table's primary key.
            var to = rows.All(r => r.To is not null)
                ? rows.Select(r => r.To!).ToEquatableArray()
                : allColumns[referred].Where(c => c.PrimaryKeyPosition > 0).OrderBy(c => c.PrimaryKeyPosition).Select(c => c.Name).ToEquatableArray();
            var parsedFk = parsed.Constraints.FirstOrDefault(c => c.Kind == ConstraintKind.ForeignKey && SameColumns(c.Columns, from));
            foreignKeys.Add(new ForeignKey(parsedFk?.Name, from, new QualifiedName(null, referred), to, Action(rows[0].OnDelete), Action(rows[0].OnUpdate)));
        }

        var indexes = new List<TableIndex>();
        var uniques = new List<UniqueConstraint>();
        // An index's rows are consecutive: the query orders them by table, index name and key position.
        for (var start = 0; start < indexRows.Count;)
        {
            var first = indexRows[start];
            var end = start + 1;
            while (end < indexRows.Count && string.Equals(indexRows[end].Index, first.Index, StringComparison.Ordinal)) end++;
            var count = end - start;
            var rows = indexRows.GetRange(start, count);
            start = end;
            if (first.Origin == "pk") continue;
            if (first.Origin == "u")
            {
                var cols = rows.Select(r => r.Column ?? "").ToEquatableArray();
                var parsedUnique = parsed.Constraints.FirstOrDefault(c => c.Kind == ConstraintKind.Unique && SameColumns(c.Columns, cols));
                uniques.Add(new UniqueConstraint(parsedUnique?.Name, cols));
                continue;
            }
            var entries = new string[count];
            var expressions = new bool[count];
            var descending = new bool[count];
            var options = new IndexKeyOptions[count];
            bool anyExpression = false, anyDescending = false, anyOption = false;
            for (var i = 0; i < count; i++)
            {
                var row = rows[i];
                expressions[i] = row.ColumnId == -2;
                descending[i] = row.Descending;
                anyExpression |= expressions[i];
                anyDescending |= descending[i];
                // A key's collation counts when it differs from its column's (BINARY for an expression or a column without one).
                var own = row.ColumnId >= 0 ? Named(columns, row.Column)?.Collation : null;
                var same = row.Collation is null || string.Equals(row.Collation, own ?? "BINARY", StringComparison.OrdinalIgnoreCase);
                options[i] = new IndexKeyOptions(Collation: same ? null : row.Collation);
                anyOption |= !options[i].IsDefault;
            }
            // Only the CREATE INDEX text has an expression key's text and the WHERE clause; most indexes need neither,
            // and no WHERE token can be there without the word in the text.
            var (keys, where) = first.Sql is not null && (anyExpression || first.Sql.Contains("WHERE", StringComparison.OrdinalIgnoreCase))
                ? CreateTableParser.ParseIndex(first.Sql)
                : ([], null);
            for (var i = 0; i < count; i++) entries[i] = expressions[i] && i < keys.Count ? keys[i] : rows[i].Column ?? "";
            indexes.Add(new TableIndex(first.Index, entries, first.Unique, where,
                anyExpression ? expressions : default,
                Descending: anyDescending ? descending : default,
                KeyOptions: anyOption ? options : default));
        }

        var checks = parsed.Constraints
            .Where(c => c.Kind == ConstraintKind.Check)
            .Select(c => new CheckConstraint(c.Name, c.Sql ?? ""))
            .ToList();

        return new Table(
            new QualifiedName(null, name),
            columns.ToEquatableArray(),
            primaryKey,
            foreignKeys.OrderBy(f => f.Name ?? "", StringComparer.Ordinal).ToEquatableArray(),
            indexes.OrderBy(i => i.Name, StringComparer.Ordinal).ToEquatableArray(),
            uniques.OrderBy(u => u.Name ?? "", StringComparer.Ordinal).ToEquatableArray(),
            checks.OrderBy(c => c.Name ?? "", StringComparer.Ordinal).ToEquatableArray(),
            Strict: parsed.Strict,
            WithoutRowid: parsed.WithoutRowid);
    }

    private static ParsedColumn? Parsed(IReadOnlyList<ParsedColumn> parsed, string name)
    {
        foreach (var column in parsed)
        {
            if (string.Equals(column.Name, name, StringComparison.OrdinalIgnoreCase)) return column;
        }
        return null;
    }

    private static Column? Named(List<Column> columns, string? name)
    {
        foreach (var column in columns)
        {
            if (string.Equals(column.Name, name, StringComparison.OrdinalIgnoreCase)) return column;
        }
        return null;
    }

    private static bool SameColumns(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count == b.Count && a.Zip(b).All(p => string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));

    private static ReferentialAction Action(string text) => text.ToUpperInvariant() switch
    {
        "CASCADE" => ReferentialAction.Cascade,
        "RESTRICT" => ReferentialAction.Restrict,
        "SET NULL" => ReferentialAction.SetNull,
        "SET DEFAULT" => ReferentialAction.SetDefault,
        _ => ReferentialAction.NoAction,
    };
}
