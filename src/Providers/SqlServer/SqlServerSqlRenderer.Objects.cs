using System.Text.RegularExpressions;
using DiffMigrate.Migrations;
using DiffMigrate.Render.Sql;

namespace DiffMigrate.Providers.SqlServer;

internal sealed partial class SqlServerSqlRenderer
{
    private const string Description = "MS_Description";

    /// <summary>A table's comment: sp_addextendedproperty, sp_updateextendedproperty or sp_dropextendedproperty, as the comment comes, changes or goes.</summary>
    protected override void AlterTableComment(AlterTableComment operation, List<SqlStatement> output)
    {
        if (!string.Equals(operation.Comment, operation.ExistingComment, StringComparison.Ordinal))
        {
            output.Add(Comment(operation.Table, null, operation.Comment, operation.ExistingComment));
        }
    }

    private SqlStatement AddComment(QualifiedName table, string? column, string comment) => Comment(table, column, comment, null);

    /// <summary>
    /// The MS_Description extended property of a table or one of its columns, as SQL Server Management Studio shows it.
    /// A table of the null schema is in the connection's default one, SCHEMA_NAME() (where CREATE TABLE put it, and
    /// what the inspector reads as the null schema), not dbo by name; EXEC takes only constants and variables, so the
    /// batch declares it first.
    /// </summary>
    private SqlStatement Comment(QualifiedName table, string? column, string? comment, string? existing)
    {
        var procedure = (comment, existing) switch
        {
            (null, _) => "sp_dropextendedproperty",
            (_, null) => "sp_addextendedproperty",
            _ => "sp_updateextendedproperty",
        };
        var arguments = new List<string> { $"@name = {Syntax.StringLiteral(Description)}" };
        if (comment is not null) arguments.Add($"@value = {Syntax.StringLiteral(comment)}");
        arguments.Add($"@level0type = N'SCHEMA', @level0name = {(table.Schema is { } schema ? Syntax.StringLiteral(schema) : "@schema")}");
        arguments.Add($"@level1type = N'TABLE', @level1name = {Syntax.StringLiteral(table.Name)}");
        if (column is not null) arguments.Add($"@level2type = N'COLUMN', @level2name = {Syntax.StringLiteral(column)}");
        var declare = table.Schema is null ? "DECLARE @schema SYSNAME = SCHEMA_NAME();\n" : "";
        return new($"{declare}EXEC sys.{procedure} {string.Join(", ", arguments)}");
    }

    /// <summary>CREATE SCHEMA name (alone in its batch).</summary>
    protected override void CreateSchema(CreateSchema operation, List<SqlStatement> output) =>
        output.Add(new($"CREATE SCHEMA {Syntax.QuoteIdentifier(operation.Name)}"));

    /// <summary>
    /// CREATE SEQUENCE ... AS BIGINT. The start is always written: SQL Server's default start is the type's lowest
    /// value, not 1 as elsewhere.
    /// </summary>
    protected override void CreateSequence(CreateSequence operation, List<SqlStatement> output)
    {
        var s = operation.Sequence;
        var options = new[]
        {
            $"START WITH {s.Start ?? DefaultStart(s)}",
            s.Increment is { } increment ? $"INCREMENT BY {increment}" : null,
            s.MinValue is { } min ? $"MINVALUE {min}" : null,
            s.MaxValue is { } max ? $"MAXVALUE {max}" : null,
            s.Cycle ? "CYCLE" : null,
            s.Cache is { } cache ? $"CACHE {cache}" : null,
        }.OfType<string>();
        output.Add(new(string.Join(' ', [$"CREATE SEQUENCE {Syntax.Quote(s.Name)} AS BIGINT", .. options])));
    }

    // 1 going up (or the minimum), -1 going down (or the maximum): the SQL-standard start the other dialects take.
    private static long DefaultStart(Sequence s) => s.Increment is < 0 ? s.MaxValue ?? -1 : s.MinValue ?? 1;

    /// <inheritdoc/>
    protected override void DropSequence(DropSequence operation, List<SqlStatement> output) =>
        output.Add(new($"DROP SEQUENCE {Syntax.Quote(operation.Sequence.Name)}"));

    /// <summary>
    /// ALTER SEQUENCE with the changed options. A changed start is refused: SQL Server's only way to it is RESTART
    /// WITH, which moves the current value and could hand out values again; write it with op.Execute if that is meant.
    /// </summary>
    protected override void AlterSequence(AlterSequence operation, List<SqlStatement> output)
    {
        var (a, b) = (operation.Existing, operation.Sequence);
        if (a.Start != b.Start)
        {
            throw new UnsupportedOperationException(
                $"AlterSequence on {b.Name}: {DatabaseName} changes a sequence's start only with RESTART WITH, which moves its current value: use op.Execute(\"ALTER SEQUENCE ... RESTART WITH n\") if that is meant.");
        }
        var options = new[]
        {
            a.Increment != b.Increment ? $"INCREMENT BY {b.Increment ?? 1}" : null,
            a.MinValue != b.MinValue ? b.MinValue is { } min ? $"MINVALUE {min}" : "NO MINVALUE" : null,
            a.MaxValue != b.MaxValue ? b.MaxValue is { } max ? $"MAXVALUE {max}" : "NO MAXVALUE" : null,
            a.Cycle != b.Cycle ? b.Cycle ? "CYCLE" : "NO CYCLE" : null,
            a.Cache != b.Cache ? b.Cache is { } cache ? $"CACHE {cache}" : "CACHE" : null,
        }.OfType<string>().ToList();
        if (options.Count > 0) output.Add(new(string.Join(' ', [$"ALTER SEQUENCE {Syntax.Quote(b.Name)}", .. options])));
    }

    /// <summary>A definition that says CREATE OR ALTER (SQL Server 2016 SP1) replaces in place, keeping permissions; any other is dropped and made again.</summary>
    protected override void ReplaceObject(ReplaceObject operation, List<SqlStatement> output)
    {
        if (OrAlter().IsMatch(operation.Object.Definition) && Dialect.SupportsObject(operation.Object.Kind))
        {
            CreateObject(new CreateObject(operation.Object), output);
            return;
        }
        base.ReplaceObject(operation, output);
    }

    [GeneratedRegex(@"^\s*CREATE\s+OR\s+ALTER\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrAlter();

    /// <summary>Routines are dropped by name alone (T-SQL has no overloading).</summary>
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

    /// <summary>DROP TRIGGER schema.name: a DML trigger is in its table's schema, and named without the table.</summary>
    protected override string DropTrigger(DefinedObject trigger) =>
        $"DROP TRIGGER {Syntax.Quote(new QualifiedName(trigger.Table?.Schema ?? trigger.Name.Schema, trigger.Name.Name))}";
}
