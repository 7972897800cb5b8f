using DiffMigrate.Migrations;
using DiffMigrate.Render.Sql;
using DiffMigrate.Schema;

namespace DiffMigrate.Providers.Postgres;

internal sealed partial class PostgresSqlRenderer
{
    /// <summary>
    /// One ALTER TABLE with an action per changed property (generation expression, default, type and collation with
    /// the operation's explicit USING when it has one, nullability, identity), then COMMENT ON COLUMN when the comment
    /// changed. PostgreSQL runs the actions of one ALTER TABLE in its own phases (drops, then type changes, then the
    /// rest) whatever their written order.
    /// </summary>
    protected override void AlterColumn(AlterColumn operation, List<SqlStatement> output)
    {
        var (old, column) = (operation.Existing, operation.Column);
        var name = $"ALTER COLUMN {Syntax.QuoteIdentifier(column.Name)}";
        var actions = new List<string>();
        if (!SameExpression(old.Computed, column.Computed))
        {
            if (column.Computed is not null)
            {
                ReplaceColumn(operation, output);
                return;
            }
            actions.Add($"{name} DROP EXPRESSION");
        }
        var typeChanged = Dialect.Types.Normalize(old.Type) != Dialect.Types.Normalize(column.Type);
        // The server converts an existing default along with the column, and that cast can fail (text to an enum):
        // a type change drops the default first and sets it again afterwards.
        var dropDefault = old.Default is not null && (column.Default is null || typeChanged);
        if (dropDefault) actions.Add($"{name} DROP DEFAULT");
        // An explicit conversion rewrites the column even when its type stays (USING belongs to TYPE).
        if (typeChanged || operation.Using is not null || !string.Equals(old.Collation, column.Collation, StringComparison.Ordinal))
        {
            actions.Add($"{name} TYPE {TypeSql(column.Type)}" +
                (column.Collation is { } collation ? $" COLLATE {Syntax.QuoteIdentifier(collation)}" : "") +
                (operation.Using is { } conversion ? $" USING ({conversion})" : Using(old, column)));
        }
        if (old.Nullable != column.Nullable) actions.Add($"{name} {(column.Nullable ? "DROP" : "SET")} NOT NULL");
        if (column.Default is { } value && (dropDefault || !SameExpression(old.Default, column.Default)))
        {
            actions.Add($"{name} SET DEFAULT {DefaultValue(value)}");
        }
        IdentityChanges(operation, name, actions);
        var table = Syntax.Quote(operation.Table);
        if (actions.Count == 1) output.Add(new($"ALTER TABLE {table} {actions[0]}"));
        else if (actions.Count > 1) output.Add(new($"ALTER TABLE {table}\n    " + string.Join(",\n    ", actions)));
        if (SerialChange(operation) is { } serial) output.Add(new(Do(serial)));
        if (!string.Equals(old.Comment, column.Comment, StringComparison.Ordinal)) output.Add(CommentOnColumn(operation.Table, column.Name, column.Comment));
    }

    /// <summary>
    /// A new generation expression: PostgreSQL before 17 can only drop one, so the column is dropped and added again
    /// in one ALTER TABLE (the server computes every row anew). Dropping the column would silently drop the indexes and
    /// constraints that use it, so a guard refuses first when there are any: autogenerate drops and re-creates them
    /// around a <see cref="DropColumn"/> and <see cref="AddColumn"/> of its own; this path is a hand-written
    /// <c>op.AlterColumn</c> or the downgrade of a dropped expression.
    /// </summary>
    private void ReplaceColumn(AlterColumn operation, List<SqlStatement> output)
    {
        var table = Syntax.Quote(operation.Table);
        var column = operation.Column;
        var refusal = $"AlterColumn on {operation.Table}.{column.Name}: a new generation expression drops and adds the column, " +
            "which would drop the indexes and constraints that use it; drop them before and create them again after (op.DropIndex, op.CreateIndex, ...)";
        output.Add(new(Do($"""
            BEGIN
                IF EXISTS (SELECT 1 FROM pg_depend d JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                           WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = {Syntax.StringLiteral(table)}::regclass
                             AND a.attname = {Syntax.StringLiteral(operation.Existing.Name)}
                             AND d.classid IN ('pg_class'::regclass, 'pg_constraint'::regclass)) THEN
                    RAISE EXCEPTION '%', {Syntax.StringLiteral(refusal)};
                END IF;
            END
            """)));
        output.Add(new($"ALTER TABLE {table}\n    DROP COLUMN {Syntax.QuoteIdentifier(operation.Existing.Name)},\n    ADD COLUMN {ColumnDefinition(null, column)}"));
        if (column.Comment is { } comment) output.Add(CommentOnColumn(operation.Table, column.Name, comment));
    }

