namespace DiffMigrate.Diff;

/// <summary>
/// Pairs the items of two lists (EF's DiffCollection idea). Items come as (Original, Normalized): the predicate
/// judges normalised forms; the callbacks receive the originals, which is what operations carry.
/// </summary>
internal static class Match
{
    /// <summary>Calls <paramref name="paired"/> for each match, <paramref name="removed"/> and <paramref name="added"/> for the rest.</summary>
    public static void Pair<T>(
        IReadOnlyList<(T Original, T Normalized)> from, IReadOnlyList<(T Original, T Normalized)> to, Func<T, T, bool> same,
        Action<(T Original, T Normalized), (T Original, T Normalized)> paired, Action<T> removed, Action<T> added)
    {
        // Each item takes the first item of "to" not taken yet that it matches; what is left is added, in order.
        // A flag per item rather than a list of the ones left and a predicate per item: this runs for every kind of
        // element of every table (at 500 tables, 2 MiB of the comparison's garbage went to those lists and closures).
        var taken = new bool[to.Count];
        foreach (var item in from)
        {
            var found = -1;
            for (var j = 0; j < to.Count; j++)
            {
                if (!taken[j] && same(item.Normalized, to[j].Normalized))
                {
                    found = j;
                    break;
                }
            }
            if (found < 0)
            {
                removed(item.Original);
                continue;
            }
            taken[found] = true;
            paired(item, to[found]);
        }
        for (var j = 0; j < to.Count; j++)
        {
            if (!taken[j]) added(to[j].Original);
        }
    }

    /// <summary>Like <see cref="Pair{T}"/> for items whose match means "unchanged" (a change is a drop and an add).</summary>
    public static void Unpaired<T>(
        IReadOnlyList<(T Original, T Normalized)> from, IReadOnlyList<(T Original, T Normalized)> to, Func<T, T, bool> same,
        Action<T> removed, Action<T> added) =>
        Pair(from, to, same, (_, _) => { }, removed, added);
}
