using System.Text;
using DiffMigrate.Dialects;
using DiffMigrate.Migrations;
using DiffMigrate.Schema;

namespace DiffMigrate.Render.Sql;

internal abstract partial class SqlRenderer
{
    /// <summary>ALTER TABLE ... RENAME TO ...</summary>
    protected virtual string RenameTable(RenameTable operation) =>
        $"ALTER TABLE {Syntax.Quote(operation.Table)} RENAME TO {Syntax.QuoteIdentifier(operation.NewName)}";

    /// <summary>ALTER TABLE ... ADD COLUMN ...; dialects with comments add their statement after it.</summary>
    protected virtual void AddColumn(AddColumn operation, List<SqlStatement> output) =>
        output.Add(new($"ALTER TABLE {Syntax.Quote(operation.Table)} ADD COLUMN {ColumnDefinition(null, operation.Column)}"));

    /// <summary>ALTER TABLE ... DROP COLUMN ...</summary>
    protected virtual void DropColumn(DropColumn operation, List<SqlStatement> output) =>
        output.Add(new($"ALTER TABLE {Syntax.Quote(operation.Table)} DROP COLUMN {Syntax.QuoteIdentifier(operation.Column.Name)}"));

    /// <summary>ALTER TABLE ... RENAME COLUMN ... TO ...</summary>
    protected virtual string RenameColumn(RenameColumn operation) =>
        $"ALTER TABLE {Syntax.Quote(operation.Table)} RENAME COLUMN {Syntax.QuoteIdentifier(operation.OldName)} TO {Syntax.QuoteIdentifier(operation.NewName)}";

    /// <summary>Column changes (type, nullability, default...): dialect specific.</summary>
    protected abstract void AlterColumn(AlterColumn operation, List<SqlStatement> output);

    /// <summary>A table comment: dialect specific.</summary>
    protected abstract void AlterTableComment(AlterTableComment operation, List<SqlStatement> output);

    /// <summary>ALTER TABLE ... ADD &lt;constraint&gt;.</summary>
    protected virtual string AddConstraint(QualifiedName table, MigrationOperation operation, string clause) =>
        $"ALTER TABLE {Syntax.Quote(table)} ADD {clause}";

    /// <summary>ALTER TABLE ... ADD CONSTRAINT ... EXCLUDE, where the dialect has exclusion constraints.</summary>
    protected virtual void AddExclusionConstraint(AddExclusionConstraint operation, List<SqlStatement> output)
    {
        if (!Dialect.SupportsExclusionConstraints) throw Refuse(operation, "exclusion constraints", dialectHasThem: false);
        output.Add(new(AddConstraint(operation.Table, operation, ExclusionClause(operation.Constraint))));
    }

    // A name in an SQL comment: a line break in it would end the comment.
    private static string VisibleName(string name) => name.Replace('\n', ' ').Replace('\r', ' ');

    /// <summary>ALTER TABLE ... DROP CONSTRAINT of an exclusion constraint.</summary>
    protected virtual void DropExclusionConstraint(DropExclusionConstraint operation, List<SqlStatement> output)
    {
        if (!Dialect.SupportsExclusionConstraints) throw Refuse(operation, "exclusion constraints", dialectHasThem: false);
        output.Add(new(DropConstraint(operation.Table, operation, operation.Constraint.Name)));
    }

    /// <summary>ALTER TABLE ... VALIDATE CONSTRAINT name, where constraints can be NOT VALID.</summary>
    protected virtual void ValidateConstraint(ValidateConstraint operation, List<SqlStatement> output)
    {
        if (!Dialect.SupportsNotValidConstraints) throw Refuse(operation, "NOT VALID constraints (every constraint is valid)", dialectHasThem: false);
        output.Add(new(operation.Undo
            // A comment, so that the script says why nothing runs here.
            ? $"-- constraint {VisibleName(operation.Name)} on {VisibleName(operation.Table.ToString())} stays validated: a NOT VALID model accepts it, and PostgreSQL cannot mark it NOT VALID again"
            : $"ALTER TABLE {Syntax.Quote(operation.Table)} VALIDATE CONSTRAINT {Syntax.QuoteIdentifier(operation.Name)}"));
    }

    /// <summary>ALTER TABLE ... DROP CONSTRAINT name.</summary>
    protected virtual string DropConstraint(QualifiedName table, MigrationOperation operation, string? name) =>
        name is null
            ? throw new UnsupportedOperationException($"{operation.GetType().Name} on {table}: the constraint has no name, so it cannot be dropped by name.")
            : $"ALTER TABLE {Syntax.Quote(table)} DROP CONSTRAINT {Syntax.QuoteIdentifier(name)}";

