using System.Data.Common;
using System.Text;
using DiffMigrate.Dialects;
using DiffMigrate.Dialects.Postgres;
using DiffMigrate.Schema;

namespace DiffMigrate.Inspect.Postgres;

/// <summary>
/// Asks the server how it stores the model's types and expressions, inside a transaction that is rolled back: one
/// batch, whatever the number of tables. Each distinct thing is asked once: every (type, collation, default) becomes
/// one column of a temporary table, and every check, generated column and expression or partial index one element
/// of a temporary table made of just the columns it mentions, shared by all model tables where those columns have
/// the same types. Schemas, enums and sequences the model needs but the database lacks are created in the same
/// transaction. A column whose enum lacks a value the model adds keeps the model's spelling (PostgreSQL cannot use a
/// value added in the same transaction).
/// </summary>
public sealed partial class PostgresModelCanonicalizer : IModelCanonicalizer
{
    private const string Prefix = "dm_canon_";

    /// <summary>The number of temporary tables the last call created (it grows with the variety of the model, not its size).</summary>
    public int LastTemporaryTableCount { get; private set; }

    /// <inheritdoc/>
    public async Task<(DatabaseSchema? Forms, string? Problem)> CanonicalizeAsync(
        DbConnection connection, DatabaseSchema model, DatabaseSchema database, CancellationToken cancellationToken = default)
    {
        var sql = new StringBuilder();
        var existingSchemas = database.Schemas.ToHashSet(StringComparer.Ordinal);
        foreach (var schema in model.Schemas.Where(s => s != Dialect.Postgres.DefaultSchema && !existingSchemas.Contains(s))) sql.Append($"CREATE SCHEMA {Quote(schema)};\n");
        var enums = database.Enums.ToDictionary(e => Key(e.Name), e => e.Values);
        var unusable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in model.Enums)
        {
            if (!enums.TryGetValue(Key(type.Name), out var values)) sql.Append($"CREATE TYPE {QuoteName(type.Name)} AS ENUM ({string.Join(", ", type.Values.Select(Literal))});\n");
            else if (type.Values.Any(v => !values.Contains(v))) unusable.Add(Key(type.Name));
        }
        var sequences = database.Sequences.Select(s => Key(s.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var sequence in model.Sequences.Where(s => !sequences.Contains(Key(s.Name)))) sql.Append($"CREATE SEQUENCE {QuoteName(sequence.Name)};\n");

        var plan = new Plan(unusable);
        var apply = model.Tables.Select(plan.Add).ToList();
        if (plan.IsEmpty) return (model, null);
        plan.Write(sql);
        LastTemporaryTableCount = plan.TemporaryTables;
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
            return (model with { Tables = apply.Select(a => a(forms)).ToEquatableArray() }, null);
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

    private const string ReadBack = $"""
        SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), pg_get_expr(d.adbin, d.adrelid)
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

    private static string Key(QualifiedName name) => name.Schema is null || name.Schema == Dialect.Postgres.DefaultSchema ? name.Name : name.ToString();

    private static string Quote(string name) => PostgresIdentifiers.Quote(name);

    private static string QuoteName(QualifiedName name) => PostgresIdentifiers.Quote(name);

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
