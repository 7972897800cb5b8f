using DiffMigrate.Schema;

namespace DiffMigrate.Migrations;

/// <summary>Runs SQL as written. Reversible only when <see cref="DownSql"/> is given.</summary>
public sealed record ExecuteSql(string Sql, string? DownSql = null) : MigrationOperation
{
    /// <inheritdoc/>
    public override QualifiedName? TableName => null;
}

/// <summary>
/// Inserts rows. Values are CLR literals (null, string, bool, integers, decimal, double, Guid, dates, byte[]).
/// Not reversible: a downgrade must say how to remove the rows.
/// </summary>
public sealed record BulkInsert(QualifiedName Table, EquatableArray<string> Columns, EquatableArray<EquatableArray<object?>> Rows)
    : TableOperation(Table);
