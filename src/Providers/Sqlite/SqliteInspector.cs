using System.Data.Common;
using DiffMigrate.Dialects;
using DiffMigrate.Inspect;
using DiffMigrate.Schema;

namespace DiffMigrate.Providers.Sqlite;

/// <summary>
/// Reads a whole SQLite database in four queries whatever the number of tables (pragma table-valued functions
/// joined over <c>sqlite_schema</c>), plus the CREATE TABLE text for what no pragma reports (constraint names,
/// CHECK bodies, collations, generated expressions). Normalises as it reads: declared types to neutral types,
/// defaults without wrapping parentheses, the rowid alias to an identity column. Views and triggers come from their
/// CREATE text (<see cref="SqliteObjects"/>); a view it cannot model it lists as <see cref="DatabaseSchema.Unmanaged"/>.
/// </summary>
internal sealed partial class SqliteInspector : IDatabaseInspector
{
    private const string UserTables = "m.type = 'table' AND m.name NOT LIKE 'sqlite_%'";

    /// <summary>The number of commands the last inspection sent (it does not grow with the number of tables).</summary>
    public int LastCommandCount { get; private set; }

    /// <inheritdoc/>
    public async Task<DatabaseSchema> InspectAsync(DbConnection connection, InspectOptions options, CancellationToken cancellationToken = default)
    {
        var rows = new Rows();
        LastCommandCount = 0;
        foreach (var (sql, read) in rows.Queries)
        {
            LastCommandCount++;
            await using var command = Command(connection, options.Transaction, sql);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) read(reader);
        }
        return rows.Build(options);
    }

    /// <inheritdoc/>
    public DatabaseSchema Inspect(DbConnection connection, InspectOptions options)
    {
        var rows = new Rows();
        LastCommandCount = 0;
        foreach (var (sql, read) in rows.Queries)
        {
            LastCommandCount++;
            using var command = Command(connection, options.Transaction, sql);
            using var reader = command.ExecuteReader();
            while (reader.Read()) read(reader);
        }
        return rows.Build(options);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>The four queries, each with what it keeps of a row, and the schema built from what they kept.</summary>
    private sealed class Rows
    {
        private readonly Dictionary<string, string> sources = new(StringComparer.Ordinal);
        private readonly List<ColumnRow> columns = [];
        private readonly List<ForeignKeyRow> foreignKeys = [];
        private readonly List<IndexRow> indexColumns = [];
        private readonly List<UnmanagedObject> unmanaged = [];
        private readonly List<DefinedObject> objects = [];

        public IEnumerable<(string Sql, Action<DbDataReader> Read)> Queries =>
        [
            ($"SELECT m.name, m.sql, m.type, m.tbl_name FROM sqlite_schema m WHERE {UserTables} OR m.type IN ('view', 'trigger') ORDER BY m.type, m.name",
                r =>
                {
                    var (name, sql) = (r.GetString(0), r.IsDBNull(1) ? "" : r.GetString(1));
                    switch (r.GetString(2))
                    {
                        case "table": sources[name] = sql; break;
                        case "trigger": objects.Add(DefinedObject.Trigger(name, r.GetString(3), sql)); break;
                        default:
                            if (SqliteObjects.View(name, sql) is { } view) objects.Add(view);
                            else unmanaged.Add(new UnmanagedObject("view", new QualifiedName(null, name), Detail: "a column list after its name: not modelled"));
                            break;
                    }
                }),
            ($"""SELECT m.name, p.name, p.type, p."notnull", p.dflt_value, p.pk, p.hidden FROM sqlite_schema m JOIN pragma_table_xinfo(m.name) p WHERE {UserTables} ORDER BY m.name, p.cid""",
                r => columns.Add(new ColumnRow(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? "" : r.GetString(2), r.GetInt64(3) != 0,
                    r.IsDBNull(4) ? null : r.GetString(4), (int)r.GetInt64(5), (int)r.GetInt64(6)))),
            ($"""SELECT m.name, f.id, f."table", f."from", f."to", f.on_update, f.on_delete FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f WHERE {UserTables} ORDER BY m.name, f.id, f.seq""",
                r => foreignKeys.Add(new ForeignKeyRow(r.GetString(0), (int)r.GetInt64(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                    r.GetString(5), r.GetString(6)))),
            ($"""
                SELECT m.name, il.name, il."unique", il.origin, x.cid, x.name, s.sql, x."desc", x.coll
                FROM sqlite_schema m JOIN pragma_index_list(m.name) il JOIN pragma_index_xinfo(il.name) x
                LEFT JOIN sqlite_schema s ON s.type = 'index' AND s.name = il.name
                WHERE {UserTables} AND x.key = 1 ORDER BY m.name, il.name, x.seqno
                """,
                r => indexColumns.Add(new IndexRow(r.GetString(0), r.GetString(1), r.GetInt64(2) != 0, r.GetString(3), (int)r.GetInt64(4),
                    r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetInt64(7) != 0, r.IsDBNull(8) ? null : r.GetString(8)))),
        ];

        public DatabaseSchema Build(InspectOptions options)
        {
            var excluded = new HashSet<string>(options.ExcludeTables ?? [], StringComparer.OrdinalIgnoreCase);
            var tables = new List<Table>();
            var columnsByTable = columns.ToLookup(c => c.Table, StringComparer.Ordinal);
            var keysByTable = foreignKeys.ToLookup(f => f.Table, StringComparer.Ordinal);
            var indexesByTable = indexColumns.ToLookup(i => i.Table, StringComparer.Ordinal);
            foreach (var (name, sql) in sources)
            {
                if (excluded.Contains(name)) continue;
                var parsed = CreateTableParser.Parse(sql);
                tables.Add(BuildTable(name, parsed, columnsByTable[name].ToList(), keysByTable[name].ToList(), indexesByTable[name].ToList(), columnsByTable));
            }
            tables.Sort((a, b) => a.Name.CompareTo(b.Name));
            return new DatabaseSchema(tables.ToEquatableArray(), Objects: objects.ToEquatableArray(), Unmanaged: unmanaged
                .OrderBy(u => u.Kind, StringComparer.Ordinal).ThenBy(u => u.Table, StringComparer.Ordinal).ThenBy(u => u.Name.Name, StringComparer.Ordinal).ToEquatableArray());
        }
    }

    private static string? Canonical(string? sql) => sql is null ? null : ExpressionRules.StripOuterParentheses(sql);

    // The same few dozen declarations for thousands of columns (at 500 tables, reading each anew was 2 MiB of 11).
    private static readonly KnownAnswers<string, SqlType> Types = new(SqliteTypeMap.Instance.Parse, StringComparer.Ordinal);

    private static SqlType TypeOf(string declared) => Types.For(declared);

    private sealed record ColumnRow(string Table, string Name, string Type, bool NotNull, string? Default, int PrimaryKeyPosition, int Hidden);

    private sealed record ForeignKeyRow(string Table, int Id, string Referred, string From, string? To, string OnUpdate, string OnDelete);

    private sealed record IndexRow(string Table, string Index, bool Unique, string Origin, int ColumnId, string? Column, string? Sql, bool Descending, string? Collation);
}
