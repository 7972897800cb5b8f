namespace DiffMigrate;

/// <summary>
/// The root of user-facing failures: bad input, bad revisions, a database in an unexpected state. The CLI prints
/// only <see cref="Exception.Message"/> for these (the stack trace with --verbose) and exits non-zero; CLR
/// exceptions mean a bug or misuse of the API.
/// </summary>
public class DiffMigrateException : Exception
{
    /// <summary>A failure described by <paramref name="message"/>.</summary>
    public DiffMigrateException(string message) : base(message) { }

    /// <summary>A failure caused by <paramref name="inner"/>.</summary>
    public DiffMigrateException(string message, Exception inner) : base(message, inner) { }
}
