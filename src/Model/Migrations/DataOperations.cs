using DiffMigrate.Schema;

namespace DiffMigrate.Migrations;

/// <summary>
/// Runs SQL as written. Reversible only when <see cref="DownSql"/> is given. <see cref="Changes"/> declares what the
/// SQL does to the schema, as the equivalent operations (empty: nothing), for the in-memory replay of
/// <c>--from-migrations</c>; a run never executes them.
/// </summary>
public sealed record ExecuteSql(string Sql, string? DownSql = null) : MigrationOperation
{
    /// <summary>
    /// What <see cref="Sql"/> changes in the schema, as operations the in-memory replay applies instead of reading the
    /// SQL (empty: it changes no schema); null when not declared. Never run.
    /// </summary>
    public EquatableArray<MigrationOperation>? Changes { get; init; }

    /// <inheritdoc/>
    public override QualifiedName? TableName => null;
}

/// <summary>
/// Inserts rows. Values are CLR literals (null, string, bool, integers, decimal, double, Guid, dates, byte[]).
/// Not reversible: a downgrade must say how to remove the rows.
/// </summary>
public sealed record BulkInsert(QualifiedName Table, EquatableArray<string> Columns, EquatableArray<EquatableArray<object?>> Rows)
    : TableOperation(Table);
