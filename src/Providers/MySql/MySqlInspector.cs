using System.Data.Common;
using DiffMigrate.Inspect;
using DiffMigrate.Schema;

namespace DiffMigrate.Providers.MySql;

/// <summary>
/// Not built yet (issue 18, a later step: a read of information_schema). Until it is, the provider is not registered
/// in <see cref="DatabaseProviders.All"/>, so no command reaches this; a caller that does is told so, never handed an
/// empty schema.
/// </summary>
internal sealed class MySqlInspector : IDatabaseInspector
{
    private const string NotBuilt = "The MariaDB/MySQL inspector is not built yet: DiffMigrate cannot read a MariaDB or MySQL database (issue 18).";

    public Task<DatabaseSchema> InspectAsync(DbConnection connection, InspectOptions options, CancellationToken cancellationToken = default) =>
        throw new DiffMigrateException(NotBuilt);

    public DatabaseSchema Inspect(DbConnection connection, InspectOptions options) => throw new DiffMigrateException(NotBuilt);
}
