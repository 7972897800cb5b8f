using System.Text;
using System.Text.RegularExpressions;
using DiffMigrate.Dialects.Postgres;
using DiffMigrate.Schema;

namespace DiffMigrate.Inspect.Postgres;

public sealed partial class PostgresModelCanonicalizer
{
    /// <summary>
    /// The temporary tables to create, each distinct question once, and for each model table the function that
    /// reads its answers back.
    /// </summary>
    private sealed partial class Plan(HashSet<string> unusableEnums)
    {
        private const int ColumnsPerTable = 1000;   // PostgreSQL allows 1600
        private readonly Dictionary<(string Type, string? Collation, string? Default), (string Table, string Column)> scalars = [];
        private readonly Dictionary<string, Shape> shapes = new(StringComparer.Ordinal);

        public bool IsEmpty => scalars.Count == 0;

        public int TemporaryTables => (scalars.Count + ColumnsPerTable - 1) / ColumnsPerTable + shapes.Count;

        public Func<ServerForms, Table> Add(Table table)
        {
            var types = table.Columns.Select(c => Scalar(c, null)).ToList();
            var defaults = table.Columns.Select(c => c.Computed is null && c.Default is { } d && Usable(c) ? Scalar(c, d) : ((string, string)?)null).ToList();
            var generated = table.Columns
                .Select(c => c.Computed is { } e ? ShapeFor(table, e, [], c.Name).Generated(TypeSql(c), e) : ((string, string)?)null).ToList();
            var checks = table.CheckConstraints.Select(k => ShapeFor(table, k.Sql, []).Check(k.Sql)).ToList();
            var indexes = table.Indexes.Select(x => x.Filter is null && !x.Expressions.Contains(true)
                ? null
                : ShapeFor(table, string.Join(" ", x.Columns.Where((_, k) => x.IsExpression(k))) + " " + x.Filter, x.Columns.Where((_, k) => !x.IsExpression(k))).Index(x)).ToList();
            return forms => table with
            {
                Columns = table.Columns.Select((c, i) => Column(c, forms, types[i], defaults[i], generated[i])).ToEquatableArray(),
                CheckConstraints = table.CheckConstraints.Select((k, i) => forms.Checks.TryGetValue(checks[i], out var sql) ? k with { Sql = sql } : k).ToEquatableArray(),
                Indexes = table.Indexes.Select((x, i) => indexes[i] is { } name && forms.Indexes.TryGetValue(name, out var form) ? Index(x, form) : x).ToEquatableArray(),
            };
        }

        public void Write(StringBuilder sql)
        {
            foreach (var chunk in scalars.Chunk(ColumnsPerTable))
            {
                var columns = chunk.Select(p => $"{p.Value.Column} {p.Key.Type}{Collate(p.Key.Collation)}{(p.Key.Default is { } d ? " DEFAULT " + d : "")}");
                sql.Append($"CREATE TEMP TABLE {chunk[0].Value.Table} (\n    {string.Join(",\n    ", columns)}\n);\n");
            }
            foreach (var shape in shapes.Values) shape.Write(sql);
        }

        private Column Column(Column column, ServerForms forms, (string, string) type, (string, string)? @default, (string, string)? generated)
        {
            if (!forms.Columns.TryGetValue(type, out var typeForm)) return column;
            var result = column.Type.Kind == SqlTypeKind.Enum ? column : column with { Type = PostgresTypeMap.Instance.Parse(typeForm.Type) };
            if (generated is { } g && forms.Columns.TryGetValue(g, out var computed)) return result with { Computed = computed.Expression };
            if (@default is { } d && forms.Columns.TryGetValue(d, out var value)) return result with { Default = value.Expression };
            return result;
        }

        private static TableIndex Index(TableIndex index, (string[] Keys, string? Filter) form) => index with
        {
            Columns = index.Columns.Select((c, k) => index.IsExpression(k) && k < form.Keys.Length ? form.Keys[k] : c).ToEquatableArray(),
            Filter = index.Filter is null ? null : form.Filter,
        };

