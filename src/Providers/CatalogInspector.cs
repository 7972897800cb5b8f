using System.Data.Common;
using DiffMigrate.Inspect;
using DiffMigrate.Schema;

namespace DiffMigrate.Providers;

/// <summary>
/// An inspector that reads the catalog in one command of several statements (one round trip, whatever the number of
/// tables), hands each result set to its reader, and builds the schema from the rows: what a provider's inspector
/// says is only its statements, its readers and its build.
/// </summary>
/// <typeparam name="TRows">What the readers keep of the result sets.</typeparam>
internal abstract class CatalogInspector<TRows> : IDatabaseInspector
    where TRows : new()
{
    /// <summary>The number of commands (round trips) the last inspection sent.</summary>
    public int LastCommandCount { get; private set; }

    /// <summary>The number of SQL statements the last inspection ran; it does not grow with the number of tables.</summary>
    public int LastStatementCount { get; private set; }

    /// <inheritdoc/>
    public async Task<DatabaseSchema> InspectAsync(DbConnection connection, InspectOptions options, CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection, options);
        var rows = new TRows();
        await CatalogBatch.ReadAsync(command, Readers(rows), cancellationToken).ConfigureAwait(false);
        return Build(rows, options);
    }

    /// <inheritdoc/>
    public DatabaseSchema Inspect(DbConnection connection, InspectOptions options)
    {
        using var command = Command(connection, options);
        var rows = new TRows();
        CatalogBatch.Read(command, Readers(rows));
        return Build(rows, options);
    }

    /// <summary>The catalog statements, in the order of <see cref="Readers"/>.</summary>
    protected abstract IReadOnlyList<string> Statements(DbConnection connection, InspectOptions options);

    /// <summary>Parameters the statements take, if any.</summary>
    protected virtual void AddParameters(DbCommand command, InspectOptions options)
    {
    }

    /// <summary>What each result set keeps of a row, in the order of <see cref="Statements"/>.</summary>
    protected abstract IEnumerable<Action<DbDataReader>> Readers(TRows rows);

    /// <summary>The schema the rows describe.</summary>
    protected abstract DatabaseSchema Build(TRows rows, InspectOptions options);

    private DbCommand Command(DbConnection connection, InspectOptions options)
    {
        var statements = Statements(connection, options);
        var command = connection.CreateCommand();
        command.Transaction = options.Transaction;
        command.CommandText = string.Join(";\n", statements);
        AddParameters(command, options);
        LastCommandCount = 1;
        LastStatementCount = statements.Count;
        return command;
    }
}
