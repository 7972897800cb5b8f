using System.Data.Common;
using DiffMigrate.Design.Pipeline;
using DiffMigrate.Design.Scripts;
using DiffMigrate.Providers;
using DiffMigrate.Runner.Configuration;
using DiffMigrate.Runner.Database;
using DiffMigrate.Runner.Execution;
using DiffMigrate.Runner.Revisions;

namespace DiffMigrate.Design.Commands;

/// <summary>
/// The commands of one configured project, as plain methods: the CLI is a thin shell over these, and tests call
/// them directly. Data goes to <paramref name="output"/>; progress and diagnostics to <paramref name="log"/>.
/// </summary>
internal sealed partial class Project(DiffMigrateConfig config, string urlBaseDirectory, DriverRegistry drivers, TextWriter output, Action<string> log)
{
    private RevisionSet? revisions;
    private DatabaseUrl? url;
    private ComparisonOptions? comparisonOptions;

    /// <summary>The configuration in use.</summary>
    public DiffMigrateConfig Config { get; } = config;

    /// <summary>
    /// How every command of this project compares schemas: by default what the configuration says (version table,
    /// <c>includeSchemas</c>, <c>include</c>/<c>exclude</c>, <c>skipEmpty</c>); set it to add an object predicate or a
    /// rewrite of generated revisions.
    /// </summary>
    public ComparisonOptions Comparison
    {
        get => comparisonOptions ??= ComparisonOptions.For(Config);
        init => comparisonOptions = value;
    }

    /// <summary>The revisions of the script directory, read on first use.</summary>
    public RevisionSet Revisions => revisions ??= LoadRevisions();

    /// <summary>The database URL (parsed on first use), or a clear error when none is configured.</summary>
    public DatabaseUrl Url => url ??= Config.Url is { } text
        ? DatabaseUrl.Parse(text, urlBaseDirectory)
        : throw new DiffMigrateException(
            $"No database URL: set \"url\" in {Config.Path ?? ConfigLoader.FileName}, the DIFFMIGRATE_URL environment variable, or --url.");

    /// <summary>Upgrades the database (or, with <paramref name="sql"/>, prints the script).</summary>
    public int Upgrade(string target, bool sql) => Upgrade([target], sql);

    /// <summary>Upgrades the database to every one of <paramref name="targets"/> (offline: exactly one target).</summary>
    public int Upgrade(IReadOnlyList<string> targets, bool sql)
    {
        var provider = DatabaseProviders.For(Url.Dialect);
        if (sql)
        {
            if (targets.Count != 1) throw new DiffMigrateException("upgrade --sql takes one target (a revision or a start:end range).");
            output.Write(OfflineScript.Upgrade(Revisions, provider, Config.VersionTable, targets[0]));
            return 0;
        }
        using var connection = drivers.Open(Url);
        return Migrator(connection, provider, log).Upgrade(targets);
    }

    /// <summary>
    /// Sets the version rows to <paramref name="targets"/> without running any revision (or, with
    /// <paramref name="sql"/>, prints the statements; targets may then be <c>start:end</c>).
    /// </summary>
    public void Stamp(IReadOnlyList<string> targets, bool purge, bool sql = false)
    {
        if (sql)
        {
            output.Write(OfflineScript.Stamp(Revisions.Graph, DatabaseProviders.For(Url.Dialect), Config.VersionTable, targets, purge));
            return;
        }
        using var connection = drivers.Open(Url);
        Migrator(connection, DatabaseProviders.For(Url.Dialect), log).Stamp(targets, purge);
    }

    /// <summary>Downgrades the database (or, with <paramref name="sql"/>, prints the script for a range).</summary>
    public int Downgrade(string target, bool sql)
    {
        var provider = DatabaseProviders.For(Url.Dialect);
        if (sql)
        {
            output.Write(OfflineScript.Downgrade(Revisions, provider, Config.VersionTable, target));
            return 0;
        }
        using var connection = drivers.Open(Url);
        return Migrator(connection, provider, log).Downgrade(target);
    }

    /// <summary>
    /// Compares the model with a database at head: 0 when they agree, 1 (with the differences listed) when they do not.
    /// </summary>
    public int Check(bool failOnUnmanaged = false)
    {
        var model = ModelLoad.Start(Config, log);
        var (pipeline, comparison) = model.Alongside(() =>
        {
            var pipeline = Pipeline(DatabaseProviders.For(Url.Dialect));
            using var connection = OpenForReading();
            RequireAtHead(Migrator(connection, pipeline.Provider, log).Current(), Revisions.Graph);
            return (pipeline, pipeline.Compare(connection, () => model.Schema));
        });
        var provider = pipeline.Provider;
        var operations = comparison.Operations;
        var unmanaged = UnmanagedReport.Of(pipeline.Unmanaged(comparison.Database));
        if (operations.Count == 0)
        {
            output.WriteLine("No new upgrade operations detected.");
            output.Write(unmanaged.Text());
            return UnmanagedExit(unmanaged, failOnUnmanaged);
        }
        output.WriteLine($"New upgrade operations detected ({operations.Count}):");
        foreach (var operation in operations) output.WriteLine("  " + OperationText.Describe(operation, provider.Dialect));
        output.Write(unmanaged.Text());
        return 1;
    }

    /// <summary>The comparison pipeline for <paramref name="provider"/>, with this project's options and log.</summary>
    internal SchemaComparison Pipeline(DatabaseProvider provider) => new(provider, Comparison, log);

    /// <summary>A migrator over <paramref name="connection"/> with the configuration's version table and run settings.</summary>
    internal Migrator Migrator(DbConnection connection, DatabaseProvider provider, Action<string> log) =>
        new(connection, provider, Revisions, Config.VersionTable, log, Config.Run);

    private static void RequireAtHead(IReadOnlyList<string> rows, RevisionGraph graph)
    {
        var heads = graph.Heads;
        if (rows.Count != heads.Count || rows.Any(r => !heads.Contains(r, StringComparer.Ordinal)))
        {
            var at = rows.Count == 0 ? "base (no revision applied)" : string.Join(", ", rows);
            throw new DiffMigrateException(
                $"Target database is not up to date: it is at {at}, the scripts' head is {(heads.Count == 0 ? "base" : string.Join(", ", heads))}. Run 'diffmigrate upgrade head' first.");
        }
    }

    private RevisionSet LoadRevisions()
    {
        if (!Config.VersionLocations.Any(Directory.Exists))
        {
            throw new DiffMigrateException(Config.VersionLocations.Count == 1
                ? $"No versions directory at {Config.VersionsPath}: run 'diffmigrate init <dir>' or fix scriptLocation."
                : $"None of the version locations exists ({string.Join(", ", Config.VersionLocations)}): create them or fix versionLocations.");
        }
        return ScriptRevisions.FromDirectories(Config.VersionLocations, Config.RecursiveVersionLocations, Path.Combine(Config.ScriptLocation, ".diffmigrate-cache"));
    }

    /// <summary>A connection for a command that only reads (see <see cref="DatabaseUrl.ForReading"/>).</summary>
    private System.Data.Common.DbConnection OpenForReading()
    {
        var url = Url.ForReading();
        if (url.File is { } file && !File.Exists(file) && !Directory.Exists(file)) log($"{file} does not exist: read as an empty database (nothing is created).");
        return drivers.Open(url);
    }
}
