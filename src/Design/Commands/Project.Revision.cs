using DiffMigrate.Migrations;
using DiffMigrate.Providers;
using DiffMigrate.Render.CSharp;
using DiffMigrate.Runner.Configuration;
using DiffMigrate.Runner.Revisions;

namespace DiffMigrate.Design.Commands;

/// <summary>
/// What a new revision is built on and where it goes. <see cref="Head"/> names its down revisions (default
/// <c>head</c>; <c>base</c> for a new root; several for a merge); <see cref="Splice"/> allows a head that is not a
/// head, making a branch point.
/// </summary>
internal sealed record RevisionOptions(string? Message)
{
    /// <summary>Compare the model with the database and write the operations.</summary>
    public bool Autogenerate { get; init; }

    /// <summary>The id to use instead of a random one.</summary>
    public string? RevId { get; init; }

    /// <summary>
    /// With <see cref="Autogenerate"/>: compare the model with an empty database instead of the configured one (no
    /// connection), giving the baseline revision that creates the whole schema.
    /// </summary>
    public bool FromEmpty { get; init; }

    /// <summary>Write the revision to the output instead of a file (with a fixed id and date: the same bytes every time).</summary>
    public bool Stdout { get; init; }

    /// <summary>The revisions to build on (identifiers); null for <c>head</c>.</summary>
    public IReadOnlyList<string>? Head { get; init; }

    /// <summary>Allow building on a revision that is not a head.</summary>
    public bool Splice { get; init; }

    /// <summary>Branch labels of the new revision.</summary>
    public IReadOnlyList<string> BranchLabels { get; init; } = [];

    /// <summary>The version folder to write to (one of the version locations).</summary>
    public string? VersionPath { get; init; }

    /// <summary>Revisions or branch labels the new revision depends on.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>The creation date written in the header (now when null).</summary>
    public DateTimeOffset? Date { get; init; }
}

internal sealed partial class Project
{
    /// <summary>Writes a new revision file on the single head and returns its path.</summary>
    public string Revision(string message, bool autogenerate, string? revId = null, DateTimeOffset? date = null) =>
        Revision(new RevisionOptions(message) { Autogenerate = autogenerate, RevId = revId, Date = date });

    /// <summary>Writes a revision that merges <paramref name="revisions"/> and returns its path.</summary>
    public string Merge(IReadOnlyList<string> revisions, string? message, string? revId = null, IReadOnlyList<string>? branchLabels = null) =>
        Revision(new RevisionOptions(message) { Head = revisions, RevId = revId, BranchLabels = branchLabels ?? [] });

