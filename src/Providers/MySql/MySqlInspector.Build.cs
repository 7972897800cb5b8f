using DiffMigrate.Schema;

namespace DiffMigrate.Providers.MySql;

internal sealed partial class MySqlInspector
{
    private static DatabaseSchema Build(CatalogRows rows, HashSet<string> excluded)
    {
        var mariaDb = rows.Version.Contains("MariaDB", StringComparison.OrdinalIgnoreCase);
        var columns = rows.Columns.ToLookup(c => c.Table, StringComparer.Ordinal);
        var indexes = rows.Indexes.ToLookup(i => i.Table, StringComparer.Ordinal);
        var foreignKeys = rows.ForeignKeys.ToLookup(f => f.Table, StringComparer.Ordinal);
        var checks = rows.Checks.ToLookup(c => c.Table, StringComparer.Ordinal);
        var tables = new List<Table>();
        foreach (var row in rows.Tables.Where(t => t.Type == "BASE TABLE" && !excluded.Contains(t.Name)))
        {
            var tableChecks = checks[row.Name].ToList();
            // MariaDB's JSON is LONGTEXT with CHECK (json_valid(`c`)), listed as a check named after the column.
            var json = tableChecks.Where(c => mariaDb && IsJsonCheck(c)).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var tableColumns = columns[row.Name].Select(c => Column(c, row, mariaDb, json)).ToList();
            var isJson = tableColumns.Where(c => c.Type.Kind == SqlTypeKind.Json).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var keys = ForeignKeys(foreignKeys[row.Name], rows.Database);
            var (primaryKey, uniques, tableIndexes) = Indexes(indexes[row.Name], keys);
            tables.Add(new Table(
                new QualifiedName(null, row.Name),
                tableColumns.ToEquatableArray(),
                primaryKey,
                keys.ToEquatableArray(),
                tableIndexes.ToEquatableArray(),
                uniques.ToEquatableArray(),
                tableChecks.Where(c => !(isJson.Contains(c.Name) && IsJsonCheck(c))).Select(c => new CheckConstraint(c.Name, c.Clause)).ToEquatableArray(),
                string.IsNullOrEmpty(row.Comment) ? null : row.Comment));
        }
        tables.Sort((a, b) => a.Name.CompareTo(b.Name));
        var unmanaged = rows.Unmanaged.Where(u => u.Kind != "engine" || !excluded.Contains(u.Name)).Select(u => new UnmanagedObject(u.Kind, new QualifiedName(null, u.Name), u.Table, u.Detail))
            .OrderBy(u => u.Kind, StringComparer.Ordinal).ThenBy(u => u.Name.Name, StringComparer.Ordinal);
        return new DatabaseSchema(tables.ToEquatableArray(), Unmanaged: unmanaged.ToEquatableArray());
    }

    private static bool IsJsonCheck(CheckRow check) =>
        string.Equals(check.Level, "Column", StringComparison.OrdinalIgnoreCase)
        && string.Equals(check.Clause.Replace(" ", "", StringComparison.Ordinal), $"json_valid(`{check.Name.Replace("`", "``", StringComparison.Ordinal)}`)", StringComparison.OrdinalIgnoreCase);

    private static Column Column(ColumnRow row, TableRow table, bool mariaDb, HashSet<string> jsonChecks)
    {
        var type = MySqlTypeMap.Instance.Parse(row.Type);
        if (mariaDb && type.Kind == SqlTypeKind.Text && jsonChecks.Contains(row.Name)) type = SqlType.Json;
        var extra = row.Extra.ToUpperInvariant();
        var generated = extra.Contains("GENERATED", StringComparison.Ordinal) && !extra.Contains("DEFAULT_GENERATED", StringComparison.Ordinal)
            && !string.IsNullOrEmpty(row.Generation);
        return new Column(
            row.Name,
            type,
            row.Nullable,
            generated ? null : Default(row, type, mariaDb),
            extra.Contains("AUTO_INCREMENT", StringComparison.Ordinal) ? new Identity() : null,
            generated ? row.Generation : null,
            string.IsNullOrEmpty(row.Comment) ? null : row.Comment,
            // A collation is the column's own only where it is not the table's; MariaDB's JSON always has utf8mb4_bin.
            row.Collation is { } collation && !string.Equals(collation, table.Collation, StringComparison.OrdinalIgnoreCase) && type.Kind != SqlTypeKind.Json ? collation : null,
            ComputedVirtual: generated && extra.Contains("VIRTUAL", StringComparison.Ordinal),
            OnUpdate: OnUpdate(row.Extra));
    }

