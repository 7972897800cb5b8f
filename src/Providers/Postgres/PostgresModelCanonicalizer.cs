using System.Data.Common;
using System.Globalization;
using DiffMigrate.Inspect;
using DiffMigrate.Schema;

namespace DiffMigrate.Providers.Postgres;

/// <summary>
/// Asks the server how it stores the model's types and expressions, inside a transaction that is always rolled
/// back: one batch (one round trip), whatever the number of tables, and one more per element the server would not take;
/// none when every element is settled (see <c>SettledElements</c>), as in a no-op. Each distinct thing is asked once: every (type,
/// collation, default) becomes one column of a temporary table, and every check, generated column and expression
/// or partial index one element of a temporary table made of just the columns it mentions, shared by all model
/// tables where those columns have the same types. Schemas, enums and sequences the model needs but the database
/// lacks are created in the same transaction. A column whose enum lacks a value the model adds keeps the model's
/// spelling (PostgreSQL cannot use a value added in the same transaction).
/// </summary>
/// <remarks>
/// The model's SQL is never pasted into a statement list: each statement is a command of its own in the batch, so
/// that a fragment holding <c>; COMMIT; DROP TABLE ...</c> is refused (by the scanner here, by Npgsql, which will not
/// split a batch command, and by the server, which takes one statement per Parse) instead of run. A fragment the
/// server rejects for its own sake (syntax, unknown column, wrong type) is an error that names the model element;
/// one it rejects for what the database lacks (a function or type from an extension, a privilege) is a reason for
/// that element alone to fall back to the built-in normaliser: the batch is sent again without it.
/// </remarks>
internal sealed partial class PostgresModelCanonicalizer : IModelCanonicalizer
{
    private const string Prefix = "dm_canon_";

    /// <summary>The number of temporary tables the last call created (it grows with the variety of the model, not its size).</summary>
    public int LastTemporaryTableCount { get; private set; }

    /// <summary>The number of statements the last call sent, all in one batch.</summary>
    public int LastStatementCount { get; private set; }

    /// <summary>The number of round trips the last call made: one, and one more per element the server would not take.</summary>
    public int LastRoundTripCount { get; private set; }

    /// <summary>How many calls could not use the server's forms for some element (it fell back to the built-in normaliser).</summary>
    public int FallbackCount { get; private set; }

    /// <summary>How many elements may fall back one by one before the whole model does (each costs a round trip).</summary>
    private const int MostFallbacks = 10;

