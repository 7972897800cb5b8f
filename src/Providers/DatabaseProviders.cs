using System.Data.Common;
using DiffMigrate.Dialects;
using DiffMigrate.Providers.MySql;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Providers.SqlServer;

namespace DiffMigrate.Providers;

/// <summary>
/// The one registration of every database DiffMigrate supports. Adding a database is a folder next to
/// <c>Sqlite/</c>, <c>Postgres/</c>, <c>MySql/</c> and <c>SqlServer/</c> with a <see cref="DatabaseProvider"/>, and one line in <see cref="All"/>.
/// </summary>
internal static class DatabaseProviders
{
    /// <summary>SQLite.</summary>
    public static DatabaseProvider Sqlite { get; } = new SqliteProvider();

    /// <summary>PostgreSQL.</summary>
    public static DatabaseProvider Postgres { get; } = new PostgresProvider();

    /// <summary>MariaDB and MySQL.</summary>
    public static DatabaseProvider MySql { get; } = new MySqlProvider();

    /// <summary>SQL Server (rendering, offline scripts and the online runner; not tested live).</summary>
    public static DatabaseProvider SqlServer { get; } = new SqlServerProvider();

    /// <summary>Every provider, in the order their names are listed in messages.</summary>
    public static IReadOnlyList<DatabaseProvider> All { get; } = [Sqlite, Postgres, MySql, SqlServer];

    private static readonly Dictionary<string, DatabaseProvider> ByScheme =
        All.SelectMany(p => p.Schemes.Select(s => (Scheme: s, Provider: p))).ToDictionary(x => x.Scheme, x => x.Provider, StringComparer.OrdinalIgnoreCase);

    /// <summary>The provider of <paramref name="dialect"/>.</summary>
    public static DatabaseProvider For(Dialect dialect) => Find(dialect.Name) ?? throw new DiffMigrateException(Refusal(dialect.Name) + ".");

    /// <summary>The provider a URL scheme or dialect name selects, or null.</summary>
    public static DatabaseProvider? Find(string name) => ByScheme.GetValueOrDefault(name);

    /// <summary>Why <paramref name="name"/> selects no provider.</summary>
    public static string Refusal(string name) => $"unknown dialect '{name}': expected {Listed()}";

    // "sqlite, postgresql, mysql or mssql".
    private static string Listed() => string.Join(", ", All.SkipLast(1).Select(p => p.Schemes[0])) + " or " + All[^1].Schemes[0];

    /// <summary>The provider of an application's own <paramref name="connection"/>, by its ADO.NET type.</summary>
    public static DatabaseProvider For(DbConnection connection) =>
        All.FirstOrDefault(p => p.ConnectionTypeName == connection.GetType().Name)
        ?? throw new DiffMigrateException($"Cannot tell the dialect of a {connection.GetType().Name}: pass MigrationOptions.Dialect.");
}
