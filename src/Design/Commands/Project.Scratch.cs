using System.Data.Common;
using System.Globalization;
using DiffMigrate.Migrations;
using DiffMigrate.Providers;
using DiffMigrate.Runner.Execution;
using DiffMigrate.Schema;

namespace DiffMigrate.Design.Commands;

internal sealed partial class Project
{
    /// <summary>
    /// <c>check --from-migrations</c>: builds a scratch database from the revisions alone (to every head) and
    /// compares the model with it, so that a model change without a revision is caught with no database at head.
    /// 0 when they agree, 1 (with the differences) when they do not.
    /// </summary>
    /// <remarks>
    /// With <paramref name="offline"/>, what the revisions build is replayed in memory from their operations instead
    /// (<see cref="Replayed"/>): no database is opened, the URL only names the dialect.
    /// </remarks>
    public int CheckFromMigrations(bool failOnUnmanaged = false, bool offline = false)
    {
        var model = ModelLoad.Start(Config, log);
        if (offline)
        {
            var pipeline = Pipeline(DatabaseProviders.For(Url.Dialect));
            var built = model.Alongside(() => Replayed(Revisions.Graph.Heads));
            return Report(pipeline.Diff(built, model.Schema), UnmanagedReport.Of([]), failOnUnmanaged,
                "The model matches what the revisions build.", "The model differs from what the revisions build ({0}): add a revision for these");
        }
        return model.Alongside(() => WithScratch((connection, provider) =>
        {
            Migrator(connection, provider, _ => { }).Upgrade("heads");
            var pipeline = Pipeline(provider);
            var comparison = pipeline.Compare(connection, () => model.Schema);
            var unmanaged = UnmanagedReport.Of(pipeline.Unmanaged(comparison.Database));
            return Report(comparison.Operations, unmanaged, failOnUnmanaged,
                "The model matches what the revisions build.", "The model differs from what the revisions build ({0}): add a revision for these");
        }));
    }

    /// <summary>
    /// <c>drift</c>: compares the live database with what its applied revisions build in a scratch database.
    /// 0 in sync, 1 (with what differs) when someone changed the database by hand.
    /// </summary>
    public int Drift(bool failOnUnmanaged = false)
    {
        using var live = OpenForReading();
        var provider = DatabaseProviders.For(Url.Dialect);
        var applied = Migrator(live, provider, log).Current();
        var pipeline = Pipeline(provider);
        return WithScratch((scratch, _) =>
        {
            if (applied.Count > 0) Migrator(scratch, provider, _ => { }).Upgrade(applied);
            var expected = pipeline.Inspect(scratch, allSchemas: true);
            var actual = pipeline.Inspect(live, expected.Schemas);
            var operations = pipeline.Differences(actual, expected);
            var at = applied.Count == 0 ? "base" : string.Join(", ", applied);
            // An object nobody compares that the revisions do not build (a trigger added by hand) is drift too.
            var unmanaged = UnmanagedReport.Between(pipeline.Unmanaged(actual), pipeline.Unmanaged(expected)) with
            {
                FromLabel = "the database",
                ToLabel = "what its revisions build",
            };
            return Report(operations, unmanaged, failOnUnmanaged, $"No drift: the database is what its revisions ({at}) build.",
                $"Drift: the database differs from what its revisions ({at}) build ({{0}}); to match them it would need");
        });
    }

    private int Report(IReadOnlyList<MigrationOperation> operations, UnmanagedReport unmanaged, bool failOnUnmanaged, string same, string different)
    {
        if (operations.Count == 0)
        {
            output.WriteLine(unmanaged.SidesDiffer ? unmanaged.NoChangesLine() : same);
            output.Write(unmanaged.Text());
            return unmanaged.SidesDiffer ? 1 : UnmanagedExit(unmanaged, failOnUnmanaged);
        }
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, different, operations.Count == 1 ? "1 operation" : $"{operations.Count} operations") + ":");
        foreach (var operation in operations) output.WriteLine("  " + OperationText.Describe(operation));
        output.Write(unmanaged.Text());
        return 1;
    }

    /// <summary>
    /// The schema the revisions up to <paramref name="heads"/> build, replayed in memory from their operations (no
    /// database): a raw statement that may change the schema must declare what it changes.
    /// </summary>
    private DatabaseSchema Replayed(IReadOnlyList<string> heads) => SchemaReplay.FromRevisions(Revisions, heads);

    /// <summary>
    /// Runs <paramref name="use"/> on an empty scratch database of the configured dialect, as its provider makes one
    /// (SQLite in memory; a database created on the same PostgreSQL server and dropped afterwards).
    /// </summary>
    private int WithScratch(Func<DbConnection, DatabaseProvider, int> use)
    {
        var provider = DatabaseProviders.For(Url.Dialect);
        using var scratch = provider.CreateScratch(Url, drivers.Open);
        return use(scratch.Connection, provider);
    }
}