    /// <summary>The value of <c>ON UPDATE</c>, from EXTRA: <c>on update current_timestamp(6)</c> (MariaDB), <c>DEFAULT_GENERATED on update CURRENT_TIMESTAMP</c> (MySQL 8).</summary>
    internal static string? OnUpdate(string extra)
    {
        const string marker = "on update ";
        var at = extra.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var value = extra[(at + marker.Length)..].Trim();
        var end = value.IndexOf(' ', StringComparison.Ordinal);
        return end < 0 ? value : value[..end];
    }

    /// <summary>
    /// A default in the model's spelling. MariaDB (10.2.7 on) prints it as SQL: strings quoted, numbers bare, functions
    /// in lower case, and the text NULL for no default. MySQL 8 prints a literal's value unquoted (a string cannot be
    /// told from a number there but by the column's type) and marks an expression default DEFAULT_GENERATED.
    /// </summary>
    internal static string? Default(string? text, string extra, SqlType type, bool mariaDb)
    {
        if (text is null) return null;
        if (mariaDb) return text == "NULL" ? null : text;
        if (extra.Contains("DEFAULT_GENERATED", StringComparison.OrdinalIgnoreCase) || text.StartsWith("CURRENT_TIMESTAMP", StringComparison.OrdinalIgnoreCase)) return text;
        return IsNumeric(type) ? text : MySqlSyntax.Instance.StringLiteral(text);
    }

    private static string? Default(ColumnRow row, SqlType type, bool mariaDb) => Default(row.Default, row.Extra, type, mariaDb);

    private static bool IsNumeric(SqlType type) => type.IsInteger || type.Kind is SqlTypeKind.Decimal or SqlTypeKind.Single or SqlTypeKind.Double or SqlTypeKind.Boolean
        || (type.Kind == SqlTypeKind.Raw && type.Name is { } name && (name.Contains("int", StringComparison.Ordinal) || name.StartsWith("float", StringComparison.Ordinal)
            || name.StartsWith("double", StringComparison.Ordinal) || name.StartsWith("decimal", StringComparison.Ordinal) || name.StartsWith("bit", StringComparison.Ordinal)));

    private static List<ForeignKey> ForeignKeys(IEnumerable<ForeignKeyRow> rows, string? database) =>
        rows.GroupBy(f => f.Name, StringComparer.Ordinal).Select(g =>
        {
            var first = g.First();
            var schema = first.ReferredSchema is { } s && !string.Equals(s, database, StringComparison.Ordinal) ? s : null;
            return new ForeignKey(g.Key, g.Select(f => f.Column).ToEquatableArray(), new QualifiedName(schema, first.ReferredTable),
                g.Select(f => f.ReferredColumn).ToEquatableArray(), Action(first.OnDelete), Action(first.OnUpdate));
        }).ToList();