    /// <summary>The server's forms of the model's tables and what they hold (see <see cref="CanonicalizeAsync"/>).</summary>
    private async Task<(DatabaseSchema? Forms, string? Problem)> CanonicalizeTablesAsync(
        DbConnection connection, DatabaseSchema model, DatabaseSchema database, CancellationToken cancellationToken)
    {
        var statements = new List<Statement>();
        var existingSchemas = database.Schemas.ToHashSet(StringComparer.Ordinal);
        foreach (var schema in model.Schemas.Where(s => s != PostgresDialect.Instance.DefaultSchema && !existingSchemas.Contains(s)))
        {
            statements.Add(new($"CREATE SCHEMA IF NOT EXISTS {Quote(schema)}", $"schema {schema}"));
        }
        var enums = database.Enums.ToDictionary(e => Key(e.Name), e => e.Values);
        var unusable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in model.Enums)
        {
            if (!enums.TryGetValue(Key(type.Name), out var values))
            {
                statements.Add(new($"CREATE TYPE {QuoteName(type.Name)} AS ENUM ({string.Join(", ", type.Values.Select(Literal))})", $"enum {type.Name}"));
            }
            else if (type.Values.Any(v => !values.Contains(v))) unusable.Add(Key(type.Name));
        }
        // An extension first: the model's defaults and checks may call its functions or use its types.
        var extensions = database.Extensions.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var extension in model.Extensions.Where(e => !extensions.Contains(e.Name)))
        {
            statements.Add(new($"CREATE EXTENSION IF NOT EXISTS {Quote(extension.Name)}{(extension.Schema is { } s ? " WITH SCHEMA " + Quote(s) : "")}", $"extension {extension.Name}"));
        }
        var sequences = database.Sequences.Select(s => Key(s.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var sequence in model.Sequences.Where(s => !sequences.Contains(Key(s.Name))))
        {
            // The database may hold it as the owned sequence of a serial column, which the inspector does not list.
            statements.Add(new($"CREATE SEQUENCE IF NOT EXISTS {QuoteName(sequence.Name)}", $"sequence {sequence.Name}"));
        }

        AddDomains(model, database, statements);
        var (withObjects, objectFallbacks) = await DefinedObjectsAsync(connection, model, database, statements, cancellationToken).ConfigureAwait(false);
        model = withObjects;

        var plan = new Plan(unusable);
        plan.AddPartitions(model.Tables);
        // The first of a name, ignoring case, as the value questions always matched (settling needs the exact name).
        var existing = new Dictionary<string, Table>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in database.Tables) existing.TryAdd(Key(table.Name), table);
        var apply = model.Tables.Select(t =>
        {
            var stored = existing.GetValueOrDefault(Key(t.Name));
            var settled = new SettledElements(t, stored);
            return plan.WithValues(t, stored, settled, plan.Add(t, settled));
        }).ToList();
        if (plan.IsEmpty && model.Domains.IsEmpty)
        {
            (LastTemporaryTableCount, LastStatementCount) = (0, 0);
            return (model, objectFallbacks.Count == 0 ? null : string.Join("\n", objectFallbacks));
        }
        plan.Write(statements);
        plan.WriteValues(statements);
        statements.AddRange(ReadBack.Select(sql => new Statement(sql, null)));
        if (plan.HasValues) statements.Add(new(ValueReadBack, null));
        LastTemporaryTableCount = plan.TemporaryTables;
        LastStatementCount = statements.Count;
        LastRoundTripCount = 0;

        var (forms, fallbacks, problem) = await AskAsync(connection, statements, cancellationToken).ConfigureAwait(false);
        fallbacks.AddRange(objectFallbacks);
        if (forms is null || fallbacks.Count > 0) FallbackCount++;
        if (forms is null) return (null, problem);
        // What the server would not take keeps the model's spelling (no answer was read back for it).
        return (model with { Tables = apply.Select(a => a(forms)).ToEquatableArray(), Domains = DomainForms(model, forms) },
            fallbacks.Count == 0 ? null : string.Join("\n", fallbacks));
    }

    /// <summary>
    /// One statement of the batch and the model element it asks about (null for the canonicaliser's own). The
    /// statements of a <paramref name="Group"/> need its <paramref name="Head"/> (a temporary table, a column type):
    /// when the head fails they go with it.
    /// </summary>
    private sealed record Statement(string Sql, string? Element, string? Group = null, bool Head = false);

    /// <summary>
    /// The batch's answers, and one line per element the server would not take (it keeps the model's spelling).
    /// A statement the server refuses for what the database lacks is left out and the batch sent again, so that one
    /// element falls back alone: one round trip when the server takes everything, else two more and one per element
    /// that falls back after the first (after a failure the batch carries markers that say where it stopped). Past
    /// <see cref="MostFallbacks"/> elements the whole model falls back.
    /// </summary>
    private async Task<(ServerForms? Forms, List<string> Fallbacks, string? Problem)> AskAsync(
        DbConnection connection, List<Statement> statements, CancellationToken cancellationToken)
    {
        if (!connection.CanCreateBatch) return (null, [], "the driver cannot send a batch of separate statements");
        var fallbacks = new List<string>();
        var marked = false;
        while (true)
        {
            var (forms, index, failure) = await TryAsync(connection, statements, marked, cancellationToken).ConfigureAwait(false);
            if (forms is not null) return (forms, fallbacks, null);
            if (index < 0 && !marked && failure is DbException { SqlState: not null })
            {
                marked = true;   // again, with markers that say which statement failed
                continue;
            }
            var element = index >= 0 ? statements[index].Element : null;
            var message = FirstLine(failure!.Message);
            if (failure is NotSupportedException)
            {
                // Npgsql refuses a batch command that holds several statements; the scanner should have caught it first.
                throw new DiffMigrateException($"The model's {element ?? "expressions"} holds more than one SQL statement: {message}", failure);
            }
            if (element is not null && IsModelError(((DbException)failure).SqlState)) throw new DiffMigrateException($"PostgreSQL rejects the model's {element}: {message}", failure);
            if (element is null) return (null, [], message);
            if (fallbacks.Count == MostFallbacks) return (null, [], $"{element}: {message}, and {MostFallbacks} other elements before it");
            var failed = statements[index];
            var left = statements.Where((s, i) => i != index && !(failed.Head && s.Group == failed.Group)).ToList();
            fallbacks.AddRange(statements.Except(left).Select(s => s.Element).OfType<string>().Distinct().Select(e => $"{e}: {message}"));
            statements = left;
        }
    }

    /// <summary>The batch's answers, or the index of the statement that failed (-1 when none is to blame) and its failure.</summary>
    /// <remarks>
    /// With <paramref name="marked"/>, each statement but the read-backs follows a <c>SELECT i</c> of its index: the
    /// server answers in order and the reader stops at each marker, so the last marker read names the statement that
    /// failed (the driver does not always say: Npgsql leaves it out of errors it meets before the first result).
    /// </remarks>
    private async Task<(ServerForms? Forms, int Index, Exception? Failure)> TryAsync(
        DbConnection connection, List<Statement> statements, bool marked, CancellationToken cancellationToken)
    {
        Exception failure;
        int index;
        var reached = -1;
        var markers = marked ? statements.Count - ReadBack.Length : 0;
        await using (var batch = Batch(connection, statements, statements.Count, markers))
        {
            try
            {
                var forms = new ServerForms();
                await RunAsync(batch, async reader =>
                {
                    while (true)
                    {
                        if (reader.FieldCount == 1 && reader.GetName(0) == Marker)
                        {
                            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) reached = reader.GetInt32(0);
                        }
                        else if (reader.FieldCount > 0 || !await reader.NextResultAsync(cancellationToken).ConfigureAwait(false)) break;
                        else continue;
                        if (!await reader.NextResultAsync(cancellationToken).ConfigureAwait(false)) break;
                    }
                    reached = -1;   // past the statements: a failure now is the canonicaliser's own
                    await forms.ReadAsync(reader, cancellationToken).ConfigureAwait(false);
                }, cancellationToken).ConfigureAwait(false);
                return (forms, -1, null);
            }
            catch (Exception e) when (e is DbException or NotSupportedException)
            {
                failure = e;
                index = e is DbException { BatchCommand: { } failed } ? Unmarked(batch.BatchCommands.IndexOf(failed), markers)
                    : e is DbException { SqlState: not null } && reached >= 0 ? reached
                    : -1;
            }
        }
        if (index < 0 && !marked && failure is DbException { SqlState: not null }) return (null, -1, failure);
        // The driver does not always say which command failed (Npgsql leaves it out for errors at parse time):
        // find it by running ever shorter prefixes, a few more round trips on this path only. A failure the server
        // did not report (a lost connection) belongs to no statement.
        if (index < 0 && failure is not DbException { SqlState: null }) (index, failure) = await LocateAsync(connection, statements, failure, cancellationToken).ConfigureAwait(false);
        return (null, index, failure);
    }

    /// <summary>The first <paramref name="count"/> statements as one batch, the first <paramref name="marked"/> each after a marker.</summary>
    private static DbBatch Batch(DbConnection connection, List<Statement> statements, int count, int marked = 0)
    {
        var batch = connection.CreateBatch();
        batch.Connection = connection;
        foreach (var (statement, i) in statements.Take(count).Select((s, i) => (s, i)))
        {
            if (i < marked) Add($"SELECT {i.ToString(CultureInfo.InvariantCulture)} AS {Marker}");
            Add(statement.Sql);
        }
        return batch;

        void Add(string sql)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            batch.BatchCommands.Add(command);
        }
    }

    private const string Marker = "dm_canon_at";

    /// <summary>The statement of batch command <paramref name="command"/> when the first <paramref name="markers"/> statements follow a marker.</summary>
    private static int Unmarked(int command, int markers) => command < 0 ? command : command < 2 * markers ? command / 2 : command - markers;

    /// <summary>Runs <paramref name="batch"/> in a transaction that is rolled back whatever happens.</summary>
    private async Task RunAsync(DbBatch batch, Func<DbDataReader, Task> read, CancellationToken cancellationToken)
    {
        var connection = batch.Connection!;
        LastRoundTripCount++;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            batch.Transaction = transaction;
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await read(reader).ConfigureAwait(false);
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false)) { }
        }
        finally
        {
            try
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (connection.State != System.Data.ConnectionState.Open && e is DbException or ObjectDisposedException or InvalidOperationException)
            {
                // A broken connection took its transaction with it (the server rolls back); failing to say so again
                // must not hide the error that broke it.
            }
        }
    }

    /// <summary>The index of the first statement that fails (the shortest failing prefix, by bisection), and its failure.</summary>
    private async Task<(int, Exception)> LocateAsync(DbConnection connection, List<Statement> statements, Exception failure, CancellationToken cancellationToken)
    {
        var (good, bad) = (0, statements.Count);   // the first `good` statements run; the first `bad` fail
        while (bad - good > 1)
        {
            var middle = (good + bad) / 2;
            await using var batch = Batch(connection, statements, middle);
            try
            {
                await RunAsync(batch, _ => Task.CompletedTask, cancellationToken).ConfigureAwait(false);
                good = middle;
            }
            catch (Exception e) when (e is DbException or NotSupportedException)
            {
                (bad, failure) = (middle, e);
            }
        }
        return (bad - 1, failure);
    }

    /// <summary>
    /// True when the server refused the fragment for its own sake: bad syntax or data (classes 42 and 22), or a
    /// construct PostgreSQL does not allow there (0A). Not when the database lacks something the migrations may
    /// yet create or the user may yet be granted: those are reasons to fall back, not the model's fault.
    /// </summary>
    private static bool IsModelError(string? state) => state switch
    {
        null => false,
        "42883" or "42704" or "42P01" or "42501" or "42P06" or "42P07" or "42710" or "42723" => false,
        _ => state.StartsWith("42", StringComparison.Ordinal) || state.StartsWith("22", StringComparison.Ordinal) || state.StartsWith("0A", StringComparison.Ordinal),
    };

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return (end < 0 ? message : message[..end]).Trim();
    }

    private static readonly string[] ReadBack =
    [
        $"""
        SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), pg_get_expr(d.adbin, d.adrelid)
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE c.relnamespace = pg_my_temp_schema() AND c.relname LIKE '{Prefix}%' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        """,
        $"""
        SELECT c.relname, con.conname,
               CASE con.contype WHEN 'c' THEN pg_get_expr(con.conbin, con.conrelid, true) ELSE pg_get_constraintdef(con.oid, true) END
        FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
        WHERE c.relnamespace = pg_my_temp_schema() AND c.relname LIKE '{Prefix}%' AND con.contype IN ('c', 'x')
        """,
        $"""
        SELECT ic.relname,
               ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts) k ORDER BY k),
               pg_get_expr(i.indpred, i.indrelid, true),
               {PostgresCatalog.KeyOptions("i")}
        FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
        WHERE ic.relnamespace = pg_my_temp_schema() AND ic.relname LIKE '{Prefix}%'
        """,
        DomainReadBack,
        $"""
        SELECT c.relname, pg_get_partkeydef(c.oid), pg_get_expr(c.relpartbound, c.oid)
        FROM pg_class c
        WHERE c.relnamespace = pg_my_temp_schema() AND c.relname LIKE '{Prefix}p%' AND c.relkind IN ('r', 'p')
        """,
    ];

    private static string Key(QualifiedName name) => name.Schema is null || name.Schema == PostgresDialect.Instance.DefaultSchema ? name.Name : name.ToString();

    private static string Quote(string name) => PostgresIdentifiers.Quote(name);

    private static string QuoteName(QualifiedName name) => PostgresIdentifiers.Quote(name);

    // E'' reads the same whatever standard_conforming_strings says.
    private static string Literal(string value) => "E'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
