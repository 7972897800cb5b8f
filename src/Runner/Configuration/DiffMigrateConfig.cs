using DiffMigrate.Runner.Execution;

namespace DiffMigrate.Runner.Configuration;

/// <summary>
/// The settings of one project, as read from <c>diffmigrate.json</c> with overrides applied. Paths are absolute
/// (relative ones in the file are resolved against the file's own directory).
/// </summary>
internal sealed record DiffMigrateConfig(
    string Directory,
    string? Path,
    string ScriptLocation,
    string? Url,
    string? Model,
    string VersionTable,
    string FileTemplate,
    IReadOnlyDictionary<string, string> NamingConvention,
    IReadOnlyList<string>? Include,
    IReadOnlyList<string>? Exclude)
{
    /// <summary>The version table's default name.</summary>
    public const string DefaultVersionTable = "diffmigrate_version";

    /// <summary>The default revision file name: id and a slug of the message.</summary>
    public const string DefaultFileTemplate = "{rev}_{slug}";

    /// <summary>
    /// The secret values known for this configuration (passwords in its URLs, values of secret-named environment
    /// variables it expanded), for masking wherever they would be shown.
    /// </summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>The database this configuration was selected for (<c>--name</c>), when the file lists several.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// The folders holding revision scripts, in load order (<c>versionLocations</c>; by default
    /// <c>&lt;scriptLocation&gt;/versions</c>).
    /// </summary>
    public IReadOnlyList<string> VersionLocations { get; init; } = [System.IO.Path.Combine(ScriptLocation, "versions")];

    /// <summary>Compare every schema of the database, not only the default one and those the model uses (<c>includeSchemas</c>).</summary>
    public bool IncludeSchemas { get; init; }

    /// <summary>How runs apply revisions: <c>transactionPerRevision</c>, <c>lock</c>, <c>lockTimeout</c> (seconds).</summary>
    public RunSettings Run { get; init; } = RunSettings.Default;

    /// <summary>
    /// <c>revision --autogenerate</c> writes no revision when it finds no change (<c>skipEmpty</c>; as <c>--skip-empty</c>).
    /// </summary>
    public bool SkipEmpty { get; init; }

    /// <summary>Whether sub-folders of the version locations are read too.</summary>
    public bool RecursiveVersionLocations { get; init; }

    /// <summary>The folder holding revision scripts when there is exactly one (the first one otherwise).</summary>
    public string VersionsPath => VersionLocations[0];

    /// <summary>Settings for a project with no configuration file, rooted at <paramref name="directory"/>.</summary>
    public static DiffMigrateConfig Defaults(string directory, string scriptLocation) => new(
        directory, null, System.IO.Path.GetFullPath(scriptLocation, directory), null, null, DefaultVersionTable,
        DefaultFileTemplate, new Dictionary<string, string>(), null, null);
}
