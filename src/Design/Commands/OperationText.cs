using DiffMigrate.Dialects;
using DiffMigrate.Migrations;
using DiffMigrate.Render;
using DiffMigrate.Schema;

namespace DiffMigrate.Design.Commands;

/// <summary>One readable line per operation, for <c>check</c> and logs: <c>+</c> adds, <c>-</c> removes, <c>~</c> changes.</summary>
internal static class OperationText
{
    /// <summary>
    /// The line describing <paramref name="operation"/> (a batch: its line, then one indented line per operation).
    /// Names come from databases and models: a line terminator or control character in one is shown as an escape, so
    /// a name can neither add lines of its own nor drive the terminal.
    /// </summary>
    public static string Describe(MigrationOperation operation) => Describe(operation, null);

    /// <summary>
    /// As <see cref="Describe(MigrationOperation)"/>; with the <paramref name="dialect"/> of the comparison, a
    /// changed column names only what the dialect stores differently (as the differ compared it), so that a
    /// default-only change does not also name a type spelled differently but stored the same.
    /// </summary>
    public static string Describe(MigrationOperation operation, Dialect? dialect) => operation is BatchAlterTable o
        ? VisibleText.Escape($"~ table {o.Table} (one batch{(o.Recreate == Recreate.Never ? "" : ", rebuilt if SQLite needs it")}):") + "\n  " +
            string.Join("\n  ", o.Operations.Select(x => Describe(x, dialect)))
        : VisibleText.Escape(Line(operation, dialect));

    private static string Line(MigrationOperation operation, Dialect? dialect) => operation switch
    {
        CreateTable o => $"+ table {o.Table.Name}{Partitioning(o.Table)}",
        DropTable o => $"- table {o.Table.Name}",
        RenameTable o => $"~ table {o.Table} renamed to {o.NewName}",
        AlterTableComment o => $"~ table {o.Table} comment",
        AlterTableOptions o => $"~ table {o.Table} options: {Options(o.Existing)} -> {Options(o.Options)}",
        AddColumn o => $"+ column {o.Table}.{o.Column.Name} {o.Column.Type}{(o.Column.Nullable ? " NULL" : " NOT NULL")}",
        DropColumn o => $"- column {o.Table}.{o.Column.Name}",
        AlterColumn o => $"~ column {o.Table}.{o.Column.Name}: {ColumnChanges(o, dialect)}",
        RenameColumn o => $"~ column {o.Table}.{o.OldName} renamed to {o.NewName}",
        CreateIndex o => $"+ index {o.Index.Name} on {o.Table}({string.Join(", ", o.Index.Columns)}){IndexOptions(o.Index)}",
        DropIndex o => $"- index {o.Index.Name} on {o.Table}",
        AddPrimaryKey o => $"+ primary key on {o.Table}({string.Join(", ", o.PrimaryKey.Columns)})",
        DropPrimaryKey o => $"- primary key on {o.Table}",
        AddForeignKey o => $"+ foreign key {o.ForeignKey.Name} on {o.Table}({string.Join(", ", o.ForeignKey.Columns)}) -> {o.ForeignKey.ReferredTable}{(o.ForeignKey.NotValid ? " NOT VALID" : "")}",
        DropForeignKey o => $"- foreign key {o.ForeignKey.Name} on {o.Table}",
        AddUniqueConstraint o => $"+ unique {o.Constraint.Name} on {o.Table}({string.Join(", ", o.Constraint.Columns)}){Deferral(o.Constraint.Deferrable, o.Constraint.InitiallyDeferred)}",
        DropUniqueConstraint o => $"- unique {o.Constraint.Name} on {o.Table}",
        AddCheckConstraint o => $"+ check {o.Constraint.Name} on {o.Table}: {o.Constraint.Sql}{(o.Constraint.NotValid ? " NOT VALID" : "")}",
        DropCheckConstraint o => $"- check {o.Constraint.Name} on {o.Table}",
        AddExclusionConstraint o => $"+ exclusion constraint {o.Constraint.Name} on {o.Table}: EXCLUDE {o.Constraint.Definition}",
        DropExclusionConstraint o => $"- exclusion constraint {o.Constraint.Name} on {o.Table}",
        ValidateConstraint { Undo: true } o => $"~ constraint {o.Name} on {o.Table} stays validated (NOT VALID in the model; nothing to run)",
        ValidateConstraint o => $"~ constraint {o.Name} on {o.Table} validated (was NOT VALID)",
        CreateSchema o => $"+ schema {o.Name}",
        DropSchema o => $"- schema {o.Name}",
        CreateEnum o => $"+ enum {o.Enum.Name}({string.Join(", ", o.Enum.Values)})",
        DropEnum o => $"- enum {o.Enum.Name}",
        AddEnumValue o => $"+ enum value {o.Enum}.{o.Value}",
        DropEnumValue o => $"- enum value {o.Enum}.{o.Value}",
        RenameEnumValue o => $"~ enum value {o.Enum}.{o.OldValue} renamed to {o.NewValue}",
        CreateExtension o => $"+ extension {o.Extension.Name}{(o.Extension.Schema is { } s ? $" in schema {s}" : "")}",
        DropExtension o => $"- extension {o.Extension.Name}",
        AlterExtension o => $"~ extension {o.Extension.Name}: schema {o.Existing.Schema ?? "(default)"} -> {o.Extension.Schema ?? "(default)"}",
        CreateDomain o => $"+ domain {o.Domain.Name} ({o.Domain.BaseType})",
        DropDomain o => $"- domain {o.Domain.Name}",
        AlterDomain o => $"~ domain {o.Domain.Name}: {DomainChanges(o)}",
        ReorderEnumValues o => $"~ enum {o.Enum} order ({string.Join(", ", o.Existing)}) -> ({string.Join(", ", o.Values)})",
        CreateObject o => $"+ {o.Object}",
        DropObject o => $"- {o.Object}",
        ReplaceObject o => $"~ {o.Object} (definition)",
        CreateSequence o => $"+ sequence {o.Sequence.Name}",
        DropSequence o => $"- sequence {o.Sequence.Name}",
        AlterSequence o => $"~ sequence {o.Sequence.Name}",
        ExecuteSql o => $"~ execute: {o.Sql}",
        BulkInsert o => $"+ {o.Rows.Count} rows into {o.Table}",
        // A new operation must say what it does here (OperationTextTests checks each one); a type name is no description.
        _ => throw new NotSupportedException($"No description for {operation.GetType().Name}."),
    };

