using DiffMigrate.Migrations;
using DiffMigrate.Render.Sql;
using DiffMigrate.Schema;

namespace DiffMigrate.Providers.Postgres;

internal sealed partial class PostgresSqlRenderer
{
    /// <summary>CREATE SCHEMA IF NOT EXISTS: a schema may already be there (public, or made by hand).</summary>
    protected override void CreateSchema(CreateSchema operation, List<SqlStatement> output) =>
        output.Add(new($"CREATE SCHEMA IF NOT EXISTS {Syntax.QuoteIdentifier(operation.Name)}"));

    /// <inheritdoc/>
    protected override void CreateEnum(CreateEnum operation, List<SqlStatement> output) =>
        output.Add(CreateEnumType(operation.Enum.Name, operation.Enum.Values));

    /// <inheritdoc/>
    protected override void DropEnum(DropEnum operation, List<SqlStatement> output) =>
        output.Add(new($"DROP TYPE {Syntax.Quote(operation.Enum.Name)}"));

    /// <inheritdoc/>
    protected override void RenameEnumValue(RenameEnumValue operation, List<SqlStatement> output) => output.Add(new(
        $"ALTER TYPE {Syntax.Quote(operation.Enum)} RENAME VALUE {Syntax.StringLiteral(operation.OldValue)} TO {Syntax.StringLiteral(operation.NewValue)}"));

    /// <summary>
    /// ALTER TYPE ... ADD VALUE, placed after its predecessor in <see cref="AddEnumValue.Values"/> (before its
    /// successor when it comes first). Since PostgreSQL 12 this may run inside a transaction block, so the revision
    /// keeps its transaction; the new value only becomes usable once that transaction commits, so a revision must
    /// not also store it (a later revision can).
    /// </summary>
    protected override void AddEnumValue(AddEnumValue operation, List<SqlStatement> output)
    {
        var values = operation.Values;
        var i = IndexOfValue(operation, operation.Enum, operation.Value, values);
        var place = values.Count == 1 ? ""
            : i > 0 ? " AFTER " + Syntax.StringLiteral(values[i - 1])
            : " BEFORE " + Syntax.StringLiteral(values[1]);
        output.Add(new($"ALTER TYPE {Syntax.Quote(operation.Enum)} ADD VALUE {Syntax.StringLiteral(operation.Value)}{place}", SuppressTransaction: false));
    }

    /// <inheritdoc/>
    protected override void CreateExtension(CreateExtension operation, List<SqlStatement> output) =>
        output.Add(new($"CREATE EXTENSION IF NOT EXISTS {Syntax.QuoteIdentifier(operation.Extension.Name)} WITH SCHEMA {Schema(operation.Extension)}"));

    /// <inheritdoc/>
    protected override void DropExtension(DropExtension operation, List<SqlStatement> output) =>
        output.Add(new($"DROP EXTENSION {Syntax.QuoteIdentifier(operation.Extension.Name)}"));

    /// <inheritdoc/>
    protected override void AlterExtension(AlterExtension operation, List<SqlStatement> output) =>
        output.Add(new($"ALTER EXTENSION {Syntax.QuoteIdentifier(operation.Extension.Name)} SET SCHEMA {Schema(operation.Extension)}"));

    /// <inheritdoc/>
    protected override void CreateDomain(CreateDomain operation, List<SqlStatement> output)
    {
        var domain = operation.Domain;
        var text = new System.Text.StringBuilder($"CREATE DOMAIN {Syntax.Quote(domain.Name)} AS {Dialect.Types.ToSql(domain.BaseType)}");
        if (domain.Collation is { } collation) text.Append(" COLLATE ").Append(Syntax.QuoteIdentifier(collation));
        if (domain.Default is { } value) text.Append(" DEFAULT ").Append(value.Trim());
        if (domain.NotNull) text.Append(" NOT NULL");
        foreach (var check in domain.Checks) text.Append(' ').Append(CheckClause(check));
        output.Add(new(text.ToString()));
    }

    /// <inheritdoc/>
    protected override void DropDomain(DropDomain operation, List<SqlStatement> output) =>
        output.Add(new($"DROP DOMAIN {Syntax.Quote(operation.Domain.Name)}"));

