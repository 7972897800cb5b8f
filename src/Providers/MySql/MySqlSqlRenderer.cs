using System.Text;
using System.Text.RegularExpressions;
using DiffMigrate.Dialects;
using DiffMigrate.Migrations;
using DiffMigrate.Render.Sql;

namespace DiffMigrate.Providers.MySql;

/// <summary>
/// MariaDB 10.11 and MySQL 8: comments inline (COMMENT on a column, COMMENT = on a table), AUTO_INCREMENT for an
/// identity, ALTER ... MODIFY COLUMN with the whole column for any change but a default's, constraints dropped by
/// their kind (DROP PRIMARY KEY, DROP FOREIGN KEY, DROP INDEX for a unique constraint), prefix index keys. DDL commits
/// as it runs, so a failing revision leaves the statements before the failing one applied.
/// </summary>
internal sealed partial class MySqlSqlRenderer() : SqlRenderer(MySqlDialect.Instance, MySqlSyntax.Instance)
{
    /// <inheritdoc/>
    protected override string DatabaseName => "MariaDB/MySQL";

    /// <summary>CREATE TABLE with the table's options after it: the first AUTO_INCREMENT value and the comment.</summary>
    protected override string CreateTable(Table table)
    {
        if (table.PartitionBy is not null || table.PartitionOf is not null)
        {
            throw new UnsupportedOperationException($"CreateTable {table.Name}: DiffMigrate does not write {DatabaseName} partitioning yet; create the table with op.Execute.");
        }
        foreach (var fk in table.ForeignKeys) Check(table.Name, nameof(CreateTable), fk);
        foreach (var unique in table.UniqueConstraints) Check(table.Name, nameof(CreateTable), unique);
        var text = new StringBuilder(ServerNamedKeys(table, base.CreateTable(table)));
        if (table.Columns.Select(c => c.Identity?.Start).OfType<long>().FirstOrDefault() is var start and not 0) text.Append(" AUTO_INCREMENT = ").Append(start);
        if (table.Comment is { } comment) text.Append(" COMMENT = ").Append(Comment($"Table {table.Name}", comment));
        return text.ToString();
    }

    /// <summary>
    /// <c>name type [COLLATE c] [GENERATED ALWAYS AS (expr) VIRTUAL|STORED] [NOT NULL] [DEFAULT v] [AUTO_INCREMENT]
    /// [COMMENT 'text']</c>: everything a column is, as MODIFY COLUMN needs it whole.
    /// </summary>
    protected override string ColumnDefinition(Table? table, Column column)
    {
        var builder = new StringBuilder(Syntax.QuoteIdentifier(column.Name)).Append(' ').Append(ColumnType(column));
        if (column.Collation is { } collation) builder.Append(" COLLATE ").Append(Syntax.QuoteIdentifier(collation));
        if (column.Computed is { } computed) builder.Append(" GENERATED ALWAYS AS (").Append(computed).Append(column.ComputedVirtual ? ") VIRTUAL" : ") STORED");
        // MariaDB refuses NOT NULL on a generated column (a syntax error): its nullability is its expression's.
        if (!column.Nullable && column.Computed is null) builder.Append(" NOT NULL");
        if (column.Default is { } value) builder.Append(" DEFAULT ").Append(Default(column, value));
        if (column.OnUpdate is { } onUpdate) builder.Append(" ON UPDATE ").Append(OnUpdate(table?.Name, column, onUpdate));
        if (column.Identity is { } identity) builder.Append(' ').Append(AutoIncrement(table?.Name, column, identity));
        if (column.Comment is { } comment) builder.Append(" COMMENT ").Append(Comment($"Column {column.Name}{(table is null ? "" : $" of {table.Name}")}", comment));
        return builder.ToString();
    }

