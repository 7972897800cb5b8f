using System.Text;
using DiffMigrate.Dialects;
using DiffMigrate.Migrations;

namespace DiffMigrate.Render.Sql;

/// <summary>
/// Turns operations into SQL statements for one dialect. ANSI forms live here as small virtual methods; each
/// dialect overrides what it spells differently and throws <see cref="UnsupportedOperationException"/> for what it
/// cannot do. Never silent output.
/// </summary>
internal abstract partial class SqlRenderer(Dialect dialect, SqlSyntax syntax)
{
    /// <summary>The dialect rendered for.</summary>
    public Dialect Dialect { get; } = dialect;

    /// <summary>Quoting and literals.</summary>
    public SqlSyntax Syntax { get; } = syntax;

    /// <summary>
    /// A revision's operations as this database runs them, before each is rendered on its turn: a dialect leaves out
    /// what a later operation of the same revision makes needless and this database would refuse.
    /// </summary>
    public virtual IReadOnlyList<MigrationOperation> Arrange(IReadOnlyList<MigrationOperation> operations) => operations;

    /// <summary>The statements for <paramref name="operations"/>, in order.</summary>
    public IReadOnlyList<SqlStatement> Render(IReadOnlyList<MigrationOperation> operations)
    {
        var statements = new List<SqlStatement>();
        foreach (var operation in operations) Render(operation, statements);
        return statements;
    }

    private void Render(MigrationOperation operation, List<SqlStatement> output)
    {
        var first = output.Count;
        if (!Dialect.SupportsColumnOnUpdate) RefuseOnUpdate(operation);
        RenderOne(operation, output);
        if (operation is TableEdit { Online: { } online }) Online(online, output, first);
    }

    /// <summary>A column created or changed to take a value on every update, where the database has no such thing.</summary>
    private void RefuseOnUpdate(MigrationOperation operation)
    {
        IEnumerable<Column> columns = operation switch
        {
            CreateTable o => o.Table.Columns,
            AddColumn o => [o.Column],
            AlterColumn o => [o.Column],
            _ => [],
        };
        if (columns.FirstOrDefault(c => c.OnUpdate is not null) is { } column)
        {
            throw new UnsupportedOperationException(
                $"{operation.GetType().Name} on {operation.TableName}: column {column.Name} has ON UPDATE {VisibleText.Escape(column.OnUpdate!)}, which {DatabaseName} has not: use a trigger (DefinedObject.Trigger) and remove OnUpdate.");
        }
    }

    /// <summary>
    /// Gives the statements from <paramref name="first"/> on, written for a change asked with <paramref name="online"/>,
    /// the database's online-DDL clauses; a database that has none writes none.
    /// </summary>
    protected virtual void Online(OnlineDdl online, List<SqlStatement> output, int first)
    {
    }

    private void RenderOne(MigrationOperation operation, List<SqlStatement> output)
    {
        switch (operation)
        {
            case CreateTable o: CreateTable(o, output); break;
            case DropTable o: output.Add(new($"DROP TABLE {Syntax.Quote(o.Table.Name)}")); break;
            case RenameTable o: output.Add(new(RenameTable(o))); break;
            case AlterTableComment o: AlterTableComment(o, output); break;
            case AlterTableOptions o: AlterTableOptions(o, output); break;
            case AddColumn o: AddColumn(o, output); break;
            case DropColumn o: DropColumn(o, output); break;
            case AlterColumn o: AlterColumn(o, output); break;
            case RenameColumn o: output.Add(new(RenameColumn(o))); break;
            case CreateIndex o: output.Add(CreateIndex(o)); break;
            case DropIndex o: output.Add(new(DropIndex(o), o.Concurrently && SupportsConcurrentIndexes)); break;
            case AddPrimaryKey o: output.Add(new(AddConstraint(o.Table, o, PrimaryKeyClause(o.PrimaryKey)))); break;
            case DropPrimaryKey o: output.Add(new(DropConstraint(o.Table, o, o.PrimaryKey.Name))); break;
            case AddForeignKey o: output.Add(new(AddConstraint(o.Table, o, ForeignKeyClause(o.ForeignKey) + NotValid(o.ForeignKey.NotValid)))); break;
            case DropForeignKey o: output.Add(new(DropConstraint(o.Table, o, o.ForeignKey.Name))); break;
            case AddUniqueConstraint o: output.Add(new(AddConstraint(o.Table, o, UniqueClause(o.Constraint)))); break;
            case DropUniqueConstraint o: output.Add(new(DropConstraint(o.Table, o, o.Constraint.Name))); break;
            case AddCheckConstraint o: output.Add(new(AddConstraint(o.Table, o, CheckClause(o.Constraint) + NotValid(o.Constraint.NotValid)))); break;
            case DropCheckConstraint o: output.Add(new(DropConstraint(o.Table, o, o.Constraint.Name))); break;
            case AddExclusionConstraint o: AddExclusionConstraint(o, output); break;
            case DropExclusionConstraint o: DropExclusionConstraint(o, output); break;
            case ValidateConstraint o: ValidateConstraint(o, output); break;
            case CreateSchema o: CreateSchema(o, output); break;
            case DropSchema o: DropSchema(o, output); break;
            case CreateEnum o: CreateEnum(o, output); break;
            case DropEnum o: DropEnum(o, output); break;
            case AddEnumValue o: AddEnumValue(o, output); break;
            case DropEnumValue o: DropEnumValue(o, output); break;
            case RenameEnumValue o: RenameEnumValue(o, output); break;
            case CreateExtension o: CreateExtension(o, output); break;
            case DropExtension o: DropExtension(o, output); break;
            case AlterExtension o: AlterExtension(o, output); break;
            case CreateDomain o: CreateDomain(o, output); break;
            case DropDomain o: DropDomain(o, output); break;
            case AlterDomain o: AlterDomain(o, output); break;
            case ReorderEnumValues o: ReorderEnumValues(o, output); break;
            case CreateObject o: CreateObject(o, output); break;
            case DropObject o: DropObject(o, output); break;
            case ReplaceObject o: ReplaceObject(o, output); break;
            case CreateSequence o: CreateSequence(o, output); break;
            case DropSequence o: DropSequence(o, output); break;
            case AlterSequence o: AlterSequence(o, output); break;
            case BatchAlterTable o: BatchAlterTable(o, output); break;
            case ExecuteSql o: output.Add(new(o.Sql)); break;
            case BulkInsert o: BulkInsert(o, output); break;
            default: throw new NotSupportedException($"{GetType().Name} has no rendering for {operation.GetType().Name}.");
        }
    }

