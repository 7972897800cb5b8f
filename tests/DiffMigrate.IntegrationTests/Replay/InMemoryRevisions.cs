using DiffMigrate.Runner.Execution;
using DiffMigrate.Runner.Revisions;
using DiffMigrate.Schema;

namespace DiffMigrate.IntegrationTests.Replay;

/// <summary>(As DiffMigrate.Tests.Runner.InMemoryRevisions, which this project does not compile.) A linear revision set built in memory: revision i (id <c>00000000000i</c>) records what upgrade i does.</summary>
internal static class InMemoryRevisions
{
    private sealed class Step(Action<Operations> upgrade) : Migration
    {
        public override void Upgrade(Operations op) => upgrade(op);

        public override void Downgrade(Operations op) { }
    }

    public static string Id(int i) => i.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);

    public static RevisionSet Of(params Action<Operations>[] upgrades)
    {
        var infos = upgrades.Select((_, i) => new RevisionInfo(Id(i + 1), i == 0 ? [] : [Id(i)], [], [], $"step {i + 1}", $"versions/{Id(i + 1)}_step.cs")).ToList();
        var byId = upgrades.Select((u, i) => (Id: Id(i + 1), Migration: (Migration)new Step(u))).ToDictionary(p => p.Id, p => p.Migration, StringComparer.Ordinal);
        return new RevisionSet(RevisionGraph.Build(infos), ids => ids.ToDictionary(id => id, id => byId[id], StringComparer.Ordinal));
    }

    public static DatabaseSchema Replay(RevisionSet revisions) => SchemaReplay.FromRevisions(revisions, revisions.Graph.Heads);
}
