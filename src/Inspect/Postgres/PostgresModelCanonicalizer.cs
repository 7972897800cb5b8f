using System.Data.Common;
using System.Text;
using DiffMigrate.Dialects.Postgres;
using DiffMigrate.Schema;

namespace DiffMigrate.Inspect.Postgres;

/// <summary>
/// Creates a temporary copy of each model table that has something to canonicalise (columns with their types,
/// defaults and generated expressions, checks, expression or partial indexes) inside a transaction, reads back what
/// the server stored, and rolls the transaction back: one batch, whatever the number of tables. Schemas, enums and
/// sequences the model needs but the database lacks are created in the same transaction. A column whose enum lacks
/// a value the model adds keeps the model's spelling (PostgreSQL cannot use a value added in the same transaction).
/// </summary>
public sealed partial class PostgresModelCanonicalizer : IModelCanonicalizer
{
    private const string Prefix = "dm_canon_";

    /// <inheritdoc/>
    public async Task<(DatabaseSchema? Forms, string? Problem)> CanonicalizeAsync(
        DbConnection connection, DatabaseSchema model, DatabaseSchema database, CancellationToken cancellationToken = default)
    {
        var sql = new StringBuilder();
        var existingSchemas = database.Schemas.ToHashSet(StringComparer.Ordinal);
        foreach (var schema in model.Schemas.Where(s => s != "public" && !existingSchemas.Contains(s))) sql.Append($"CREATE SCHEMA {Quote(schema)};\n");
        var enums = database.Enums.ToDictionary(e => Key(e.Name), e => e.Values);
        var unusable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in model.Enums)
        {
            if (!enums.TryGetValue(Key(type.Name), out var values)) sql.Append($"CREATE TYPE {QuoteName(type.Name)} AS ENUM ({string.Join(", ", type.Values.Select(Literal))});\n");
            else if (type.Values.Any(v => !values.Contains(v))) unusable.Add(Key(type.Name));
        }
        var sequences = database.Sequences.Select(s => Key(s.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var sequence in model.Sequences.Where(s => !sequences.Contains(Key(s.Name)))) sql.Append($"CREATE SEQUENCE {QuoteName(sequence.Name)};\n");

        var copied = new List<Table>();
        foreach (var table in model.Tables)
        {
            var temp = $"{Prefix}{copied.Count}";
            if (!TempTable(table, temp, unusable, sql)) continue;
            copied.Add(table);
        }
        if (copied.Count == 0) return (model, null);
        sql.Append(ReadBack);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql.ToString();
            var forms = new ServerForms();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (reader.FieldCount == 0 && await reader.NextResultAsync(cancellationToken).ConfigureAwait(false)) { }
                await forms.ReadAsync(reader, cancellationToken).ConfigureAwait(false);
            }
            var byName = copied.Select((t, i) => (t, i)).ToDictionary(p => p.t.Name, p => Prefix + p.i);
            var tables = model.Tables.Select(t => byName.TryGetValue(t.Name, out var temp) ? forms.Apply(t, temp, unusable) : t).ToEquatableArray();
            return (model with { Tables = tables }, null);
        }
        catch (DbException e)
        {
            return (null, e.Message);
        }
        finally
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Appends the temporary copy of <paramref name="table"/>; false when nothing in it needs the server.</summary>
    private static bool TempTable(Table table, string temp, HashSet<string> unusable, StringBuilder sql)
    {
        var columns = new List<string>();
        foreach (var column in table.Columns)
        {
            var enumColumn = column.Type.Kind == SqlTypeKind.Enum;
            var type = enumColumn && unusable.Contains(Key(EnumType.NameOf(column.Type))) ? "text" : PostgresTypeMap.Instance.ToSql(column.Type);
            var text = new StringBuilder($"{Quote(column.Name)} {type}");
            if (column.Collation is { } collation) text.Append(" COLLATE ").Append(Quote(collation));
            if (column.Computed is { } computed) text.Append(" GENERATED ALWAYS AS (").Append(computed).Append(") STORED");
            else if (column.Default is { } value && !(enumColumn && type == "text")) text.Append(" DEFAULT ").Append(value);
            columns.Add(text.ToString());
        }
        columns.AddRange(table.CheckConstraints.Select((c, i) => $"CONSTRAINT c{i} CHECK ({c.Sql})"));
        sql.Append($"CREATE TEMP TABLE {temp} (\n    {string.Join(",\n    ", columns)}\n);\n");
        for (var i = 0; i < table.Indexes.Count; i++)
        {
            var index = table.Indexes[i];
            if (index.Filter is null && !index.Expressions.Contains(true)) continue;
            var keys = index.Columns.Select((c, k) => index.IsExpression(k) ? "(" + c + ")" : Quote(c));
            sql.Append($"CREATE INDEX {temp}_i{i} ON {temp} ({string.Join(", ", keys)})");
            if (index.Filter is { } filter) sql.Append(" WHERE ").Append(filter);
            sql.Append(";\n");
        }
        return true;
    }

    private const string ReadBack = $"""
        SELECT c.relname, a.attnum, format_type(a.atttypid, a.atttypmod), pg_get_expr(d.adbin, d.adrelid)
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE c.relnamespace = pg_my_temp_schema() AND c.relname LIKE '{Prefix}%' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped;
        SELECT c.relname, con.conname, pg_get_expr(con.conbin, con.conrelid, true)
        FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
        WHERE c.relnamespace = pg_my_temp_schema() AND c.relname LIKE '{Prefix}%' AND con.contype = 'c';
        SELECT ic.relname,
               ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts) k ORDER BY k),
               pg_get_expr(i.indpred, i.indrelid, true)
        FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
        WHERE ic.relnamespace = pg_my_temp_schema() AND ic.relname LIKE '{Prefix}%';
        """;

    private static string Key(QualifiedName name) => name.Schema is null or "public" ? name.Name : name.ToString();

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string QuoteName(QualifiedName name) => name.Schema is null ? Quote(name.Name) : Quote(name.Schema) + "." + Quote(name.Name);

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
