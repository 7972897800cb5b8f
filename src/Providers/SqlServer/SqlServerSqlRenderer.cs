using System.Security.Cryptography;
using System.Text;
using DiffMigrate.Dialects;
using DiffMigrate.Migrations;
using DiffMigrate.Render.Sql;

namespace DiffMigrate.Providers.SqlServer;

/// <summary>
/// SQL Server 2017 and later (Transact-SQL): IDENTITY(seed, increment), a column's default as a named constraint
/// <c>DF_&lt;table&gt;_&lt;column&gt;</c>, computed columns <c>AS (expr) [PERSISTED]</c>, renames with sp_rename,
/// comments as MS_Description extended properties, filtered and covering indexes. What SQL Server keeps by a name the
/// model does not know (a default constraint made by another tool, the keys and indexes on a dropped column) is found
/// in the catalog by a short dynamic-SQL batch and dropped with QUOTENAME.
/// </summary>
internal sealed partial class SqlServerSqlRenderer() : SqlRenderer(SqlServerDialect.Instance, SqlServerSyntax.Instance)
{
    /// <inheritdoc/>
    protected override string DatabaseName => "SQL Server";

    /// <summary>CREATE TABLE, then the comments of the table and its columns as extended properties.</summary>
    protected override void CreateTable(CreateTable operation, List<SqlStatement> output)
    {
        var table = operation.Table;
        output.Add(new(CreateTable(table)));
        if (table.Comment is { } comment) output.Add(AddComment(table.Name, null, comment));
        foreach (var column in table.Columns)
        {
            if (column.Comment is { } text) output.Add(AddComment(table.Name, column.Name, text));
        }
    }

    /// <inheritdoc/>
    protected override string CreateTable(Table table)
    {
        if (table.PartitionBy is not null || table.PartitionOf is not null)
        {
            throw new UnsupportedOperationException($"CreateTable {table.Name}: DiffMigrate does not write {DatabaseName} partitioning yet; create the table with op.Execute.");
        }
        foreach (var fk in table.ForeignKeys) Check(table.Name, nameof(CreateTable), fk);
        foreach (var unique in table.UniqueConstraints) Check(table.Name, nameof(CreateTable), unique);
        return base.CreateTable(table with { ForeignKeys = [.. table.ForeignKeys.Select(WithoutRestrict)] });
    }

    /// <inheritdoc/>
    protected override string ColumnDefinition(Table? table, Column column) =>
        Definition(table?.Name ?? throw new InvalidOperationException("A SQL Server column is written with its table."), column);

    /// <summary>
    /// <c>name type [COLLATE c] [IDENTITY(s, i)] NULL|NOT NULL [CONSTRAINT DF_t_c DEFAULT v]</c>, or a computed column's
    /// <c>name AS (expr) [PERSISTED [NOT NULL]]</c> (its type is its expression's). NULL is written too: without it the
    /// session's ANSI_NULL_DFLT settings decide.
    /// </summary>
    private string Definition(QualifiedName table, Column column, bool withDefault = true)
    {
        var where = $"Column {column.Name} of {table}";
        var builder = new StringBuilder(Syntax.QuoteIdentifier(column.Name));
        if (column.Computed is { } computed)
        {
            if (column.Default is not null || column.Identity is not null)
            {
                throw new UnsupportedOperationException($"{where}: a computed column has no default or identity in {DatabaseName}: remove them.");
            }
            builder.Append(" AS (").Append(computed).Append(')');
            // A computed column that is not PERSISTED takes no NOT NULL: its nullability is its expression's.
            if (!column.ComputedVirtual) builder.Append(column.Nullable ? " PERSISTED" : " PERSISTED NOT NULL");
            return builder.ToString();
        }
        builder.Append(' ').Append(ColumnType(column));
        if (column.Collation is { } collation) builder.Append(" COLLATE ").Append(Collation(where, collation));
        if (column.Identity is { } identity) builder.Append(' ').Append(IdentityClause(where, column, identity));
        builder.Append(column.Nullable ? " NULL" : " NOT NULL");
        if (withDefault && column.Default is { } value) builder.Append(" CONSTRAINT ").Append(Syntax.QuoteIdentifier(DefaultName(table, column.Name))).Append(" DEFAULT ").Append(DefaultValue(value));
        return builder.ToString();
    }

    /// <summary>A collation is a name SQL Server knows (Latin1_General_100_CI_AS_SC_UTF8): letters, digits and underscores, never quoted.</summary>
    private string Collation(string where, string collation) =>
        collation.Length > 0 && collation.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? collation
            : throw new UnsupportedOperationException($"{where}: '{collation}' is not a {DatabaseName} collation name (letters, digits and underscores).");

