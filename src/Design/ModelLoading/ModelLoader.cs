using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using DiffMigrate.Schema;

namespace DiffMigrate.Design.ModelLoading;

/// <summary>
/// Loads the application's model: a <c>.csproj</c> is built with <c>dotnet build</c> first, a <c>.dll</c> is used
/// as it is. The assembly lives in its own load context that shares DiffMigrate.Model with the tool (so the
/// model's attributes and SchemaDefinition are the tool's types) and resolves everything else from its own folder.
/// </summary>
internal static class ModelLoader
{
    /// <summary>Builds (when needed) and loads the model at <paramref name="modelPath"/>.</summary>
    public static Assembly Load(string modelPath, Action<string>? log = null)
    {
        if (!File.Exists(modelPath)) throw new DiffMigrateException($"Model not found: {modelPath}");
        var dll = Path.GetExtension(modelPath).ToLowerInvariant() switch
        {
            ".csproj" => Build(modelPath, log),
            ".dll" => modelPath,
            _ => throw new DiffMigrateException($"The model must be a .csproj or a .dll: {modelPath}"),
        };
        try
        {
            return new ModelLoadContext(dll).LoadFromAssemblyPath(Path.GetFullPath(dll));
        }
        catch (BadImageFormatException e)
        {
            throw new DiffMigrateException($"The model {dll} is not a .NET assembly (build the model project and point \"model\" at its .dll or .csproj).", e);
        }
        catch (FileLoadException e)
        {
            throw new DiffMigrateException($"The model {dll} cannot be loaded: {e.Message}", e);
        }
    }

    /// <summary>
    /// The schema of the loaded model <paramref name="assembly"/> (from <paramref name="modelPath"/>). The model's own
    /// code runs here (SchemaDefinition constructors and Define): what it throws is the model's fault, said in one line.
    /// </summary>
    public static DatabaseSchema ReadSchema(Assembly assembly, string modelPath, NamingConvention naming)
    {
        try
        {
            return SchemaModel.FromAssembly(assembly, naming);
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner and not DiffMigrateException)
        {
            throw new DiffMigrateException($"The model {modelPath} threw {inner.GetType().Name} while it was read: {inner.Message}", inner);
        }
        catch (Exception e) when (e is not DiffMigrateException and not OutOfMemoryException)
        {
            throw new DiffMigrateException($"The model {modelPath} could not be read: {e.GetType().Name}: {e.Message}", e);
        }
    }

    private static string Build(string project, Action<string>? log)
    {
        log?.Invoke($"Building model {project} ...");
        var (code, output) = Dotnet("build", project, "-c", "Debug", "-nologo", "-v", "q", "-clp:NoSummary", "-p:GenerateFullPaths=true");
        if (code != 0)
        {
            var errors = output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(": error ", StringComparison.Ordinal))
                .Select(l => l.EndsWith(']') && l.LastIndexOf(" [", StringComparison.Ordinal) is var at and > 0 ? l[..at] : l)
                .Distinct(StringComparer.Ordinal).Take(20).ToList();
            throw new DiffMigrateException($"The model does not build: {project}\n" + (errors.Count > 0 ? string.Join("\n", errors) : output.Trim()));
        }
        var (_, path) = Dotnet("msbuild", project, "-getProperty:TargetPath", "-p:Configuration=Debug", "-nologo");
        var target = path.Trim();
        if (!File.Exists(target)) throw new DiffMigrateException($"The model built, but its assembly was not found at '{target}' ({project}).");
        return target;
    }

    private static (int Code, string Output) Dotnet(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new DiffMigrateException("Could not start 'dotnet' to build the model.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }

    private sealed class ModelLoadContext(string assemblyPath) : AssemblyLoadContext("DiffMigrate.Model:" + Path.GetFileName(assemblyPath), isCollectible: true)
    {
        private readonly AssemblyDependencyResolver resolver = new(Path.GetFullPath(assemblyPath));

        protected override Assembly? Load(AssemblyName name)
        {
            if (string.Equals(name.Name, typeof(Migration).Assembly.GetName().Name, StringComparison.Ordinal)) return typeof(Migration).Assembly;
            return resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;
        }
    }
}
