using DiffMigrate.Schema;

namespace DiffMigrate.Providers.Postgres;

internal sealed partial class PostgresModelCanonicalizer
{
    /// <summary>What the server stored for one temporary index: its key expressions, WHERE clause and key options.</summary>
    private sealed record IndexForm(string[] Keys, string? Filter, bool[] NullsFirst, string?[] OperatorClasses, string?[] Collations);

    /// <summary>
    /// True when the server is asked about <paramref name="index"/>: it has key expressions or a WHERE clause, or a
    /// key names an operator class or a collation (the server prints them its own way, the default one not at all).
    /// </summary>
    private static bool AsksServer(TableIndex index) =>
        index.Filter is not null || index.Expressions.Contains(true) || index.KeyOptions.Any(o => o is { OperatorClass: not null } or { Collation: not null });

    /// <summary>
    /// Key <paramref name="k"/> of the temporary index: the expression in parentheses or the column, then its
    /// collation and operator class (those written after an expression included).
    /// </summary>
    private static string TemporaryKey(TableIndex index, int k)
    {
        var lifted = PostgresIndexKeys.Lift(index);
        var option = lifted.KeyOption(k);
        var key = lifted.IsExpression(k) ? "(" + lifted.Columns[k] + ")" : Quote(lifted.Columns[k]);
        return key + (option.Collation is { } collation ? " COLLATE " + PostgresIndexKeys.QuoteName(collation) : "")
            + (option.OperatorClass is { } operatorClass ? " " + PostgresIndexKeys.QuoteName(operatorClass) : "");
    }

    /// <summary>The access method of the temporary index: the model's where a key names an operator class (which belongs to one method).</summary>
    private static string TemporaryMethod(TableIndex index) =>
        index.Method is { } method && PostgresIndexKeys.Lift(index).KeyOptions.Any(o => o is { OperatorClass: not null }) ? " USING " + Quote(method) : "";

    /// <summary><paramref name="index"/> with the server's forms: its key expressions and filter, each key's operator class and collation as the server reports them.</summary>
    private static TableIndex WithForm(TableIndex index, IndexForm form)
    {
        var options = index.Columns.Select((_, k) => new IndexKeyOptions(
            index.KeyOption(k).Nulls,
            k < form.OperatorClasses.Length ? form.OperatorClasses[k] : null,
            k < form.Collations.Length ? form.Collations[k] : null)).ToList();
        return index with
        {
            Columns = index.Columns.Select((c, k) => index.IsExpression(k) && k < form.Keys.Length ? form.Keys[k] : c).ToEquatableArray(),
            Filter = index.Filter is null ? null : form.Filter,
            KeyOptions = options.All(o => o.IsDefault) ? default : options.ToEquatableArray(),
        };
    }
}