    /// <summary>
    /// A comment as a literal. MariaDB keeps comments in utf8mb3, and stores a character beyond the Basic Multilingual
    /// Plane (an emoji) as '?' without an error: a difference that would never go away, so it is refused here.
    /// </summary>
    private string Comment(string where, string comment)
    {
        if (comment.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
        {
            throw new UnsupportedOperationException(
                $"{where}: the comment holds a character beyond the Basic Multilingual Plane (an emoji, say), which MariaDB stores as '?': remove it for {DatabaseName}.");
        }
        return Syntax.StringLiteral(comment);
    }

    /// <summary>
    /// A default: literals as they are, expressions in parentheses; on TEXT, BLOB, JSON and geometry columns always
    /// in parentheses, since MySQL 8 takes a default there only as an expression (MariaDB takes both).
    /// </summary>
    private string Default(Column column, string sql) =>
        TakesOnlyExpressionDefaults(column.Type) && !ExpressionRules.WrappedInParentheses(sql.Trim()) ? "(" + sql.Trim() + ")" : DefaultValue(sql);

    private bool TakesOnlyExpressionDefaults(SqlType type)
    {
        var sql = Dialect.Types.ToSql(type).ToLowerInvariant();
        return sql.EndsWith("text", StringComparison.Ordinal) || sql.EndsWith("blob", StringComparison.Ordinal) || sql == "json"
            || sql is "geometry" or "point" or "linestring" or "polygon" or "multipoint" or "multilinestring" or "multipolygon" or "geometrycollection";
    }

    /// <summary>
    /// AUTO_INCREMENT: the column numbers rows unless a value is given (BY DEFAULT). Its first value is the table's
    /// AUTO_INCREMENT option; it has no step, bounds, cycle or cache of its own (the step is a server variable), and no
    /// ALWAYS: those are refused rather than dropped.
    /// </summary>
    private string AutoIncrement(QualifiedName? table, Column column, Identity identity)
    {
        var where = $"Column {column.Name}{(table is null ? "" : $" of {table}")}";
        if (!column.Type.IsInteger && !IsRawInteger(column.Type)) throw new UnsupportedOperationException($"{where}: AUTO_INCREMENT needs an integer column, not {column.Type}.");
        if (identity.Always) throw new UnsupportedOperationException($"{where}: {DatabaseName} has no GENERATED ALWAYS identity (AUTO_INCREMENT takes given values): use Identity(Always: false).");
        if (identity.Increment is not null || identity.MinValue is not null || identity.MaxValue is not null || identity.Cycle || identity.Cache is not null)
        {
            throw new UnsupportedOperationException(
                $"{where}: AUTO_INCREMENT has no INCREMENT, MINVALUE, MAXVALUE, CYCLE or CACHE (the step is the server's auto_increment_increment): keep only Start.");
        }
        return "AUTO_INCREMENT";
    }

    /// <inheritdoc/>
    protected override void AddColumn(AddColumn operation, List<SqlStatement> output)
    {
        var column = operation.Column;
        var text = $"ALTER TABLE {Syntax.Quote(operation.Table)} ADD COLUMN {ColumnDefinition(null, column)}";
        // MySQL places a column where it is told; the other dialects append it, and the model's order is the same either way.
        if (operation.After is { } after) text += " AFTER " + Syntax.QuoteIdentifier(after);
        output.Add(new(text));
        if (column.Identity?.Start is { } start) output.Add(new($"ALTER TABLE {Syntax.Quote(operation.Table)} AUTO_INCREMENT = {start}"));
    }

    /// <summary>ALTER TABLE ... COMMENT = '...': an empty comment is none.</summary>
    protected override void AlterTableComment(AlterTableComment operation, List<SqlStatement> output) =>
        output.Add(new($"ALTER TABLE {Syntax.Quote(operation.Table)} COMMENT = {Comment($"Table {operation.Table}", operation.Comment ?? "")}"));

    /// <summary>ALTER TABLE ... ADD constraint, refusing what the database cannot hold (DEFERRABLE, NULLS NOT DISTINCT, SET DEFAULT).</summary>
    protected override string AddConstraint(QualifiedName table, MigrationOperation operation, string clause)
    {
        switch (operation)
        {
            case AddForeignKey add: Check(table, nameof(AddForeignKey), add.ForeignKey); break;
            case AddUniqueConstraint add: Check(table, nameof(AddUniqueConstraint), add.Constraint); break;
        }
        return base.AddConstraint(table, operation, clause);
    }

    /// <summary>
    /// A constraint dropped as its kind says: DROP PRIMARY KEY (which has no name of its own: it is always PRIMARY),
    /// DROP FOREIGN KEY, DROP INDEX for a unique constraint (it is an index), DROP CONSTRAINT for a check (MariaDB 10.2
    /// and MySQL 8.0.19; MariaDB has no DROP CHECK).
    /// </summary>
    protected override string DropConstraint(QualifiedName table, MigrationOperation operation, string? name)
    {
        var alter = $"ALTER TABLE {Syntax.Quote(table)} ";
        if (operation is DropPrimaryKey) return alter + "DROP PRIMARY KEY";
        if (name is null) return base.DropConstraint(table, operation, name);
        return operation switch
        {
            DropForeignKey => alter + "DROP FOREIGN KEY " + Syntax.QuoteIdentifier(name),
            DropUniqueConstraint => alter + "DROP INDEX " + Syntax.QuoteIdentifier(name),
            _ => alter + "DROP CONSTRAINT " + Syntax.QuoteIdentifier(name),
        };
    }

    private void Check(QualifiedName table, string operation, ForeignKey fk)
    {
        var where = $"{operation} on {table}: foreign key {fk.Name}";
        if (fk.Deferrable || fk.InitiallyDeferred) throw new UnsupportedOperationException($"{where} is DEFERRABLE, which {DatabaseName} has not (every key is checked at once): remove it for {DatabaseName}.");
        if (fk.OnDelete == ReferentialAction.SetDefault || fk.OnUpdate == ReferentialAction.SetDefault)
        {
            throw new UnsupportedOperationException($"{where} uses SET DEFAULT, which InnoDB refuses: use SET NULL, CASCADE, RESTRICT or NO ACTION.");
        }
    }

    private void Check(QualifiedName table, string operation, UniqueConstraint unique)
    {
        var where = $"{operation} on {table}: unique constraint {unique.Name}";
        if (unique.Deferrable || unique.InitiallyDeferred) throw new UnsupportedOperationException($"{where} is DEFERRABLE, which {DatabaseName} has not: remove it for {DatabaseName}.");
        if (unique.NullsNotDistinct) throw new UnsupportedOperationException($"{where} is NULLS NOT DISTINCT, which {DatabaseName} has not (NULLs never collide): remove it for {DatabaseName}.");
    }

    /// <summary>
    /// CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX name ON table (key [DESC], ...) [USING BTREE|HASH]. A key written
    /// <c>column(n)</c> is a prefix of n characters (what a TEXT or BLOB column needs); any other expression is in
    /// parentheses, a functional key (MySQL 8.0.13; MariaDB has none and says so). Partial and covering indexes are refused.
    /// </summary>
    protected override SqlStatement CreateIndex(CreateIndex operation)
    {
        var index = operation.Index;
        var where = $"CreateIndex on {operation.Table}: index {index.Name}";
        if (index.Filter is not null) throw new UnsupportedOperationException($"{where} has a WHERE filter; {DatabaseName} has no partial indexes: remove the filter for {DatabaseName}.");
        if (!index.Include.IsEmpty) throw new UnsupportedOperationException($"{where} has INCLUDE columns; {DatabaseName} has no covering indexes: make them keys or remove them.");
        if (IndexOptionSupport.Lacking(Dialect, index) is { } lacking) throw new UnsupportedOperationException($"{where} uses {lacking}, which {DatabaseName} has not: remove it for {DatabaseName}.");
        var (kind, method) = index.Method?.ToLowerInvariant() switch
        {
            null => ("", ""),
            "btree" => ("", " USING BTREE"),
            "hash" => ("", " USING HASH"),
            "fulltext" => ("FULLTEXT ", ""),
            "spatial" => ("SPATIAL ", ""),
            _ => throw new UnsupportedOperationException($"{where} uses the method {index.Method}; {DatabaseName} has btree, hash, fulltext and spatial."),
        };
        if (index.IsUnique && kind.Length > 0) throw new UnsupportedOperationException($"{where}: a {kind.Trim()} index cannot be unique.");
        var keys = index.Columns.Select((_, i) => IndexKey(index, i) + (index.IsDescending(i) ? " DESC" : ""));
        // A FULLTEXT or SPATIAL index cannot be built without a shared lock: it is built the ordinary way, as a
        // concurrent index is where a database has no such thing.
        var online = operation.Concurrently && operation.Online is null && kind.Length == 0 ? OnlineIndex : "";
        return new SqlStatement(
            $"CREATE {(index.IsUnique ? "UNIQUE " : kind)}INDEX {Syntax.QuoteIdentifier(index.Name)} ON {Syntax.Quote(operation.Table)} ({string.Join(", ", keys)}){method}{online}");
    }

    // InnoDB builds and drops a plain index in place while writes go on; said explicitly, the server refuses the
    // statement rather than fall back to a copy or a lock (MySQL 5.6+, MariaDB 10.0+).
    private const string OnlineIndex = " ALGORITHM=INPLACE LOCK=NONE";

    /// <inheritdoc/>
    protected override string IndexKey(TableIndex index, int i)
    {
        if (!index.IsExpression(i)) return Syntax.QuoteIdentifier(index.Columns[i]);
        var key = index.Columns[i].Trim();
        var prefix = PrefixKey().Match(key);
        if (prefix.Success)
        {
            var column = prefix.Groups["quoted"].Success ? prefix.Groups["quoted"].Value.Replace("``", "`", StringComparison.Ordinal) : prefix.Groups["bare"].Value;
            return $"{Syntax.QuoteIdentifier(column)}({prefix.Groups["length"].Value})";
        }
        return ExpressionRules.WrappedInParentheses(key) ? key : "(" + key + ")";
    }

    /// <summary>
    /// Without the DROP INDEX of a table that a later operation drops (a downgrade of CreateTable and CreateIndex): the
    /// table takes its indexes with it, and InnoDB refuses to drop an index that a foreign key of the table still uses
    /// (it drops its own index for the key when a later index can serve it).
    /// </summary>
    public override IReadOnlyList<MigrationOperation> Arrange(IReadOnlyList<MigrationOperation> operations)
    {
        var dropped = operations.Select((o, k) => (o, k)).Where(x => x.o is DropTable).ToLookup(x => ((DropTable)x.o).Table.Name, x => x.k);
        return [.. operations.Where((o, k) => !(o is DropIndex drop && dropped[drop.Table].Any(at => at > k)))];
    }

    /// <summary>
    /// DROP INDEX name ON table; online (concurrently, or with clauses of its own), ALTER TABLE table DROP INDEX name,
    /// since MariaDB's DROP INDEX takes no ALGORITHM or LOCK.
    /// </summary>
    protected override string DropIndex(DropIndex operation) => operation.Concurrently || operation.Online is not null
        ? $"ALTER TABLE {Syntax.Quote(operation.Table)} DROP INDEX {Syntax.QuoteIdentifier(operation.Index.Name)}{(operation.Online is null ? ", ALGORITHM=INPLACE, LOCK=NONE" : "")}"
        : $"DROP INDEX {Syntax.QuoteIdentifier(operation.Index.Name)} ON {Syntax.Quote(operation.Table)}";

    /// <summary>Routines are dropped by name alone (MySQL has no overloading); a trigger by its name, in the table's database.</summary>
    protected override void DropObject(DropObject operation, List<SqlStatement> output)
    {
        var item = operation.Object;
        switch (item.Kind)
        {
            case DefinedObjectKind.Function: output.Add(new($"DROP FUNCTION {Syntax.Quote(item.Name)}")); break;
            case DefinedObjectKind.Procedure: output.Add(new($"DROP PROCEDURE {Syntax.Quote(item.Name)}")); break;
            default: base.DropObject(operation, output); break;
        }
    }

    /// <inheritdoc/>
    protected override string DropTrigger(DefinedObject trigger) => $"DROP TRIGGER {Syntax.Quote(trigger.Name)}";

    // column(n), the column bare or in backticks.
    // An integer type the model spells verbatim: int unsigned, mediumint, tinyint(4) zerofill.
    private static bool IsRawInteger(SqlType type) =>
        type is { Kind: SqlTypeKind.Raw, Name: { } name } && RawInteger().IsMatch(name);

    /// <summary>
    /// Foreign keys the server named (<c>t_ibfk_1</c>, <c>t_ibfk_2</c>: written without a name) are written without a
    /// name again when they are <c>t_ibfk_1</c> to <c>t_ibfk_n</c> in order, so that the server gives them the same
    /// names and, unlike for a named key, names the index it makes for each after its first column: a database built
    /// from a scaffolded model is then the same to SHOW CREATE TABLE as the one scaffolded (the inspector leaves that
    /// index out either way).
    /// </summary>
    private string ServerNamedKeys(Table table, string sql)
    {
        var named = table.ForeignKeys.Select(f => f.Name).Where(n => n is not null && ServerFkName().IsMatch(n)).ToList();
        for (var i = 0; i < named.Count; i++)
        {
            if (!string.Equals(named[i], $"{table.Name.Name}_ibfk_{i + 1}", StringComparison.Ordinal)) return sql;
        }
        foreach (var name in named) sql = sql.Replace($"    CONSTRAINT {Syntax.QuoteIdentifier(name!)} FOREIGN KEY (", "    FOREIGN KEY (", StringComparison.Ordinal);
        return sql;
    }

    [GeneratedRegex(@"_ibfk_[0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex ServerFkName();

    [GeneratedRegex(@"^(tiny|small|medium|big)?int(eger)?(\([0-9]+\))?( unsigned)?( zerofill)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RawInteger();

    [GeneratedRegex(@"^(?:`(?<quoted>(?:[^`]|``)+)`|(?<bare>[A-Za-z_$][A-Za-z0-9_$]*))\s*\(\s*(?<length>[0-9]{1,5})\s*\)$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixKey();
}
