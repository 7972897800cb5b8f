using DiffMigrate.Design.Pipeline;
using DiffMigrate.Providers;
using DiffMigrate.Schema;

namespace DiffMigrate.Design.Commands;

internal sealed partial class Project
{
    /// <summary>
    /// <c>diff --from A --to B</c>: the operations that take source <paramref name="from"/> to source
    /// <paramref name="to"/>, where a source is <c>model</c> (the configured model), <c>migrations</c> (what the
    /// revisions build: replayed in memory when no database URL is involved, else in a scratch database) or a database URL. Written as <see cref="Diff"/> writes; exit 0 when
    /// they are the same, 1 when they differ.
    /// </summary>
    public int DiffSources(string from, string to, string format, bool failOnUnmanaged = false)
    {
        if (!DiffFormats.Contains(format, StringComparer.Ordinal) || format == "csharp")
        {
            throw new DiffMigrateException($"Unknown format '{format}' for --from/--to: expected text, markdown, json or sql.");
        }
        var dialects = new[] { from, to }.Where(IsUrl).Select(s => DatabaseUrl.Parse(s, Config.Directory).Dialect).Distinct().ToList();
        if (dialects.Count > 1) throw new DiffMigrateException($"--from and --to are databases of different dialects ({string.Join(" and ", dialects.Select(d => d.Name))}).");
        var dialect = dialects.Count == 1 ? dialects[0] : Url.Dialect;
        var provider = DatabaseProviders.For(dialect);
        var pipeline = Pipeline(provider);
        Comparison comparison;
        UnmanagedReport unmanaged;
        if (to == "model" && IsUrl(from))
        {
            // The database against the model is what autogenerate does (the server canonicalises the model's side).
            var model = ModelLoad.Start(Config, log);
            comparison = model.Alongside(() =>
            {
                using var connection = drivers.Open(DatabaseUrl.Parse(from, Config.Directory).ForReading());
                return pipeline.Compare(connection, () => model.Schema);
            });
            unmanaged = UnmanagedReport.Of(pipeline.Unmanaged(comparison.Database));
        }
        else
        {
            // Without a database on either side nothing needs a server: what the revisions build is replayed in memory.
            var inMemory = !IsUrl(from) && !IsUrl(to);
            var (source, target) = (Load(from, pipeline, inMemory), Load(to, pipeline, inMemory));
            comparison = new Comparison(pipeline.Diff(source, target), source);
            // A model holds nothing unmanaged: only two databases (or what the revisions build) can differ there.
            var (inSource, inTarget) = (pipeline.Unmanaged(source), pipeline.Unmanaged(target));
            unmanaged = from == "model" || to == "model"
                ? UnmanagedReport.Of([.. inSource, .. inTarget])
                : UnmanagedReport.Between(inSource, inTarget) with { FromLabel = IsUrl(from) ? "--from" : from, ToLabel = IsUrl(to) ? "--to" : to };
        }
        output.Write(Report(format, comparison, provider, unmanaged, colour: false));
        return comparison.Operations.Count > 0 || unmanaged.SidesDiffer ? 1 : UnmanagedExit(unmanaged, failOnUnmanaged, format);
    }

    private static bool IsUrl(string source) => source is not ("model" or "migrations");

    private DatabaseSchema Load(string source, SchemaComparison pipeline, bool inMemory)
    {
        switch (source)
        {
            case "model":
                return Autogenerate.LoadModel(Config, log);
            case "migrations" when inMemory:
                return Replayed(Revisions.Graph.Heads);
            case "migrations":
                DatabaseSchema? built = null;
                WithScratch((scratch, _) =>
                {
                    Migrator(scratch, pipeline.Provider, _ => { }).Upgrade("heads");
                    built = pipeline.Inspect(scratch, allSchemas: true);
                    return 0;
                });
                return built!;
            default:
                var url = DatabaseUrl.Parse(source, Config.Directory);
                using (var connection = drivers.Open(url.ForReading()))
                {
                    return pipeline.Inspect(connection, allSchemas: true);
                }
        }
    }
}