    /// <summary>
    /// A change to or from serial, as a PL/pgSQL body (the serial's sequence is known by name only to the server): the
    /// old serial's default and sequence are dropped, or the old identity; the new identity is added, or a serial's
    /// owned sequence and its nextval default. An ascending new sequence continues after the largest key in use, so
    /// that no existing key is handed out again. Null when neither side is serial.
    /// </summary>
    private string? SerialChange(AlterColumn operation)
    {
        var (before, after) = (operation.Existing.Identity, operation.Column.Identity);
        if (before == after || before is not { Serial: true } && after is not { Serial: true }) return null;
        var table = Syntax.Quote(operation.Table);
        var column = Syntax.QuoteIdentifier(operation.Column.Name);
        var alter = $"ALTER TABLE {table} ALTER COLUMN {column}";
        var sequenceOf = $"pg_get_serial_sequence({Syntax.StringLiteral(table)}, {Syntax.StringLiteral(operation.Column.Name)})";
        var steps = new List<string>();
        if (before is { Serial: true }) steps.AddRange([$"{alter} DROP DEFAULT;", $"EXECUTE format('DROP SEQUENCE %s', {sequenceOf});"]);
        else if (before is not null) steps.Add($"{alter} DROP IDENTITY;");
        if (after is { Serial: true })
        {
            _ = ColumnType(operation.Column); // refuses options a serial cannot have, and a non-integer column
            var sequence = operation.Table with { Name = Truncated($"{operation.Table.Name}_{operation.Column.Name}_seq", Dialect.MaxIdentifierLength) };
            steps.AddRange([
                $"CREATE SEQUENCE {Syntax.Quote(sequence)} AS {TypeSql(operation.Column.Type)} OWNED BY {table}.{column};",
                $"{alter} SET DEFAULT nextval({Syntax.StringLiteral(Syntax.Quote(sequence))}::regclass);"]);
        }
        else if (after is not null) steps.Add($"{alter} ADD {IdentityClause(after)};");
        if (after is not null && IdentityOptions.Effective(after with { Serial = false }, operation.Column.Type) is { Increment: > 0 } effective)
        {
            steps.AddRange([
                $"SELECT max({column}) INTO used FROM {table};",
                $"IF used >= {effective.Start} THEN PERFORM setval({sequenceOf}, used); END IF;"]);
        }
        return $"DECLARE\n    used bigint;\nBEGIN\n    {string.Join("\n    ", steps)}\nEND";
    }

