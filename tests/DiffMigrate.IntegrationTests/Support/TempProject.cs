using DiffMigrate.Cli;

namespace DiffMigrate.IntegrationTests.Support;

/// <summary>A scratch directory with a diffmigrate project in it, and a way to run the CLI there in-process.</summary>
internal sealed class TempProject : IDisposable
{
    public TempProject()
    {
        Directory = Path.Combine(Path.GetTempPath(), "diffmigrate-test-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public string VersionsPath => Path.Combine(Directory, "migrations", "versions");

    /// <summary>The Blog sample's model assembly, built next to the tests.</summary>
    public static string BlogModel => Path.Combine(AppContext.BaseDirectory, "Blog.dll");

    /// <summary><c>init migrations</c>, then the configuration pointed at <paramref name="model"/> and a SQLite file.</summary>
    public TempProject Initialized(string? model = null, string database = "app.db")
    {
        var (code, _, err) = Run("init", "migrations");
        Assert.AreEqual(0, code, err);
        var config = Path.Combine(Directory, "diffmigrate.json");
        var text = File.ReadAllText(config)
            .Replace("\"Model/Model.csproj\"", "\"" + (model ?? BlogModel).Replace("\\", "\\\\", StringComparison.Ordinal) + "\"", StringComparison.Ordinal)
            .Replace("sqlite:///app.db", "sqlite:///" + database, StringComparison.Ordinal);
        File.WriteAllText(config, text);
        return this;
    }

    /// <summary>Points the configuration's <c>model</c> at <paramref name="model"/> (a scaffolded and compiled model, say).</summary>
    public void UseModel(string model)
    {
        var config = Path.Combine(Directory, "diffmigrate.json");
        var value = "\"model\": \"" + model.Replace("\\", "\\\\", StringComparison.Ordinal) + "\"";
        File.WriteAllText(config, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(config), "\"model\": \"[^\"]*\"", _ => value));
    }

    /// <summary>Replaces <paramref name="what"/> (which must be there) with <paramref name="with"/> in the configuration file.</summary>
    public void EditConfig(string what, string with)
    {
        var config = Path.Combine(Directory, "diffmigrate.json");
        var text = File.ReadAllText(config);
        Assert.Contains(what, text);
        File.WriteAllText(config, text.Replace(what, with, StringComparison.Ordinal));
    }

    public (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr, Directory, name => Environment.GetValueOrDefault(name));
        return (code, stdout.ToString(), stderr.ToString());
    }

    public string Database(string name = "app.db") => Path.Combine(Directory, name);

    /// <summary>The rows of the version table, read straight from the SQLite file, sorted.</summary>
    public IReadOnlyList<string> VersionRows(string name = "app.db") =>
        Strings(Database(name), "SELECT version_num FROM diffmigrate_version ORDER BY version_num");

    /// <summary>The first column of every row <paramref name="sql"/> returns from the SQLite file <paramref name="database"/>.</summary>
    public static IReadOnlyList<string> Strings(string database, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine is not worth failing a test over.
        }
    }
}
