using System.Data;
using System.Data.Common;
using System.Globalization;
using DiffMigrate.Providers;

namespace DiffMigrate.Runner.Execution;

/// <summary>
/// Names the real cause of a driver error: a lost connection or a server shutdown, a locked SQLite file, or the
/// statement's own error. The runner depends on no driver, so SQLite's error code is read by name.
/// </summary>
internal static class DatabaseFailure
{
    /// <summary>True for errors the CLI reports as a database problem rather than a bug in the tool.</summary>
    public static bool IsDatabaseError(Exception e, DbConnection connection) =>
        e is DbException || (e is InvalidOperationException && connection.State != ConnectionState.Open);

    /// <summary>One line: what went wrong, in the user's terms.</summary>
    public static string Describe(Exception e, DbConnection connection, DatabaseProvider provider, RunSettings settings) => e switch
    {
        // SQLSTATE class 08 is the standard's "connection exception".
        DbException { SqlState: { } state } when state.StartsWith("08", StringComparison.Ordinal) => $"the database server ended the connection ({e.Message})",
        // The provider's own words first: SQL Server's deadlock and lock timeout are busy too, but not a locked file.
        DbException d when provider.DescribeFailure(d, connection) is { } described => described,
        DbException d when provider.IsBusy(d) => Locked(connection, TimeSpan.FromSeconds(BusyWaitSeconds(settings)), settings),
        DbException { IsTransient: true } when connection.State != ConnectionState.Open => $"the connection to the database was lost ({Innermost(e)})",
        InvalidOperationException when connection.State != ConnectionState.Open => $"the connection to the database was lost ({e.Message})",
        _ => e.Message,
    };

    /// <summary>True when the connection can no longer be trusted to say what it committed.</summary>
    public static bool IsBroken(DbConnection connection) => connection.State != ConnectionState.Open;

    public static bool IsBusy(Exception e, DatabaseProvider provider) => e is DbException d && provider.IsBusy(d);

    public static string Locked(DbConnection connection, TimeSpan waited, RunSettings settings) =>
        $"the database file {connection.DataSource} stayed locked by another connection: gave up after " +
        $"{waited.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s (lockTimeout {settings.LockTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s). " +
        "Wait for the other writer to finish and run again, or raise lockTimeout";

    /// <summary>How long each SQLite statement waits for the file: the driver counts whole seconds, and 0 would mean for ever.</summary>
    public static int BusyWaitSeconds(RunSettings settings) => Math.Max(1, (int)Math.Ceiling(settings.LockTimeout.TotalSeconds));

    private static string Innermost(Exception e)
    {
        var messages = new List<string>();
        for (var current = e; current is not null; current = current.InnerException) messages.Add(current.Message);
        return string.Join(": ", messages.Distinct(StringComparer.Ordinal));
    }
}
