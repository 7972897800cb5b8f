using DiffMigrate.Schema;

namespace DiffMigrate.Providers.Postgres;

internal sealed partial class PostgresModelCanonicalizer
{
    /// <inheritdoc/>
    /// <remarks>
    /// The sample's tables against copies whose defaults and checks differ and that lack an expression index the
    /// model has, so that every kind of question is planned and written. With it, planning the bench's 500 settled
    /// tables compiles no method; it still takes about 50 ms the first time and 10 the second, most of the difference
    /// a full collection of the GC that falls there.
    /// </remarks>
    public int WarmUp(DatabaseSchema sample)
    {
        var plan = new Plan([]);
        plan.AddPartitions(sample.Tables);
        var apply = new List<Func<ServerForms, Table>>();
        foreach (var table in sample.Tables)
        {
            var model = table with { Indexes = [.. table.Indexes, new TableIndex("ix_warm_lower", ["lower(name)"], Expressions: [true], Filter: "amount > 0")] };
            var stored = table with
            {
                Columns = table.Columns.Select(c => c.Default is null ? c : c with { Default = "NULL" }).ToEquatableArray(),
                CheckConstraints = table.CheckConstraints.Select(k => k with { Sql = "true" }).ToEquatableArray(),
            };
            var settled = new SettledElements(model, stored);
            apply.Add(plan.WithValues(model, stored, settled, plan.Add(model, settled)));
        }
        var statements = new List<Statement>();
        plan.Write(statements);
        plan.WriteValues(statements);
        var forms = new ServerForms();
        foreach (var read in apply) read(forms);
        return statements.Count;
    }

    /// <summary>
    /// The temporary tables to create, each distinct question once as a statement of its own, and for each model
    /// table the function that reads its answers back.
    /// </summary>
    private sealed partial class Plan(HashSet<string> unusableEnums)
    {
        private const int ColumnsPerTable = 1000;   // PostgreSQL allows 1600
        private readonly Dictionary<(string Type, string? Collation, string? Default), (string Table, string Column, string Element)> scalars = [];
        private readonly Dictionary<string, Shape> shapes = new(StringComparer.Ordinal);

        /// <summary>True when there is nothing to ask (every element settled, or no tables).</summary>
        public bool IsEmpty => scalars.Count == 0 && shapes.Count == 0 && values.Count == 0 && partitionStatements.Count == 0;

        public int TemporaryTables => (scalars.Count + ColumnsPerTable - 1) / ColumnsPerTable + shapes.Count;

        /// <summary>
        /// Asks about <paramref name="table"/>'s elements but those already <paramref name="settled"/>, and reads the
        /// answers back.
        /// </summary>
        public Func<ServerForms, Table> Add(Table table, SettledElements settled)
        {
            string Of(Column c) => $"{table.Name}.{c.Name}";
            // A partition's checks, indexes and exclusion constraints use its parent's columns.
            var shaped = partitionColumns.TryGetValue(table.Name, out var inherited) ? table with { Columns = inherited } : table;
            var columns = table.Columns.Select((_, i) => settled.Column(i)).ToArray();
            var types = table.Columns.Select((c, i) => columns[i] ? null : Scalar(c, null, $"type of column {Of(c)}")).ToList();
            var defaults = table.Columns
                .Select((c, i) => !columns[i] && c.Computed is null && c.Default is { } d && Usable(c) ? Scalar(c, Checked(d, $"default of column {Of(c)}"), $"default of column {Of(c)}") : null)
                .ToList();
            var generated = table.Columns
                .Select((c, i) => !columns[i] && c.Computed is { } e
                    ? ShapeFor(shaped, Checked(e, $"generated column {Of(c)}"), [], $"generated column {Of(c)}", c.Name).Generated(WithoutModifiers(TypeSql(c)), e, $"generated column {Of(c)}")
                    : ((string, string)?)null)
                .ToList();
            var checks = table.CheckConstraints.Select((k, i) =>
            {
                if (settled.Check(i)) return ((string, string)?)null;
                var element = $"check {k.Name ?? "(unnamed)"} on table {table.Name}";
                return ShapeFor(shaped, Checked(k.Sql, element), [], element).Check(k.Sql, element);
            }).ToList();
            var exclusions = table.ExclusionConstraints.Select((x, i) =>
            {
                if (settled.Exclusion(i)) return ((string, string)?)null;
                var element = $"exclusion constraint {x.Name ?? "(unnamed)"} on table {table.Name}";
                return ShapeFor(shaped, Checked(x.Definition, element), [], element).Exclusion(x.Definition, element);
            }).ToList();
            var indexes = table.Indexes.Select((x, i) =>
            {
                if (!AsksServer(x) || settled.Index(i)) return null;
                var element = $"index {x.Name} on table {table.Name}";
                var expressions = x.Columns.Where((_, k) => x.IsExpression(k)).Select(e => Checked(e, element)).ToList();
                var text = string.Join(" ", expressions) + " " + (x.Filter is { } f ? Checked(f, element) : "");
                return ShapeFor(shaped, text, x.Columns.Where((_, k) => !x.IsExpression(k)), element).Index(x, element);
            }).ToList();
            return forms => WithPartitionForms(table, forms) with
            {
                Columns = table.Columns.Select((c, i) => Column(c, forms, types[i], defaults[i], generated[i])).ToEquatableArray(),
                CheckConstraints = table.CheckConstraints.Select((k, i) => checks[i] is { } key && forms.Checks.TryGetValue(key, out var sql) ? k with { Sql = sql } : k).ToEquatableArray(),
                Indexes = table.Indexes.Select((x, i) => indexes[i] is { } name && forms.Indexes.TryGetValue(name, out var form) ? Index(x, form) : x).ToEquatableArray(),
                ExclusionConstraints = table.ExclusionConstraints
                    .Select((x, i) => exclusions[i] is { } key && forms.Checks.TryGetValue(key, out var definition) ? x with { Definition = PostgresInspector.ExclusionDefinition(definition) } : x)
                    .ToEquatableArray(),
            };
        }

