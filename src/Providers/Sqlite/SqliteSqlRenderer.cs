using DiffMigrate.Migrations;
using DiffMigrate.Render.Sql;
using DiffMigrate.Schema;

namespace DiffMigrate.Providers.Sqlite;

/// <summary>SQLite's identifier rules.</summary>
internal sealed class SqliteSyntax : SqlSyntax
{
    /// <summary>The shared instance.</summary>
    public static SqliteSyntax Instance { get; } = new();

    /// <inheritdoc/>
    protected override IReadOnlySet<string> ReservedWords { get; } = Words("""
        abort action add after all alter always analyze and as asc attach autoincrement before begin between by cascade
        case cast check collate column commit conflict constraint create cross current current_date current_time
        current_timestamp database default deferrable deferred delete desc detach distinct do drop each else end escape
        except exclude exclusive exists explain fail filter first following for foreign from full generated glob group
        groups having if ignore immediate in index indexed initially inner insert instead intersect into is isnull join
        key last left like limit match materialized natural no not nothing notnull null nulls of offset on or order others
        outer over partition plan pragma preceding primary query raise range recursive references regexp reindex release
        rename replace restrict returning right rollback row rows savepoint select set table temp temporary then ties to
        transaction trigger unbounded union unique update using vacuum values view virtual when where window with without
        """);
}

/// <summary>
/// SQLite: everything it can do with plain DDL. SQLite's ALTER TABLE can only add, drop and rename columns and
/// rename tables; every other change needs a table rebuild ("batch" mode) and is refused here with that remedy.
/// </summary>
internal sealed partial class SqliteSqlRenderer() : SqlRenderer(SqliteDialect.Instance, SqliteSyntax.Instance)
{
    /// <inheritdoc/>
    protected override string DatabaseName => "SQLite";

    /// <summary>SQLite's DROP TRIGGER names the trigger only: trigger names are unique in the database.</summary>
    protected override string DropTrigger(DefinedObject trigger) => $"DROP TRIGGER {Syntax.QuoteIdentifier(trigger.Name.Name)}";

    /// <inheritdoc/>
    protected override bool PrimaryKeyIsInline(Table table) => RowidColumn(table) is not null;

    /// <inheritdoc/>
    protected override string ColumnDefinition(Table? table, Column column)
    {
        if (table is not null && ReferenceEquals(RowidColumn(table), column))
        {
            // INTEGER PRIMARY KEY (exactly that type name) makes the column an alias of the rowid: SQLite's identity.
            var pk = table.PrimaryKey!;
            return $"{Syntax.QuoteIdentifier(column.Name)} INTEGER NOT NULL {Named(pk.Name)}PRIMARY KEY AUTOINCREMENT";
        }
        return base.ColumnDefinition(table, column);
    }

    /// <summary>None: SQLite's only identity is the rowid alias that <see cref="ColumnDefinition"/> writes.</summary>
    protected override string? IdentityClause(Identity identity) => null;

    /// <inheritdoc/>
    protected override void CreateTable(CreateTable operation, List<SqlStatement> output)
    {
        if (operation.Table.UniqueConstraints.FirstOrDefault(u => u.NullsNotDistinct) is { } unique)
        {
            throw Cannot(operation, $"UNIQUE NULLS NOT DISTINCT ({unique.Name ?? string.Join(", ", unique.Columns)})",
                "SQLite treats NULLs as distinct in every UNIQUE constraint; use a unique index on COALESCE(...) expressions instead");
        }
        base.CreateTable(operation, output);
    }

