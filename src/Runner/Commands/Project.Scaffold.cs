using DiffMigrate.Inspect;
using DiffMigrate.Render.CSharp;
using DiffMigrate.Runner.Database;

namespace DiffMigrate.Runner.Commands;

public sealed partial class Project
{
    /// <summary>
    /// Writes a C# model of the configured database (every user schema) to <paramref name="outDirectory"/> as one
    /// <c>SchemaDefinition</c> (<c>DatabaseModel.cs</c>); warnings name what the model cannot express. Returns the path.
    /// </summary>
    public string Scaffold(string outDirectory, string ns, string style)
    {
        if (style != "builder") throw new DiffMigrateException($"Scaffold style '{style}' is not available yet: use --style builder.");
        var services = DialectServices.For(Url.Dialect);
        Schema.DatabaseSchema schema;
        using (var connection = drivers.Open(Url))
        {
            schema = services.Inspector.InspectAsync(connection, new InspectOptions([Config.VersionTable], AllSchemas: true)).GetAwaiter().GetResult();
        }
        var (source, warnings) = ModelWriter.Write(schema, ns);
        foreach (var warning in warnings) log("WARNING: " + warning);
        var directory = Path.GetFullPath(outDirectory, Config.Directory);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "DatabaseModel.cs");
        File.WriteAllText(path, source);
        output.WriteLine($"Wrote {path}: {schema.Tables.Count - warnings.Count(w => w.StartsWith("table ", StringComparison.Ordinal))} tables, " +
            $"{schema.Enums.Count} enums, {schema.Sequences.Count} sequences.");
        return path;
    }
}
