using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiffMigrate.Design.ModelLoading;

/// <summary>
/// What the tool knows about a model project since its last real build: every input with its stamp, the built
/// assembly, and what an in-process compile needs (kept in obj/diffmigrate/model.json). The sources' stamps describe
/// the assembly in use: <see cref="Compiled"/> when the model was last compiled in-process, else <see cref="Target"/>.
/// </summary>
internal sealed record ModelRecord(
    int Format,
    string Project,
    long RecordedAt,
    FileStamp Target,
    FileStamp? Compiled,
    IReadOnlyList<string> RuntimeAssemblies,
    string SdkRoot,
    string InstalledSdks,
    IReadOnlyList<FileStamp> ProjectInputs,
    IReadOnlyList<string> AbsentInputs,
    IReadOnlyList<WatchedDirectory> Watched,
    IReadOnlyList<FileStamp> Sources,
    CompileSettings Compile)
{
    public const int CurrentFormat = 1;

    public static string PathFor(string project) => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(project)!, "obj", "diffmigrate", "model.json");

    public static ModelRecord? Read(string project)
    {
        try
        {
            var record = JsonSerializer.Deserialize(File.ReadAllText(PathFor(project)), ModelRecordJson.Default.ModelRecord);
            return record is { Format: CurrentFormat } && record.Project == project ? record : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    public void Write()
    {
        var path = PathFor(Project);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            // Written aside and moved, so that a concurrent run reads the old record or the new one, never half of one.
            var temporary = path + "." + Environment.ProcessId + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(this, ModelRecordJson.Default.ModelRecord));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An older record stays: its inputs are checked again on the next run, so it costs a build, never a stale model.
        }
    }
}

/// <summary>A folder whose default-glob <c>*.cs</c> files were these: a file added or removed there changes the model.</summary>
internal sealed record WatchedDirectory(string Directory, bool IsModelProject, IReadOnlyList<string> Files);

/// <summary>The compiler inputs of the model project, as its evaluation gave them.</summary>
internal sealed record CompileSettings(
    string AssemblyName,
    string OutputType,
    string LangVersion,
    string Nullable,
    bool AllowUnsafeBlocks,
    bool Optimize,
    bool CheckForOverflowUnderflow,
    IReadOnlyList<string> DefineConstants,
    IReadOnlyList<string> CompileItems,
    IReadOnlyList<string> References,
    bool DefaultCompileGlob,
    string? BuildReason);

[JsonSerializable(typeof(ModelRecord))]
[JsonSourceGenerationOptions(WriteIndented = true)]
internal sealed partial class ModelRecordJson : JsonSerializerContext;
