using System.Diagnostics;
using DiffMigrate.Runner.Scripts;

namespace DiffMigrate.Design.ModelLoading;

/// <summary>
/// The model assembly of a <c>.csproj</c>, without MSBuild when it can be: an unchanged model is the assembly made
/// last time; after an edit of source files only, the sources are compiled in-process; anything else (a project file,
/// props or targets, the restore, a referenced project, the SDK) is a real build, which also records the inputs anew.
/// </summary>
internal static class ModelCache
{
    /// <summary>
    /// The model's assembly, the built assembly whose deps.json resolves its dependencies, and the dependencies its
    /// build resolved (found first).
    /// </summary>
    public sealed record Resolved(string Assembly, string Target, IReadOnlyList<string> Dependencies);

    public static Resolved Resolve(string projectPath, Action<string>? log)
    {
        var project = Path.GetFullPath(projectPath);
        var clock = Stopwatch.StartNew();
        var record = ModelRecord.Read(project);
        if (record is null) return Build(project, "no cached build", log);
        if (ProjectChange(record) is { } change) return Build(project, change, log);
        if (!File.Exists(record.Target.Path)) return Build(project, "its build output is missing", log);

        var model = record.Watched.First(w => w.IsModelProject);
        var files = ModelEvaluation.Glob(model.Directory);
        var compileItems = record.Compile.CompileItems;
        var filesMoved = !files.SequenceEqual(model.Files, StringComparer.Ordinal);
        if (filesMoved)
        {
            if (!record.Compile.DefaultCompileGlob) return Build(project, "source files were added or removed", log);
            compileItems = compileItems.Where(c => !model.Files.Contains(c) || files.Contains(c)).Concat(files.Except(model.Files)).ToList();
        }

        var recorded = record.Sources.ToDictionary(s => s.Path, StringComparer.Ordinal);
        var current = compileItems.Select(c => recorded.TryGetValue(c, out var stamp) ? stamp.Current(record.RecordedAt) : null).ToList();
        var assembly = record.Compiled ?? record.Target;
        if (!filesMoved && current.All(s => s is not null) && assembly.Unchanged())
        {
            log?.Invoke($"Model unchanged: {project} ({record.ProjectInputs.Count + current.Count} inputs checked in {clock.ElapsedMilliseconds} ms)");
            var refreshed = current.Select(s => s!).ToList();
            if (!refreshed.SequenceEqual(record.Sources)) (record with { Sources = refreshed }).Write();
            return new Resolved(assembly.Path, record.Target.Path, record.RuntimeAssemblies);
        }

        var why = filesMoved ? "source files were added or removed"
            : current.Any(s => s is null) ? "edited: " + string.Join(", ", compileItems.Where((_, i) => current[i] is null).Select(Path.GetFileName).Take(3))
            : "its assembly changed since it was made";
        if (record.Compile.BuildReason is { } reason) return Build(project, $"{why}; {reason}", log);
        // A generated source gone (dotnet clean) or a reference gone (a cleared NuGet cache) is only made again by a build.
        if (compileItems.Concat(record.Compile.References).FirstOrDefault(c => !File.Exists(c)) is { } missing) return Build(project, "missing: " + missing, log);
        var sources = ModelCompiler.Read(compileItems);
        if (ModelCompiler.GeneratorNeeded(sources) is { } generator) return Build(project, $"{why}; {generator}", log);

        log?.Invoke($"Compiling model {project} in-process ({why}) ...");
        var image = ModelCompiler.Compile(project, record.Compile, sources);
        log?.Invoke($"Compiled in {clock.ElapsedMilliseconds} ms.");
        var output = Path.Combine(Path.GetDirectoryName(ModelRecord.PathFor(project))!, record.Compile.AssemblyName + ".dll");
        // A new file rather than the old one rewritten: an earlier model assembly may still be mapped by this process.
        CacheFile.Replace(output, image);
        (record with
        {
            RecordedAt = DateTime.UtcNow.Ticks,
            Compiled = FileStamp.Of(output, hash: false),
            Watched = record.Watched.Select(w => w.IsModelProject ? w with { Files = files } : w).ToList(),
            Sources = sources.Select(s => s.Stamp).ToList(),
            Compile = record.Compile with { CompileItems = compileItems },
        }).Write();
        return new Resolved(output, record.Target.Path, record.RuntimeAssemblies);
    }

    private static Resolved Build(string project, string reason, Action<string>? log)
    {
        log?.Invoke($"Building model {project} ({reason}) ...");
        var record = ModelEvaluation.Build(project);
        record.Write();
        return new Resolved(record.Target.Path, record.Target.Path, record.RuntimeAssemblies);
    }

    /// <summary>What changed outside the model's own sources since the last build, or null.</summary>
    private static string? ProjectChange(ModelRecord record)
    {
        if (ModelEvaluation.InstalledSdks(record.SdkRoot, record.InstalledSdks.Split('|')[0]) != record.InstalledSdks) return "the installed .NET SDKs changed";
        if (record.ProjectInputs.FirstOrDefault(s => s.Current(record.RecordedAt) is null) is { } input) return "changed: " + input.Path;
        if (record.AbsentInputs.FirstOrDefault(File.Exists) is { } added) return "added: " + added;
        foreach (var watched in record.Watched.Where(w => !w.IsModelProject))
        {
            if (!ModelEvaluation.Glob(watched.Directory).SequenceEqual(watched.Files, StringComparer.Ordinal))
                return "source files were added to or removed from " + watched.Directory;
        }
        return null;
    }
}
