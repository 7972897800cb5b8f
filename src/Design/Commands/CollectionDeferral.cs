using System.Runtime;

namespace DiffMigrate.Design.Commands;

/// <summary>
/// In the tool's own process, a comparison runs without garbage collections until it has allocated
/// <see cref="Budget"/>: the process ends right after the command, so a collection on the way only costs time.
/// </summary>
/// <remarks>
/// Measured on a 500-table no-op autogenerate (SQLite, 2 cores): about 42 MiB allocated in all, two or three
/// collections promoting the loaded model and the inspected schema, 45-90 ms of pauses that stop the model's thread
/// and the database's alike. Without them the process's peak is ~16 MiB higher (nothing is reused), which a
/// process that exits can afford. Past the budget (a larger schema, or Roslyn compiling the model after an edit) the
/// runtime ends the region with one collection and works as usual. Only the tool's entry point turns it on: a
/// library or test host keeps its own collector's settings.
/// </remarks>
internal static class CollectionDeferral
{
    // Covers a comparison of about 1,500 tables; the pages are committed only as they are allocated.
    internal const long Budget = 128L << 20;

    /// <summary>Set by the tool's entry point (<c>Program.Main</c>), never by a host that calls the commands in-process.</summary>
    public static bool Enabled { get; set; }

    /// <summary>Starts a region without collections for the comparison that follows, when enabled and none is open.</summary>
    /// <returns>Whether a region was started.</returns>
    public static bool Start()
    {
        if (!Enabled || GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) return false;
        try
        {
            return GC.TryStartNoGCRegion(Budget);
        }
        catch (InvalidOperationException)
        {
            return false;   // another thread opened one in between
        }
    }
}
