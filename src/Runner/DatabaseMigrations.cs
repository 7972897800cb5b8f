using System.Data;
using System.Data.Common;
using System.Reflection;
using DiffMigrate.Dialects;
using DiffMigrate.Providers;
using DiffMigrate.Runner.Configuration;
using DiffMigrate.Runner.Execution;

namespace DiffMigrate.Runner;

/// <summary>Options for <see cref="DatabaseMigrations"/>.</summary>
/// <param name="Dialect">The database's dialect; null to infer it from the connection type.</param>
/// <param name="VersionTable">The version table's name.</param>
/// <param name="Target">The revision to upgrade to.</param>
/// <param name="Log">Receives progress: one line per applied step, and a line when the run waits for the migration lock or resumes a stopped revision.</param>
/// <param name="Run">Transaction per revision, the migration lock and its timeout; <see cref="RunSettings.Default"/> when null.</param>
public sealed record MigrationOptions(
    Dialect? Dialect = null,
    string VersionTable = DiffMigrateConfig.DefaultVersionTable,
    string Target = "heads",
    Action<string>? Log = null,
    RunSettings? Run = null);

/// <summary>
/// The library entry point for applications: upgrade a database at start-up, with the application's own
/// connection, from revisions compiled into the application or read from a script directory. A failure throws a
/// <see cref="DiffMigrateException"/> whose message names the cause (a lost connection, a locked file, the failing
/// statement) and says what stayed applied.
/// </summary>
public static class DatabaseMigrations
{
    /// <summary>Upgrades to head using revisions compiled into <paramref name="migrations"/>; returns the steps applied.</summary>
    public static int UpgradeToHead(DbConnection connection, Assembly migrations, MigrationOptions? options = null)
        => UpgradeToHead(connection, RevisionSet.FromAssembly(migrations), options);

    /// <summary>
    /// Upgrades to head using <paramref name="revisions"/> (for example script folders read by the design-time
    /// <c>ScriptRevisions</c>); returns the steps applied.
    /// </summary>
    public static int UpgradeToHead(DbConnection connection, RevisionSet revisions, MigrationOptions? options = null)
    {
        var (migrator, target) = Prepare(connection, revisions, options ?? new MigrationOptions());
        if (connection.State != ConnectionState.Open) connection.Open();
        return migrator.Upgrade(target);
    }

    /// <summary>
    /// Upgrades to head using revisions compiled into <paramref name="migrations"/>, without blocking a thread on
    /// the database; returns the steps applied. See <see cref="UpgradeToHeadAsync(DbConnection, RevisionSet, MigrationOptions?, CancellationToken)"/>
    /// for what a cancellation leaves.
    /// </summary>
    public static Task<int> UpgradeToHeadAsync(
        DbConnection connection, Assembly migrations, MigrationOptions? options = null, CancellationToken cancellationToken = default)
        => UpgradeToHeadAsync(connection, RevisionSet.FromAssembly(migrations), options, cancellationToken);

    /// <summary>
    /// Upgrades to head using <paramref name="revisions"/>, without blocking a thread on the database; returns the
    /// steps applied. A cancellation stops the run while it waits for the migration lock or between two
    /// statements: the open transaction is rolled back as on any failure (with the default of one transaction for
    /// the run, nothing stays applied; with a transaction per revision, the revisions committed before it stay) and
    /// the <see cref="OperationCanceledException"/> reaches the caller as it is. A revision stopped after a
    /// statement that runs outside a transaction resumes on the next run, as after any failure.
    /// </summary>
    public static async Task<int> UpgradeToHeadAsync(
        DbConnection connection, RevisionSet revisions, MigrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (migrator, target) = Prepare(connection, revisions, options ?? new MigrationOptions());
        if (connection.State != ConnectionState.Open) await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await migrator.UpgradeAsync(target, cancellationToken).ConfigureAwait(false);
    }

    private static (Migrator Migrator, string Target) Prepare(DbConnection connection, RevisionSet revisions, MigrationOptions options)
    {
        var provider = options.Dialect is { } dialect ? DatabaseProviders.For(dialect) : DatabaseProviders.For(connection);
        return (new Migrator(connection, provider, revisions, options.VersionTable, options.Log ?? (_ => { }), options.Run), options.Target);
    }
}