    /// <summary>
    /// TRUE and FALSE as BIT's 1 and 0 (T-SQL has no boolean literals), a '...' string as N'...' (a VARCHAR literal
    /// would lose what its code page cannot hold on the way to an NVARCHAR column); literals bare, expressions in parentheses.
    /// </summary>
    protected override string DefaultValue(string sql)
    {
        var text = sql.Trim();
        return text.ToUpperInvariant() switch
        {
            "TRUE" => "1",
            "FALSE" => "0",
            _ when text.StartsWith('\'') && Dialect.Expressions.IsLiteral(text) => "N" + text,
            _ => base.DefaultValue(sql),
        };
    }

    /// <summary>
    /// The name of a column's default constraint: <c>DF_&lt;table&gt;_&lt;column&gt;</c>, shortened to 128 characters
    /// with a hash of the whole name where it is longer (a constraint's name is unique in its schema).
    /// </summary>
    public static string DefaultName(QualifiedName table, string column)
    {
        var name = $"DF_{table.Name}_{column}";
        if (name.Length <= SqlServerDialect.Instance.MaxIdentifierLength) return name;
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        return name[..(SqlServerDialect.Instance.MaxIdentifierLength - 9)] + "_" + hash;
    }

    /// <summary>
    /// IDENTITY(seed, increment) on an integer or DECIMAL(p, 0) column. It takes a given value only under SET
    /// IDENTITY_INSERT ON, whether the model says ALWAYS or BY DEFAULT; it has no bounds, cycle or cache (refused).
    /// </summary>
    private string IdentityClause(string where, Column column, Identity identity)
    {
        if (!column.Type.IsInteger && !(column.Type.Kind == SqlTypeKind.Decimal && column.Type.Scale is null or 0))
        {
            throw new UnsupportedOperationException($"{where}: IDENTITY needs an integer or DECIMAL(p, 0) column, not {column.Type}.");
        }
        if (identity.MinValue is not null || identity.MaxValue is not null || identity.Cycle || identity.Cache is not null)
        {
            throw new UnsupportedOperationException($"{where}: {DatabaseName}'s IDENTITY has no MINVALUE, MAXVALUE, CYCLE or CACHE: keep only Start and Increment, or use a sequence.");
        }
        return $"IDENTITY({identity.Start ?? 1}, {identity.Increment ?? 1})";
    }

    /// <summary>ALTER TABLE ... ADD column (T-SQL has no COLUMN keyword there), and its comment.</summary>
    protected override void AddColumn(AddColumn operation, List<SqlStatement> output)
    {
        // SQL Server appends a column: a position (After, Before) is the model's order only.
        output.Add(new($"ALTER TABLE {Syntax.Quote(operation.Table)} ADD {Definition(operation.Table, operation.Column)}"));
        if (operation.Column.Comment is { } comment) output.Add(AddComment(operation.Table, operation.Column.Name, comment));
    }

    /// <summary>EXEC sp_rename N'old', N'new' (the new name is taken as written, so it is not quoted).</summary>
    protected override string RenameTable(RenameTable operation) =>
        $"EXEC sp_rename {Syntax.StringLiteral(Syntax.Quote(operation.Table))}, {Syntax.StringLiteral(operation.NewName)}";

    /// <summary>ALTER TABLE ... ADD constraint; RESTRICT is NO ACTION, and what SQL Server cannot hold is refused.</summary>
    protected override string AddConstraint(QualifiedName table, MigrationOperation operation, string clause)
    {
        switch (operation)
        {
            case AddForeignKey add:
                Check(table, nameof(AddForeignKey), add.ForeignKey);
                clause = ForeignKeyClause(WithoutRestrict(add.ForeignKey));
                break;
            case AddUniqueConstraint add:
                Check(table, nameof(AddUniqueConstraint), add.Constraint);
                break;
        }
        return base.AddConstraint(table, operation, clause);
    }

    /// <summary>DROP CONSTRAINT by name; a primary key without a known name by the one the catalog has.</summary>
    protected override string DropConstraint(QualifiedName table, MigrationOperation operation, string? name)
    {
        if (name is not null || operation is not DropPrimaryKey) return base.DropConstraint(table, operation, name);
        var target = Syntax.StringLiteral(Syntax.Quote(table));
        return Dynamic(
            $"SELECT @sql = {Syntax.StringLiteral($"ALTER TABLE {Syntax.Quote(table)} DROP CONSTRAINT ")} + QUOTENAME(k.name) " +
            $"FROM sys.key_constraints AS k WHERE k.parent_object_id = OBJECT_ID({target}) AND k.type = 'PK'");
    }

