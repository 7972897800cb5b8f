namespace DiffMigrate.Runner.Configuration;

/// <summary>
/// The settings of one project, as read from <c>diffmigrate.json</c> with overrides applied. Paths are absolute
/// (relative ones in the file are resolved against the file's own directory).
/// </summary>
public sealed record DiffMigrateConfig(
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

    /// <summary>The folder holding revision scripts.</summary>
    public string VersionsPath => System.IO.Path.Combine(ScriptLocation, "versions");

    /// <summary>Settings for a project with no configuration file, rooted at <paramref name="directory"/>.</summary>
    public static DiffMigrateConfig Defaults(string directory, string scriptLocation) => new(
        directory, null, System.IO.Path.GetFullPath(scriptLocation, directory), null, null, DefaultVersionTable,
        DefaultFileTemplate, new Dictionary<string, string>(), null, null);
}
