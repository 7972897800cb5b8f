using System.Data.Common;
using DiffMigrate.Dialects;
using DiffMigrate.Providers.MySql;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Providers.SqlServer;

namespace DiffMigrate.Providers;

/// <summary>
/// The one registration of every database DiffMigrate supports. Adding a database is a folder next to
/// <c>Sqlite/</c>, <c>Postgres/</c>, <c>MySql/</c> and <c>SqlServer/</c> with a <see cref="DatabaseProvider"/>, and one line in
/// <see cref="Registered"/>. A provider is built on first use, so that a command on SQLite does not build the other three.
/// </summary>
internal static class DatabaseProviders
{
    // The registration: one line per database, in the order their names are listed in messages and searched for a scheme.
    private static readonly Lazy<DatabaseProvider>[] Registered =
    [
        new(() => new SqliteProvider()),
        new(() => new PostgresProvider()),
        new(() => new MySqlProvider()),
        new(() => new SqlServerProvider()),
    ];

    private static readonly Lazy<IReadOnlyList<DatabaseProvider>> all = new(() => [.. Registered.Select(p => p.Value)]);

    /// <summary>SQLite.</summary>
    public static DatabaseProvider Sqlite => Registered[0].Value;

    /// <summary>PostgreSQL.</summary>
    public static DatabaseProvider Postgres => Registered[1].Value;

    /// <summary>MariaDB and MySQL.</summary>
    public static DatabaseProvider MySql => Registered[2].Value;

    /// <summary>SQL Server (rendering, offline scripts and the online runner; not tested live).</summary>
    public static DatabaseProvider SqlServer => Registered[3].Value;

    /// <summary>Every provider, in the order their names are listed in messages (all of them built).</summary>
    public static IReadOnlyList<DatabaseProvider> All => all.Value;

    /// <summary>The provider of <paramref name="dialect"/>.</summary>
    public static DatabaseProvider For(Dialect dialect) => Find(dialect.Name) ?? throw new DiffMigrateException(Refusal(dialect.Name) + ".");

    /// <summary>The provider a URL scheme or dialect name selects, or null.</summary>
    public static DatabaseProvider? Find(string name) => First(p => p.Schemes.Contains(name, StringComparer.OrdinalIgnoreCase));

    /// <summary>Why <paramref name="name"/> selects no provider.</summary>
    public static string Refusal(string name) => $"unknown dialect '{name}': expected {Listed()}";

    // "sqlite, postgresql, mysql or mssql".
    private static string Listed() => string.Join(", ", All.SkipLast(1).Select(p => p.Schemes[0])) + " or " + All[^1].Schemes[0];

    /// <summary>The provider of an application's own <paramref name="connection"/>, by its ADO.NET type.</summary>
    public static DatabaseProvider For(DbConnection connection) =>
        First(p => p.ConnectionTypeName == connection.GetType().Name)
        ?? throw new DiffMigrateException($"Cannot tell the dialect of a {connection.GetType().Name}: pass MigrationOptions.Dialect.");

    // Providers are built in order until one answers, so that a command or an application on SQLite builds no other
    // (building all four costs some 8 ms of a start).
    private static DatabaseProvider? First(Func<DatabaseProvider, bool> takes) =>
        Registered.Select(p => p.Value).FirstOrDefault(takes);
}
