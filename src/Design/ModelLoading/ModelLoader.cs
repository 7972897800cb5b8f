using System.Reflection;
using System.Runtime.Loader;
using DiffMigrate.Schema;

namespace DiffMigrate.Design.ModelLoading;

/// <summary>
/// Loads the application's model: a <c>.csproj</c> is built first, or compiled in-process, or taken from the cache
/// (<see cref="ModelCache"/>); a <c>.dll</c> is used as it is. The assembly lives in its own load context that shares
/// DiffMigrate.Model with the tool (so the model's attributes and SchemaDefinition are the tool's types) and resolves
/// everything else through the deps.json of its build.
/// </summary>
internal static class ModelLoader
{
    /// <summary>The model's assembly at <paramref name="modelPath"/>: a <c>.csproj</c> built or compiled when needed, a <c>.dll</c> as it is.</summary>
    public static ModelCache.Resolved Resolve(string modelPath, Action<string>? log = null)
    {
        if (!File.Exists(modelPath)) throw new DiffMigrateException($"Model not found: {modelPath}");
        return Path.GetExtension(modelPath).ToLowerInvariant() switch
        {
            ".csproj" => ModelCache.Resolve(modelPath, log),
            ".dll" => new ModelCache.Resolved(modelPath, modelPath, []),
            _ => throw new DiffMigrateException($"The model must be a .csproj or a .dll: {modelPath}"),
        };
    }

    /// <summary>The bytes of the resolved model's assembly.</summary>
    public static byte[] Image(ModelCache.Resolved resolved) => File.ReadAllBytes(Path.GetFullPath(resolved.Assembly));

    /// <summary>Loads the resolved model from <paramref name="image"/>, its assembly's bytes.</summary>
    public static Assembly Load(ModelCache.Resolved resolved, byte[] image)
    {
        try
        {
            using var stream = new MemoryStream(image, writable: false);
            return new ModelLoadContext(resolved).LoadFromStream(stream);
        }
        catch (BadImageFormatException e)
        {
            throw new DiffMigrateException($"The model {resolved.Assembly} is not a .NET assembly (build the model project and point \"model\" at its .dll or .csproj).", e);
        }
        catch (FileLoadException e)
        {
            throw new DiffMigrateException($"The model {resolved.Assembly} cannot be loaded: {e.Message}", e);
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

    // The model's dependencies: first those its build resolved to run with (packages stay in the NuGet cache for a
    // library), then its build's deps.json, also when the model itself was compiled in-process: any change to its
    // references forces that build, so both are current. (The references the compile used are in part reference
    // assemblies, which cannot run.) Images are loaded from bytes: the runtime keeps an image per path while an earlier
    // context lives, so a model rebuilt in the same process (tests, hosts) would otherwise be the old one.
    private sealed class ModelLoadContext(ModelCache.Resolved model) : AssemblyLoadContext("DiffMigrate.Model:" + Path.GetFileName(model.Assembly), isCollectible: true)
    {
        private readonly AssemblyDependencyResolver resolver = new(Path.GetFullPath(model.Target));
        private readonly Dictionary<string, string> dependencies = model.Dependencies
            .GroupBy(d => Path.GetFileNameWithoutExtension(d), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        public Assembly LoadImage(string path)
        {
            using var image = new MemoryStream(File.ReadAllBytes(Path.GetFullPath(path)));
            return LoadFromStream(image);
        }

        protected override Assembly? Load(AssemblyName name)
        {
            if (string.Equals(name.Name, typeof(Migration).Assembly.GetName().Name, StringComparison.Ordinal)) return typeof(Migration).Assembly;
            var path = name.Name is { } simple && dependencies.TryGetValue(simple, out var found) && File.Exists(found) ? found : resolver.ResolveAssemblyToPath(name);
            return path is null ? null : LoadImage(path);
        }
    }
}
