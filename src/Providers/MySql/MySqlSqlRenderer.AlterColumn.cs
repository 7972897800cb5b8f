using System.Text.RegularExpressions;
using DiffMigrate.Migrations;
using DiffMigrate.Render;
using DiffMigrate.Render.Sql;

namespace DiffMigrate.Providers.MySql;

internal sealed partial class MySqlSqlRenderer
{
    /// <summary>
    /// The value of ON UPDATE: MySQL takes only CURRENT_TIMESTAMP and its synonyms there (NOW(), LOCALTIME,
    /// LOCALTIMESTAMP), with fractional digits or without; anything else is refused here, not sent.
    /// </summary>
    private static string OnUpdate(QualifiedName? table, Column column, string value) => OnUpdateValue().IsMatch(value.Trim())
        ? value.Trim()
        : throw new UnsupportedOperationException(
            $"Column {column.Name}{(table is null ? "" : $" of {table}")}: ON UPDATE takes CURRENT_TIMESTAMP (or NOW(), LOCALTIMESTAMP), with fractional digits or without, not {VisibleText.Escape(value)}.");

    [GeneratedRegex(@"^(CURRENT_TIMESTAMP|NOW|LOCALTIME|LOCALTIMESTAMP)(\(\s*[0-6]?\s*\))?\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OnUpdateValue();

    /// <summary>
    /// A default alone changes with ALTER COLUMN ... SET DEFAULT / DROP DEFAULT (metadata only); anything else with
    /// MODIFY COLUMN and the whole new column, since MODIFY resets what it is not told: its default, comment,
    /// collation and AUTO_INCREMENT. A new identity start is the table's AUTO_INCREMENT. There is no USING: a conversion
    /// the server cannot make by itself is an UPDATE into a new column, written by hand.
    /// </summary>
    protected override void AlterColumn(AlterColumn operation, List<SqlStatement> output)
    {
        var (old, column) = (operation.Existing, operation.Column);
        if (operation.Using is not null)
        {
            throw new UnsupportedOperationException(
                $"AlterColumn on {operation.Table}.{column.Name}: {DatabaseName} has no USING conversion. Add a new column, fill it with op.Execute(\"UPDATE ...\"), drop the old one and rename the new one.");
        }
        var table = Syntax.Quote(operation.Table);
        var onlyDefault = old with { Default = column.Default } == column && !TakesOnlyExpressionDefaults(column.Type);
        if (onlyDefault)
        {
            if (string.Equals(old.Default, column.Default, StringComparison.Ordinal)) return;
            var name = Syntax.QuoteIdentifier(column.Name);
            output.Add(new(column.Default is { } value
                ? $"ALTER TABLE {table} ALTER COLUMN {name} SET DEFAULT {DefaultValue(value)}"
                : $"ALTER TABLE {table} ALTER COLUMN {name} DROP DEFAULT"));
            return;
        }
        output.Add(new($"ALTER TABLE {table} MODIFY COLUMN {ColumnDefinition(null, column)}"));
        if (column.Identity?.Start is { } start && start != old.Identity?.Start) output.Add(new($"ALTER TABLE {table} AUTO_INCREMENT = {start}"));
    }
}
