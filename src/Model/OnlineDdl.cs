namespace DiffMigrate;

// In the root namespace, as Recreate: a revision writes op.Online(new OnlineDdl(DdlAlgorithm.Instant), ...) with the
// usings every revision has.
/// <summary>How the server may carry out a table change (MariaDB's and MySQL's <c>ALGORITHM=</c>).</summary>
public enum DdlAlgorithm
{
    /// <summary>The server's choice: the quickest it can do (no clause is written).</summary>
    Default,

    /// <summary>Only the table's metadata changes (<c>ALGORITHM=INSTANT</c>); the server refuses what needs more.</summary>
    Instant,

    /// <summary>Without copying the table (<c>ALGORITHM=INPLACE</c>); the server refuses what needs a copy.</summary>
    InPlace,

    /// <summary>By copying every row into a new table (<c>ALGORITHM=COPY</c>).</summary>
    Copy,
}

/// <summary>What other sessions may do to the table while it changes (MariaDB's and MySQL's <c>LOCK=</c>).</summary>
public enum DdlLock
{
    /// <summary>The least locking the change allows (no clause is written).</summary>
    Default,

    /// <summary>Reads and writes go on (<c>LOCK=NONE</c>); the server refuses a change that would block them.</summary>
    None,

    /// <summary>Reads go on, writes wait (<c>LOCK=SHARED</c>).</summary>
    Shared,

    /// <summary>Reads and writes wait (<c>LOCK=EXCLUSIVE</c>).</summary>
    Exclusive,
}

/// <summary>
/// The online-DDL clauses asked of a change to an existing table: said explicitly, the server fails the statement
/// rather than fall back to a slower algorithm or a stronger lock. MariaDB and MySQL write them; the other databases
/// have no such clauses and leave them out (PostgreSQL's online index build is <c>concurrently: true</c>).
/// </summary>
public sealed record OnlineDdl(DdlAlgorithm Algorithm = DdlAlgorithm.Default, DdlLock Lock = DdlLock.Default);
