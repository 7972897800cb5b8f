using System.Security.Cryptography;
using System.Text;
using DiffMigrate.Migrations;
using DiffMigrate.Providers;
using DiffMigrate.Render.Sql;
using DiffMigrate.Runner.Revisions;

namespace DiffMigrate.Runner.Execution;

/// <summary>
/// The offline SQL of each revision's operations, kept between runs in one file so that a repeated <c>--sql</c> run
/// reads text instead of loading and running every script. An entry is keyed by everything its text depends on:
/// the script's text (through <paramref name="scriptKey"/>, which also names the compiler's build), the direction,
/// the provider, and the builds of the model, renderers and runner. What is not in the entry is worked out each
/// time: the step's comment and version-table statements, the transaction and foreign-key wrapping. A revision
/// whose SQL depends on the revisions before it (a batch without copyFrom, which an offline SQLite rebuild fills in
/// by replaying them) is never cached. A cache that cannot be read is ignored; one that cannot be written is not fatal.
/// </summary>
internal sealed class OfflineSqlCache(string file, Func<string, string> scriptKey)
{
    // Bump when the line format or what an entry holds changes.
    private const string Version = "diffmigrate-offline-sql 1";

    private static readonly Lazy<string> Builds = new(() => string.Join("|",
        new[] { typeof(MigrationOperation), typeof(SqlStatement), typeof(DatabaseProvider), typeof(OfflineSqlCache) }
            .Select(t => t.Assembly.ManifestModule.ModuleVersionId.ToString("N"))));

    private Dictionary<string, StepSql>? entries;

    /// <summary>The cached SQL of every step, or null when any step has none.</summary>
    public IReadOnlyList<StepSql>? Find(DatabaseProvider provider, IReadOnlyList<MigrationStep> steps)
    {
        entries ??= Load(file);
        var found = new List<StepSql>(steps.Count);
        foreach (var step in steps)
        {
            if (!entries.TryGetValue(Key(provider, step), out var entry)) return null;
            found.Add(entry);
        }
        return found;
    }

    /// <summary>Adds what <paramref name="rendered"/> holds for <paramref name="steps"/> (one each) and writes the file.</summary>
    public void Save(DatabaseProvider provider, IReadOnlyList<MigrationStep> steps, IReadOnlyList<StepSql> rendered)
    {
        entries ??= Load(file);
        var added = false;
        for (var i = 0; i < steps.Count; i++)
        {
            if (rendered[i].DependsOnEarlierRevisions) continue;
            added |= entries.TryAdd(Key(provider, steps[i]), rendered[i]);
        }
        if (!added) return;
        var text = new StringBuilder(Version).Append('\n');
        foreach (var (key, entry) in entries)
        {
            text.Append(key).Append('\t').Append(entry.ForeignKeysOff ? 'F' : '-').Append('\t').Append(Escape(entry.Sql)).Append('\n');
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var temporary = file + "." + Environment.ProcessId + ".tmp";
            File.WriteAllText(temporary, text.ToString());
            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only checkout still works; it just renders every time.
        }
    }

    private string Key(DatabaseProvider provider, MigrationStep step)
    {
        var key = string.Join("\0", scriptKey(step.Revision.Id), step.IsUpgrade ? "up" : "down", provider.GetType().FullName, provider.Dialect.Name, Builds.Value);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..40];
    }

    private static Dictionary<string, StepSql> Load(string file)
    {
        var entries = new Dictionary<string, StepSql>(StringComparer.Ordinal);
        string[] lines;
        try
        {
            if (!File.Exists(file)) return entries;
            lines = File.ReadAllLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return entries;
        }
        if (lines.Length == 0 || lines[0] != Version) return entries;
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split('\t');
            if (f.Length != 3 || f[1] is not ("F" or "-")) return new(StringComparer.Ordinal);
            entries[f[0]] = new StepSql(Unescape(f[2]), f[1] == "F", DependsOnEarlierRevisions: false);
        }
        return entries;
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

    private static string Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal)) return text;
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                result.Append(text[i]);
                continue;
            }
            result.Append(text[++i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', var c => c });
        }
        return result.ToString();
    }
}

/// <summary>
/// One step's operations as offline SQL (terminated statements, as RenderScript writes them), whether any of them
/// needs foreign-key enforcement off, and whether the text depends on the revisions before it.
/// </summary>
internal sealed record StepSql(string Sql, bool ForeignKeysOff, bool DependsOnEarlierRevisions);