    /// <summary>CREATE TABLE; dialects with comments add their statements after it.</summary>
    protected virtual void CreateTable(CreateTable operation, List<SqlStatement> output) => output.Add(new(CreateTable(operation.Table)));

    /// <summary>The CREATE TABLE statement, with every constraint inline.</summary>
    protected virtual string CreateTable(Table table)
    {
        if (table.Strict && !Dialect.SupportsStrictTables || table.WithoutRowid && !Dialect.SupportsWithoutRowid)
        {
            throw new UnsupportedOperationException($"Table {table.Name} is {(table.Strict ? "STRICT" : "WITHOUT ROWID")}, which {DatabaseName} has no such option for: remove it from the table for {DatabaseName}.");
        }
        var lines = new List<string>();
        foreach (var column in table.Columns) lines.Add(ColumnDefinition(table, column));
        if (table.PrimaryKey is { } pk && !PrimaryKeyIsInline(table)) lines.Add(PrimaryKeyClause(pk));
        foreach (var fk in table.ForeignKeys) lines.Add(ForeignKeyClause(fk));
        foreach (var unique in table.UniqueConstraints) lines.Add(UniqueClause(unique));
        foreach (var check in table.CheckConstraints) lines.Add(CheckClause(check));
        foreach (var exclusion in table.ExclusionConstraints) lines.Add(ExclusionClause(exclusion));
        var builder = new StringBuilder($"CREATE TABLE {Syntax.Quote(table.Name)} (\n");
        builder.AppendJoin(",\n", lines.Select(l => "    " + l)).Append("\n)");
        return builder.ToString();
    }

    /// <summary>True when the dialect writes the primary key on the column itself (SQLite's rowid alias).</summary>
    protected virtual bool PrimaryKeyIsInline(Table table) => false;

    /// <summary>A column definition: name, type, collation, computed or identity, nullability, default.</summary>
    protected virtual string ColumnDefinition(Table? table, Column column)
    {
        var builder = new StringBuilder(Syntax.QuoteIdentifier(column.Name)).Append(' ').Append(ColumnType(column));
        if (column.Collation is { } collation) builder.Append(" COLLATE ").Append(Syntax.QuoteIdentifier(collation));
        if (column.Computed is { } computed)
        {
            if (column.ComputedVirtual && !Dialect.SupportsVirtualComputedColumns)
            {
                throw new UnsupportedOperationException($"Column {column.Name}{(table is null ? "" : $" of {table.Name}")} is a VIRTUAL generated column, which {DatabaseName} does not have: make it stored.");
            }
            builder.Append(" GENERATED ALWAYS AS (").Append(computed).Append(column.ComputedVirtual ? ") VIRTUAL" : ") STORED");
        }
        if (column.Identity is { } identity && IdentityClause(identity) is { } clause) builder.Append(' ').Append(clause);
        if (!column.Nullable) builder.Append(" NOT NULL");
        if (column.Default is { } value) builder.Append(" DEFAULT ").Append(DefaultValue(value));
        return builder.ToString();
    }

