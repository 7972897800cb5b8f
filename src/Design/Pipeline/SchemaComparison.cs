using System.Data.Common;
using System.Diagnostics;
using DiffMigrate.Dialects;
using DiffMigrate.Diff;
using DiffMigrate.Inspect;
using DiffMigrate.Migrations;
using DiffMigrate.Providers;
using DiffMigrate.Schema;

namespace DiffMigrate.Design.Pipeline;

/// <summary>
/// The one way DiffMigrate compares schemas, for every command (<c>revision --autogenerate</c>, <c>diff</c>,
/// <c>check</c>, <c>drift</c>) and the test kit: inspect the database, let the server canonicalise the model's
/// expressions where <paramref name="provider"/> can, leave out what <see cref="ComparisonOptions.IncludeObject"/>
/// refuses on both sides, diff, and group into batches where the dialect rebuilds tables. Progress goes to
/// <paramref name="log"/>.
/// </summary>
internal sealed class SchemaComparison(DatabaseProvider provider, ComparisonOptions options, Action<string>? log = null)
{
    /// <summary>The provider of the database compared.</summary>
    public DatabaseProvider Provider { get; } = provider;

    /// <summary>The options in use.</summary>
    public ComparisonOptions Options { get; } = options;

    /// <summary>
    /// The operations that take the database on <paramref name="connection"/> to <paramref name="model"/>, with the
    /// database as it was read (unfiltered: a batch rebuilds a table as it is, excluded columns included).
    /// </summary>
    /// <remarks>
    /// The database is read in its default schema and every schema the model uses (all schemas with
    /// <see cref="ComparisonOptions.IncludeSchemas"/>). Where the dialect can, the server canonicalises the whole
    /// model's expressions first; what it cannot (an element, or the whole model), the log names with the reason and the
    /// built-in normaliser compares.
    /// </remarks>
    public Comparison Compare(DbConnection connection, DatabaseSchema model)
    {
        CheckModel(model);
        var clock = Stopwatch.StartNew();
        var database = Inspect(connection, Schemas(model), Options.IncludeSchemas);
        return Compare(connection, model, database, clock.ElapsedMilliseconds);
    }

    /// <summary>
    /// <see cref="Compare(DbConnection, DatabaseSchema)"/> with a model still loading: the database's default schema
    /// (every schema with <see cref="ComparisonOptions.IncludeSchemas"/>) is read first, then <paramref name="model"/>
    /// waited for; a model that names other schemas has the database read again with them.
    /// </summary>
    public Comparison Compare(DbConnection connection, Func<DatabaseSchema> model)
    {
        DiffWarmUp.Start(Provider);
        var clock = Stopwatch.StartNew();
        var database = Inspect(connection, [], Options.IncludeSchemas);
        var inspected = clock.ElapsedMilliseconds;
        if (Options.IncludeObject is null) Differ(null).Prepare(database);   // while the model loads (a filter makes new tables)
        var loaded = model();
        CheckModel(loaded);
        if (!Options.IncludeSchemas && Schemas(loaded) is { Count: > 0 } schemas)
        {
            clock.Restart();
            database = Inspect(connection, schemas);
            inspected = clock.ElapsedMilliseconds;
        }
        return Compare(connection, loaded, database, inspected);
    }

    private Comparison Compare(DbConnection connection, DatabaseSchema model, DatabaseSchema database, long inspected)
    {
        var clock = Stopwatch.StartNew();
        var timings = $"inspected {database.Tables.Count} tables in {inspected} ms";
        DatabaseSchema? serverForms = null;
        if (Provider.Canonicalizer is { } canonicalizer)
        {
            var (forms, problem) = canonicalizer.CanonicalizeAsync(connection, model, database).GetAwaiter().GetResult();
            serverForms = forms;
            // With forms, the problem is the elements that fell back alone, one line each.
            foreach (var line in problem?.Split('\n') ?? [])
            {
                log?.Invoke($"The server could not canonicalise the model's expressions ({line}); comparing with the built-in normaliser.");
            }
            // A canonicaliser that asked nothing (MySQL 8, whose printed forms it does not trust) answers neither.
            if (forms is not null || problem is not null) timings += $", model expressions canonicalised by the server in {clock.ElapsedMilliseconds} ms";
        }
        clock.Restart();
        var operations = Diff(database, model, serverForms);
        log?.Invoke($"Compared: {timings}, diffed in {clock.ElapsedMilliseconds} ms.");
        return new Comparison(operations, database);
    }

