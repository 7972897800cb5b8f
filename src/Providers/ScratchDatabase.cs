using System.Data.Common;

namespace DiffMigrate.Providers;

/// <summary>An empty database opened for one comparison; disposing closes it and drops it when it was created.</summary>
internal sealed class ScratchDatabase(DbConnection connection, Action? drop = null) : IDisposable
{
    /// <summary>The open connection to the scratch database.</summary>
    public DbConnection Connection { get; } = connection;

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            Connection.Dispose();
        }
        finally
        {
            drop?.Invoke();
        }
    }
}