    /// <summary>
    /// The primary key, the unique constraints (a unique index of plain ascending column keys: MySQL keeps no other trace
    /// of UNIQUE, see <see cref="Dialects.Dialect.UniqueConstraintsAreIndexes"/>) and the other indexes. The index InnoDB
    /// makes for a foreign key that has none (named as the key, or as its first column for an unnamed key, on exactly
    /// the key's columns) is the foreign key's, not the model's: it is left out.
    /// </summary>
    private static (PrimaryKey?, List<UniqueConstraint>, List<TableIndex>) Indexes(IEnumerable<IndexRow> rows, List<ForeignKey> keys)
    {
        PrimaryKey? primaryKey = null;
        var uniques = new List<UniqueConstraint>();
        var indexes = new List<TableIndex>();
        foreach (var group in rows.GroupBy(i => i.Name, StringComparer.Ordinal))
        {
            var parts = group.ToList();
            var columns = parts.Select(p => p.Column ?? "").ToEquatableArray();
            var plain = parts.All(p => p.Column is not null && p.Prefix is null && p.Collation != "D") && parts[0].Method == "BTREE";
            if (group.Key == "PRIMARY")
            {
                primaryKey = new PrimaryKey(null, columns);
                continue;
            }
            if (parts[0].Unique && plain)
            {
                uniques.Add(new UniqueConstraint(group.Key, columns));
                continue;
            }
            if (!parts[0].Unique && plain && keys.Any(k => k.Columns == columns
                && (string.Equals(k.Name, group.Key, StringComparison.OrdinalIgnoreCase) || string.Equals(k.Columns[0], group.Key, StringComparison.OrdinalIgnoreCase))))
            {
                continue;
            }
            var prefixed = parts.Select(p => p.Prefix is not null).ToArray();
            var descending = parts.Select(p => p.Collation == "D").ToArray();
            indexes.Add(new TableIndex(
                group.Key,
                parts.Select(p => p.Prefix is { } n ? $"{MySqlIdentifiers.Quote(p.Column ?? "")}({n})" : p.Column ?? "").ToEquatableArray(),
                parts[0].Unique,
                Expressions: prefixed.Contains(true) ? prefixed : default,
                Method: parts[0].Method switch { "FULLTEXT" => "fulltext", "SPATIAL" => "spatial", "HASH" => "hash", _ => null },
                Descending: descending.Contains(true) ? descending : default));
        }
        return (primaryKey, uniques, indexes);
    }

    // InnoDB treats RESTRICT and NO ACTION alike (both checked at once) and MariaDB reports an action left out as
    // RESTRICT: both read as NoAction, and the model's Restrict is compared as NoAction (Dialect.RestrictIsNoAction).
    private static ReferentialAction Action(string rule) => rule.ToUpperInvariant() switch
    {
        "CASCADE" => ReferentialAction.Cascade,
        "SET NULL" => ReferentialAction.SetNull,
        "SET DEFAULT" => ReferentialAction.SetDefault,
        _ => ReferentialAction.NoAction,
    };

    internal sealed class CatalogRows
    {
        public string? Database { get; set; }
        public string Version { get; set; } = "";
        public List<TableRow> Tables { get; } = [];
        public List<ColumnRow> Columns { get; } = [];
        public List<IndexRow> Indexes { get; } = [];
        public List<ForeignKeyRow> ForeignKeys { get; } = [];
        public List<CheckRow> Checks { get; } = [];
        public List<UnmanagedRow> Unmanaged { get; } = [];
    }

    internal sealed record TableRow(string Name, string Type, string? Comment, string? Collation);

    internal sealed record ColumnRow(string Table, string Name, string Type, bool Nullable, string? Default, string Extra, string? Generation, string? Comment, string? Collation);

    internal sealed record IndexRow(string Table, string Name, bool NonUnique, string? Column, long? Prefix, string Method, string? Collation)
    {
        public bool Unique => !NonUnique;
    }

    internal sealed record ForeignKeyRow(string Table, string Name, string Column, string? ReferredSchema, string ReferredTable, string ReferredColumn, string OnDelete, string OnUpdate);

    internal sealed record CheckRow(string Table, string Name, string Clause, string Level);

    internal sealed record UnmanagedRow(string Kind, string Name, string? Table, string? Detail);
}
