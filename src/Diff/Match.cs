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
        var unmatched = Enumerable.Range(0, to.Count).ToList();
        foreach (var item in from)
        {
            var found = unmatched.FindIndex(j => same(item.Normalized, to[j].Normalized));
            if (found < 0)
            {
                removed(item.Original);
                continue;
            }
            paired(item, to[unmatched[found]]);
            unmatched.RemoveAt(found);
        }
        foreach (var j in unmatched) added(to[j].Original);
    }

    /// <summary>Like <see cref="Pair{T}"/> for items whose match means "unchanged" (a change is a drop and an add).</summary>
    public static void Unpaired<T>(
        IReadOnlyList<(T Original, T Normalized)> from, IReadOnlyList<(T Original, T Normalized)> to, Func<T, T, bool> same,
        Action<T> removed, Action<T> added) =>
        Pair(from, to, same, (_, _) => { }, removed, added);
}
