using System.Globalization;
using System.Text;
using DiffMigrate.Runner.Scripts;
using DiffMigrate.Schema;

namespace DiffMigrate.Design.ModelLoading;

/// <summary>
/// The schema a model assembly evaluated to, kept so that the next command with the same assembly need not run it:
/// running a model is mostly the JIT compiling its code (some 0.3 s for 500 tables written with the builder). Only a
/// model whose schema depends on its bytes alone is kept (<see cref="ModelPurity"/>), under a key of everything else
/// the evaluation reads: the assembly's hash, DiffMigrate's model API (its build), the runtime's version, the current
/// culture (string formatting) and its collation version (ICU's, which an ICU update changes: culture-sensitive sorting
/// and casing), and the naming convention. Anything else runs the model, as before.
/// </summary>
internal sealed class ModelSchemaCache(string file, string key, byte[] image)
{
    // After the key line: a cached schema, or the reason the model must run.
    private const byte SchemaTag = 1;
    private const byte MustRunTag = 0;

    /// <summary>The cache of the model <paramref name="image"/> (from <paramref name="modelPath"/>) in <paramref name="folder"/>.</summary>
    public static ModelSchemaCache For(string folder, string modelPath, byte[] image, NamingConvention naming)
    {
        var collation = CultureInfo.CurrentCulture.CompareInfo.Version;
        var key = ContentHash.Of([
            ContentHash.Of(image),
            typeof(DatabaseSchema).Assembly.ManifestModule.ModuleVersionId.ToString(),
            Environment.Version.ToString(),
            CultureInfo.CurrentCulture.Name,
            $"{collation.FullVersion}/{collation.SortId}",
            naming.ToString()]);
        var name = "model-" + ContentHash.Of(Path.GetFullPath(modelPath))[..16] + ".schema";
        return new ModelSchemaCache(Path.Combine(folder, name), key, image);
    }

    /// <summary>
    /// The schema kept for this key, or <paramref name="run"/>'s. A new key's schema is kept when it depends on the
    /// assembly alone; otherwise the reason is kept and said once on <paramref name="log"/>, and the model runs on
    /// every command without a word more.
    /// </summary>
    public DatabaseSchema GetOrRun(Func<DatabaseSchema> run, Action<string>? log)
    {
        var header = Encoding.ASCII.GetBytes(key + "\n");
        if (CacheFile.ReadBytes(file) is { } bytes && bytes.Length > header.Length && bytes.AsSpan().StartsWith(header))
        {
            if (bytes[header.Length] == MustRunTag) return run();
            if (bytes[header.Length] == SchemaTag && SchemaSnapshot.Read(bytes, header.Length + 1) is { } kept) return kept;
        }
        var schema = run();
        var (tag, body) = Entry(schema);
        if (tag == MustRunTag) log?.Invoke($"The model runs on every command ({Encoding.UTF8.GetString(body)}); its schema is not cached.");
        try
        {
            CacheFile.Replace(file, [.. header, tag, .. body]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only checkout works, uncached.
        }
        return schema;
    }

    // The snapshot of a model that depends on its assembly alone, or why the model must run.
    private (byte Tag, byte[] Body) Entry(DatabaseSchema schema)
    {
        if (ModelPurity.WhyItMustRun(image) is { } why) return (MustRunTag, Encoding.UTF8.GetBytes(why));
        try
        {
            return (SchemaTag, SchemaSnapshot.Write(schema));
        }
        catch (InvalidDataException e)
        {
            return (MustRunTag, Encoding.UTF8.GetBytes(e.Message));
        }
    }
}
