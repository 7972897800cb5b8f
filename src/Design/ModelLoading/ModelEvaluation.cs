using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DiffMigrate.Design.ModelLoading;

/// <summary>
/// The one real build of a model project: <c>dotnet msbuild -restore -t:Build</c> that also reports what MSBuild
/// resolved (sources, references, compiler options) so that later runs can check the inputs and compile without it.
/// </summary>
internal static partial class ModelEvaluation
{
    private static readonly string[] Properties =
    [
        "TargetPath", "AssemblyName", "OutputType", "LangVersion", "Nullable", "AllowUnsafeBlocks", "Optimize",
        "CheckForOverflowUnderflow", "DefineConstants", "EnableDefaultCompileItems", "NETCoreSdkVersion", "NetCoreRoot",
        "ProjectAssetsFile", "SignAssembly",
    ];

    // RuntimeCopyLocalItems and ReferenceCopyLocalPaths: the assemblies the model runs with (packages from the NuGet
    // cache, referenced projects' outputs); a library's bin/ holds no package assemblies, nor does its deps.json find them.
    private static readonly string[] Items = ["Compile", "ReferencePath", "Analyzer", "EmbeddedResource", "RuntimeCopyLocalItems", "ReferenceCopyLocalPaths"];

    // Files up the tree that MSBuild and the SDK read implicitly: adding one changes the build as editing one does.
    private static readonly string[] ImplicitFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json"];

