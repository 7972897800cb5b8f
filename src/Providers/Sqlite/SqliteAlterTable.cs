using DiffMigrate.Dialects;
using DiffMigrate.Migrations;

namespace DiffMigrate.Providers.Sqlite;

/// <summary>What SQLite's own ALTER TABLE can do.</summary>
internal sealed class SqliteAlterTable : TableRebuildRule
{
    /// <summary>The rule.</summary>
    public static SqliteAlterTable Rule { get; } = new();

    private SqliteAlterTable()
    {
    }

    /// <summary>
    /// True when ALTER TABLE does <paramref name="operation"/> in place: renames, index changes, appending a column
    /// it can add (nullable or with a default, not generated, no identity), and dropping a column nothing else in
    /// <paramref name="table"/> uses (unknown without the table, so false).
    /// </summary>
    public override bool InPlace(MigrationOperation operation, Table? table) => operation switch
    {
        RenameColumn or CreateIndex or DropIndex or AlterTableComment => true,
        AddColumn { Before: null, After: null } o => o.Column.Computed is null && o.Column.Identity is null && (o.Column.Nullable || o.Column.Default is not null),
        DropColumn o => table is not null && !IsUsed(table, o.Column.Name),
        _ => false,
    };

    private static bool IsUsed(Table table, string column)
    {
        bool In(IEnumerable<string> columns) => columns.Contains(column, StringComparer.OrdinalIgnoreCase);
        bool Mentions(string? sql) => sql is not null && sql.Contains(column, StringComparison.OrdinalIgnoreCase);
        return table.PrimaryKey is { } pk && In(pk.Columns)
            || table.ForeignKeys.Any(f => In(f.Columns))
            || table.UniqueConstraints.Any(u => In(u.Columns))
            || table.Indexes.Any(i => In(i.Columns) || i.Columns.Any(Mentions) || Mentions(i.Filter))
            || table.CheckConstraints.Any(c => Mentions(c.Sql))
            || table.Columns.Any(c => Mentions(c.Computed));
    }
}
