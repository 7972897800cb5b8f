namespace DiffMigrate.Runner.Revisions;

internal sealed partial class RevisionGraph
{
    private (int[][] Downs, int[][] Ups)? links;

    /// <summary>
    /// Everything reachable from <paramref name="targets"/> through <paramref name="next"/>, targets included, each
    /// once, depth first from the last link pushed (the visiting order decides where a branch label stops).
    /// </summary>
    private IEnumerable<RevisionNode> Related(IEnumerable<RevisionNode> targets, Func<RevisionNode, IEnumerable<string>> next)
    {
        var seen = new HashSet<RevisionNode>();
        var todo = new Stack<RevisionNode>();
        foreach (var target in targets)
        {
            todo.Push(target);
            while (todo.Count > 0)
            {
                var node = todo.Pop();
                if (!seen.Add(node)) continue;
                foreach (var id in next(node)) todo.Push(Node(id));
                yield return node;
            }
        }
    }

    private IEnumerable<RevisionNode> Ancestors(IEnumerable<RevisionNode> targets, bool includeDependencies = true) =>
        Related(targets, includeDependencies ? n => n.NormalizedDown : n => n.Down);

    private IEnumerable<RevisionNode> Descendants(IEnumerable<RevisionNode> targets, bool includeDependencies = true) =>
        Related(targets, includeDependencies ? n => n.AllNext : n => n.Next);

    /// <summary>The order <see cref="TopologicalSort"/> gives <paramref name="revisions"/> from <paramref name="heads"/>; for tests.</summary>
    internal IReadOnlyList<string> Sort(IEnumerable<string> revisions, IEnumerable<string> heads) =>
        TopologicalSort(revisions.Select(Node).ToList(), heads.Select(Node)).Select(n => n.Id).ToList();

    /// <summary>
    /// Orders <paramref name="revisions"/> newest first, each before what it builds on. Starting from the heads (in
    /// load order), one branch is followed down until another head still needs the next revision; then that head's
    /// branch is finished first. This is Alembic's order, and the order upgrades (reversed) and downgrades run in.
    /// </summary>
    /// <remarks>
    /// Alembic keeps one ancestor set per head and rebuilds them at every merge: O(N) per merge point. Here the union
    /// of those sets (everything some head still reaches) is kept with reference counts instead, each node counting
    /// the heads and live revisions just above it; a node whose count drops to zero is no longer reached and leaves,
    /// once. "Does another head still need the candidate" is then "is a revision just above it still live", and only
    /// when it is (a branch to finish first) is the live region above it walked to find which head, as Alembic picks
    /// it: the first in the list. Every node and link is touched a bounded number of times outside those walks.
    /// </remarks>
    private List<RevisionNode> TopologicalSort(IReadOnlyCollection<RevisionNode> revisions, IEnumerable<RevisionNode> heads)
    {
        var (downs, ups) = Links();
        var todo = new bool[ordered.Count];
        var remaining = 0;
        foreach (var node in revisions)
        {
            if (!todo[node.Order]) remaining++;
            todo[node.Order] = true;
        }
        var current = heads.Where(n => todo[n.Order]).Select(n => n.Order).Distinct().Order().ToList();
        var inCurrent = new bool[ordered.Count];
        var live = new bool[ordered.Count];
        var count = new int[ordered.Count];
        foreach (var head in current) inCurrent[head] = true;
        Enliven(current);
        var mark = new int[ordered.Count];
        var walks = 0;
        var walk = new Stack<int>();
        var output = new List<RevisionNode>(remaining);
        var index = 0;
        while (current.Count > 0)
        {
            var candidate = current[index];
            if (ups[candidate].Any(u => live[u]))
            {
                // Another head still builds on the candidate: finish that head's branch first.
                index = FirstHeadAbove(candidate);
                continue;
            }
            if (todo[candidate])
            {
                todo[candidate] = false;
                output.Add(ordered[candidate]);
            }
            var next = downs[candidate].Where(n => todo[n] && !inCurrent[n]).ToList();
            if (next.Count == 0)
            {
                current.RemoveAt(index);
                index = Math.Max(index - 1, 0);
            }
            else
            {
                current[index] = next[0];
                for (var k = 1; k < next.Count; k++) current.Add(next[k]);
                foreach (var n in next)
                {
                    inCurrent[n] = true;
                    count[n]++;
                }
            }
            inCurrent[candidate] = false;
            Release(candidate);
        }
        return output;

        // Marks everything the heads reach as live, each node counting the heads and live nodes just above it.
        void Enliven(List<int> starts)
        {
            var stack = new Stack<int>();
            foreach (var start in starts)
            {
                count[start]++;
                if (live[start]) continue;
                live[start] = true;
                stack.Push(start);
                while (stack.Count > 0)
                {
                    foreach (var down in downs[stack.Pop()])
                    {
                        count[down]++;
                        if (live[down]) continue;
                        live[down] = true;
                        stack.Push(down);
                    }
                }
            }
        }

        // One reference to the node goes; when it was the last, the node leaves the live set, and so on below it.
        void Release(int start)
        {
            var stack = new Stack<int>();
            if (--count[start] == 0) stack.Push(start);
            while (stack.Count > 0)
            {
                var gone = stack.Pop();
                live[gone] = false;
                foreach (var down in downs[gone])
                {
                    if (--count[down] == 0) stack.Push(down);
                }
            }
        }

        // The first head in the list, other than the candidate, that reaches it through live revisions. The walk marks
        // what it saw with a number of its own (one more for a head in the list), so that a graph with many branch
        // points allocates nothing per walk.
        int FirstHeadAbove(int candidate)
        {
            walks += 2;
            mark[candidate] = walks;
            walk.Push(candidate);
            while (walk.Count > 0)
            {
                foreach (var up in ups[walk.Pop()])
                {
                    if (!live[up] || mark[up] >= walks) continue;
                    mark[up] = inCurrent[up] ? walks + 1 : walks;
                    walk.Push(up);
                }
            }
            for (var i = 0; i < current.Count; i++)
            {
                if (mark[current[i]] == walks + 1) return i;
            }
            return -1;
        }
    }

    // Each node's normalised down revisions (in order) and the nodes that name it so, by load order; built once.
    private (int[][] Downs, int[][] Ups) Links()
    {
        if (links is { } built) return built;
        var downs = ordered.Select(n => n.NormalizedDown.Select(id => Node(id).Order).ToArray()).ToArray();
        var ups = new List<int>[ordered.Count];
        for (var i = 0; i < ups.Length; i++) ups[i] = [];
        for (var i = 0; i < downs.Length; i++)
        {
            foreach (var down in downs[i]) ups[down].Add(i);
        }
        links = (downs, ups.Select(u => u.ToArray()).ToArray());
        return links.Value;
    }
}
