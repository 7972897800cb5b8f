using System.Security.Cryptography;
using System.Text;
using DiffMigrate.Migrations;
using DiffMigrate.Providers;
using DiffMigrate.Render.Sql;
using DiffMigrate.Runner.Revisions;
using DiffMigrate.Runner.Scripts;

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

    // A script's key reads its file: once per revision, though a miss asks for it again when the rendered SQL is saved.
    private readonly Dictionary<string, string> scriptKeys = new(StringComparer.Ordinal);

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
        // A read-only checkout still works; it just renders every time.
        CacheFile.WriteEntries(file, Version, entries.Select(e => $"{e.Key}\t{(e.Value.ForeignKeysOff ? 'F' : '-')}\t{CacheFile.Escape(e.Value.Sql)}"));
    }

    private string Key(DatabaseProvider provider, MigrationStep step)
    {
        var id = step.Revision.Id;
        if (!scriptKeys.TryGetValue(id, out var script)) scriptKeys[id] = script = scriptKey(id);
        var key = string.Join("\0", script, step.IsUpgrade ? "up" : "down", provider.GetType().FullName, provider.Dialect.Name, Builds.Value);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..40];
    }

    private static Dictionary<string, StepSql> Load(string file)
    {
        var entries = new Dictionary<string, StepSql>(StringComparer.Ordinal);
        if (CacheFile.ReadEntries(file, Version) is not { } lines) return entries;
        foreach (var line in lines)
        {
            var f = line.Split('\t');
            if (f.Length != 3 || f[1] is not ("F" or "-")) return new(StringComparer.Ordinal);
            entries[f[0]] = new StepSql(CacheFile.Unescape(f[2]), f[1] == "F", DependsOnEarlierRevisions: false);
        }
        return entries;
    }
}

/// <summary>
/// One step's operations as offline SQL (terminated statements, as RenderScript writes them), whether any of them
/// needs foreign-key enforcement off, and whether the text depends on the revisions before it.
/// </summary>
internal sealed record StepSql(string Sql, bool ForeignKeysOff, bool DependsOnEarlierRevisions);