    /// <summary>
    /// The operations that take <paramref name="from"/> to <paramref name="to"/> (what a revision holds), grouped into
    /// batches where the dialect rebuilds tables. <paramref name="serverForms"/> are the model's tables as the server
    /// prints them (see <see cref="DiffOptions.ModelServerForms"/>).
    /// </summary>
    /// <remarks>
    /// This is where a model meets its dialect: a name over the dialect's identifier limit on either side (of what is
    /// compared) is an error here (an inspected database's names always fit), never a difference that could not go away.
    /// </remarks>
    public IReadOnlyList<MigrationOperation> Diff(DatabaseSchema from, DatabaseSchema to, DatabaseSchema? serverForms = null)
    {
        var (source, target, forms) = (Filter(from), Filter(to), serverForms is null ? null : Filter(serverForms));
        IdentifierLimits.Check(source, Provider.Dialect);
        IdentifierLimits.Check(target, Provider.Dialect);
        IndexOptionSupport.Check(target, Provider.Dialect);
        return Batches.For(Provider.Dialect, Differ(forms).Diff(source, target));
    }

    /// <summary>
    /// What differs between two databases as read (<c>drift</c>, the test kit's downgrade check): the operations that
    /// take <paramref name="from"/> to <paramref name="to"/>, one by one and not grouped into batches (a report, not a revision).
    /// </summary>
    public IReadOnlyList<MigrationOperation> Differences(DatabaseSchema from, DatabaseSchema to) => Differ(null).Diff(Filter(from), Filter(to));

    /// <summary>
    /// The database on <paramref name="connection"/> as it is, without the version table: its default schema and
    /// <paramref name="schemas"/>, or every schema with <paramref name="allSchemas"/>.
    /// </summary>
    public DatabaseSchema Inspect(DbConnection connection, IReadOnlyCollection<string>? schemas = null, bool allSchemas = false) =>
        // The driver's blocking calls: the command waits for them anyway, and the asynchronous path had some 60 more
        // methods compiled on first use (PostgreSQL: the async state machines of the driver's read path).
        Provider.Inspector.Inspect(connection, new InspectOptions([Options.VersionTable], schemas, allSchemas));

    /// <summary>
    /// The upgrade operations of a revision about to be written, as <see cref="ComparisonOptions.RewriteOperations"/>
    /// rewrites them; null when no revision is to be written.
    /// </summary>
    public IReadOnlyList<MigrationOperation>? Rewrite(IReadOnlyList<MigrationOperation> upgrade) =>
        Options.RewriteOperations is { } rewrite ? rewrite(upgrade) : upgrade;

    // Before the canonicaliser creates anything under a name the server would cut.
    private void CheckModel(DatabaseSchema model)
    {
        IndexOptionSupport.Check(model, Provider.Dialect);
        IdentifierLimits.Check(model, Provider.Dialect);
    }

    private static List<string> Schemas(DatabaseSchema model) =>
        model.Schemas.Concat(model.Tables.Select(t => t.Name.Schema).OfType<string>()).Distinct(StringComparer.Ordinal).ToList();

    private SchemaDiffer Differ(DatabaseSchema? serverForms) => new(new DiffOptions(Provider.Dialect, Options.VersionTable, ModelServerForms: serverForms));

    /// <summary>What <paramref name="schema"/> holds that is not compared, less what the include/exclude patterns leave out.</summary>
    public IReadOnlyList<UnmanagedObject> Unmanaged(DatabaseSchema schema) =>
        [.. Filter(DatabaseSchema.Empty with { Unmanaged = schema.Unmanaged }).Unmanaged];   // the tables were filtered already

    private DatabaseSchema Filter(DatabaseSchema schema) => Options.IncludeObject is { } include ? SchemaFilter.Apply(schema, include) : schema;
}

/// <summary>The operations that take the database to the model, and the database as it was read.</summary>
internal sealed record Comparison(IReadOnlyList<MigrationOperation> Operations, DatabaseSchema Database);
