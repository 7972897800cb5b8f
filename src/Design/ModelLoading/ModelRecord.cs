using System.Text.Json;
using System.Text.Json.Serialization;
using DiffMigrate.Runner.Scripts;

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

    /// <summary>
    /// Writes the record, if it can: when it cannot, an older record stays, whose inputs are checked again on the next
    /// run, so it costs a build, never a stale model.
    /// </summary>
    public void Write() => CacheFile.TryReplace(PathFor(Project), JsonSerializer.Serialize(this, ModelRecordJson.Default.ModelRecord));
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