    /// <summary>The type a column is declared with.</summary>
    protected virtual string ColumnType(Column column) => Dialect.Types.ToSql(column.Type);

    /// <summary>
    /// SQL-standard <c>GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY [(START WITH n INCREMENT BY m MINVALUE ...)]</c>, or
    /// null when the dialect spells identity elsewhere (SQLite's rowid alias, PostgreSQL's serial types). Options left
    /// out take the server's defaults, which follow the direction of the increment.
    /// </summary>
    protected virtual string? IdentityClause(Identity identity)
    {
        var options = string.Join(' ', new[]
        {
            identity.Start is { } start ? $"START WITH {start}" : null,
            identity.Increment is { } increment ? $"INCREMENT BY {increment}" : null,
            identity.MinValue is { } min ? $"MINVALUE {min}" : null,
            identity.MaxValue is { } max ? $"MAXVALUE {max}" : null,
            identity.Cycle ? "CYCLE" : null,
            identity.Cache is { } cache ? $"CACHE {cache}" : null,
        }.OfType<string>());
        return $"GENERATED {(identity.Always ? "ALWAYS" : "BY DEFAULT")} AS IDENTITY" + (options.Length == 0 ? "" : $" ({options})");
    }

    /// <summary>A DEFAULT value: literals as they are, expressions in parentheses.</summary>
    protected virtual string DefaultValue(string sql) => Dialect.Expressions.IsLiteral(sql) ? sql.Trim() : "(" + sql.Trim() + ")";

    /// <summary><c>[CONSTRAINT name] PRIMARY KEY (cols)</c>.</summary>
    protected string PrimaryKeyClause(PrimaryKey pk) => Named(pk.Name) + $"PRIMARY KEY ({Syntax.QuoteList(pk.Columns)})";

    /// <summary><c>[CONSTRAINT name] FOREIGN KEY (cols) REFERENCES t (cols) [ON DELETE ..] [ON UPDATE ..]</c>.</summary>
    protected string ForeignKeyClause(ForeignKey fk)
    {
        var text = Named(fk.Name) + $"FOREIGN KEY ({Syntax.QuoteList(fk.Columns)}) REFERENCES {Syntax.Quote(fk.ReferredTable)} ({Syntax.QuoteList(fk.ReferredColumns)})";
        if (fk.OnDelete != ReferentialAction.NoAction) text += " ON DELETE " + Action(fk.OnDelete);
        if (fk.OnUpdate != ReferentialAction.NoAction) text += " ON UPDATE " + Action(fk.OnUpdate);
        if (fk.Deferrable || fk.InitiallyDeferred) text += " DEFERRABLE";
        if (fk.InitiallyDeferred) text += " INITIALLY DEFERRED";
        return text;
    }

    /// <summary><c>[CONSTRAINT name] UNIQUE [NULLS NOT DISTINCT] (cols) [DEFERRABLE [INITIALLY DEFERRED]]</c>.</summary>
    protected string UniqueClause(UniqueConstraint unique) =>
        Named(unique.Name) + $"UNIQUE {(unique.NullsNotDistinct ? "NULLS NOT DISTINCT " : "")}({Syntax.QuoteList(unique.Columns)})"
        + (unique.Deferrable || unique.InitiallyDeferred ? " DEFERRABLE" : "") + (unique.InitiallyDeferred ? " INITIALLY DEFERRED" : "");

    /// <summary><c>[CONSTRAINT name] EXCLUDE definition</c>.</summary>
    protected string ExclusionClause(ExclusionConstraint exclusion) => Named(exclusion.Name) + "EXCLUDE " + exclusion.Definition.Trim();

    /// <summary>" NOT VALID" after an added constraint that skips the rows already there, where the dialect can; else nothing (validated is stronger).</summary>
    protected string NotValid(bool notValid) => notValid && Dialect.SupportsNotValidConstraints ? " NOT VALID" : "";

    /// <summary><c>[CONSTRAINT name] CHECK (sql)</c>.</summary>
    protected string CheckClause(CheckConstraint check) => Named(check.Name) + $"CHECK ({check.Sql})";

    /// <summary><c>CONSTRAINT name </c>, or nothing for an unnamed constraint.</summary>
    protected string Named(string? name) => name is null ? "" : $"CONSTRAINT {Syntax.QuoteIdentifier(name)} ";

    private static string Action(ReferentialAction action) => action switch
    {
        ReferentialAction.Restrict => "RESTRICT",
        ReferentialAction.Cascade => "CASCADE",
        ReferentialAction.SetNull => "SET NULL",
        ReferentialAction.SetDefault => "SET DEFAULT",
        _ => "NO ACTION",
    };
}
