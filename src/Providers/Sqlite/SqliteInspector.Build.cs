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

        var columns = new List<Column>();
        foreach (var row in columnRows)
        {
            var extra = parsed.Columns.FirstOrDefault(c => string.Equals(c.Name, row.Name, StringComparison.OrdinalIgnoreCase));
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
        foreach (var group in indexRows.GroupBy(i => i.Index, StringComparer.Ordinal))
        {
            var rows = group.ToList();
            var first = rows[0];
            if (first.Origin == "pk") continue;
            if (first.Origin == "u")
            {
                var cols = rows.Select(r => r.Column ?? "").ToEquatableArray();
                var parsedUnique = parsed.Constraints.FirstOrDefault(c => c.Kind == ConstraintKind.Unique && SameColumns(c.Columns, cols));
                uniques.Add(new UniqueConstraint(parsedUnique?.Name, cols));
                continue;
            }
            var (keys, where) = first.Sql is null ? ([], null) : CreateTableParser.ParseIndex(first.Sql);
            var entries = new List<string>();
            var expressions = new List<bool>();
            for (var i = 0; i < rows.Count; i++)
            {
                var isExpression = rows[i].ColumnId == -2;
                entries.Add(isExpression && i < keys.Count ? keys[i] : rows[i].Column ?? "");
                expressions.Add(isExpression);
            }
            var descending = rows.Select(r => r.Descending).ToList();
            // A key's collation counts when it differs from its column's (BINARY for an expression or a column without one).
            var options = rows.Select(r =>
            {
                var own = r.ColumnId >= 0 ? columns.FirstOrDefault(c => string.Equals(c.Name, r.Column, StringComparison.OrdinalIgnoreCase))?.Collation : null;
                var same = r.Collation is null || string.Equals(r.Collation, own ?? "BINARY", StringComparison.OrdinalIgnoreCase);
                return new IndexKeyOptions(Collation: same ? null : r.Collation);
            }).ToList();
            indexes.Add(new TableIndex(first.Index, entries.ToEquatableArray(), first.Unique, where,
                expressions.Contains(true) ? expressions.ToEquatableArray() : default,
                Descending: descending.Contains(true) ? descending.ToEquatableArray() : default,
                KeyOptions: options.All(o => o.IsDefault) ? default : options.ToEquatableArray()));
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
