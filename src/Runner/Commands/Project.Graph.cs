using DiffMigrate.Runner.Revisions;

namespace DiffMigrate.Runner.Commands;

public sealed partial class Project
{
    /// <summary>Prints the history, newest first (verbose: one <c>Rev:</c> entry per revision).</summary>
    public void History(bool verbose)
    {
        foreach (var line in RevisionFormatter.History(Revisions.Graph, verbose)) output.WriteLine(line);
    }

    /// <summary>Prints the heads.</summary>
    public void Heads(bool verbose)
    {
        var graph = Revisions.Graph;
        foreach (var head in graph.Heads) output.WriteLine(verbose ? RevisionFormatter.Entry(graph, graph.Get(head)) : RevisionFormatter.Head(graph, head));
    }

    /// <summary>Prints the verbose entry of the revisions <paramref name="identifier"/> names.</summary>
    public void Show(string identifier)
    {
        var graph = Revisions.Graph;
        var ids = graph.Resolve(identifier, []);
        if (ids.Count == 0) throw new RevisionException("'base' is not a revision: name one to show.");
        foreach (var id in ids) output.Write(RevisionFormatter.Entry(graph, graph.Get(id)));
    }
}
