using System.Collections.Concurrent;

namespace DiffMigrate;

/// <summary>
/// The answers of a pure function, kept: what a comparison asks thousands of times of a few dozen distinct inputs (a
/// declared type, a default's canonical form) is worked out once. Safe from several threads; a failure is not kept,
/// and is thrown again each time; past a bound, answers are worked out each time rather than kept.
/// </summary>
internal sealed class KnownAnswers<TKey, TAnswer>(Func<TKey, TAnswer> work, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    // Enough for any real schema's distinct inputs.
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<TKey, TAnswer> known = new(comparer);

    /// <summary>What the function answers for <paramref name="key"/>.</summary>
    public TAnswer For(TKey key)
    {
        if (known.TryGetValue(key, out var answer)) return answer;
        answer = work(key);
        if (known.Count < Capacity) known.TryAdd(key, answer);
        return answer;
    }
}
