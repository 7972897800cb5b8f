using DiffMigrate.Diff;
using DiffMigrate.Inspect;
using DiffMigrate.Migrations;
using DiffMigrate.Runner.Database;
using DiffMigrate.Runner.Execution;
using DiffMigrate.Schema;

namespace DiffMigrate.Runner.Commands;

public sealed partial class Project
{
    /// <summary>
    /// <c>diff --from A --to B</c>: the operations that take source <paramref name="from"/> to source
    /// <paramref name="to"/>, where a source is <c>model</c> (the configured model), <c>migrations</c> (what the
    /// revisions build, in a scratch database) or a database URL. Written as <see cref="Diff"/> writes; exit 0 when
    /// they are the same, 1 when they differ.
    /// </summary>
    public int DiffSources(string from, string to, string format)
    {
        if (!DiffFormats.Contains(format, StringComparer.Ordinal) || format == "csharp")
        {
            throw new DiffMigrateException($"Unknown format '{format}' for --from/--to: expected text, markdown, json or sql.");
        }
        var dialects = new[] { from, to }.Where(IsUrl).Select(s => DatabaseUrl.Parse(s, Config.Directory).Dialect).Distinct().ToList();
        if (dialects.Count > 1) throw new DiffMigrateException($"--from and --to are databases of different dialects ({string.Join(" and ", dialects.Select(d => d.Name))}).");
        var dialect = dialects.Count == 1 ? dialects[0] : Url.Dialect;
        var services = DialectServices.For(dialect);
        var source = Load(from, services);
        var target = Load(to, services);
        DatabaseSchema? serverForms = null;
        if (to == "model" && IsUrl(from) && services.Canonicalizer is { } canonicalizer)
        {
            using var connection = drivers.Open(DatabaseUrl.Parse(from, Config.Directory));
            serverForms = canonicalizer.CanonicalizeAsync(connection, target, source).GetAwaiter().GetResult().Forms;
        }
        var differ = new SchemaDiffer(new DiffOptions(dialect, Config.VersionTable, Config.Include, Config.Exclude, serverForms));
        var operations = Batches.For(dialect, differ.Diff(source, target));
        var report = ChangeReport.For(dialect, operations);
        output.Write(format switch
        {
            "text" => report.Text(),
            "markdown" => report.Markdown(),
            "json" => report.Json(),
            _ => OfflineScript.Script(services, services.Renderer.Render(operations
                .Select(o => o is BatchAlterTable { CopyFrom: null } b && source.FindTable(b.Table) is { } t ? b with { CopyFrom = t } : o).ToList())),
        });
        return operations.Count > 0 ? 1 : 0;
    }

    private static bool IsUrl(string source) => source is not ("model" or "migrations");

    private DatabaseSchema Load(string source, DialectServices services)
    {
        switch (source)
        {
            case "model":
                return Autogenerate.LoadModel(Config, log);
            case "migrations":
                DatabaseSchema? built = null;
                WithScratch((scratch, _) =>
                {
                    Migrator(scratch, services, _ => { }).Upgrade("heads");
                    built = Inspect(services, scratch, new InspectOptions([Config.VersionTable], AllSchemas: true));
                    return 0;
                });
                return built!;
            default:
                var url = DatabaseUrl.Parse(source, Config.Directory);
                using (var connection = drivers.Open(url))
                {
                    return Inspect(services, connection, new InspectOptions([Config.VersionTable], AllSchemas: true));
                }
        }
    }
}