    /// <summary>
    /// The USING clause of a type change: none when the kind stays (a length or precision change converts
    /// implicitly, and fails rather than truncates), a cast when it changes, through text to or from an enum and
    /// through integer between boolean and the other integer sizes.
    /// A generated column takes no USING: the server recomputes it.
    /// </summary>
    private string Using(Column old, Column column)
    {
        var (from, to) = (old.Type, column.Type);
        var sameKind = from.Kind == to.Kind && from.Kind is not (SqlTypeKind.Enum or SqlTypeKind.Raw);
        if (sameKind || Dialect.Types.Normalize(from) == Dialect.Types.Normalize(to) || column.Computed is not null) return "";
        var source = Syntax.QuoteIdentifier(old.Name);
        var viaText = (from.Kind == SqlTypeKind.Enum || to.Kind == SqlTypeKind.Enum) && to.Kind != SqlTypeKind.Text;
        // The server casts boolean to and from integer only: smallint and bigint go through it.
        var viaInteger = (from.Kind, to.Kind) is (SqlTypeKind.Boolean, SqlTypeKind.Int16 or SqlTypeKind.Int64) or (SqlTypeKind.Int16 or SqlTypeKind.Int64, SqlTypeKind.Boolean);
        return $" USING {source}{(viaText ? "::text" : viaInteger ? "::integer" : "")}::{TypeSql(to)}";
    }

    /// <summary>
    /// Identity changes, as one ALTER COLUMN action so that the sequence is checked once, in its final state (separate
    /// actions would each have to leave a consistent sequence). Options compare by their effective values, a null
    /// being the server's default for the type and direction. A changed START WITH or INCREMENT BY applies from the
    /// next RESTART; the sequence's position is left alone, so that existing keys are never handed out again, except
    /// when the direction flips: then the old position lies outside the new bounds and the sequence restarts.
    /// </summary>
    private void IdentityChanges(AlterColumn operation, string name, List<string> actions)
    {
        var (before, after) = (operation.Existing.Identity, operation.Column.Identity);
        if (before == after) return;
        // A serial's sequence is known by name only to the server: SerialChange does that in PL/pgSQL.
        if (before is { Serial: true } || after is { Serial: true }) return;
        if (after is null)
        {
            actions.Add($"{name} DROP IDENTITY");
        }
        else if (before is null)
        {
            actions.Add($"{name} ADD {IdentityClause(after)}");
        }
        else if (IdentityOptionChanges(before, operation.Existing.Type, after, operation.Column.Type) is { Count: > 0 } changes)
        {
            actions.Add($"{name} {string.Join(' ', changes)}");
        }
    }

    /// <summary>The SET clauses (and RESTART) of <c>ALTER COLUMN</c> that turn one identity into the other.</summary>
    internal static List<string> IdentityOptionChanges(Identity before, SqlType beforeType, Identity after, SqlType afterType)
    {
        var (old, now) = (IdentityOptions.Effective(before, beforeType), IdentityOptions.Effective(after, afterType));
        var flipped = old.Increment > 0 != now.Increment > 0;
        var changes = new List<string>();
        if (before.Always != after.Always) changes.Add($"SET GENERATED {(after.Always ? "ALWAYS" : "BY DEFAULT")}");
        if (old.Start != now.Start) changes.Add($"SET START WITH {now.Start}");
        if (old.Increment != now.Increment) changes.Add($"SET INCREMENT BY {now.Increment}");
        // NO MINVALUE / NO MAXVALUE let the server pick the default for the new increment's direction.
        if (old.Min != now.Min) changes.Add(after.MinValue is { } min ? $"SET MINVALUE {min}" : "SET NO MINVALUE");
        if (old.Max != now.Max) changes.Add(after.MaxValue is { } max ? $"SET MAXVALUE {max}" : "SET NO MAXVALUE");
        if (before.Cycle != after.Cycle) changes.Add(after.Cycle ? "SET CYCLE" : "SET NO CYCLE");
        if (old.Cache != now.Cache) changes.Add($"SET CACHE {now.Cache}");
        if (flipped) changes.Add("RESTART");
        return changes;
    }

    /// <summary>Where a sequence starts when no START is given: its minimum ascending, its maximum descending.</summary>
    private static long DefaultStart(long? increment, long? minValue, long? maxValue) =>
        increment < 0 ? maxValue ?? -1 : minValue ?? 1;

    private bool SameExpression(string? a, string? b) =>
        a is null || b is null ? a == b : Dialect.Expressions.Canonical(a) == Dialect.Expressions.Canonical(b);
}
