using DiffMigrate.Design.Pipeline;
using DiffMigrate.Migrations;
using DiffMigrate.Providers;
using DiffMigrate.Render.CSharp;
using DiffMigrate.Runner.Execution;

namespace DiffMigrate.Design.Commands;

internal sealed partial class Project
{
    /// <summary>The formats <see cref="Diff"/> writes.</summary>
    public static IReadOnlyList<string> DiffFormats { get; } = ["text", "markdown", "json", "sql", "csharp"];

    /// <summary>
    /// The candidate operations against a database at head, written in <paramref name="format"/>, without writing a
    /// revision. Returns 1 with <paramref name="exitCode"/> when there are changes, else 0.
    /// </summary>
    /// <remarks><paramref name="colour"/> paints the text format for a terminal.</remarks>
    public int Diff(string format, bool exitCode, string message = "candidate", DateTimeOffset? date = null, bool colour = false, bool failOnUnmanaged = false)
    {
        if (!DiffFormats.Contains(format, StringComparer.Ordinal)) throw new DiffMigrateException($"Unknown format '{format}': expected {string.Join(", ", DiffFormats)}.");
        var model = ModelLoad.Start(Config, log);
        var (graph, pipeline, comparison) = model.Alongside(() =>
        {
            var pipeline = Pipeline(DatabaseProviders.For(Url.Dialect));
            using var connection = OpenForReading();
            var graph = Revisions.Graph;
            RequireAtHead(Migrator(connection, pipeline.Provider, log).Current(), graph);
            return (graph, pipeline, pipeline.Compare(connection, () => model.Schema));
        });
        var provider = pipeline.Provider;
        var operations = comparison.Operations;
        var unmanaged = UnmanagedReport.Of(pipeline.Unmanaged(comparison.Database));
        output.Write(format == "csharp"
            ? RevisionWriter.Write(new RevisionSource("000000000000", graph.Heads, message, date ?? DateTimeOffset.Now, operations, OperationReverser.ReverseAll(operations))
            {
                Notes = ChangeReport.For(provider, operations).Notes(),
            })
            : Report(format, comparison, provider, unmanaged, colour));
        return exitCode && operations.Count > 0 ? 1 : UnmanagedExit(unmanaged, failOnUnmanaged, format);
    }

    /// <summary>
    /// 1 when <paramref name="fail"/> (<c>--fail-on-unmanaged</c>) and the database holds something not compared, saying
    /// so on the log (the report itself lists them), else 0.
    /// </summary>
    private int UnmanagedExit(UnmanagedReport unmanaged, bool fail, string format = "text")
    {
        if (!fail || unmanaged.Seen.Count == 0) return 0;
        if (format is "text" or "markdown" or "json") log($"{unmanaged.Seen.Count} object(s) are not managed by DiffMigrate, and --fail-on-unmanaged is set.");
        return 1;
    }

    /// <summary>
    /// The text, markdown, json or sql form of <paramref name="comparison"/>. The sql is one script; a batch rebuilds
    /// from the table as the comparison read it.
    /// </summary>
    private static string Report(string format, Comparison comparison, DatabaseProvider provider, UnmanagedReport unmanaged, bool colour)
    {
        var report = ChangeReport.For(provider, comparison.Operations) with { Unmanaged = unmanaged };
        return format switch
        {
            "text" => report.Text(colour),
            "markdown" => report.Markdown(),
            "json" => report.Json(),
            _ => OfflineScript.Script(provider, provider.Renderer.Render(comparison.Operations
                .Select(o => o is BatchAlterTable { CopyFrom: null } b && comparison.Database.FindTable(b.Table) is { } t ? b with { CopyFrom = t } : o).ToList())),
        };
    }
}