    /// <summary>
    /// CREATE [UNIQUE] INDEX name ON table [USING method] (key [COLLATE c] [opclass] [DESC] [NULLS FIRST|LAST], ...)
    /// [INCLUDE (cols)] [NULLS NOT DISTINCT] [WHERE filter].
    /// </summary>
    protected virtual SqlStatement CreateIndex(CreateIndex operation)
    {
        var index = operation.Index;
        if (IndexOptionSupport.Lacking(Dialect, index) is { } lacking)
        {
            throw new UnsupportedOperationException($"{operation.GetType().Name} on {operation.TableName}: {DatabaseName} has no {lacking} (index {index.Name}). Remove it from revisions that run on {DatabaseName}.");
        }
        var concurrently = operation.Concurrently && SupportsConcurrentIndexes;
        var text = new StringBuilder(index.IsUnique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ")
            .Append(concurrently ? "CONCURRENTLY " : "")
            .Append(Syntax.QuoteIdentifier(index.Name)).Append(" ON ").Append(Syntax.Quote(operation.Table));
        if (index.Method is { } method) text.Append(" USING ").Append(Syntax.QuoteIdentifier(method));
        text.Append(" (").AppendJoin(", ", index.Columns.Select((_, i) => IndexKey(index, i) + KeyOptions(index, i))).Append(')');
        if (!index.Include.IsEmpty) text.Append(" INCLUDE (").Append(Syntax.QuoteList(index.Include)).Append(')');
        if (index.NullsNotDistinct) text.Append(" NULLS NOT DISTINCT");
        if (index.Filter is { } filter) text.Append(" WHERE ").Append(filter);
        return new SqlStatement(text.ToString(), SuppressTransaction: concurrently);
    }

    /// <summary>
    /// True when the dialect can build and drop indexes without blocking writes (outside a transaction). Elsewhere
    /// a concurrent index is built the ordinary way: there is nothing to gain from leaving the transaction.
    /// </summary>
    protected virtual bool SupportsConcurrentIndexes => false;

    /// <summary>Key <paramref name="i"/> of an index: a quoted column, or an expression as written.</summary>
    protected virtual string IndexKey(TableIndex index, int i) =>
        index.IsExpression(i) ? index.Columns[i] : Syntax.QuoteIdentifier(index.Columns[i]);

    /// <summary>What follows key <paramref name="i"/>: [COLLATE c] [opclass] [DESC] [NULLS FIRST|LAST].</summary>
    private string KeyOptions(TableIndex index, int i)
    {
        var option = index.KeyOption(i);
        var text = new StringBuilder();
        if (option.Collation is { } collation) text.Append(" COLLATE ").Append(Syntax.QuoteIdentifier(collation));
        if (option.OperatorClass is { } operatorClass) text.Append(' ').Append(OperatorClass(operatorClass));
        if (index.IsDescending(i)) text.Append(" DESC");
        text.Append(option.Nulls switch
        {
            NullsOrder.First => " NULLS FIRST",
            NullsOrder.Last => " NULLS LAST",
            _ => "",
        });
        return text.ToString();
    }

    /// <summary>
    /// An operator class as a (qualified) name: each part quoted where the dialect needs it. Text that is not a name
    /// (quotes left open, a semicolon) becomes one quoted identifier, which the server rejects as unknown: never SQL.
    /// </summary>
    private string OperatorClass(string name) =>
        SqlNames.Parts(name) is { } parts ? string.Join(".", parts.Select(Syntax.QuoteIdentifier)) : Syntax.QuoteIdentifier(name);

    /// <summary>DROP INDEX name.</summary>
    protected virtual string DropIndex(DropIndex operation) =>
        $"DROP INDEX {(operation.Concurrently && SupportsConcurrentIndexes ? "CONCURRENTLY " : "")}{(operation.Table.Schema is { } schema ? Syntax.QuoteIdentifier(schema) + "." : "")}{Syntax.QuoteIdentifier(operation.Index.Name)}";

    /// <summary>INSERT INTO ... VALUES (...), (...).</summary>
    protected virtual void BulkInsert(BulkInsert operation, List<SqlStatement> output)
    {
        if (operation.Rows.Count == 0) return;
        var text = new StringBuilder($"INSERT INTO {Syntax.Quote(operation.Table)} ({Syntax.QuoteList(operation.Columns)}) VALUES\n");
        text.AppendJoin(",\n", operation.Rows.Select(row => "    (" + string.Join(", ", row.Select(Syntax.Literal)) + ")"));
        output.Add(new SqlStatement(text.ToString()));
    }

    /// <summary>The version table: Alembic's layout under DiffMigrate's name.</summary>
    public SqlStatement CreateVersionTable(QualifiedName table) => new(
        $"CREATE TABLE {Syntax.Quote(table)} (\n    version_num VARCHAR(32) NOT NULL,\n    CONSTRAINT {Syntax.QuoteIdentifier(table.Name + "_pkc")} PRIMARY KEY (version_num)\n)");

    /// <summary>Records a new head.</summary>
    public SqlStatement InsertVersion(QualifiedName table, string id) =>
        new($"INSERT INTO {Syntax.Quote(table)} (version_num) VALUES ({Syntax.StringLiteral(id)})");

    /// <summary>Moves a head.</summary>
    public SqlStatement UpdateVersion(QualifiedName table, string from, string to) =>
        new($"UPDATE {Syntax.Quote(table)} SET version_num={Syntax.StringLiteral(to)} WHERE {Syntax.Quote(table)}.version_num = {Syntax.StringLiteral(from)}");

    /// <summary>Removes a head.</summary>
    public SqlStatement DeleteVersion(QualifiedName table, string id) =>
        new($"DELETE FROM {Syntax.Quote(table)} WHERE {Syntax.Quote(table)}.version_num = {Syntax.StringLiteral(id)}");

    /// <summary>Offline script text: each statement with its terminator, a blank line after each.</summary>
    public string RenderScript(IReadOnlyList<SqlStatement> statements)
    {
        var builder = new StringBuilder();
        foreach (var statement in statements) builder.Append(Syntax.Terminated(statement.Text)).Append("\n\n");
        return builder.ToString();
    }
}