    // SQL Server has no RESTRICT; NO ACTION checks at once, which is what RESTRICT means elsewhere.
    private static ForeignKey WithoutRestrict(ForeignKey fk) => fk with
    {
        OnDelete = fk.OnDelete == ReferentialAction.Restrict ? ReferentialAction.NoAction : fk.OnDelete,
        OnUpdate = fk.OnUpdate == ReferentialAction.Restrict ? ReferentialAction.NoAction : fk.OnUpdate,
    };

    private void Check(QualifiedName table, string operation, ForeignKey fk)
    {
        if (fk.Deferrable || fk.InitiallyDeferred)
        {
            throw new UnsupportedOperationException($"{operation} on {table}: foreign key {fk.Name} is DEFERRABLE, which {DatabaseName} has not (every key is checked at once): remove it for {DatabaseName}.");
        }
    }

    private void Check(QualifiedName table, string operation, UniqueConstraint unique)
    {
        var where = $"{operation} on {table}: unique constraint {unique.Name}";
        if (unique.Deferrable || unique.InitiallyDeferred) throw new UnsupportedOperationException($"{where} is DEFERRABLE, which {DatabaseName} has not: remove it for {DatabaseName}.");
        if (unique.NullsNotDistinct) throw new UnsupportedOperationException($"{where} is NULLS NOT DISTINCT, which {DatabaseName} does not write (its unique constraints let one NULL in): remove it for {DatabaseName}.");
    }

    /// <summary>
    /// CREATE [UNIQUE] [CLUSTERED|NONCLUSTERED] INDEX name ON table (key [DESC], ...) [INCLUDE (cols)] [WHERE filter].
    /// An expression key is refused: SQL Server indexes a computed column instead.
    /// </summary>
    protected override SqlStatement CreateIndex(CreateIndex operation)
    {
        var index = operation.Index;
        var where = $"CreateIndex on {operation.Table}: index {index.Name}";
        if (IndexOptionSupport.Lacking(Dialect, index) is { } lacking) throw new UnsupportedOperationException($"{where} uses {lacking}, which {DatabaseName} has not: remove it for {DatabaseName}.");
        if (Enumerable.Range(0, index.Columns.Count).FirstOrDefault(index.IsExpression, -1) is var at and >= 0)
        {
            throw new UnsupportedOperationException($"{where} has the expression key {index.Columns[at]}; {DatabaseName} indexes columns only: add a computed column and index it.");
        }
        var kind = index.Method?.ToLowerInvariant() switch
        {
            null => "",
            "clustered" => "CLUSTERED ",
            "nonclustered" => "NONCLUSTERED ",
            _ => throw new UnsupportedOperationException($"{where} uses the method {index.Method}; {DatabaseName} has clustered and nonclustered."),
        };
        var text = new StringBuilder($"CREATE {(index.IsUnique ? "UNIQUE " : "")}{kind}INDEX {Syntax.QuoteIdentifier(index.Name)} ON {Syntax.Quote(operation.Table)} (")
            .AppendJoin(", ", index.Columns.Select((c, i) => Syntax.QuoteIdentifier(c) + (index.IsDescending(i) ? " DESC" : ""))).Append(')');
        if (!index.Include.IsEmpty) text.Append(" INCLUDE (").Append(Syntax.QuoteList(index.Include)).Append(')');
        if (index.Filter is { } filter) text.Append(" WHERE ").Append(filter);
        return new SqlStatement(text.ToString());
    }

    /// <summary>DROP INDEX name ON table.</summary>
    protected override string DropIndex(DropIndex operation) => $"DROP INDEX {Syntax.QuoteIdentifier(operation.Index.Name)} ON {Syntax.Quote(operation.Table)}";

    /// <summary>INSERT ... VALUES in chunks of 1000 rows, the most one VALUES list takes in SQL Server.</summary>
    protected override void BulkInsert(BulkInsert operation, List<SqlStatement> output)
    {
        foreach (var rows in operation.Rows.Chunk(1000)) base.BulkInsert(operation with { Rows = [.. rows] }, output);
    }

    /// <summary>
    /// A batch that declares <c>@sql</c>, fills it with <paramref name="select"/> (statements built from catalog
    /// names with QUOTENAME) and runs it when it found anything.
    /// </summary>
    private static string Dynamic(string select) =>
        $"DECLARE @sql NVARCHAR(MAX);\n{select};\nIF @sql IS NOT NULL EXEC sys.sp_executesql @sql";
}