    /// <summary>
    /// CREATE TABLE (refusing what SQLite cannot hold, also when a batch rebuilds the table), then its options
    /// (<c>WITHOUT ROWID, STRICT</c>). A STRICT table's columns are declared with the
    /// type a strict table stores theirs as (a VARCHAR is TEXT, a BIGINT INTEGER): SQLite refuses any other name there.
    /// </summary>
    protected override string CreateTable(Table table)
    {
        if (table.UniqueConstraints.FirstOrDefault(u => u.Deferrable || u.InitiallyDeferred) is { } unique)
        {
            throw new UnsupportedOperationException($"SQLite cannot express a DEFERRABLE UNIQUE constraint ({unique.Name ?? string.Join(", ", unique.Columns)}) on table {table.Name}: " +
                "SQLite checks UNIQUE at once; drop deferrable for SQLite.");
        }
        if (table.PartitionBy is not null || table.PartitionOf is not null)
        {
            throw new UnsupportedOperationException($"SQLite cannot express a partitioned table or a partition ({table.Name}): SQLite has no declarative partitioning; " +
                "remove PartitionBy and Partition from the SQLite model.");
        }
        if (table.ExclusionConstraints.FirstOrDefault() is { } exclusion)
        {
            throw new UnsupportedOperationException($"SQLite cannot express exclusion constraint {exclusion.Name ?? exclusion.Definition} on table {table.Name}: SQLite has no EXCLUDE; " +
                "remove it from the SQLite model.");
        }
        if (table.Strict)
        {
            table = table with
            {
                Columns = table.Columns.Select(c => c with
                {
                    Type = Dialect.Types.StrictType(c.Type) ?? throw new UnsupportedOperationException(
                        $"Table {table.Name} is STRICT, which takes only INTEGER, REAL, TEXT, BLOB and ANY columns: column {c.Name}'s type {c.Type} is none of them (use SqlType.Raw(\"ANY\") for values of any type)."),
                }).ToEquatableArray(),
            };
        }
        if (table.WithoutRowid && table.PrimaryKey is null)
        {
            throw new UnsupportedOperationException($"Table {table.Name} is WITHOUT ROWID, which needs a primary key: declare one.");
        }
        var options = new[] { table.WithoutRowid ? "WITHOUT ROWID" : null, table.Strict ? "STRICT" : null }.OfType<string>().ToList();
        return base.CreateTable(table) + (options.Count == 0 ? "" : " " + string.Join(", ", options));
    }

    /// <inheritdoc/>
    protected override void AlterTableOptions(AlterTableOptions operation, List<SqlStatement> output) =>
        throw Unsupported(operation, "changing STRICT or WITHOUT ROWID");

    /// <inheritdoc/>
    protected override SqlStatement CreateIndex(CreateIndex operation)
    {
        if (operation.Index.Method is { } method)
        {
            throw Cannot(operation, $"index {operation.Index.Name} USING {method}", "SQLite has a single index method; drop the method for SQLite");
        }
        if (!operation.Index.Include.IsEmpty)
        {
            throw Cannot(operation, $"index {operation.Index.Name} INCLUDE (...)", "SQLite has no covering-index columns; add them as trailing keys instead");
        }
        return base.CreateIndex(operation);
    }

    /// <inheritdoc/>
    protected override void AddColumn(AddColumn operation, List<SqlStatement> output)
    {
        if (operation.Column.Computed is not null)
        {
            // SQLite can add only VIRTUAL generated columns; a STORED one needs a rebuild.
            throw Unsupported(operation, "adding a stored generated column");
        }
        base.AddColumn(operation, output);
    }

    /// <inheritdoc/>
    protected override void AlterColumn(AlterColumn operation, List<SqlStatement> output) =>
        throw Unsupported(operation, $"changing column {operation.Column.Name}");

    /// <inheritdoc/>
    protected override void AlterTableComment(AlterTableComment operation, List<SqlStatement> output)
    {
        // SQLite has no comments; the differ never emits this for SQLite. Nothing to run, by capability, not by omission.
    }

    /// <inheritdoc/>
    protected override string AddConstraint(QualifiedName table, MigrationOperation operation, string clause) =>
        throw Unsupported(operation, "adding a constraint");

    /// <inheritdoc/>
    protected override string DropConstraint(QualifiedName table, MigrationOperation operation, string? name) =>
        throw Unsupported(operation, "dropping a constraint");

    // An integer type, or one spelled INTEGER (a scaffolded [Column(TypeName = "INTEGER")] reads back as that spelling).
    private static Column? RowidColumn(Table table) =>
        !table.WithoutRowid && table.PrimaryKey is { Columns.Count: 1 } pk
        && table.FindColumn(pk.Columns[0]) is { Identity: not null } column
        && (column.Type.IsInteger || string.Equals(SqliteTypeMap.Instance.ToSql(column.Type), "INTEGER", StringComparison.OrdinalIgnoreCase))
            ? column
            : null;

    private static UnsupportedOperationException Cannot(MigrationOperation operation, string what, string remedy) =>
        new($"SQLite cannot express {what} in {operation.GetType().Name} on {operation.TableName}: {remedy}.");

    private static UnsupportedOperationException Unsupported(MigrationOperation operation, string what) => new(
        $"SQLite cannot ALTER a table for {operation.GetType().Name} on {operation.TableName} ({what}): " +
        $"this needs a table rebuild: put it in op.BatchAlterTable(\"{operation.TableName}\", batch => ...), as autogenerate does.");
}