        /// <summary>
        /// One statement per question: a column or a default the server may reject is then named alone (and left out
        /// alone). A column of a type comes before the defaults of that type, which need the type and go with it.
        /// </summary>
        public void Write(List<Statement> statements)
        {
            foreach (var chunk in scalars.Chunk(ColumnsPerTable))
            {
                statements.Add(new($"CREATE TEMP TABLE {chunk[0].Value.Table} ()", null));
                foreach (var ((type, collation, @default), (table, column, element)) in chunk)
                {
                    var value = @default is null ? "" : $" DEFAULT ({@default})";
                    statements.Add(new($"ALTER TABLE {table} ADD COLUMN {column} {type}{Collate(collation)}{value}", element, $"type {type}{Collate(collation)}", @default is null));
                }
            }
            foreach (var shape in shapes.Values) shape.Write(statements);
            WritePartitions(statements);
        }

        private Column Column(Column column, ServerForms forms, (string, string)? type, (string, string)? @default, (string, string)? generated)
        {
            if (type is null || !forms.Columns.TryGetValue(type.Value, out var typeForm)) return column;
            var result = column.Type.Kind == SqlTypeKind.Enum ? column : column with { Type = PostgresTypeMap.Instance.Parse(typeForm.Type) };
            if (generated is { } g && forms.Columns.TryGetValue(g, out var computed)) return result with { Computed = computed.Expression };
            if (@default is { } d && forms.Columns.TryGetValue(d, out var value)) return result with { Default = value.Expression };
            return result;
        }

        private static TableIndex Index(TableIndex index, IndexForm form) => WithForm(index, form);

        private (string Table, string Column)? Scalar(Column column, string? @default, string element)
        {
            var key = (Checked(TypeSql(column), element), column.Collation, @default);
            if (!scalars.TryGetValue(key, out var slot))
            {
                slot = ($"{Prefix}v{scalars.Count / ColumnsPerTable}", $"c{scalars.Count % ColumnsPerTable}", element);
                scalars[key] = slot;
            }
            return (slot.Table, slot.Column);
        }

        /// <summary>The shared table of the columns <paramref name="text"/> mentions (plus <paramref name="plain"/>), with their types.</summary>
        private Shape ShapeFor(Table table, string text, IEnumerable<string> plain, string element, string? except = null)
        {
            var words = PostgresSqlScanner.Identifiers(text).Concat(plain).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var columns = table.Columns
                .Where(c => words.Contains(c.Name) && c.Name != except)
                .Select(c => $"{Quote(c.Name)} {WithoutModifiers(TypeSql(c))}{Collate(c.Collation)}")
                .ToList();
            var key = string.Join(",", columns);
            if (!shapes.TryGetValue(key, out var shape)) shapes[key] = shape = new Shape($"{Prefix}s{shapes.Count}", columns, $"columns of table {table.Name} used by its {element}");
            return shape;
        }