    /// <summary>
    /// ALTER DOMAIN, one change per statement: the default, NOT NULL, then the checks that went or changed are dropped
    /// before the new ones are added. The base type and the collation cannot change in place.
    /// </summary>
    protected override void AlterDomain(AlterDomain operation, List<SqlStatement> output)
    {
        var (old, @new) = (operation.Existing, operation.Domain);
        var name = Syntax.Quote(@new.Name);
        if (Dialect.Types.Normalize(old.BaseType) != Dialect.Types.Normalize(@new.BaseType) || !string.Equals(old.Collation, @new.Collation, StringComparison.OrdinalIgnoreCase))
        {
            throw new UnsupportedOperationException($"AlterDomain on {@new.Name}: PostgreSQL cannot change a domain's base type or collation in place: drop the domain (and what uses it) and create it again.");
        }
        if (old.Default != @new.Default) output.Add(new(@new.Default is { } value ? $"ALTER DOMAIN {name} SET DEFAULT {value.Trim()}" : $"ALTER DOMAIN {name} DROP DEFAULT"));
        if (old.NotNull != @new.NotNull) output.Add(new($"ALTER DOMAIN {name} {(@new.NotNull ? "SET" : "DROP")} NOT NULL"));
        foreach (var check in old.Checks.Where(c => !@new.Checks.Contains(c)))
        {
            output.Add(new($"ALTER DOMAIN {name} DROP CONSTRAINT {Syntax.QuoteIdentifier(check.Name ?? throw new UnsupportedOperationException($"AlterDomain on {@new.Name}: a check to drop needs its name."))}"));
        }
        foreach (var check in @new.Checks.Where(c => !old.Checks.Contains(c))) output.Add(new($"ALTER DOMAIN {name} ADD {CheckClause(check)}"));
    }

    // Written out, not left to search_path, so that the script means the same wherever it runs.
    private string Schema(Extension extension) => Syntax.QuoteIdentifier(extension.Schema ?? Dialect.DefaultSchema!);

    /// <inheritdoc/>
    protected override void CreateSequence(CreateSequence operation, List<SqlStatement> output)
    {
        var s = operation.Sequence;
        var options = new[]
        {
            s.Increment is { } increment ? $"INCREMENT BY {increment}" : null,
            s.MinValue is { } min ? $"MINVALUE {min}" : null,
            s.MaxValue is { } max ? $"MAXVALUE {max}" : null,
            s.Start is { } start ? $"START WITH {start}" : null,
            s.Cache is { } cache ? $"CACHE {cache}" : null,
            s.Cycle ? "CYCLE" : null,
        }.OfType<string>();
        output.Add(new(string.Join(' ', [$"CREATE SEQUENCE {Syntax.Quote(s.Name)}", .. options])));
    }

    /// <inheritdoc/>
    protected override void DropSequence(DropSequence operation, List<SqlStatement> output) =>
        output.Add(new($"DROP SEQUENCE {Syntax.Quote(operation.Sequence.Name)}"));

    /// <summary>
    /// ALTER SEQUENCE with the changed options; an option back to its default is NO MINVALUE, NO MAXVALUE, NO CYCLE,
    /// CACHE 1. A changed start is START WITH, which only sets what a RESTART would use: the sequence's current
    /// value is left alone, so that values already handed out are never handed out again.
    /// </summary>
    protected override void AlterSequence(AlterSequence operation, List<SqlStatement> output)
    {
        var (a, b) = (operation.Existing, operation.Sequence);
        var options = new[]
        {
            a.Increment != b.Increment ? $"INCREMENT BY {b.Increment ?? 1}" : null,
            a.MinValue != b.MinValue ? b.MinValue is { } min ? $"MINVALUE {min}" : "NO MINVALUE" : null,
            a.MaxValue != b.MaxValue ? b.MaxValue is { } max ? $"MAXVALUE {max}" : "NO MAXVALUE" : null,
            a.Start != b.Start ? $"START WITH {b.Start ?? DefaultStart(b.Increment, b.MinValue, b.MaxValue)}" : null,
            a.Cache != b.Cache ? $"CACHE {b.Cache ?? 1}" : null,
            a.Cycle != b.Cycle ? b.Cycle ? "CYCLE" : "NO CYCLE" : null,
        }.OfType<string>().ToList();
        if (options.Count > 0) output.Add(new(string.Join(' ', [$"ALTER SEQUENCE {Syntax.Quote(b.Name)}", .. options])));
    }

    private SqlStatement CreateEnumType(QualifiedName name, IEnumerable<string> values) =>
        new($"CREATE TYPE {Syntax.Quote(name)} AS ENUM ({string.Join(", ", values.Select(Syntax.StringLiteral))})");

    private static int IndexOfValue(MigrationOperation operation, QualifiedName name, string value, EquatableArray<string> values)
    {
        var i = values.AsImmutableArray().IndexOf(value, 0, StringComparer.Ordinal);
        return i >= 0 ? i : throw new DiffMigrateException(
            $"{operation.GetType().Name} on enum {name}: '{value}' is not in its list of values ({string.Join(", ", values)}).");
    }
}
