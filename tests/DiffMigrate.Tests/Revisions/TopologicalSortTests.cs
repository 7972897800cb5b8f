using DiffMigrate.Runner.Revisions;

namespace DiffMigrate.Tests.Revisions;

/// <summary>
/// The linear topological sort gives exactly the order of Alembic's algorithm, which is kept here as the oracle
/// (the graph's former implementation: one ancestor set per head, rebuilt at every merge point).
/// </summary>
[TestClass]
public sealed class TopologicalSortTests
{
    [TestMethod]
    public void A_large_branchy_graph_sorts_as_alembic_does()
    {
        var infos = Generate(seed: 17, count: 5000);
        var graph = RevisionGraph.Build(infos);
        var oracle = new Oracle(infos);
        Assert.IsGreaterThan(200, infos.Count(i => i.DownRevisions.Count > 1), "the graph has many merge points");
        Assert.IsGreaterThan(3, graph.Heads.Count, "and several heads");

        var all = infos.Select(i => i.Id).ToList();
        var expected = oracle.Sort(all, graph.Heads);
        Assert.HasCount(all.Count, expected);
        CollectionAssert.AreEqual(expected, graph.Sort(all, graph.Heads).ToList());
    }

    [TestMethod]
    public void Upgrade_ranges_and_arbitrary_subsets_sort_as_alembic_does()
    {
        var infos = Generate(seed: 4, count: 1500);
        var graph = RevisionGraph.Build(infos);
        var oracle = new Oracle(infos);
        var random = new Random(99);
        for (var round = 0; round < 60; round++)
        {
            var targets = Pick(random, infos, random.Next(1, 4));
            var present = Pick(random, infos, random.Next(0, 3));
            List<string> revisions;
            if (round % 2 == 0)
            {
                // An upgrade's range: what the targets need, less what the present rows already have.
                var below = oracle.AncestorsOf(present);
                revisions = oracle.AncestorsOf(targets).Where(id => !below.Contains(id)).ToList();
            }
            else
            {
                // Any subset at all, with gaps that paths between heads must cross.
                revisions = oracle.AncestorsOf(targets).Where(_ => random.Next(3) > 0).Concat(targets).Distinct().ToList();
            }
            var expected = oracle.Sort(revisions, targets);
            CollectionAssert.AreEqual(expected, graph.Sort(revisions, targets).ToList(), $"round {round}");
        }
    }

    [TestMethod]
    public void The_oracle_tells_a_different_order_apart()
    {
        // Two branches from one fork, merged: the merge's first parent's branch comes first, the fork last.
        RevisionInfo[] infos = [Info("a"), Info("b1", "a"), Info("b2", "b1"), Info("c1", "a"), Info("c2", "c1"), Info("m", "b2", "c2")];
        var sorted = new Oracle(infos).Sort(infos.Select(i => i.Id).ToList(), ["m"]);
        CollectionAssert.AreEqual(new[] { "m", "b2", "b1", "c2", "c1", "a" }, sorted);
        CollectionAssert.AreEqual(sorted, RevisionGraph.Build(infos).Sort(infos.Select(i => i.Id), ["m"]).ToList());
    }

    private static List<string> Pick(Random random, IReadOnlyList<RevisionInfo> infos, int count) =>
        Enumerable.Range(0, count).Select(_ => infos[random.Next(infos.Count)].Id).Distinct().ToList();

    private static RevisionInfo Info(string id, params string[] down) => new(id, down, [], []);

