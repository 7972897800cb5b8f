namespace DiffMigrate.Providers;

/// <summary>The SQL of a dialect's session-level advisory lock.</summary>
internal sealed record AdvisoryLock(Func<long, string> TryAcquire, Func<long, string> Release, Func<long, string> Holder);
