using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using DiffMigrate.Migrations;
using DiffMigrate.Schema;

namespace DiffMigrate.Providers.Postgres;

internal sealed partial class PostgresModelCanonicalizer
{
    /// <inheritdoc/>
    /// <remarks>
    /// The model's views and materialized views are asked after its tables, in a transaction of their own that is
    /// rolled back too (one more round trip when the model has any): the database's relations of their names are
    /// dropped there, and the model's created in its place, over the database's tables as they are (dependencies
    /// first; a materialized view WITH NO DATA, with its indexes), then read back through the inspector's own catalog
    /// queries. A view the server will not create (it uses a table or column the revision has yet to add, the user may
    /// not replace it, or a lock on it is not granted within 2 s) keeps the model's text alone, and is named in the
    /// problem lines.
    /// </remarks>
    public async Task<(DatabaseSchema? Forms, string? Problem)> CanonicalizeAsync(
        DbConnection connection, DatabaseSchema model, DatabaseSchema database, CancellationToken cancellationToken = default)
    {
        LastRoundTripCount = 0;
        var (forms, problem) = await CanonicalizeTablesAsync(connection, model, database, cancellationToken).ConfigureAwait(false);
        if (forms is null || !model.Objects.Any(o => o.IsRelation)) return (forms, problem);
        // The tables step has put the routines and triggers in the server's form already: the views join those.
        var (objects, fallbacks) = await RelationsAsync(connection, forms, database, cancellationToken).ConfigureAwait(false);
        if (fallbacks.Count > 0 && problem is null) FallbackCount++;
        var lines = (problem is null ? fallbacks : [problem, .. fallbacks]);
        return (forms with { Objects = objects }, lines.Count == 0 ? null : string.Join("\n", lines));
    }

