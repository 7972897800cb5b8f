using System.Data.Common;
using DiffMigrate.Inspect;
using DiffMigrate.Schema;

namespace DiffMigrate.Providers.SqlServer;

/// <summary>Not built yet: reading a SQL Server database is refused with one clear line (autogenerate works from the revisions, offline).</summary>
internal sealed class SqlServerInspector : IDatabaseInspector
{
    private static DiffMigrateException NotYet() => new(
        "Inspecting SQL Server is not built yet: use --sql for offline scripts, or revision --autogenerate --from-migrations, which need no database.");

    /// <inheritdoc/>
    public Task<DatabaseSchema> InspectAsync(DbConnection connection, InspectOptions options, CancellationToken cancellationToken = default) => throw NotYet();

    /// <inheritdoc/>
    public DatabaseSchema Inspect(DbConnection connection, InspectOptions options) => throw NotYet();
}
