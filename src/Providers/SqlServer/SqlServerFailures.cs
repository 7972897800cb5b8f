using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DiffMigrate.Providers.SqlServer;

/// <summary>
/// What a SQL Server error means, in one line for an operator. The error number is read by name (SqlClient's
/// <c>SqlException.Number</c>), so that the runtime does not depend on the driver; the connection's own secrets are
/// masked in the line, though the server's messages name the login and the database, never the password.
/// </summary>
internal static partial class SqlServerFailures
{
    // Server errors (sys.messages) and the client's own: SqlClient's native network layer (Windows) reports a failure
    // with the operating system's error number, its managed one (every other platform) with number 0 and the SNI error
    // in the message, "(provider: TCP Provider, error: 35 - An internal exception was caught)"; a timeout is -2.
    private const int LoginFailed = 18456;
    private const int PasswordExpired = 18487;
    private const int PasswordMustChange = 18488;
    private const int CannotOpenDatabase = 4060;
    private const int DeadlockVictim = 1205;
    private const int LockTimeout = 1222;
    private const int Timeout = -2;
    private const int ServerShuttingDown = 6005;
    private const int SessionKilled = 596;
    private static readonly HashSet<int> NoServer =
    [
        2,      // the server was not found or was not accessible (named pipes, SNI)
        26,     // error locating the server or instance
        35,     // managed SNI: an internal exception was caught (a refused or unreachable socket)
        40,     // could not open a connection to SQL Server
        53,     // the network path was not found
        10060,  // a TCP connection attempt timed out
        10061,  // the target machine actively refused it
        11001,  // no such host is known
    ];
    private static readonly HashSet<int> ConnectionLost = [233, 10053, 10054, 64, 121];

    /// <summary>Whether <paramref name="error"/> says that another connection holds what this one needs (a deadlock, a lock timeout).</summary>
    public static bool IsBusy(DbException error) => Number(error) is DeadlockVictim or LockTimeout;

    /// <summary>The meaning of <paramref name="error"/>, or null for the server's own message.</summary>
    public static string? Describe(DbException error, DbConnection connection)
    {
        var described = Describe(Number(error), error.Message, Where(connection));
        return described is null ? null : SecretMask.Apply(described, SecretMask.In(connection.ConnectionString));
    }

    /// <summary>The meaning of error <paramref name="number"/> with the driver's <paramref name="message"/>, at <paramref name="where"/>; null when it has none of its own.</summary>
    public static string? Describe(int? number, string message, string where)
    {
        var said = OneLine(message);
        if (number is 0 or null && SniError().Match(said) is { Success: true } sni) number = int.Parse(sni.Groups[1].Value, CultureInfo.InvariantCulture);
        return number switch
        {
            LoginFailed => $"the server at {where} refused the login name or password ({said})",
            PasswordExpired or PasswordMustChange => $"the password of the login has expired or must be changed on the server at {where} ({said})",
            CannotOpenDatabase => $"the database does not exist on the server at {where}, or the login may not open it: create it, grant access, or correct the URL ({said})",
            DeadlockVictim => $"SQL Server chose this connection as a deadlock victim: another connection held locks it needed; run again ({said})",
            LockTimeout => $"another connection held a lock this statement needed past the lock timeout; run again when it has finished ({said})",
            ServerShuttingDown or SessionKilled => $"the database server ended the connection ({said})",
            { } n when ConnectionLost.Contains(n) => $"the database server ended the connection ({said})",
            // The same network numbers once connected: SqlClient calls a failure then a transport-level error.
            _ when said.Contains("transport-level error", StringComparison.OrdinalIgnoreCase) => $"the database server ended the connection ({said})",
            // The certificate check comes first: its failure is reported with a network error number on some platforms.
            _ when said.Contains("certificate", StringComparison.OrdinalIgnoreCase) =>
                $"the server at {where} presented a certificate this machine does not trust: install a trusted one, or add " +
                $"?TrustServerCertificate=true to the URL (encrypted, unverified) ({said})",
            Timeout => $"the server at {where} did not answer in time: is it running, and are the host and port right? ({said})",
            { } n when NoServer.Contains(n) => $"no SQL Server answers at {where}: is it running, and are the host and port right? ({said})",
            _ => null,
        };
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Where(DbConnection connection) => connection.DataSource is { Length: > 0 } source ? source : "the URL's address";

    private static int? Number(DbException e) => e.GetType().GetProperty("Number")?.GetValue(e) is int number ? number : null;

    [GeneratedRegex(@"\(provider: [^,()]*, error: ([0-9]{1,5}) - ", RegexOptions.CultureInvariant)]
    private static partial Regex SniError();
}
