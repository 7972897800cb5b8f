using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DiffMigrate.Runner.Scripts;
using DiffMigrate.Schema;

namespace DiffMigrate.Design.ModelLoading;

/// <summary>
/// The schema a model assembly evaluated to, kept so that the next command with the same assembly need not run it:
/// running a model is mostly the JIT compiling its code (some 0.3 s for 500 tables written with the builder). Only a
/// model whose schema depends on its bytes alone is kept (<see cref="ModelPurity"/>), under a key of everything else
/// the evaluation reads: the assembly's hash, DiffMigrate's model API (its build), the runtime's version, the current
/// culture (string formatting) and the naming convention. Anything else runs the model, as before.
/// </summary>
internal sealed class ModelSchemaCache(string file, string key)
{
    // After the key line: a cached schema, or the reason the model must run.
    private const byte SchemaTag = 1;
    private const byte MustRunTag = 0;

    /// <summary>The cache of the model <paramref name="image"/> (from <paramref name="modelPath"/>) in <paramref name="folder"/>.</summary>
    public static ModelSchemaCache For(string folder, string modelPath, byte[] image, NamingConvention naming)
    {
        var inputs = string.Join("\n",
            Convert.ToHexString(SHA256.HashData(image)),
            typeof(DatabaseSchema).Assembly.ManifestModule.ModuleVersionId.ToString(),
            Environment.Version.ToString(),
            CultureInfo.CurrentCulture.Name,
            naming.ToString());
        var name = "model-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(modelPath))))[..16].ToLowerInvariant() + ".schema";
        return new ModelSchemaCache(Path.Combine(folder, name), Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(inputs))));
    }

    /// <summary>
    /// What is kept for this key: the model's schema, or the reason it must run (already said when it was first
    /// found), or null when nothing is (none, another key, or unreadable).
    /// </summary>
    public (DatabaseSchema? Schema, string? MustRun)? Lookup()
    {
        var header = Header();
        if (CacheFile.ReadBytes(file) is not { } bytes || !bytes.AsSpan().StartsWith(header) || bytes.Length == header.Length) return null;
        var body = bytes[(header.Length + 1)..];
        if (bytes[header.Length] == MustRunTag) return (null, Encoding.UTF8.GetString(body));
        return bytes[header.Length] == SchemaTag && SchemaSnapshot.Read(body) is { } schema ? (schema, null) : null;
    }

    /// <summary>
    /// Keeps <paramref name="schema"/>, evaluated from <paramref name="image"/>, when it depends on the image alone;
    /// otherwise keeps the reason, said once on <paramref name="log"/>.
    /// </summary>
    public void Write(byte[] image, DatabaseSchema schema, Action<string>? log)
    {
        var why = ModelPurity.WhyItMustRun(image);
        byte[]? snapshot = null;
        if (why is null)
        {
            try
            {
                snapshot = SchemaSnapshot.Write(schema);
            }
            catch (InvalidDataException e)
            {
                why = e.Message;
            }
        }
        if (why is not null) log?.Invoke($"The model runs on every command ({why}); its schema is not cached.");
        try
        {
            CacheFile.Replace(file, [.. Header(), .. snapshot is null ? [MustRunTag, .. Encoding.UTF8.GetBytes(why!)] : (byte[])[SchemaTag, .. snapshot]]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only checkout works, uncached.
        }
    }

    private byte[] Header() => Encoding.ASCII.GetBytes(key + "\n");
}
