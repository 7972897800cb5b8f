using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Support;

/// <summary>Projects whose model is a few builder statements, compiled with Roslyn: the shape most database tests need.</summary>
internal static class ModelProject
{
    /// <summary>
    /// An initialised project whose model runs <paramref name="body"/> (C# statements on <c>SchemaBuilder b</c>), pointed
    /// at <paramref name="database"/> (or, without one, at the project's own SQLite file).
    /// </summary>
    public static TempProject For(string body, TestDatabase? database = null)
    {
        var project = new TempProject();
        var source = "using DiffMigrate;\nusing DiffMigrate.Schema;\n\npublic sealed class Model : SchemaDefinition\n{\n    public override void Define(SchemaBuilder b)\n    {\n" +
            body + "\n    }\n}\n";
        project.Initialized(ModelAssembly.Compile(source, Path.Combine(project.Directory, "Model.dll")));
        if (database is not null) project.Environment["DIFFMIGRATE_URL"] = database.Url;
        return project;
    }
}
