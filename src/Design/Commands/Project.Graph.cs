using DiffMigrate.Providers;
using DiffMigrate.Runner.Revisions;

namespace DiffMigrate.Design.Commands;

// The commands that read the graph (and, for current and -i, the version rows), never compiling a script.
internal sealed partial class Project
{
    /// <summary>
    /// Prints the history, newest first; <paramref name="range"/> is <c>[start]:[end]</c>, where either end may be
    /// <c>current</c>. With <paramref name="indicateCurrent"/>, the database's revisions are marked <c>(current)</c>.
    /// </summary>
    public void History(string? range = null, bool verbose = false, bool indicateCurrent = false)
    {
        string lower = "base", upper = "heads";
        if (range is not null)
        {
            var parts = range.Trim().Split(':');
            if (parts.Length != 2) throw new RevisionException("History range requires [start]:[end], [start]:, or :[end]", RevisionErrorKind.Command);
            if (parts[0].Length > 0) lower = parts[0];
            if (parts[1].Length > 0) upper = parts[1];
        }
        var needsRows = indicateCurrent || lower == "current" || upper == "current";
        var rows = needsRows ? ReadRows() : [];
        var graph = Revisions.Graph;
        // The upper end is resolved first, so that a relative lower end (-3:) counts down from it, as in Alembic.
        var upperIds = upper == "current" ? rows : graph.Resolve(upper, rows);
        var ids = graph.Iterate(upperIds, lower == "current" ? rows : [lower], inclusive: true);
        foreach (var line in RevisionFormatter.History(graph, ids, verbose, indicateCurrent ? rows : null)) output.WriteLine(line);
    }

    /// <summary>
    /// Prints the heads; with <paramref name="resolveDependencies"/>, only the real heads (a head that another
    /// revision depends on is then not one).
    /// </summary>
    public void Heads(bool verbose = false, bool resolveDependencies = false)
    {
        var graph = Revisions.Graph;
        foreach (var head in resolveDependencies ? graph.RealHeads : graph.Heads)
        {
            output.WriteLine(verbose ? RevisionFormatter.Entry(graph, graph.Get(head)) : RevisionFormatter.Head(graph, head));
        }
    }

    /// <summary>Prints each branch point with the revisions that follow it.</summary>
    public void Branches(bool verbose = false)
    {
        var graph = Revisions.Graph;
        foreach (var id in graph.Iterate(["heads"], ["base"], inclusive: true).Where(graph.IsBranchPoint))
        {
            output.WriteLine(RevisionFormatter.Branch(graph, id, verbose));
        }
    }

    /// <summary>Prints the verbose entry of the revisions <paramref name="identifier"/> names (<c>current</c>: the database's).</summary>
    public void Show(string identifier)
    {
        var graph = Revisions.Graph;
        var ids = identifier == "current" ? ReadRows() : graph.Resolve(identifier, []);
        if (ids.Count == 0) throw new RevisionException($"'{identifier}' names no revision: name one to show.", RevisionErrorKind.Command);
        foreach (var id in ids) output.WriteLine(RevisionFormatter.Entry(graph, graph.Get(id)));
    }

    /// <summary>
    /// Prints the database's current revisions: the tip of each applied branch. With <paramref name="checkHeads"/>,
    /// fails unless the database is at every head.
    /// </summary>
    public void Current(bool verbose = false, bool checkHeads = false)
    {
        IReadOnlyList<string> rows, interrupted;
        using (var connection = OpenForReading())
        {
            var migrator = Migrator(connection, DatabaseProviders.For(Url.Dialect), log);
            (rows, interrupted) = (migrator.Current(), migrator.Interrupted());
        }
        var graph = Revisions.Graph;
        foreach (var note in interrupted) log("Unfinished: " + note + ".");
        if (verbose) output.WriteLine($"Current revision(s) for {Url.Display}:");
        var tips = graph.CurrentTips(rows);
        // Alembic compares the rows with the heads, so a database at every head fails when one head is applied only
        // as a dependency (it has no row of its own); the tips of the applied branches are what should match.
        if (checkHeads && (interrupted.Count > 0 || !tips.ToHashSet(StringComparer.Ordinal).SetEquals(graph.Heads)))
        {
            throw new DiffMigrateException(
                $"Database is not on all head revisions: it is at {Describe(rows)}, the heads are {Describe(graph.Heads)}.");
        }
        foreach (var id in tips) output.WriteLine(verbose ? RevisionFormatter.Entry(graph, graph.Get(id)) : RevisionFormatter.Current(graph, id));
    }

    /// <summary>The version rows, without creating the version table.</summary>
    private IReadOnlyList<string> ReadRows()
    {
        using var connection = OpenForReading();
        return Migrator(connection, DatabaseProviders.For(Url.Dialect), log).Current();
    }

    private static string Describe(IReadOnlyList<string> ids) => ids.Count == 0 ? "base" : string.Join(", ", ids);
}
