using System.Data.Common;

namespace DiffMigrate.Providers;

/// <summary>An empty database opened for one comparison; disposing closes it and drops it when it was created.</summary>
internal sealed class ScratchDatabase(DbConnection connection, Action? drop = null) : IDisposable
{
    /// <summary>
    /// A database of its own created on the server <paramref name="url"/> names, opened, and dropped with
    /// <paramref name="dropSql"/> (given its name as <paramref name="quote"/> writes it; as it is by default) when
    /// disposed, or at once when it cannot be opened. The scratch connection names the database with the first of
    /// <paramref name="databaseKeys"/> (<c>Database</c> by default); the others, synonyms in the driver, are removed.
    /// </summary>
    public static ScratchDatabase OnServer(DatabaseUrl url, Func<DatabaseUrl, DbConnection> open, Func<string, string> dropSql,
        Func<string, string>? quote = null, IReadOnlyList<string>? databaseKeys = null)
    {
        var name = "diffmigrate_scratch_" + Guid.NewGuid().ToString("N")[..12];
        var quoted = quote?.Invoke(name) ?? name;
        databaseKeys ??= ["Database"];
        var admin = open(url);
        try
        {
            Execute(admin, $"CREATE DATABASE {quoted}");
            var builder = new DbConnectionStringBuilder { ConnectionString = url.ConnectionString };
            foreach (var key in databaseKeys.Skip(1)) builder.Remove(key);
            builder[databaseKeys[0]] = name;
            DbConnection scratch;
            try
            {
                scratch = open(url with { ConnectionString = builder.ConnectionString, Display = $"{url.Display} (scratch {name})" });
            }
            catch
            {
                Execute(admin, dropSql(quoted));
                throw;
            }
            return new ScratchDatabase(scratch, () =>
            {
                using (admin) Execute(admin, dropSql(quoted));
            });
        }
        catch
        {
            admin.Dispose();
            throw;
        }
    }

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

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