        private (string Table, string Column) Scalar(Column column, string? @default)
        {
            var key = (TypeSql(column), column.Collation, @default);
            if (!scalars.TryGetValue(key, out var slot))
            {
                slot = ($"{Prefix}v{scalars.Count / ColumnsPerTable}", $"c{scalars.Count % ColumnsPerTable}");
                scalars[key] = slot;
            }
            return slot;
        }

        /// <summary>The shared table of the columns <paramref name="text"/> mentions (plus <paramref name="plain"/>), with their types.</summary>
        private Shape ShapeFor(Table table, string text, IEnumerable<string> plain, string? except = null)
        {
            var words = Identifiers(text).Concat(plain).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var columns = table.Columns
                .Where(c => words.Contains(c.Name) && c.Name != except)
                .Select(c => $"{Quote(c.Name)} {TypeSql(c)}{Collate(c.Collation)}")
                .ToList();
            var key = string.Join(",", columns);
            if (!shapes.TryGetValue(key, out var shape)) shapes[key] = shape = new Shape($"{Prefix}s{shapes.Count}", columns);
            return shape;
        }

        private bool Usable(Column column) => column.Type.Kind != SqlTypeKind.Enum || !unusableEnums.Contains(Key(EnumType.NameOf(column.Type)));

        private string TypeSql(Column column) => Usable(column) ? PostgresTypeMap.Instance.ToSql(column.Type) : "text";

        private static string Collate(string? collation) => collation is null ? "" : " COLLATE " + Quote(collation);

        /// <summary>The identifiers of an SQL text, outside string literals (quoted ones unquoted).</summary>
        private static IEnumerable<string> Identifiers(string text) =>
            IdentifierPattern().Matches(StringLiteral().Replace(text, "''"))
                .Select(m => m.Groups["quoted"].Success ? m.Groups["quoted"].Value.Replace("\"\"", "\"", StringComparison.Ordinal) : m.Value);

        [GeneratedRegex("'(?:[^']|'')*'")]
        private static partial Regex StringLiteral();

        [GeneratedRegex("\"(?<quoted>(?:[^\"]|\"\")+)\"|[A-Za-z_][A-Za-z0-9_$]*")]
        private static partial Regex IdentifierPattern();
    }

    /// <summary>One temporary table of some columns, carrying every check, generated column and index that uses exactly them.</summary>
    private sealed class Shape(string name, List<string> columns)
    {
        private readonly Dictionary<(string Type, string Expression), string> generated = [];
        private readonly Dictionary<string, string> checks = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Name, TableIndex Index)> indexes = new(StringComparer.Ordinal);

        public (string, string) Generated(string type, string expression)
        {
            if (!generated.TryGetValue((type, expression), out var column)) generated[(type, expression)] = column = $"dm_g{generated.Count}";
            return (name, column);
        }

        public (string, string) Check(string sql)
        {
            if (!checks.TryGetValue(sql, out var constraint)) checks[sql] = constraint = $"dm_k{checks.Count}";
            return (name, constraint);
        }

        public string Index(TableIndex index)
        {
            var key = string.Join("\u0001", index.Columns.Select((c, k) => (index.IsExpression(k) ? "e:" : "c:") + c)) + "\u0002" + index.Filter;
            if (!indexes.TryGetValue(key, out var entry)) indexes[key] = entry = ($"{name}_x{indexes.Count}", index);
            return entry.Name;
        }

        public void Write(StringBuilder sql)
        {
            var elements = columns
                .Concat(generated.Select(g => $"{g.Value} {g.Key.Type} GENERATED ALWAYS AS ({g.Key.Expression}) STORED"))
                .Concat(checks.Select(k => $"CONSTRAINT {k.Value} CHECK ({k.Key})"));
            sql.Append($"CREATE TEMP TABLE {name} (\n    {string.Join(",\n    ", elements)}\n);\n");
            foreach (var (index, definition) in indexes.Values)
            {
                var keys = definition.Columns.Select((c, k) => definition.IsExpression(k) ? "(" + c + ")" : Quote(c));
                sql.Append($"CREATE INDEX {index} ON {name} ({string.Join(", ", keys)})");
                if (definition.Filter is { } filter) sql.Append(" WHERE ").Append(filter);
                sql.Append(";\n");
            }
        }
    }
}
