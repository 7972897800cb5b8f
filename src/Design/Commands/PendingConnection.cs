using System.Data.Common;

namespace DiffMigrate.Design.Commands;

/// <summary>
/// A database connection opening on the thread pool while the command does its other work (reading its scripts'
/// headers, loading the model). Opening is mostly the driver's first use: loading it and compiling what no image holds
/// (PostgreSQL: some 170 ms of Npgsql's type mappings before the first byte is sent), which need not wait for the scripts.
/// What the caller sees does not change: a failure to connect is thrown by <see cref="Take"/>, where opening used to
/// be, so that the checks before it still win; and a connection that is never taken is closed once it is open.
/// </summary>
internal sealed class PendingConnection : IDisposable
{
    private readonly Task<DbConnection> opening;
    private readonly Action? whenTaken;
    private bool taken;

    /// <summary>Starts <paramref name="open"/>; <paramref name="whenTaken"/> runs on the caller's thread when it takes the connection.</summary>
    public PendingConnection(Func<DbConnection> open, Action? whenTaken = null)
    {
        opening = Task.Run(open);
        this.whenTaken = whenTaken;
    }

    private PendingConnection(Exception failure) => opening = Task.FromException<DbConnection>(failure);

    /// <summary>A connection that could not even start opening: <see cref="Take"/> throws <paramref name="failure"/>.</summary>
    public static PendingConnection Failed(Exception failure) => new(failure);

    /// <summary>The open connection (the caller disposes it), or the error opening it met.</summary>
    public DbConnection Take()
    {
        if (taken) throw new InvalidOperationException("The connection was taken already.");
        taken = true;
        whenTaken?.Invoke();
        return opening.GetAwaiter().GetResult();
    }

    /// <summary>Closes the connection when it was never taken (once it is open: nothing waits for a slow server).</summary>
    public void Dispose()
    {
        if (taken) return;
        taken = true;
        opening.ContinueWith(static t =>
        {
            if (t.IsCompletedSuccessfully) t.Result.Dispose();
            else _ = t.Exception;   // observed: the command failed for another reason, which is the one it reports
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
