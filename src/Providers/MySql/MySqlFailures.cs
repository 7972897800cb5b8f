using System.Data.Common;

namespace DiffMigrate.Providers.MySql;

/// <summary>
/// What a MariaDB or MySQL error means, in one line for an operator. The error number is read by name (MySqlConnector's
/// <c>MySqlException.Number</c>), so that the runtime does not depend on the driver. The server's own messages name the
/// user and the database, never the password.
/// </summary>
internal static class MySqlFailures
{
    // Server error numbers (include/mysqld_error.h) and MySqlConnector's client ones (MySqlErrorCode).
    private const int DatabaseAccessDenied = 1044;
    private const int AccessDenied = 1045;
    private const int UnknownDatabase = 1049;
    private const int ServerShutdown = 1053;
    private const int ConnectionKilled = 1927;
    private const int UnableToConnectToHost = 1042;
    private const int ServerGone = 2006;
    private const int ConnectionLost = 2013;

    /// <summary>The meaning of <paramref name="error"/>, or null for the server's own message.</summary>
    public static string? Describe(DbException error, DbConnection connection)
    {
        var said = OneLine(error.Message);
        return Number(error) switch
        {
            AccessDenied => $"the server at {Where(connection)} refused the user name or password ({said})",
            DatabaseAccessDenied => $"the user may not use the database on {Where(connection)} ({said})",
            UnknownDatabase => $"the database does not exist on the server at {Where(connection)}: create it, or correct the URL ({said})",
            UnableToConnectToHost => $"no MariaDB or MySQL server answers at {Where(connection)}: is it running, and are the host and port right? ({said})",
            ServerShutdown or ConnectionKilled or ServerGone or ConnectionLost => $"the database server ended the connection ({said})",
            _ => null,
        };
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Where(DbConnection connection) => connection.DataSource is { Length: > 0 } source ? source : "the URL's address";

    private static int? Number(DbException e) => e.GetType().GetProperty("Number")?.GetValue(e) is int number ? number : null;
}
