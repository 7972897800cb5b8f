using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using DiffMigrate.Schema;

namespace DiffMigrate.Providers.Postgres;

internal sealed partial class PostgresModelCanonicalizer
{
    private const string ObjectSavepoint = "dm_canon_object";

    /// <summary>
    /// The model with its functions, procedures, aggregates and triggers as the server stores them: each is created in
    /// a transaction that is always rolled back (routines first, with <c>check_function_bodies</c> off as pg_dump
    /// does, so that bodies may mention tables; then the tables a trigger needs that the database lacks; then the
    /// triggers) and read back through the catalog's own expressions. Each is created in a savepoint of its own, so
    /// that one the server will not take keeps the model's text alone and is named in the returned lines. An object
    /// whose text is the database's already is not asked about.
    /// </summary>
    /// <remarks>
    /// A definition is sent as a command of its own (one statement per Parse: <c>; COMMIT; ...</c> is refused) and
    /// must be the CREATE statement of its kind, so nothing it holds outlives the rollback. Names reach the read-back
    /// only as string literals.
    /// </remarks>
    private async Task<(DatabaseSchema Model, List<string> Fallbacks)> DefinedObjectsAsync(
        DbConnection connection, DatabaseSchema model, DatabaseSchema database, List<Statement> prerequisites, CancellationToken cancellationToken)
    {
        var fallbacks = new List<string>();
        var known = database.Objects.Where(o => o.IsRoutine || o.Kind == DefinedObjectKind.Trigger)
            .GroupBy(ObjectKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var asked = model.Objects
            .Select((o, i) => (Object: o, Index: i))
            .Where(x => (x.Object.IsRoutine || x.Object.Kind == DefinedObjectKind.Trigger)
                && !(known.TryGetValue(ObjectKey(x.Object), out var same) && same.Kind == x.Object.Kind && same.Definition == x.Object.Definition))
            .ToList();
        if (asked.Count == 0 || !connection.CanCreateBatch) return (model, fallbacks);
        foreach (var (item, _) in asked) CheckHead(item);

        var objects = model.Objects.ToArray();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A trigger takes a lock on its table until the rollback: one the server cannot get soon falls back instead of waiting on the application.
            await ExecuteAsync(connection, transaction, ["SET LOCAL check_function_bodies = off", "SET LOCAL lock_timeout = '5s'"], cancellationToken).ConfigureAwait(false);
            // What the model's routines and tables need (schemas, enums, extensions); one that fails shows up below.
            foreach (var statement in prerequisites) await TryAsync(connection, transaction, [statement.Sql], cancellationToken).ConfigureAwait(false);

            var created = new List<(DefinedObject Object, int Index)>();
            foreach (var (item, index) in asked.Where(a => a.Object.IsRoutine))
            {
                var sql = OrReplace(item.Definition);
                // The read-back finds it by name and argument types: types the server cannot parse fail here, alone.
                var resolve = $"SELECT to_regprocedure({Literal(Signature(item))})";
                var failure = await TryAsync(connection, transaction, [sql, resolve], cancellationToken).ConfigureAwait(false);
                if (failure is not null)
                {
                    // CREATE OR REPLACE cannot change a return type, argument names or the kind: the migration drops it first.
                    var drop = $"DROP ROUTINE IF EXISTS {Signature(item)} CASCADE";
                    failure = await TryAsync(connection, transaction, [drop, sql, resolve], cancellationToken).ConfigureAwait(false) is null ? null : failure;
                }
                if (failure is null) created.Add((item, index));
                else fallbacks.Add($"{item}: {FirstLine(failure.Message)}");
            }

            var tables = database.Tables.Select(t => Key(t.Name)).ToHashSet(StringComparer.Ordinal);
            var unusableTables = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (item, index) in asked.Where(a => a.Object.Kind == DefinedObjectKind.Trigger))
            {
                var table = Key(item.Table!);
                if (!tables.Contains(table) && !unusableTables.Contains(table) && model.FindTable(item.Table!) is { } modelTable)
                {
                    var columns = string.Join(", ", modelTable.Columns.Select(c => $"{Quote(c.Name)} {PostgresTypeMap.Instance.ToSql(c.Type)}"));
                    if (await TryAsync(connection, transaction, [$"CREATE TABLE {QuoteName(modelTable.Name)} ({columns})"], cancellationToken).ConfigureAwait(false) is { } tableFailure)
                    {
                        unusableTables.Add(table);
                        fallbacks.Add($"table {modelTable.Name} for its triggers: {FirstLine(tableFailure.Message)}");
                    }
                    tables.Add(table);
                }
                var failure = unusableTables.Contains(table) ? null : await TryAsync(connection, transaction,
                    [$"DROP TRIGGER IF EXISTS {Quote(item.Name.Name)} ON {QuoteName(item.Table!)}", item.Definition], cancellationToken).ConfigureAwait(false);
                if (unusableTables.Contains(table)) fallbacks.Add($"{item}: its table could not be created");
                else if (failure is null) created.Add((item, index));
                else fallbacks.Add($"{item}: {FirstLine(failure.Message)}");
            }

            await ReadBackObjectsAsync(connection, transaction, created, objects, fallbacks, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (connection.State != System.Data.ConnectionState.Open && e is DbException or ObjectDisposedException or InvalidOperationException)
            {
                // A broken connection took its transaction with it.
            }
        }
        return (model with { Objects = objects.ToEquatableArray() }, fallbacks);
    }

