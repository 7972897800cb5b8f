using DiffMigrate.Runner.Configuration;

namespace DiffMigrate.Runner.Commands;

/// <summary><c>diffmigrate init &lt;dir&gt;</c>: a versions folder, and a commented configuration when there is none.</summary>
public static class Init
{
    /// <summary>Creates <c>&lt;directory&gt;/versions/</c> and, when missing, <c>diffmigrate.json</c> in <paramref name="currentDirectory"/>.</summary>
    public static void Run(string directory, string currentDirectory, TextWriter output)
    {
        var scripts = Path.GetFullPath(directory, currentDirectory);
        var versions = Path.Combine(scripts, "versions");
        if (Directory.Exists(versions) && Directory.EnumerateFileSystemEntries(versions).Any())
        {
            throw new DiffMigrateException($"{versions} already exists and is not empty.");
        }
        Directory.CreateDirectory(versions);
        output.WriteLine($"Creating directory {versions} ... done");
        var config = Path.Combine(currentDirectory, ConfigLoader.FileName);
        if (File.Exists(config))
        {
            output.WriteLine($"{config} already exists: left as it is.");
            return;
        }
        var relative = Path.GetRelativePath(currentDirectory, scripts).Replace('\\', '/');
        File.WriteAllText(config, Template(relative));
        output.WriteLine($"Generating {config} ... done");
        output.WriteLine("Edit \"url\" and \"model\" in it, then run: diffmigrate revision --autogenerate -m \"initial\"");
    }

    private static string Template(string scriptLocation) => $$"""
        {
          // Where revision scripts live: <scriptLocation>/versions/*.cs
          "scriptLocation": "{{scriptLocation}}",

          // The database. sqlite:///app.db (relative to this file), sqlite:////abs/path.db, sqlite:// (in memory),
          // postgresql://user:pass@host:5432/db, or <dialect>:<ADO.NET connection string>.
          // ${NAME} expands from the environment; --url and DIFFMIGRATE_URL override this value.
          "url": "sqlite:///app.db",

          // Your model: a .csproj (built with dotnet build) or a built .dll holding [Table] classes
          // and/or SchemaDefinition subclasses.
          "model": "Model/Model.csproj",

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

          // Tables autogenerate looks at (glob patterns); exclude wins.
          "include": ["*"],
          "exclude": []
        }

        """;
}
