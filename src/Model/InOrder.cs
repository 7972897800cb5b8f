using System.Runtime.ExceptionServices;

namespace DiffMigrate;

/// <summary>
/// Work done for each item on its own (normalising a table, comparing a pair, writing an operation's call), on every
/// core when there are enough items to be worth it, with the result of a one-by-one loop: results in input order, and
/// the error of the first item that fails.
/// </summary>
internal static class InOrder
{
    // Below this many, starting the work on other threads costs more than it saves.
    private const int ParallelFrom = 64;

    public static TOut[] Each<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> work)
    {
        var results = new TOut[items.Count];
        For(items.Count, i => results[i] = work(items[i]));
        return results;
    }

    /// <summary><paramref name="work"/> for each index from 0 to <paramref name="count"/> - 1; the error is the lowest failing index's.</summary>
    public static void For(int count, Action<int> work)
    {
        if (count < ParallelFrom || Environment.ProcessorCount == 1)
        {
            for (var i = 0; i < count; i++) work(i);
            return;
        }
        var failures = new ExceptionDispatchInfo?[count];
        Parallel.For(0, count, i =>
        {
            try
            {
                work(i);
            }
            catch (Exception e)
            {
                failures[i] = ExceptionDispatchInfo.Capture(e);
            }
        });
        foreach (var failure in failures) failure?.Throw();
    }
}
