using System.Text.Encodings.Web;
using System.Text.Json;
using DiffMigrate.Runner.Configuration;
using DiffMigrate.Runner.Revisions;

namespace DiffMigrate.Design.Commands;

/// <summary>
/// <c>diffmigrate init [--template T] &lt;dir&gt;</c>: the version folders, and a commented configuration when there is
/// none. Templates: <c>generic</c> (one database) and <c>multidb</c> (several databases, one history each).
/// </summary>
internal static class Init
{
    /// <summary>The templates <c>init</c> knows, with what each is for.</summary>
    public static IReadOnlyList<(string Name, string Description)> Templates { get; } =
    [
        ("generic", "Generic single-database configuration."),
        ("multidb", "Several databases, each with its own URL, model and revision history (choose one with --name)."),
    ];

    // The database names the multidb template starts with; users rename or add entries.
    private static readonly string[] MultiDbNames = ["main", "audit"];

    /// <summary>Writes the <c>list-templates</c> text.</summary>
    public static void ListTemplates(TextWriter output)
    {
        output.WriteLine("Available templates:");
        output.WriteLine();
        foreach (var (name, description) in Templates) output.WriteLine($"{name} - {description}");
        output.WriteLine();
        output.WriteLine("Templates are used via the 'init' command, e.g.:");
        output.WriteLine();
        output.WriteLine("  diffmigrate init --template generic ./migrations");
    }

    /// <summary>Creates the version folders under <paramref name="directory"/> and, when missing, <c>diffmigrate.json</c> in <paramref name="currentDirectory"/>.</summary>
    public static void Run(string directory, string currentDirectory, TextWriter output, string template = "generic")
    {
        if (!Templates.Any(t => t.Name == template))
        {
            throw new DiffMigrateException($"No such template '{template}'. Available: {string.Join(", ", Templates.Select(t => t.Name))} (see 'diffmigrate list-templates').");
        }
        // The configuration refuses such a scriptLocation when it is read: refuse it before anything is written.
        if (directory.Length == 0 || directory.Any(char.IsControl))
        {
            throw new DiffMigrateException($"'{RevisionId.Printable(directory)}' cannot be a scripts folder: the name is empty or holds control characters.");
        }
        var scripts = Path.GetFullPath(directory, currentDirectory);
        var folders = template == "multidb" ? MultiDbNames.Select(n => Path.Combine(scripts, n, "versions")).ToList() : [Path.Combine(scripts, "versions")];
        foreach (var versions in folders.Where(v => Directory.Exists(v) && Directory.EnumerateFileSystemEntries(v).Any()))
        {
            throw new DiffMigrateException($"{versions} already exists and is not empty.");
        }
        foreach (var versions in folders)
        {
            Directory.CreateDirectory(versions);
            output.WriteLine($"Creating directory {versions} ... done");
        }
        var config = Path.Combine(currentDirectory, ConfigLoader.FileName);
        if (File.Exists(config))
        {
            output.WriteLine($"{config} already exists: left as it is.");
            return;
        }
        // The folder goes into JSON strings and comments: encoded, a quote or line break in its name stays part of it.
        var relative = JsonEncodedText.Encode(Path.GetRelativePath(currentDirectory, scripts).Replace('\\', '/'), JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
        File.WriteAllText(config, template == "multidb" ? MultiDb(relative) : Generic(relative));
        output.WriteLine($"Generating {config} ... done");
        output.WriteLine(template == "multidb"
            ? "Edit each database's \"url\" and \"model\" in it, then run: diffmigrate --name main revision --autogenerate -m \"initial\""
            : "Edit \"url\" and \"model\" in it, then run: diffmigrate revision --autogenerate -m \"initial\"");
    }

    private static string Generic(string scriptLocation) => $$"""
        {
          // Where revision scripts live: <scriptLocation>/versions/*.cs
          "scriptLocation": "{{scriptLocation}}",

          // More than one version folder (load order = this order), and whether sub-folders count:
          // "versionLocations": ["{{scriptLocation}}/versions", "{{scriptLocation}}/feature_x"],
          // "recursiveVersionLocations": false,

        {{Common("sqlite:///app.db", "Model/Model.csproj", "  ")}}
        }

        """;

    private static string MultiDb(string scriptLocation) => $$"""
        {
          // Several databases, each with its own history. Pick one on every command:
          //   diffmigrate --name main upgrade head
          // A key in a database's entry overrides the same key at the top level.

        {{Common(null, null, "  ")}},

          "databases": {
            "main": {
              "scriptLocation": "{{scriptLocation}}/main",
              "url": "sqlite:///main.db",
              "model": "Model/Model.csproj"
            },
            "audit": {
              "scriptLocation": "{{scriptLocation}}/audit",
              "url": "sqlite:///audit.db",
              "model": "AuditModel/AuditModel.csproj"
            }
          }
        }

        """;

    // The keys both templates share; url and model are left out when each database sets its own.
    private static string Common(string? url, string? model, string indent)
    {
        var lines = new List<string>();
        if (url is not null)
        {
            lines.Add("""
                // The database. sqlite:///app.db (relative to this file), sqlite:////abs/path.db, sqlite:// (in memory),
                // postgresql://user:pass@host:5432/db, or <dialect>:<ADO.NET connection string>.
                // ${NAME} expands from the environment; --url and DIFFMIGRATE_URL override this value.
                """);
            lines.Add($"\"url\": \"{url}\",\n");
        }
        if (model is not null)
        {
            lines.Add("""
                // Your model: a .csproj (built with dotnet build) or a built .dll holding [Table] classes
                // and/or SchemaDefinition subclasses.
                """);
            lines.Add($"\"model\": \"{model}\",\n");
        }
        lines.Add("""
            // The table that records applied revisions.
            "versionTable": "diffmigrate_version",

            // Revision file names: {rev} is the id, {slug} the message.
            "fileTemplate": "{rev}_{slug}",

            // Constraint names: {table}, {column}, {columns}, {referred}, {name}.
            "namingConvention": {
              "primaryKey": "pk_{table}",
              "foreignKey": "fk_{table}_{column}_{referred}",
              "index": "ix_{table}_{columns}",
              "unique": "uq_{table}_{columns}",
              "check": "ck_{table}_{name}"
            },

            // PostgreSQL: compare every schema, not only the default one and those the model uses.
            // "includeSchemas": false,

            // Runs: commit after each revision instead of once for the run; the lock that keeps two runners
            // from applying at once, and how many seconds to wait for it.
            // "transactionPerRevision": false,
            // "lock": true,
            // "lockTimeout": 60,

            // revision --autogenerate writes no revision when nothing changed; --allow-empty writes an empty one.

            // What the comparisons look at: kind:glob, kind one of schema, table, column, index, unique, foreignKey,
            // check, enum, sequence (no kind: table), e.g. "table:audit_*", "column:*.row_version"; exclude wins.
            // Kinds DiffMigrate lists as not managed (view, function, trigger, grant, ...) are left out of that list the same way.
            "include": ["*"],
            "exclude": []
            """);
        var text = string.Join("\n", lines);
        return string.Join("\n", text.Split('\n').Select(l => l.Length == 0 ? l : indent + l));
    }
}