    private static string DomainChanges(AlterDomain o)
    {
        var (old, @new) = (o.Existing, o.Domain);
        var parts = new List<string>();
        if (old.Default != @new.Default) parts.Add(@new.Default is null ? "default dropped" : $"default {@new.Default}");
        if (old.NotNull != @new.NotNull) parts.Add(@new.NotNull ? "NOT NULL" : "NULL allowed");
        parts.AddRange(old.Checks.Where(c => !@new.Checks.Contains(c)).Select(c => $"check {c.Name} dropped"));
        parts.AddRange(@new.Checks.Where(c => !old.Checks.Contains(c)).Select(c => $"check {c.Name} {c.Sql}"));
        return parts.Count == 0 ? "definition" : string.Join(", ", parts);
    }

    private static string Options(TableOptions options) =>
        options == TableOptions.None ? "(none)" : string.Join(", ", new[] { options.Strict ? "STRICT" : null, options.WithoutRowid ? "WITHOUT ROWID" : null }.OfType<string>());

    private static string Partitioning(Table table) =>
        (table.PartitionOf is { } parent ? $" (partition of {parent} {table.PartitionBound})" : "") + (table.PartitionBy is { } key ? $" PARTITION BY {key}" : "");

    private static string Deferral(bool deferrable, bool initiallyDeferred) =>
        initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : deferrable ? " DEFERRABLE" : "";

    /// <summary>
    /// The index's key options and NULLS NOT DISTINCT, one by one ("": none): <c>: key x NULLS FIRST, key y operator
    /// class text_pattern_ops, key z COLLATE "C", NULLS NOT DISTINCT</c>. NULLS at the direction's default is left out.
    /// </summary>
    private static string IndexOptions(TableIndex index)
    {
        var parts = new List<string>();
        for (var k = 0; k < index.Columns.Count; k++)
        {
            var (option, key) = (index.KeyOption(k), index.Columns[k]);
            var descending = index.IsDescending(k);
            if (option.Nulls == NullsOrder.First && !descending) parts.Add($"key {key} NULLS FIRST");
            if (option.Nulls == NullsOrder.Last && descending) parts.Add($"key {key} NULLS LAST");
            if (option.OperatorClass is { } opclass) parts.Add($"key {key} operator class {opclass}");
            if (option.Collation is { } collation) parts.Add($"key {key} COLLATE \"{collation}\"");
        }
        if (index.NullsNotDistinct) parts.Add("NULLS NOT DISTINCT");
        return parts.Count == 0 ? "" : ": " + string.Join(", ", parts);
    }