    /// <summary>The server's definition (and a routine's argument types, a trigger's function) of each object created.</summary>
    private static async Task ReadBackObjectsAsync(
        DbConnection connection, DbTransaction transaction, List<(DefinedObject Object, int Index)> created, DefinedObject[] objects,
        List<string> fallbacks, CancellationToken cancellationToken)
    {
        if (created.Count == 0) return;
        var routines = created.Where(c => c.Object.IsRoutine).ToList();
        var triggers = created.Where(c => !c.Object.IsRoutine).ToList();
        var found = new HashSet<int>();
        await using var batch = connection.CreateBatch();
        batch.Connection = connection;
        batch.Transaction = transaction;
        Add(routines.Count == 0 ? "SELECT NULL::int, NULL, NULL, NULL WHERE false" : $"""
            SELECT v.i, {PostgresCatalog.RoutineKind("p")}, oidvectortypes(p.proargtypes), {PostgresCatalog.RoutineDefinition("p")}
            FROM (VALUES {string.Join(", ", routines.Select(r => $"({Number(r.Index)}, {Literal(Signature(r.Object))})"))}) v(i, sig)
            JOIN pg_proc p ON p.oid = to_regprocedure(v.sig)
            """);
        Add(triggers.Count == 0 ? "SELECT NULL::int, NULL, NULL, NULL WHERE false" : $"""
            SELECT v.i, pg_get_triggerdef(tg.oid), fn.nspname, f.proname
            FROM (VALUES {string.Join(", ", triggers.Select(t => $"({Number(t.Index)}, {Literal(QuoteName(t.Object.Table!))}, {Literal(t.Object.Name.Name)})"))}) v(i, tab, name)
            JOIN pg_trigger tg ON tg.tgrelid = to_regclass(v.tab) AND tg.tgname = v.name
            JOIN pg_proc f ON f.oid = tg.tgfoid JOIN pg_namespace fn ON fn.oid = f.pronamespace
            """);
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var i = reader.GetInt32(0);
                found.Add(i);
                objects[i] = objects[i] with
                {
                    Kind = PostgresInspector.RoutineKind(reader.GetString(1)),
                    Arguments = reader.GetString(2),
                    Definition = reader.GetString(3),
                };
            }
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var i = reader.GetInt32(0);
                found.Add(i);
                var function = new QualifiedName(reader.GetString(2), reader.GetString(3));
                objects[i] = objects[i] with { Definition = reader.GetString(1), DependsOn = [function] };
            }
        }
        foreach (var (item, index) in created.Where(c => !found.Contains(c.Index)))
        {
            fallbacks.Add(item.IsRoutine
                ? $"{item}: its definition did not create {item.Name}({item.Arguments}) (do the argument types match the definition's?)"
                : $"{item}: its definition did not create trigger {item.Name.Name} on {item.Table}");
        }

        void Add(string sql)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            batch.BatchCommands.Add(command);
        }
    }

    /// <summary>Runs <paramref name="statements"/> in a savepoint, each a command of its own: null, or why the server refused (then nothing of it is left).</summary>
    private static async Task<Exception?> TryAsync(DbConnection connection, DbTransaction transaction, string[] statements, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(connection, transaction, [$"SAVEPOINT {ObjectSavepoint}", .. statements, $"RELEASE SAVEPOINT {ObjectSavepoint}"], cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is DbException { SqlState: not null } or NotSupportedException)
        {
            await ExecuteAsync(connection, transaction, [$"ROLLBACK TO SAVEPOINT {ObjectSavepoint}", $"RELEASE SAVEPOINT {ObjectSavepoint}"], cancellationToken).ConfigureAwait(false);
            return e;
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string[] statements, CancellationToken cancellationToken)
    {
        await using var batch = connection.CreateBatch();
        batch.Connection = connection;
        batch.Transaction = transaction;
        foreach (var sql in statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Refuses a definition that is not the CREATE statement of its object's kind.</summary>
    private static void CheckHead(DefinedObject item)
    {
        var head = Head().Match(item.Definition);
        var word = head.Success ? head.Groups["kind"].Value.ToUpperInvariant() : null;
        var expected = item.Kind == DefinedObjectKind.Trigger ? "TRIGGER" : KindSql(item.Kind);
        if (word != expected || (item.Kind != DefinedObjectKind.Trigger && head.Groups["constraint"].Success))
        {
            throw new DiffMigrateException($"The model's {item} must be defined by a CREATE {(item.Kind == DefinedObjectKind.Trigger ? "[CONSTRAINT] " : "[OR REPLACE] ")}{expected} statement, not: {FirstLine(item.Definition.Trim())}");
        }
    }

    /// <summary>The model's CREATE statement as CREATE OR REPLACE, which takes the place of what the database holds.</summary>
    private static string OrReplace(string definition)
    {
        var head = Head().Match(definition);
        return head.Groups["replace"].Success ? definition : definition.Insert(head.Groups["create"].Index + head.Groups["create"].Length, " OR REPLACE");
    }

    private static string KindSql(DefinedObjectKind kind) => kind switch
    {
        DefinedObjectKind.Procedure => "PROCEDURE",
        DefinedObjectKind.Aggregate => "AGGREGATE",
        _ => "FUNCTION",
    };

    /// <summary>An aggregate of no arguments is named <c>name(*)</c> by DROP; <c>to_regprocedure</c> takes <c>name()</c>.</summary>
    private static string Arguments(DefinedObject item) => item.Arguments is null or "*" ? "" : item.Arguments;

    private static string Signature(DefinedObject routine) => $"{QuoteName(routine.Name)}({Arguments(routine)})";

    private static string ObjectKey(DefinedObject item) => item.Kind == DefinedObjectKind.Trigger
        ? $"trigger {Key(item.Table!)}.{item.Name.Name}"
        : $"routine {Key(item.Name)}({item.Arguments})";

    private static string Number(int i) => i.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?:\s+|--[^\n]*\n|/\*.*?\*/)*(?<create>CREATE)\s+(?<replace>OR\s+REPLACE\s+)?(?<constraint>CONSTRAINT\s+)?(?<kind>FUNCTION|PROCEDURE|AGGREGATE|TRIGGER)\b",
        RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Head();
}
