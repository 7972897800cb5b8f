using System.Text.Json;
using System.Text.RegularExpressions;

using DiffMigrate.Providers;
using DiffMigrate.Runner.Revisions;
using DiffMigrate.Runner.Execution;

namespace DiffMigrate.Runner.Configuration;

/// <summary>
/// Reads <c>diffmigrate.json</c> (JSON with comments and trailing commas). <c>${NAME}</c> expands from the
/// environment; <c>--url</c>, then <c>DIFFMIGRATE_URL</c>, override the file's url.
/// </summary>
internal static partial class ConfigLoader
{
    /// <summary>The file name looked for in the current directory.</summary>
    public const string FileName = "diffmigrate.json";

    // A day: longer than any sane wait for the migration lock, and far within what a TimeSpan holds.
    private const int MaxLockTimeout = 86_400;

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Loads the configuration named by <paramref name="explicitPath"/>, or <c>diffmigrate.json</c> in
    /// <paramref name="currentDirectory"/>.
    /// </summary>
    public static DiffMigrateConfig Load(string? explicitPath, string currentDirectory, string? urlOverride, Func<string, string?> environment) =>
        Load(explicitPath, currentDirectory, urlOverride, environment, name: null);

    /// <summary>
    /// As <see cref="Load(string?, string, string?, Func{string, string?})"/>, with the keys of the database
    /// <paramref name="name"/> (an entry of <c>databases</c>) taking precedence over the top-level ones.
    /// </summary>
    public static DiffMigrateConfig Load(string? explicitPath, string currentDirectory, string? urlOverride, Func<string, string?> environment, string? name)
    {
        var path = Path.GetFullPath(explicitPath ?? FileName, currentDirectory);
        if (!File.Exists(path))
        {
            throw explicitPath is null
                ? new DiffMigrateException($"No {FileName} in {currentDirectory}: run 'diffmigrate init <dir>' to create one, or pass -c <file>.")
                : new DiffMigrateException($"Configuration file not found: {path}");
        }
        var directory = Path.GetDirectoryName(path)!;
        JsonDocument document;
        string json;
        try
        {
            json = File.ReadAllText(path);
            document = JsonDocument.Parse(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new DiffMigrateException($"{path}:{(e.LineNumber ?? 0) + 1}: invalid JSON: {FirstSentence(e.Message)}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
        {
            throw new DiffMigrateException($"{path}: cannot read the configuration: {e.Message}", e);
        }
        using (document)
        {
            ConfigKeys.Check(System.Text.Encoding.UTF8.GetBytes(json), path,
                new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var secrets = new List<string>();
            var top = document.RootElement;
            if (top.ValueKind != JsonValueKind.Object) throw new DiffMigrateException($"{path}: the configuration must be a JSON object.");
            var section = Section(top, name, path);
            bool TryGet(string key, out JsonElement value) =>
                (section is { } s && s.TryGetProperty(key, out value)) || top.TryGetProperty(key, out value);
            string? Text(string key)
            {
                if (!TryGet(key, out var value) || value.ValueKind == JsonValueKind.Null) return null;
                if (value.ValueKind != JsonValueKind.String) throw new DiffMigrateException($"{path}: '{key}' must be a string.");
                return Expand(value.GetString()!, environment, path, key, secrets);
            }
            IReadOnlyList<string>? List(string key)
            {
                if (!TryGet(key, out var value) || value.ValueKind == JsonValueKind.Null) return null;
                if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
                {
                    throw new DiffMigrateException($"{path}: '{key}' must be an array of strings.");
                }
                return value.EnumerateArray().Select(v => Expand(v.GetString()!, environment, path, key, secrets)).ToList();
            }
            bool Flag(string key, bool otherwise = false)
            {
                if (!TryGet(key, out var value) || value.ValueKind == JsonValueKind.Null) return otherwise;
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? value.GetBoolean()
                    : throw new DiffMigrateException($"{path}: '{key}' must be true or false.");
            }
            TimeSpan LockTimeout()
            {
                if (!TryGet("lockTimeout", out var value) || value.ValueKind == JsonValueKind.Null) return RunSettings.Default.LockTimeout;
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var seconds) || seconds < 0)
                {
                    throw new DiffMigrateException($"{path}: 'lockTimeout' must be a number of seconds (0 or more).");
                }
                return seconds <= MaxLockTimeout
                    ? TimeSpan.FromSeconds(seconds)
                    : throw new DiffMigrateException($"{path}: 'lockTimeout' is {seconds} seconds; at most {MaxLockTimeout} (a day) is allowed.");
            }
            var naming = new Dictionary<string, string>(StringComparer.Ordinal);
            if (TryGet("namingConvention", out var conventions))
            {
                if (conventions.ValueKind != JsonValueKind.Object) throw new DiffMigrateException($"{path}: 'namingConvention' must be an object.");
                foreach (var entry in conventions.EnumerateObject())
                {
                    if (entry.Value.ValueKind != JsonValueKind.String) throw new DiffMigrateException($"{path}: 'namingConvention.{entry.Name}' must be a string.");
                    naming[entry.Name] = Expand(entry.Value.GetString()!, environment, path, "namingConvention." + entry.Name, secrets);
                }
            }
            var fileUrl = Text("url");
            var envUrl = environment("DIFFMIGRATE_URL");
            var model = Text("model");
            string FullPath(string key, string value)
            {
                try
                {
                    return value.Length > 0 && !value.Any(char.IsControl) ? Path.GetFullPath(value, directory) : throw new ArgumentException("empty or control characters");
                }
                catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
                {
                    throw new DiffMigrateException($"{path}: '{key}' is not a valid path ({RevisionId.Printable(value)}).", e);
                }
            }
            var scriptLocation = FullPath("scriptLocation", Text("scriptLocation") ?? "migrations");
            var locations = List("versionLocations")?.Select(l => FullPath("versionLocations", l)).ToList();
            if (locations is { Count: 0 }) throw new DiffMigrateException($"{path}: 'versionLocations' is empty: leave it out for <scriptLocation>/versions.");
            var fileTemplate = Text("fileTemplate") ?? DiffMigrateConfig.DefaultFileTemplate;
            FileTemplate.Validate(fileTemplate, path);
            var include = List("include");
            var exclude = List("exclude");
            ObjectFilter.Parse(include, exclude, path);   // a bad pattern fails every command, as an unknown key does
            var url = urlOverride ?? (string.IsNullOrEmpty(envUrl) ? fileUrl : envUrl);
            // Every password this run could print: the one in use and the ones written in the file, parseable or not.
            foreach (var candidate in new[] { url, fileUrl, envUrl, urlOverride }) secrets.AddRange(SecretMask.In(candidate));
            return new DiffMigrateConfig(
                directory,
                path,
                scriptLocation,
                url,
                model is null ? null : FullPath("model", model),
                Text("versionTable") ?? DiffMigrateConfig.DefaultVersionTable,
                fileTemplate,
                naming,
                include,
                exclude)
            {
                Name = name,
                Secrets = secrets.Distinct(StringComparer.Ordinal).ToList(),
                VersionLocations = locations ?? [Path.Combine(scriptLocation, "versions")],
                RecursiveVersionLocations = Flag("recursiveVersionLocations"),
                SkipEmpty = Flag("skipEmpty"),
                IncludeSchemas = Flag("includeSchemas"),
                Run = new RunSettings(Flag("transactionPerRevision"), Flag("lock", otherwise: true), LockTimeout()),
            };
        }
    }

    // The names of the databases the file configures (its "databases" object), in file order.
    private static IReadOnlyList<string> DatabaseNames(JsonElement top) =>
        top.TryGetProperty("databases", out var databases) && databases.ValueKind == JsonValueKind.Object
            ? databases.EnumerateObject().Select(d => d.Name).ToList()
            : [];

    private static JsonElement? Section(JsonElement top, string? name, string path)
    {
        var names = DatabaseNames(top);
        if (name is null)
        {
            // Like Alembic's multidb template, a file that lists several databases wants one named.
            if (names.Count > 0) throw new DiffMigrateException($"{path} configures several databases ({string.Join(", ", names)}): choose one with --name.");
            return null;
        }
        if (!names.Contains(name, StringComparer.Ordinal))
        {
            throw new DiffMigrateException(names.Count == 0
                ? $"{path} has no 'databases' section, so --name {name} names nothing."
                : $"{path} has no database '{name}' (it has {string.Join(", ", names)}).");
        }
        var section = top.GetProperty("databases").GetProperty(name);
        return section.ValueKind == JsonValueKind.Object ? section : throw new DiffMigrateException($"{path}: 'databases.{name}' must be an object.");
    }

    /// <summary>
    /// The base directory for relative SQLite paths in the effective url: the file's directory when the url came
    /// from the file, the current directory when it came from the command line or the environment.
    /// </summary>
    public static string UrlBaseDirectory(DiffMigrateConfig config, string? urlOverride, Func<string, string?> environment, string currentDirectory)
        => urlOverride is not null || !string.IsNullOrEmpty(environment("DIFFMIGRATE_URL")) ? currentDirectory : config.Directory;

    // ${NAME} from the environment. A value from a variable whose name says it is a secret, or one standing where a
    // URL's password goes, is remembered so that no message or file shows it.
    private static string Expand(string value, Func<string, string?> environment, string path, string key, List<string> secrets)
    {
        if (value.Contains("${", StringComparison.Ordinal) && !EnvReferences().IsMatch(value))
        {
            throw new DiffMigrateException($"{path}: '{key}' has a malformed environment reference: write ${{NAME}} with letters, digits and underscores.");
        }
        return EnvReference().Replace(value, m =>
        {
            var name = m.Groups[1].Value;
            var expanded = environment(name)
                ?? throw new DiffMigrateException($"{path}: '{key}' uses ${{{name}}}, which is not set in the environment.");
            if (SecretName().IsMatch(name)) secrets.Add(expanded);
            secrets.AddRange(SecretMask.In(expanded));
            return expanded;
        });
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex EnvReference();

    // Text whose every "${" opens a well-formed reference.
    [GeneratedRegex(@"^(?:[^$]|\$(?!\{)|\$\{[A-Za-z_][A-Za-z0-9_]*\})*$")]
    private static partial Regex EnvReferences();

    [GeneratedRegex("PASS|PWD|PSW|SECRET|TOKEN|KEY|CRED", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
