using System.Data.Common;
using System.Reflection;
using DiffMigrate.Design.Scripts;
using DiffMigrate.Dialects;
using DiffMigrate.Design.Commands;
using DiffMigrate.Design.Pipeline;
using DiffMigrate.Providers;
using DiffMigrate.Runner.Configuration;
using DiffMigrate.Runner.Execution;
using DiffMigrate.Schema;

namespace DiffMigrate.Testing;

/// <summary>Thrown by <see cref="MigrationTestKit"/> when a check fails; any test framework reports it as a failure.</summary>
public sealed class MigrationAssertionException : Exception
{
    /// <summary>A check that failed, described by <paramref name="message"/>.</summary>
    public MigrationAssertionException(string message) : base(message) { }

    /// <summary>A check that failed, described by <paramref name="message"/>, because of <paramref name="inner"/>.</summary>
    public MigrationAssertionException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>
/// Checks for a project's own test suite: each method throws <see cref="MigrationAssertionException"/> with a
/// message that says what is wrong, so it works under MSTest, xUnit or NUnit alike. Every check runs on a fresh
/// empty database from <c>newDatabase</c> (an open connection, e.g. SQLite in memory, disposed afterwards).
/// </summary>
public sealed class MigrationTestKit
{
    private readonly RevisionSet revisions;
    private readonly Func<DbConnection> newDatabase;
    private readonly SchemaComparison pipeline;

    private MigrationTestKit(RevisionSet revisions, Func<DbConnection> newDatabase, SchemaComparison pipeline)
    {
        this.revisions = revisions;
        this.newDatabase = newDatabase;
        this.pipeline = pipeline;
    }

    private MigrationTestKit(RevisionSet revisions, Func<DbConnection> newDatabase, Dialect dialect, string versionTable)
        : this(revisions, newDatabase, new SchemaComparison(DatabaseProviders.For(dialect), new ComparisonOptions { VersionTable = versionTable }))
    {
    }

    private string VersionTable => pipeline.Options.VersionTable;

    /// <summary>Revisions compiled into <paramref name="migrations"/> (the application's own assembly).</summary>
    public static MigrationTestKit FromAssembly(Assembly migrations, Func<DbConnection> newDatabase, Dialect dialect, string versionTable = DiffMigrateConfig.DefaultVersionTable) =>
        new(RevisionSet.FromAssembly(migrations), newDatabase, dialect, versionTable);

    /// <summary>Revision scripts in <c>&lt;scriptLocation&gt;/versions</c>.</summary>
    public static MigrationTestKit FromScripts(string scriptLocation, Func<DbConnection> newDatabase, Dialect dialect, string versionTable = DiffMigrateConfig.DefaultVersionTable) =>
        new(ScriptRevisions.FromScriptLocation(scriptLocation), newDatabase, dialect, versionTable);

    /// <summary>
    /// This kit with its comparisons (<see cref="AssertModelMatchesMigrations(DatabaseSchema)"/>, the downgrade check)
    /// looking only at the objects <paramref name="includeObject"/> accepts, on both sides: what the model or the
    /// migrations leave to something else (an audit table, a column a trigger adds) is then no failure.
    /// </summary>
    public MigrationTestKit WithObjectFilter(Func<SchemaObjectRef, bool> includeObject) =>
        new(revisions, newDatabase, new SchemaComparison(pipeline.Provider, pipeline.Options with { IncludeObject = includeObject }));

    /// <summary>The revision graph has exactly one head.</summary>
    public void AssertSingleHead()
    {
        var heads = revisions.Graph.Heads;
        if (heads.Count != 1)
        {
            throw new MigrationAssertionException(heads.Count == 0
                ? "There is no revision."
                : $"There are {heads.Count} heads ({string.Join(", ", heads)}): join them with 'diffmigrate merge heads -m \"merge\"'.");
        }
    }

    /// <summary>An empty database upgrades to every head.</summary>
    public void AssertUpgradesFromEmptyToHeads() => WithDatabase(connection => Run("upgrading an empty database to heads", () => Migrator(connection).Upgrade("heads")));

    /// <summary>Autogenerate after upgrading to heads finds nothing: the migrations build the model.</summary>
    public void AssertModelMatchesMigrations(Assembly model) => AssertModelMatchesMigrations(SchemaModel.FromAssembly(model));

    /// <summary>Autogenerate after upgrading to heads finds nothing: the migrations build <paramref name="model"/>.</summary>
    public void AssertModelMatchesMigrations(DatabaseSchema model) => WithDatabase(connection =>
    {
        Run("upgrading an empty database to heads", () => Migrator(connection).Upgrade("heads"));
        var operations = pipeline.Compare(connection, model).Operations;
        if (operations.Count > 0)
        {
            throw new MigrationAssertionException(
                $"The model differs from what the migrations build ({operations.Count} operations); add a revision (diffmigrate revision --autogenerate):\n  " +
                string.Join("\n  ", operations.Select(OperationText.Describe)));
        }
    });

    /// <summary>
    /// For each revision in order: upgrade to it, downgrade one step, and check that the schema is exactly what it was
    /// before the upgrade (a downgrade that forgets a column fails here), then upgrade again (the upgrade still applies
    /// after its own downgrade).
    /// </summary>
    public void AssertEachRevisionDowngradesCleanlyAndUpgradesAgain() => WithDatabase(connection =>
    {
        var migrator = Migrator(connection);
        foreach (var step in revisions.Graph.PlanUpgrade([], "heads"))
        {
            var id = step.Revision.Id;
            var before = pipeline.Inspect(connection, allSchemas: true);
            Run($"upgrading to {id}", () => migrator.Upgrade(id));
            Run($"downgrading {id}", () => migrator.Downgrade("-1"));
            var left = pipeline.Differences(before, pipeline.Inspect(connection, allSchemas: true));
            if (left.Count > 0)
            {
                throw new MigrationAssertionException(
                    $"Revision {id} ({step.Revision.Path ?? step.Revision.Message}): its downgrade does not undo its upgrade; after both, this is left from the upgrade:\n  " +
                    string.Join("\n  ", left.Select(OperationText.Describe)));
            }
            Run($"upgrading to {id} again after its downgrade", () => migrator.Upgrade(id));
        }
    });

    /// <summary>
    /// A data-migration test: upgrade an empty database to <paramref name="revision"/>, let <paramref name="arrange"/>
    /// insert rows, upgrade to <paramref name="target"/>, and let <paramref name="assert"/> check the rows.
    /// </summary>
    public void UpgradeWithFixture(string revision, Action<DbConnection> arrange, Action<DbConnection> assert, string target = "heads") => WithDatabase(connection =>
    {
        var migrator = Migrator(connection);
        Run($"upgrading to {revision}", () => migrator.Upgrade(revision));
        arrange(connection);
        Run($"upgrading from {revision} to {target} with the fixture rows", () => migrator.Upgrade(target));
        assert(connection);
    });

    private Migrator Migrator(DbConnection connection) => new(connection, pipeline.Provider, revisions, VersionTable, _ => { }, RunSettings.Default with { Lock = false });

    private void WithDatabase(Action<DbConnection> check)
    {
        using var connection = newDatabase();
        if (connection.State != System.Data.ConnectionState.Open) connection.Open();
        check(connection);
    }

    private static void Run(string what, Action action)
    {
        try
        {
            action();
        }
        catch (DiffMigrateException e)
        {
            throw new MigrationAssertionException($"Failed {what}: {e.Message}", e);
        }
    }
}