        /// <summary>
        /// <paramref name="typeSql"/> without its length, precision or scale: the server prints an expression over a
        /// column, or a generated column's expression, the same whatever they are (a cast it adds names the type alone;
        /// the length coercion it adds is implicit, never printed), so tables whose types differ only there share one
        /// temporary table, and the statements sent stay as many however many tables the model has. A quoted type
        /// name is left as it is.
        /// </summary>
        internal static string WithoutModifiers(string typeSql) =>
            typeSql.Contains('"', StringComparison.Ordinal) ? typeSql : Modifiers().Replace(typeSql, "");

        [System.Text.RegularExpressions.GeneratedRegex(@"\s*\(\s*\d+\s*(,\s*-?\d+\s*)?\)")]
        private static partial System.Text.RegularExpressions.Regex Modifiers();

        private bool Usable(Column column) => column.Type.Kind != SqlTypeKind.Enum || !unusableEnums.Contains(Key(EnumType.NameOf(column.Type)));

        private string TypeSql(Column column) => Usable(column) ? PostgresTypeMap.Instance.ToSql(column.Type) : "text";

        private static string Collate(string? collation) => collation is null ? "" : " COLLATE " + Quote(collation);

        /// <summary><paramref name="sql"/>, when it is one expression; the model's error otherwise.</summary>
        private static string Checked(string sql, string element) =>
            PostgresSqlScanner.Problem(sql) is { } problem ? throw new DiffMigrateException($"The model's {element} is not a single SQL expression ({problem}): {Abbreviate(sql)}") : sql;

        internal static string Abbreviate(string sql)
        {
            var line = string.Join(" ", sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            return line.Length <= 120 ? line : line[..117] + "...";
        }
    }

    /// <summary>One temporary table of some columns, carrying every check, exclusion constraint, generated column and index that uses exactly them.</summary>
    private sealed class Shape(string name, List<string> columns, string element)
    {
        private readonly Dictionary<(string Type, string Expression), (string Column, string Element)> generated = [];
        private readonly Dictionary<string, (string Constraint, string Element)> checks = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Constraint, string Element)> exclusions = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Name, TableIndex Index, string Element)> indexes = new(StringComparer.Ordinal);

        public (string, string) Generated(string type, string expression, string user)
        {
            if (!generated.TryGetValue((type, expression), out var column)) generated[(type, expression)] = column = ($"dm_g{generated.Count}", user);
            return (name, column.Column);
        }

        public (string, string) Check(string sql, string user)
        {
            if (!checks.TryGetValue(sql, out var constraint)) checks[sql] = constraint = ($"dm_k{checks.Count}", user);
            return (name, constraint.Constraint);
        }

        public (string, string) Exclusion(string definition, string user)
        {
            if (!exclusions.TryGetValue(definition, out var constraint)) exclusions[definition] = constraint = ($"dm_e{exclusions.Count}", user);
            return (name, constraint.Constraint);
        }

        public string Index(TableIndex index, string user)
        {
            var key = string.Join("\u0001", index.Columns.Select((_, k) => TemporaryKey(index, k))) + "\u0002" + index.Filter + "\u0002" + TemporaryMethod(index);
            if (!indexes.TryGetValue(key, out var entry)) indexes[key] = entry = ($"{name}_x{indexes.Count}", index, user);
            return entry.Name;
        }

        public void Write(List<Statement> statements)
        {
            statements.Add(new($"CREATE TEMP TABLE {name} ({string.Join(", ", columns)})", element, name, Head: true));
            foreach (var ((type, expression), (column, user)) in generated)
            {
                statements.Add(new($"ALTER TABLE {name} ADD COLUMN {column} {type} GENERATED ALWAYS AS ({expression}) STORED", user, name));
            }
            foreach (var (sql, (constraint, user)) in checks) statements.Add(new($"ALTER TABLE {name} ADD CONSTRAINT {constraint} CHECK ({sql})", user, name));
            foreach (var (definition, (constraint, user)) in exclusions) statements.Add(new($"ALTER TABLE {name} ADD CONSTRAINT {constraint} EXCLUDE {definition}", user, name));
            foreach (var (index, definition, user) in indexes.Values)
            {
                var keys = definition.Columns.Select((_, k) => TemporaryKey(definition, k));
                var filter = definition.Filter is { } f ? $" WHERE ({f})" : "";
                statements.Add(new($"CREATE INDEX {index} ON {name}{TemporaryMethod(definition)} ({string.Join(", ", keys)}){filter}", user, name));
            }
        }
    }
}
