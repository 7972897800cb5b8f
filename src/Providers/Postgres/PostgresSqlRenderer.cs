using DiffMigrate.Dialects;
using DiffMigrate.Migrations;
using DiffMigrate.Render.Sql;
using DiffMigrate.Schema;

namespace DiffMigrate.Providers.Postgres;

/// <summary>
/// PostgreSQL 15: identity and serial columns, stored generated columns, comments as COMMENT ON statements, ALTER
/// COLUMN in all its forms, index methods and covering columns, schemas, enum types (with a safe rebuild to drop a
/// value) and sequences. DDL is transactional, so a failing revision leaves nothing behind.
/// </summary>
internal sealed partial class PostgresSqlRenderer() : SqlRenderer(PostgresDialect.Instance, PostgresSyntax.Instance)
{
    /// <inheritdoc/>
    protected override string DatabaseName => "PostgreSQL";

    /// <inheritdoc/>
    protected override bool SupportsConcurrentIndexes => true;

    /// <inheritdoc/>
    protected override void CreateTable(CreateTable operation, List<SqlStatement> output)
    {
        // CREATE TABLE cannot hold NOT VALID: such a constraint is added after the table.
        var table = operation.Table;
        base.CreateTable(operation with
        {
            Table = table with { ForeignKeys = table.ForeignKeys.Where(f => !f.NotValid).ToEquatableArray(), CheckConstraints = table.CheckConstraints.Where(c => !c.NotValid).ToEquatableArray() },
        }, output);
        foreach (var fk in table.ForeignKeys.Where(f => f.NotValid)) output.Add(new(AddConstraint(table.Name, operation, ForeignKeyClause(fk) + NotValid(true))));
        foreach (var check in table.CheckConstraints.Where(c => c.NotValid)) output.Add(new(AddConstraint(table.Name, operation, CheckClause(check) + NotValid(true))));
        if (table.Comment is { } comment) output.Add(CommentOnTable(table.Name, comment));
        foreach (var column in table.Columns)
        {
            if (column.Comment is { } text) output.Add(CommentOnColumn(table.Name, column.Name, text));
        }
    }

    /// <summary>
    /// CREATE TABLE, with PARTITION BY for a partitioned table; a partition is <c>CREATE TABLE name PARTITION OF parent
    /// [(its own constraints)] bound [PARTITION BY ...]</c>, its columns being its parent's.
    /// </summary>
    protected override string CreateTable(Table table)
    {
        var partitioning = table.PartitionBy is { } key ? " PARTITION BY " + key.Trim() : "";
        if (table.PartitionOf is not { } parent) return base.CreateTable(table) + partitioning;
        if (!table.Columns.IsEmpty) throw new UnsupportedOperationException($"Partition {table.Name} lists columns: a partition has its parent's ({parent}).");
        var lines = new List<string>();
        if (table.PrimaryKey is { } pk) lines.Add(PrimaryKeyClause(pk));
        lines.AddRange(table.ForeignKeys.Select(ForeignKeyClause));
        lines.AddRange(table.UniqueConstraints.Select(UniqueClause));
        lines.AddRange(table.CheckConstraints.Select(CheckClause));
        lines.AddRange(table.ExclusionConstraints.Select(ExclusionClause));
        var own = lines.Count == 0 ? "" : " (\n" + string.Join(",\n", lines.Select(l => "    " + l)) + "\n)";
        return $"CREATE TABLE {Syntax.Quote(table.Name)} PARTITION OF {Syntax.Quote(parent)}{own} {(table.PartitionBound ?? "DEFAULT").Trim()}{partitioning}";
    }

    /// <inheritdoc/>
    protected override void AddColumn(AddColumn operation, List<SqlStatement> output)
    {
        base.AddColumn(operation, output);
        if (operation.Column.Comment is { } comment) output.Add(CommentOnColumn(operation.Table, operation.Column.Name, comment));
    }

    /// <inheritdoc/>
    protected override void AlterTableComment(AlterTableComment operation, List<SqlStatement> output) =>
        output.Add(CommentOnTable(operation.Table, operation.Comment));

    /// <summary>The type, or for a serial column the serial type of its integer width (no identity clause follows).</summary>
    protected override string ColumnType(Column column)
    {
        if (column.Identity is not { Serial: true } identity) return TypeSql(column.Type);
        if (identity with { Serial = false } != new Identity())
        {
            throw new UnsupportedOperationException(
                $"Column {column.Name}: a serial column takes no ALWAYS, START, INCREMENT, MINVALUE, MAXVALUE, CYCLE or CACHE; " +
                "use an identity (Serial: false) for those.");
        }
        return column.Type.Kind switch
        {
            SqlTypeKind.Int16 => "smallserial",
            SqlTypeKind.Int32 => "serial",
            SqlTypeKind.Int64 => "bigserial",
            _ => throw new UnsupportedOperationException($"Column {column.Name}: serial needs an integer column, not {column.Type}."),
        };
    }

    /// <inheritdoc/>
    protected override string? IdentityClause(Identity identity) => identity.Serial ? null : base.IdentityClause(identity);

    /// <summary>The collation and operator class written after an expression key become that key's options (so the expression can be parenthesised).</summary>
    protected override SqlStatement CreateIndex(CreateIndex operation) =>
        base.CreateIndex(operation with { Index = PostgresIndexKeys.Lift(operation.Index) });

    /// <summary>Expression keys in parentheses, which PostgreSQL requires for anything but a bare function call.</summary>
    protected override string IndexKey(TableIndex index, int i) =>
        index.IsExpression(i) && !ExpressionRules.WrappedInParentheses(index.Columns[i].Trim())
            ? "(" + index.Columns[i].Trim() + ")"
            : base.IndexKey(index, i);

    private string TypeSql(SqlType type) => Dialect.Types.ToSql(type);

    private SqlStatement CommentOnTable(QualifiedName table, string? comment) =>
        new($"COMMENT ON TABLE {Syntax.Quote(table)} IS {CommentText(comment)}");

    private SqlStatement CommentOnColumn(QualifiedName table, string column, string? comment) =>
        new($"COMMENT ON COLUMN {Syntax.Quote(table)}.{Syntax.QuoteIdentifier(column)} IS {CommentText(comment)}");

    private string CommentText(string? comment) => comment is null ? "NULL" : Syntax.StringLiteral(comment);
}
