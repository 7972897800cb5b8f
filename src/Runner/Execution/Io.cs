using System.Data.Common;

namespace DiffMigrate.Runner.Execution;

/// <summary>
/// How the runner talks to the database: asynchronously with a cancellation token, or synchronously. The runner's
/// code is written once, as async methods that take an <see cref="Io"/>, in the way Npgsql serves its own sync
/// and async APIs: on the synchronous path every database call is the driver's blocking one, so the returned task
/// has already completed and nothing ever waits for asynchronous work.
/// </summary>
internal readonly record struct Io(bool Async, CancellationToken Token)
{
    public static Io Sync { get; } = new(false, CancellationToken.None);

    /// <summary>The same calls, no longer cancellable: for the clean-up that must run after a cancellation (rollback, unlock).</summary>
    public Io Uncancellable => this with { Token = CancellationToken.None };

    public void ThrowIfCancelled() => Token.ThrowIfCancellationRequested();

    public async Task<int> Execute(DbCommand command) =>
        Async ? await command.ExecuteNonQueryAsync(Token).ConfigureAwait(false) : command.ExecuteNonQuery();

    public async Task<object?> Scalar(DbCommand command) =>
        Async ? await command.ExecuteScalarAsync(Token).ConfigureAwait(false) : command.ExecuteScalar();

    /// <summary>The rows (up to <paramref name="max"/>) of <paramref name="command"/>'s first result, each read by <paramref name="row"/>.</summary>
    public async Task<List<T>> Rows<T>(DbCommand command, Func<DbDataReader, T> row, int max = int.MaxValue)
    {
        var rows = new List<T>();
        var reader = Async ? await command.ExecuteReaderAsync(Token).ConfigureAwait(false) : command.ExecuteReader();
        try
        {
            while (rows.Count < max && (Async ? await reader.ReadAsync(Token).ConfigureAwait(false) : reader.Read())) rows.Add(row(reader));
            return rows;
        }
        finally
        {
            // Closing a reader may read the rows left over: that too goes the run's way.
            if (Async) await reader.DisposeAsync().ConfigureAwait(false);
            else reader.Dispose();
        }
    }

    public async Task<DbTransaction> Begin(DbConnection connection) =>
        Async ? await connection.BeginTransactionAsync(Token).ConfigureAwait(false) : connection.BeginTransaction();

    /// <summary>A COMMIT is not cancelled part-way: its outcome would be unknown.</summary>
    public async Task Commit(DbTransaction transaction)
    {
        if (Async) await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        else transaction.Commit();
    }

    public async Task Rollback(DbTransaction transaction)
    {
        if (Async) await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        else transaction.Rollback();
    }

    public async Task Dispose(DbTransaction transaction)
    {
        if (Async) await transaction.DisposeAsync().ConfigureAwait(false);
        else transaction.Dispose();
    }

    public async Task Open(DbConnection connection)
    {
        if (Async) await connection.OpenAsync(Token).ConfigureAwait(false);
        else connection.Open();
    }

    public async Task Delay(TimeSpan delay)
    {
        if (Async) await Task.Delay(delay, Token).ConfigureAwait(false);
        else Thread.Sleep(delay);
    }

    /// <summary>
    /// The outcome of work started on the synchronous path. It has run to the end already (no database call on that
    /// path returns before it is done), so this unwraps, never waits; a pending task is a bug in the runner.
    /// </summary>
    public static T Completed<T>(Task<T> task)
    {
        if (!task.IsCompleted) throw new InvalidOperationException("The synchronous path of the runner started asynchronous work.");
        // Completed: this rethrows the task's own exception (not an AggregateException) or returns its value, and never waits.
        return task.GetAwaiter().GetResult();
    }
}