    /// <summary>
    /// Revisions created in a random but acyclic order: chains, forks from older revisions, merges of two or three
    /// tips, dependencies on older revisions (some redundant, so normalisation drops them), several bases and heads;
    /// then listed by id, as script file names are, so that load order is not creation order.
    /// </summary>
    private static List<RevisionInfo> Generate(int seed, int count)
    {
        var random = new Random(seed);
        var infos = new List<RevisionInfo>();
        var tips = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = $"{random.Next():x8}{i:x4}";
            List<string> down;
            var roll = random.Next(100);
            if (infos.Count == 0 || roll < 1)
            {
                down = [];
            }
            else if (roll < 12 && tips.Count > 4)
            {
                down = tips.OrderBy(_ => random.Next()).Take(random.Next(2, 4)).ToList();
            }
            else if (roll < 20)
            {
                down = [infos[random.Next(infos.Count)].Id];
            }
            else
            {
                down = [tips[random.Next(tips.Count)]];
            }
            var depends = infos.Count > 10 && random.Next(100) < 4 ? new[] { infos[random.Next(infos.Count - 5)].Id } : [];
            depends = depends.Where(d => !down.Contains(d)).ToArray();
            infos.Add(new RevisionInfo(id, down, [], depends));
            tips.RemoveAll(down.Contains);
            tips.Add(id);
        }
        return infos.OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The sort as Alembic writes it (revision.py _topological_sort), on revisions with id-only dependencies.</summary>
    private sealed class Oracle
    {
        private readonly Dictionary<string, RevisionInfo> byId;
        private readonly Dictionary<string, int> order;
        private readonly Dictionary<string, string[]> normalizedDependencies = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string[]> normalizedDown = new(StringComparer.Ordinal);

        public Oracle(IReadOnlyList<RevisionInfo> infos)
        {
            byId = infos.ToDictionary(i => i.Id, StringComparer.Ordinal);
            order = infos.Select((info, i) => (info.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
            foreach (var info in infos)
            {
                var inherited = Related([info.Id], id => byId[id].DownRevisions).Where(id => id != info.Id)
                    .SelectMany(id => byId[id].DependsOn).ToHashSet(StringComparer.Ordinal);
                normalizedDependencies[info.Id] = info.DependsOn.Where(d => !inherited.Contains(d)).ToArray();
                normalizedDown[info.Id] = info.DownRevisions.Concat(normalizedDependencies[info.Id]).Distinct(StringComparer.Ordinal).ToArray();
            }
        }

        public HashSet<string> AncestorsOf(IEnumerable<string> ids) => Related(ids, id => normalizedDown[id]).ToHashSet(StringComparer.Ordinal);

        public List<string> Sort(IReadOnlyCollection<string> revisions, IEnumerable<string> heads)
        {
            var todo = revisions.ToHashSet(StringComparer.Ordinal);
            var current = heads.Where(todo.Contains).Distinct().OrderBy(id => order[id]).ToList();
            var ancestors = current.Select(AncestorSet).ToList();
            var output = new List<string>();
            var index = 0;
            while (current.Count > 0)
            {
                var candidate = current[index];
                var other = ancestors.FindIndex(a => a.Contains(candidate));
                while (other == index) other = ancestors.FindIndex(other + 1, a => a.Contains(candidate));
                if (other >= 0)
                {
                    index = other;
                    continue;
                }
                if (todo.Remove(candidate)) output.Add(candidate);
                var next = normalizedDown[candidate].Where(n => todo.Contains(n) && !current.Contains(n)).ToList();
                if (next.Count == 0)
                {
                    current.RemoveAt(index);
                    ancestors.RemoveAt(index);
                    index = Math.Max(index - 1, 0);
                }
                else if (normalizedDependencies[candidate].Length == 0 && byId[candidate].DownRevisions.Count == 1)
                {
                    current[index] = next[0];
                    ancestors[index].Remove(candidate);
                }
                else
                {
                    current[index] = next[0];
                    ancestors[index] = AncestorSet(next[0]);
                    current.AddRange(next.Skip(1));
                    ancestors.AddRange(next.Skip(1).Select(AncestorSet));
                }
            }
            return output;

            HashSet<string> AncestorSet(string id) => AncestorsOf([id]);
        }

        private static IEnumerable<string> Related(IEnumerable<string> targets, Func<string, IEnumerable<string>> next)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var todo = new Stack<string>();
            foreach (var target in targets)
            {
                todo.Push(target);
                while (todo.Count > 0)
                {
                    var id = todo.Pop();
                    if (!seen.Add(id)) continue;
                    foreach (var n in next(id)) todo.Push(n);
                    yield return id;
                }
            }
        }
    }
}