    /// <summary>Writes a new revision file as <paramref name="options"/> say and returns its path.</summary>
    public string Revision(RevisionOptions options)
    {
        var graph = Revisions.Graph;
        var id = options.RevId ?? RevisionId.New();
        RevisionId.Validate(id);
        foreach (var label in options.BranchLabels)
        {
            if (RevisionId.LabelProblem(label) is { } problem) throw new DiffMigrateException($"Branch label '{RevisionId.Printable(label)}' is not valid: {problem}.");
        }
        if (graph.Revisions.Any(r => string.Equals(r.Id, id, StringComparison.Ordinal))) throw new DiffMigrateException($"Revision {id} is already present.");
        var heads = ResolveHeads(graph, options.Head ?? ["head"]);
        if (!options.Splice && heads.FirstOrDefault(h => !graph.IsHead(h)) is { } notHead)
        {
            throw new RevisionException($"Revision {notHead} is not a head revision; please specify --splice to create a new branch from this revision",
                RevisionErrorKind.Command);
        }
        var dependsOn = options.DependsOn.Select(d => ResolveDependency(graph, d)).ToList();
        var message = options.Message ?? "empty message";
        var folder = VersionFolder(graph, heads, options.VersionPath);
        // Validate the graph with the new revision before writing anything: labels, dependencies, cycles.
        var info = new RevisionInfo(id, heads, options.BranchLabels, dependsOn, message, "(new revision)");
        RevisionGraph.Build(graph.Revisions.Append(info));

        IReadOnlyList<MigrationOperation> upgrade = [];
        IReadOnlyList<string> notes = [];
        if (options.Autogenerate)
        {
            var model = Autogenerate.LoadModel(Config, log);
            var services = DatabaseProviders.For(Url.Dialect);
            if (options.FromEmpty)
            {
                upgrade = Autogenerate.Diff(Schema.DatabaseSchema.Empty, model, services.Dialect, Config);
            }
            else
            {
                using var connection = OpenForReading();
                RequireAtHead(Migrator(connection, services, log).Current(), graph);
                upgrade = Autogenerate.Compare(connection, services, model, Config, log);
            }
            foreach (var operation in upgrade) log("Detected " + OperationText.Describe(operation));
            if (upgrade.Count == 0) log("No changes detected: the revision is empty.");
            notes = ChangeReport.For(services, upgrade).Notes();
            foreach (var note in notes) log("Note: " + note);
        }
        var source = new RevisionSource(id, heads, message, options.Date ?? DateTimeOffset.Now, upgrade, OperationReverser.ReverseAll(upgrade),
            options.BranchLabels, dependsOn, ClassName: RevisionId.ClassName(id, message)) { Notes = notes };
        var fileName = RevisionId.FileName(Config.FileTemplate, id, message);
        // The final check on the name, whatever the template and the slug made of it: a file directly in its folder.
        var path = FileTemplate.PathIn(folder, fileName);
        Directory.CreateDirectory(folder);
        if (options.Stdout)
        {
            output.Write(RevisionWriter.Write(source));
            return path;
        }
        if (File.Exists(path)) throw new DiffMigrateException($"{path} already exists.");
        File.WriteAllText(path, RevisionWriter.Write(source));
        output.WriteLine($"Generating {path} ... done");
        return path;
    }

    private static List<string> ResolveHeads(RevisionGraph graph, IReadOnlyList<string> identifiers)
    {
        var heads = new List<string>();
        foreach (var identifier in identifiers)
        {
            try
            {
                heads.AddRange(graph.Resolve(identifier, []));
            }
            catch (RevisionException e) when (e.Kind == RevisionErrorKind.MultipleHeads)
            {
                throw new RevisionException(
                    $"Multiple heads are present ({string.Join(", ", graph.Heads)}); please specify the head revision on which the new revision should be based (--head), or perform a merge.",
                    RevisionErrorKind.MultipleHeads, e);
            }
        }
        if (heads.Distinct(StringComparer.Ordinal).Count() != heads.Count) throw new RevisionException("Duplicate head revisions specified", RevisionErrorKind.Command);
        return heads;
    }

    // A dependency given as a branch label stays a label (it follows the branch); anything else becomes the full id.
    private static string ResolveDependency(RevisionGraph graph, string identifier)
    {
        var ids = graph.Resolve(identifier, []);
        if (ids.Count != 1) throw new RevisionException($"--depends-on {identifier} names {ids.Count} revisions; name exactly one.", RevisionErrorKind.Command);
        return graph.Get(ids[0]).BranchLabels.Contains(identifier, StringComparer.Ordinal) ? identifier : ids[0];
    }

    private string VersionFolder(RevisionGraph graph, IReadOnlyList<string> heads, string? versionPath)
    {
        var locations = Config.VersionLocations;
        if (versionPath is null)
        {
            if (locations.Count == 1) return locations[0];
            // With several locations, a revision goes where the revision it builds on is; a new root must be placed.
            return heads.Count > 0 && graph.Get(heads[0]).Path is { } headPath && Path.GetDirectoryName(headPath) is { } folder
                ? folder
                : throw new DiffMigrateException("Multiple version locations present, please specify --version-path");
        }
        var full = Path.GetFullPath(versionPath, Config.Directory);
        return locations.FirstOrDefault(l => string.Equals(Path.GetFullPath(l).TrimEnd('/'), full.TrimEnd('/'), StringComparison.Ordinal))
            ?? throw new DiffMigrateException($"Path {versionPath} is not represented in current version locations ({string.Join(", ", locations)}).");
    }
}
