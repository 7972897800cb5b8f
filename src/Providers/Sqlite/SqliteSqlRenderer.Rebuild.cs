using DiffMigrate.Migrations;
using DiffMigrate.Render.Sql;

namespace DiffMigrate.Providers.Sqlite;

internal sealed partial class SqliteSqlRenderer
{
    /// <summary>The prefix of the table a rebuild fills before it takes the old table's name.</summary>
    public const string RebuildPrefix = "_dm_new_";

    /// <summary>
    /// A batch: plain ALTERs when SQLite can do every operation in place (Auto) or when told to (Never); otherwise the
    /// table is rebuilt ("move and copy", SQLite's own recipe): create the new definition under a temporary name, copy
    /// the rows (each column converted by the new column's affinity, checked to have lost nothing, or by the
    /// operation's explicit USING expression), drop the old table, give the new one its name, and create its indexes
    /// and the old table's triggers again. The rename runs with legacy_alter_table on, so that views and other tables'
    /// triggers that name the table are kept as written instead of being checked against a table that is momentarily
    /// missing. Foreign-key enforcement must be off (the runner turns it off outside the transaction and runs
    /// foreign_key_check before committing): dropping the old table would otherwise run its ON DELETE actions.
    /// </summary>
    protected override void BatchAlterTable(BatchAlterTable operation, List<SqlStatement> output)
    {
        if (!SqliteAlterTable.Rule.Rebuilds(operation))
        {
            base.BatchAlterTable(operation with { Recreate = Recreate.Never }, output);
            return;
        }
        var before = operation.CopyFrom ?? throw new UnsupportedOperationException(
            $"BatchAlterTable on {operation.Table} rebuilds the table, which needs its current definition: online the runner reads it from the " +
            "database; for an offline script (--sql) give it as copyFrom: Definition(...).");
        var (after, sourceOf) = TableEditor.Edit(before with { Name = operation.Table }, operation.Operations);
        var conversions = Conversions(before with { Name = operation.Table }, operation.Operations);
        var table = operation.Table;
        var temporary = table with { Name = RebuildPrefix + table.Name };
        output.Add(new(CreateTable(after with { Name = temporary, Indexes = default })));
        var copied = after.Columns.Where(c => c.Computed is null && sourceOf.ContainsKey(c.Name)).ToList();
        if (copied.Count > 0)
        {
            var copies = copied.Select(c => Copy(before.FindColumn(sourceOf[c.Name])!, c, conversions.GetValueOrDefault(c.Name))).ToList();
            var checks = copies.Where(c => c.Accepted is not null).ToList();
            for (var i = 0; i < checks.Count; i++) output.Add(new(Guard(table, temporary, checks[i], i)));
            output.Add(new($"INSERT INTO {Syntax.Quote(temporary)} ({Syntax.QuoteList(copied.Select(c => c.Name))})\n" +
                $"SELECT {string.Join(", ", copies.Select(c => c.Source))} FROM {Syntax.Quote(table)}",
                Purpose: $"copying the rows of {Shown(table.ToString())} into its new definition (the rebuild's table {Shown(temporary.Name)})",
                Diagnosis: checks.Count == 0 ? null : Diagnosis(table, checks)));
            for (var i = 0; i < checks.Count; i++) output.Add(new($"DROP TRIGGER temp.{Syntax.QuoteIdentifier(GuardName(i))}"));
        }
        output.Add(new($"DROP TABLE {Syntax.Quote(table)}", ForeignKeysOff: true));
        output.Add(new("PRAGMA legacy_alter_table = ON"));
        output.Add(new($"ALTER TABLE {Syntax.Quote(temporary)} RENAME TO {Syntax.QuoteIdentifier(table.Name)}"));
        output.Add(new("PRAGMA legacy_alter_table = OFF"));
        foreach (var index in after.Indexes) output.Add(CreateIndex(new CreateIndex(table, index)));
        foreach (var trigger in operation.Triggers) output.Add(new(trigger));
    }

    /// <summary>
    /// How the new column gets its value. The copy has no CAST: SQLite's CAST turns text that is not a number into 0.
    /// The new column's affinity converts what converts without loss and leaves the rest as it was, which the guard
    /// then refuses (<see cref="ColumnCopy.Accepted"/>). An explicit USING expression is copied as written, unchecked.
    /// When a nullable column becomes NOT NULL with a default, its NULLs take the default (as they would on insert).
    /// </summary>
    private ColumnCopy Copy(Column old, Column @new, string? conversion)
    {
        var value = conversion is null ? Syntax.QuoteIdentifier(old.Name) : $"({conversion})";
        if (old.Nullable && !@new.Nullable && @new.Default is { } fallback) value = $"COALESCE({value}, {DefaultValue(fallback)})";
        var (from, to) = (Affinity(Dialect.Types.ToSql(old.Type)), Affinity(Dialect.Types.ToSql(@new.Type)));
        return new ColumnCopy(@new, value, Dialect.Types.ToSql(@new.Type), to, conversion is null && from != to ? Accepted(to, @new.Type) : null);
    }

    /// <summary>
    /// For each column of the rebuilt table that an AlterColumn of the batch gives an explicit conversion, that
    /// expression, followed through later renames and drops of the column.
    /// </summary>
    private static Dictionary<string, string> Conversions(Table table, IEnumerable<MigrationOperation> operations)
    {
        var conversions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case AlterColumn { Using: { } expression } alter:
                    conversions[table.FindColumn(alter.Existing.Name)?.Name ?? alter.Existing.Name] = expression;
                    break;
                case RenameColumn rename when table.FindColumn(rename.OldName) is { } column && conversions.Remove(column.Name, out var moved):
                    conversions[rename.NewName] = moved;
                    break;
                case DropColumn drop when table.FindColumn(drop.Column.Name) is { } column:
                    conversions.Remove(column.Name);
                    break;
            }
            table = TableEditor.ApplyAll(table, [operation]);
        }
        return conversions;
    }

    /// <summary>SQLite's type affinity of a declared type (section 3.1 of "Datatypes In SQLite").</summary>
    private static string Affinity(string declared)
    {
        var type = declared.ToUpperInvariant();
        if (type.Contains("INT", StringComparison.Ordinal)) return "INTEGER";
        if (type.Contains("CHAR", StringComparison.Ordinal) || type.Contains("CLOB", StringComparison.Ordinal) || type.Contains("TEXT", StringComparison.Ordinal)) return "TEXT";
        if (type.Length == 0 || type.Contains("BLOB", StringComparison.Ordinal)) return "BLOB";
        if (type.Contains("REAL", StringComparison.Ordinal) || type.Contains("FLOA", StringComparison.Ordinal) || type.Contains("DOUB", StringComparison.Ordinal)) return "REAL";
        return "NUMERIC";
    }
}
