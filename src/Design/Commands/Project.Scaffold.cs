using DiffMigrate.Inspect;
using DiffMigrate.Providers;
using DiffMigrate.Render.CSharp;

namespace DiffMigrate.Design.Commands;

internal sealed partial class Project
{
    /// <summary>
    /// Writes a C# model of the configured database (every user schema) to <paramref name="outDirectory"/>: with
    /// <paramref name="style"/> <c>builder</c>, one <c>SchemaDefinition</c> (<c>DatabaseModel.cs</c>); with
    /// <c>attributes</c>, one entity class per table, and the builder for what attributes cannot describe. Warnings
    /// name what the model cannot express. Returns the folder.
    /// </summary>
    public string Scaffold(string outDirectory, string ns, string style) => Scaffold(outDirectory, ns, style, out _);

    /// <summary>As <see cref="Scaffold(string, string, string)"/>; <paramref name="unmanagedCount"/> is how many objects were left out as not managed.</summary>
    public string Scaffold(string outDirectory, string ns, string style, out int unmanagedCount)
    {
        if (style is not ("builder" or "attributes")) throw new DiffMigrateException($"Unknown scaffold style '{style}': expected builder or attributes.");
        var provider = DatabaseProviders.For(Url.Dialect);
        Schema.DatabaseSchema schema;
        using (var connection = OpenForReading())
        {
            schema = provider.Inspector.Inspect(connection, new InspectOptions([Config.VersionTable], AllSchemas: true));
        }
        IReadOnlyList<(string File, string Source)> files;
        IReadOnlyList<string> warnings;
        if (style == "builder")
        {
            var (source, found) = ModelWriter.Write(schema, ns);
            (files, warnings) = ([("DatabaseModel.cs", source)], found);
        }
        else
        {
            (files, warnings) = ModelWriter.WriteEntities(schema, ns, provider.Dialect);
        }
        foreach (var warning in warnings) log("WARNING: " + warning);
        var directory = Path.GetFullPath(outDirectory, Config.Directory);
        Directory.CreateDirectory(directory);
        foreach (var (file, text) in files) File.WriteAllText(Path.Combine(directory, file), text);
        output.WriteLine($"Wrote {files.Count} file(s) to {directory}: {schema.Tables.Count - warnings.Count(w => w.StartsWith("table ", StringComparison.Ordinal))} tables, " +
            $"{schema.Enums.Count} enums, {schema.Sequences.Count} sequences, {schema.Extensions.Count} extensions, {schema.Objects.Count} views, routines and triggers.");
        // What the model cannot hold yet is named, never dropped silently.
        var unmanaged = UnmanagedReport.Of(Pipeline(provider).Unmanaged(schema));
        output.Write(unmanaged.Text("not written to the model"));
        unmanagedCount = unmanaged.Seen.Count;
        return directory;
    }
}