    /// <summary>
    /// What changed, each side shown as written. With a dialect a part counts as changed only when it differs as the
    /// dialect stores it (the server may still have found a difference the built-in rules do not see: then, as
    /// without a dialect, every part written differently is named).
    /// </summary>
    private static string ColumnChanges(AlterColumn o, Dialect? dialect)
    {
        var (a, b) = (o.Existing, o.Column);
        var changes = dialect is null ? [] : Changes(a, b, Stored(a, dialect), Stored(b, dialect));
        return changes.Count > 0 ? string.Join(", ", changes)
            : Changes(a, b, a, b) is { Count: > 0 } written ? string.Join(", ", written)
            : "changed";
    }

    /// <summary>The parts of <paramref name="a"/> and <paramref name="b"/> (as written) whose compared forms <paramref name="x"/> and <paramref name="y"/> differ.</summary>
    private static List<string> Changes(Column a, Column b, Column x, Column y)
    {
        var changes = new List<string>();
        if (x.Type != y.Type) changes.Add($"type {a.Type} -> {b.Type}");
        if (x.Nullable != y.Nullable) changes.Add(b.Nullable ? "NULL allowed" : "NOT NULL");
        if (x.Default != y.Default) changes.Add($"default {a.Default ?? "none"} -> {b.Default ?? "none"}");
        if (x.Identity != y.Identity) changes.AddRange(IdentityChanges(a, b));
        if (x.Computed != y.Computed) changes.Add("computed expression");
        if (x.Comment != y.Comment) changes.Add("comment");
        if (x.Collation != y.Collation) changes.Add($"collation {a.Collation ?? "default"} -> {b.Collation ?? "default"}");
        if (x.OnUpdate != y.OnUpdate) changes.Add($"on update {a.OnUpdate ?? "none"} -> {b.OnUpdate ?? "none"}");
        return changes;
    }

    /// <summary>The parts of <paramref name="column"/> as <paramref name="dialect"/> stores them (what the differ compares).</summary>
    private static Column Stored(Column column, Dialect dialect)
    {
        var type = dialect.Types.Normalize(column.Type);
        return column with
        {
            Type = type,
            Default = column.Default is { } d ? dialect.Expressions.CanonicalDefault(d, type) : null,
            Identity = column.Identity is { } i ? IdentityOptions.Canonical(i, type) : null,
            Computed = column.Computed is { } e ? dialect.Expressions.Canonical(e) : null,
            Comment = dialect.SupportsComments ? column.Comment : null,
            Collation = column.Collation?.ToUpperInvariant(),
            OnUpdate = column.OnUpdate is { } u ? dialect.Expressions.CanonicalDefault(u, type) : null,
        };
    }

    /// <summary>
    /// What changed in an identity, option by option. Options compare in their canonical form (the server's default
    /// for the type and direction as null), so that a new increment is not also reported as new bounds.
    /// </summary>
    private static IEnumerable<string> IdentityChanges(Column a, Column b)
    {
        if (a.Identity is null) { yield return b.Identity!.Serial ? "serial added" : "identity added"; yield break; }
        if (b.Identity is null) { yield return a.Identity.Serial ? "serial removed" : "identity removed"; yield break; }
        var (x, y) = (IdentityOptions.Canonical(a.Identity, a.Type), IdentityOptions.Canonical(b.Identity, b.Type));
        if (x.Serial != y.Serial) yield return x.Serial ? "serial -> identity" : "identity -> serial";
        if (x.Always != y.Always) yield return $"identity generated {Generated(x)} -> {Generated(y)}";
        if (x.Increment != y.Increment) yield return $"identity increment {x.Increment ?? 1} -> {y.Increment ?? 1}";
        if (x.Start != y.Start) yield return $"identity start {Option(x.Start)} -> {Option(y.Start)}";
        if (x.MinValue != y.MinValue) yield return $"identity minvalue {Option(x.MinValue)} -> {Option(y.MinValue)}";
        if (x.MaxValue != y.MaxValue) yield return $"identity maxvalue {Option(x.MaxValue)} -> {Option(y.MaxValue)}";
        if (x.Cycle != y.Cycle) yield return y.Cycle ? "identity cycle" : "identity no cycle";
        if (x.Cache != y.Cache) yield return $"identity cache {x.Cache ?? 1} -> {y.Cache ?? 1}";
    }

    private static string Generated(Identity identity) => identity.Always ? "ALWAYS" : "BY DEFAULT";

    private static string Option(long? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default";
}