    /// <summary>Builds <paramref name="project"/> and records its inputs; the failure of the build is the user's, said as today.</summary>
    public static ModelRecord Build(string project)
    {
        var started = DateTime.UtcNow.Ticks;
        var arguments = new List<string> { "msbuild", project, "-restore", "-t:Build", "-p:Configuration=Debug", "-nologo", "-v:q", "-clp:NoSummary", "-p:GenerateFullPaths=true" };
        arguments.AddRange(Properties.Select(p => "-getProperty:" + p));
        arguments.AddRange(Items.Select(i => "-getItem:" + i));
        var (code, stdout, stderr) = Dotnet(arguments);
        if (code != 0)
        {
            var output = stdout + stderr;
            var errors = output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(": error ", StringComparison.Ordinal))
                .Select(l => l.EndsWith(']') && l.LastIndexOf(" [", StringComparison.Ordinal) is var at and > 0 ? l[..at] : l)
                .Distinct(StringComparer.Ordinal).Take(20).ToList();
            throw new DiffMigrateException($"The model does not build: {project}\n" + (errors.Count > 0 ? string.Join("\n", errors) : stderr.Trim()));
        }
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(stdout);
        }
        catch (JsonException e)
        {
            // -getProperty/-getItem make MSBuild print JSON alone; anything else is a build this tool does not understand.
            throw new DiffMigrateException($"The model built, but MSBuild's report of it could not be read ({e.Message}): {project}\n" + string.Join("\n", stdout.Trim().Split('\n').Take(20)), e);
        }
        using (json) return Record(project, json.RootElement, started);
    }

    private static ModelRecord Record(string project, JsonElement result, long started)
    {
        var properties = result.GetProperty("Properties");
        string Property(string name) => properties.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";
        var items = result.GetProperty("Items");
        IEnumerable<JsonElement> Item(string name) => items.TryGetProperty(name, out var list) ? list.EnumerateArray() : [];
        static string Meta(JsonElement item, string name) => item.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";

        var target = Property("TargetPath");
        var targetStamp = FileStamp.Of(target, hash: false)
            ?? throw new DiffMigrateException($"The model built, but its assembly was not found at '{target}' ({project}).");
        var directory = Path.GetDirectoryName(project)!;
        var sdkRoot = Property("NetCoreRoot");
        var compile = Item("Compile").Select(i => Meta(i, "FullPath")).Distinct(StringComparer.Ordinal).ToList();
        var references = Item("ReferencePath").ToList();
        var referencedProjects = references
            .Where(r => Meta(r, "ReferenceSourceTarget") == "ProjectReference" && Meta(r, "MSBuildSourceProjectFile") is { Length: > 0 })
            .Select(r => Path.GetFullPath(Meta(r, "MSBuildSourceProjectFile"))).Distinct(StringComparer.Ordinal).ToList();

        var watched = new List<WatchedDirectory> { new(directory, true, Glob(directory)) };
        watched.AddRange(referencedProjects.Select(p => new WatchedDirectory(Path.GetDirectoryName(p)!, false, Glob(Path.GetDirectoryName(p)!))));

        var inputs = new List<string> { project, Property("ProjectAssetsFile") };
        var absent = new List<string>();
        foreach (var referenced in referencedProjects)
        {
            inputs.Add(referenced);
            inputs.Add(Path.Combine(Path.GetDirectoryName(referenced)!, "obj", "project.assets.json"));
        }
        inputs.AddRange(watched.Where(w => !w.IsModelProject).SelectMany(w => w.Files));
        foreach (var folder in watched.Select(w => w.Directory))
        {
            for (var up = folder; up is not null; up = Path.GetDirectoryName(up))
            {
                foreach (var name in ImplicitFiles)
                {
                    var path = Path.Combine(up, name);
                    (File.Exists(path) ? inputs : absent).Add(path);
                }
            }
        }

        var glob = watched[0].Files;
        var intermediate = Path.Combine(directory, "obj") + Path.DirectorySeparatorChar;
        var defaultGlob = string.Equals(Property("EnableDefaultCompileItems"), "true", StringComparison.OrdinalIgnoreCase)
            && glob.All(compile.Contains)
            && compile.Except(glob).All(c => c.StartsWith(intermediate, StringComparison.Ordinal));

        var settings = new CompileSettings(
            Property("AssemblyName"), Property("OutputType"), Property("LangVersion"), Property("Nullable"),
            IsTrue(Property("AllowUnsafeBlocks")), IsTrue(Property("Optimize")), IsTrue(Property("CheckForOverflowUnderflow")),
            Property("DefineConstants").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            compile,
            references.Select(r => Meta(r, "FullPath")).Distinct(StringComparer.Ordinal).ToList(),
            defaultGlob,
            BuildReason(project, Property("SignAssembly"), Item("EmbeddedResource").Select(i => Meta(i, "Identity")).ToList(),
                Item("Analyzer").Select(i => Meta(i, "FullPath")).ToList(), sdkRoot));

        return new ModelRecord(
            ModelRecord.CurrentFormat, project, DateTime.UtcNow.Ticks, targetStamp, null,
            Item("RuntimeCopyLocalItems").Concat(Item("ReferenceCopyLocalPaths")).Select(i => Meta(i, "FullPath"))
                .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal).ToList(),
            sdkRoot, InstalledSdks(sdkRoot, Property("NETCoreSdkVersion")),
            Stamps(inputs.Where(File.Exists).Distinct(StringComparer.Ordinal), started),
            absent.Distinct(StringComparer.Ordinal).ToList(),
            watched,
            Stamps(compile, started),
            settings);
    }

    /// <summary>
    /// Why the model cannot be compiled in-process, or null when a compile is all it needs. Analyzers shipped with the
    /// SDK (its code analysis and the framework's generators) are left out of the in-process compile: analyzers only
    /// warn, and the generators act on attributes a model has no use for (checked per compile, see ModelCompiler).
    /// </summary>
    private static string? BuildReason(string project, string sign, List<string> resources, List<string> analyzers, string sdkRoot)
    {
        if (IsTrue(sign)) return "the assembly is signed (SignAssembly)";
        if (resources.Count > 0) return $"it embeds resources ({resources[0]})";
        var foreign = analyzers.Where(a => sdkRoot.Length == 0 || !a.StartsWith(sdkRoot, StringComparison.Ordinal)).ToList();
        if (foreign.Count > 0) return $"it uses analyzers or source generators from packages ({string.Join(", ", foreign.Select(Path.GetFileNameWithoutExtension).Take(3))})";
        if (OwnTargets().IsMatch(File.ReadAllText(project))) return "its project file defines targets";
        return null;
    }

    /// <summary>The SDKs installed beside the one used, and that one: a new SDK may change which one builds.</summary>
    public static string InstalledSdks(string sdkRoot, string version)
    {
        var sdks = Path.Combine(sdkRoot, "sdk");
        var names = Directory.Exists(sdks) ? Directory.GetDirectories(sdks).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList() : [];
        return version + "|" + string.Join(",", names);
    }

    /// <summary>The <c>*.cs</c> files the SDK's default Compile glob takes under <paramref name="directory"/>, sorted.</summary>
    public static IReadOnlyList<string> Glob(string directory)
    {
        if (!Directory.Exists(directory)) return [];
        var found = new List<string>();
        Walk(directory, top: true);
        found.Sort(StringComparer.Ordinal);
        return found;

        void Walk(string folder, bool top)
        {
            found.AddRange(Directory.EnumerateFiles(folder, "*.cs"));
            foreach (var sub in Directory.EnumerateDirectories(folder))
            {
                var name = Path.GetFileName(sub);
                if (name.StartsWith('.') || (top && name is "bin" or "obj")) continue;
                Walk(sub, top: false);
            }
        }
    }

    // A file written while the build ran may not be what the build read: its stamp is left unhashed so that the next
    // run sees it as changed. The build's own output in obj/ is written by it and is what it read.
    private static List<FileStamp> Stamps(IEnumerable<string> paths, long started) =>
        paths.Select(p => FileStamp.Of(p))
            .OfType<FileStamp>()
            .Select(s => s.Ticks >= started && !s.Path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? s with { Hash = "" } : s)
            .ToList();

    [GeneratedRegex(@"<(Target|UsingTask)[\s>]")]
    private static partial Regex OwnTargets();

    private static bool IsTrue(string value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private static (int Code, string Stdout, string Stderr) Dotnet(List<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new DiffMigrateException("Could not start 'dotnet' to build the model.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