    /// <summary>The model's objects with its views and materialized views in the server's forms, and one line per relation that kept the model's text.</summary>
    private async Task<(EquatableArray<DefinedObject> Objects, List<string> Fallbacks)> RelationsAsync(
        DbConnection connection, DatabaseSchema model, DatabaseSchema database, CancellationToken cancellationToken)
    {
        var existing = database.Objects.Where(o => o.IsRelation).ToDictionary(o => Key(o.Name), StringComparer.Ordinal);
        // A relation whose text (and a materialized view's indexes) the database holds already is in the server's form:
        // it is not asked about, so a no-op run sends nothing here and locks nothing, however many views there are.
        var stored = new Dictionary<string, DefinedObject>(StringComparer.Ordinal);
        foreach (var item in model.Objects)
        {
            if (item.IsRelation && Stored(item, existing) is { } form) stored[item.ToString()] = form;
        }
        model = model with { Objects = model.Objects.Select(o => stored.GetValueOrDefault(o.ToString(), o)).ToEquatableArray() };
        var relations = InCreationOrder(model.Objects.Where(o => o.IsRelation && !stored.ContainsKey(o.ToString())).ToList());
        if (relations.Count == 0) return (model.Objects, []);
        if (!connection.CanCreateBatch) return (model.Objects, ["views and materialized views of the model: the driver cannot send a batch of separate statements"]);
        var statements = new List<Statement>();
        // Every relation of a model's name goes first, so that none of the model's is dropped again by a CASCADE.
        foreach (var item in relations.Where(r => existing.ContainsKey(Key(r.Name))))
        {
            var kind = existing[Key(item.Name)].Kind == DefinedObjectKind.MaterializedView ? "MATERIALIZED VIEW" : "VIEW";
            statements.Add(new($"DROP {kind} IF EXISTS {QuoteName(item.Name)} CASCADE", item.ToString()));
        }
        foreach (var item in relations) statements.AddRange(Creates(item));
        var schemas = relations.Select(r => r.Name.Schema).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();

        var fallbacks = new List<string>();
        var failed = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var (read, index, failure) = await TryRelationsAsync(connection, statements, schemas, cancellationToken).ConfigureAwait(false);
            if (read is { } forms) return (Apply(model, forms, failed.Concat(stored.Keys)), fallbacks);
            if (failure is NotSupportedException)
            {
                throw new DiffMigrateException($"The model's {(index >= 0 ? statements[index].Element : "views")} holds more than one SQL statement: {FirstLine(failure.Message)}", failure);
            }
            var message = FirstLine(failure!.Message);
            if (index < 0 || fallbacks.Count == MostFallbacks)
            {
                // Not one relation's fault (or too many): all keep the model's text.
                return (model.Objects, [.. fallbacks, $"views and materialized views of the model: {message}"]);
            }
            var element = statements[index].Element;
            fallbacks.Add($"{element}: {message}");
            failed.Add(element!);
            statements = statements.Where(s => s.Element != element).ToList();
        }
    }

    /// <summary>The CREATE statements of one relation: the model's query after a newline (a closing comment cannot swallow what follows), then a materialized view's indexes.</summary>
    private static IEnumerable<Statement> Creates(DefinedObject item)
    {
        var element = item.ToString();
        var query = PostgresInspector.Query(item.Definition);
        if (PostgresSqlScanner.Problem(query) is { } problem)
        {
            throw new DiffMigrateException($"The model's {element} is not a single SQL query ({problem}): {Plan.Abbreviate(query)}");
        }
        if (item.Kind == DefinedObjectKind.View)
        {
            yield return new($"CREATE VIEW {QuoteName(item.Name)} AS\n{query}\n", element);
            yield break;
        }
        yield return new($"CREATE MATERIALIZED VIEW {QuoteName(item.Name)} AS\n{query}\nWITH NO DATA", element);
        var renderer = new PostgresSqlRenderer();
        foreach (var index in item.Indexes)
        {
            foreach (var text in index.Columns.Where((_, k) => index.IsExpression(k)).Append(index.Filter).OfType<string>())
            {
                if (PostgresSqlScanner.Problem(text) is { } fragment)
                {
                    throw new DiffMigrateException($"The model's index {index.Name} on {element} is not a single SQL expression ({fragment}): {Plan.Abbreviate(text)}");
                }
            }
            foreach (var sql in renderer.Render([new CreateIndex(item.Name, index)])) yield return new(sql.Text, element);
        }
    }

    /// <summary>The relations read back, or the index of the statement that failed (-1 when none is to blame) and its failure.</summary>
    private async Task<(EquatableArray<DefinedObject>? Read, int Index, Exception? Failure)> TryRelationsAsync(
        DbConnection connection, List<Statement> statements, string[] schemas, CancellationToken cancellationToken)
    {
        var reached = -1;
        await using var batch = connection.CreateBatch();
        batch.Connection = connection;
        // Dropping a relation waits for those who read it: rather than queue readers behind a long query, that view falls back.
        Add("SET LOCAL lock_timeout = '2s'");
        foreach (var (statement, i) in statements.Select((s, i) => (s, i)))
        {
            Add($"SELECT {i.ToString(CultureInfo.InvariantCulture)} AS {Marker}");
            Add(statement.Sql);
        }
        foreach (var read in PostgresInspector.RelationStatements)
        {
            var command = Add(PostgresCatalog.Statements[read]);
            Parameter(command, "all", false);
            Parameter(command, "schemas", schemas);
        }
        try
        {
            EquatableArray<DefinedObject> result = default;
            await RunAsync(batch, async reader =>
            {
                while (true)
                {
                    if (reader.FieldCount == 1 && reader.GetName(0) == Marker)
                    {
                        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) reached = reader.GetInt32(0);
                    }
                    else if (reader.FieldCount > 0) break;
                    if (!await reader.NextResultAsync(cancellationToken).ConfigureAwait(false)) break;
                }
                reached = -1;   // past the model's statements: a failure now is the read-back's
                result = await PostgresInspector.ReadRelationsAsync(reader, cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            return (result, -1, null);
        }
        catch (Exception e) when (e is DbException or NotSupportedException)
        {
            return (null, e is DbException { SqlState: null } ? -1 : reached, e);
        }

        DbBatchCommand Add(string sql)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            batch.BatchCommands.Add(command);
            return command;
        }
    }

    private static void Parameter(DbBatchCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// The model's objects with each relation the server created in the server's form: its query as
    /// <c>pg_get_viewdef</c> prints it, the relations it depends on, a materialized view's indexes as read.
    /// </summary>
    private static EquatableArray<DefinedObject> Apply(DatabaseSchema model, EquatableArray<DefinedObject> read, IEnumerable<string> kept)
    {
        var failed = kept.ToHashSet(StringComparer.Ordinal);
        var forms = read.ToDictionary(o => Key(o.Name), StringComparer.Ordinal);
        return model.Objects.Select(o => o.IsRelation && !failed.Contains(o.ToString()) && forms.TryGetValue(Key(o.Name), out var form) && form.Kind == o.Kind
            ? o with { Definition = form.Definition, DependsOn = form.DependsOn, Indexes = o.Kind == DefinedObjectKind.MaterializedView ? form.Indexes : o.Indexes }
            : o).ToEquatableArray();
    }

    /// <summary>The database's form of <paramref name="item"/> when it holds the same relation already: same kind and text, and a materialized view's indexes equal.</summary>
    private static DefinedObject? Stored(DefinedObject item, Dictionary<string, DefinedObject> existing) =>
        existing.TryGetValue(Key(item.Name), out var same) && same.Kind == item.Kind && same.Definition == item.Definition
            && (item.Kind != DefinedObjectKind.MaterializedView || same.Indexes == item.Indexes)
            ? item with { DependsOn = same.DependsOn }
            : null;

    /// <summary><paramref name="relations"/> with each after the others its query names (by name otherwise; a cycle keeps name order).</summary>
    private static List<DefinedObject> InCreationOrder(List<DefinedObject> relations)
    {
        var pending = relations.OrderBy(o => o.Name).ToList();
        var ordered = new List<DefinedObject>();
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(o => !pending.Any(p => p != o && Mentions(o.Definition, p.Name.Name))) ?? pending[0];
            pending.Remove(ready);
            ordered.Add(ready);
        }
        return ordered;
    }

    private static bool Mentions(string sql, string name) =>
        sql.Contains(name, StringComparison.OrdinalIgnoreCase)
        && Regex.IsMatch(sql, $@"(?<!\w){Regex.Escape(name)}(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
