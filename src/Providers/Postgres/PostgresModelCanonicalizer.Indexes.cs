using System.Text.RegularExpressions;
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

    /// <summary>Key <paramref name="k"/> of the temporary index: the expression in parentheses or the column, then its collation and operator class.</summary>
    private static string TemporaryKey(TableIndex index, int k)
    {
        var option = index.KeyOption(k);
        var (key, collation, operatorClass) = index.IsExpression(k) ? SplitKey(index.Columns[k]) : (Quote(index.Columns[k]), null, null);
        if (index.IsExpression(k)) key = "(" + key + ")";
        collation = option.Collation ?? collation;
        operatorClass = option.OperatorClass ?? operatorClass;
        return key + (collation is null ? "" : " COLLATE " + QuoteSqlName(collation)) + (operatorClass is null ? "" : " " + QuoteSqlName(operatorClass));
    }

    /// <summary>The access method of the temporary index: the model's where a key names an operator class (which belongs to one method).</summary>
    private static string TemporaryMethod(TableIndex index) =>
        index.Method is { } method && index.KeyOptions.Any(o => o is { OperatorClass: not null }) ? " USING " + Quote(method) : "";

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

    /// <summary>
    /// An expression key as written in CREATE INDEX, split into the expression and what may follow it there:
    /// <c>lower(name) COLLATE "C" text_pattern_ops</c>. An operator class is recognised by PostgreSQL's naming (a
    /// trailing name ending in <c>_ops</c>, after a closing parenthesis, a name or a quote).
    /// </summary>
    internal static (string Expression, string? Collation, string? OperatorClass) SplitKey(string key)
    {
        var text = key.Trim();
        string? operatorClass = null, collation = null;
        if (OperatorClassTail().Match(text) is { Success: true } ops && PostgresSqlScanner.Problem(ops.Groups["expr"].Value) is null)
        {
            (text, operatorClass) = (ops.Groups["expr"].Value.TrimEnd(), ops.Groups["name"].Value);
        }
        if (CollateTail().Match(text) is { Success: true } collate && PostgresSqlScanner.Problem(collate.Groups["expr"].Value) is null)
        {
            (text, collation) = (collate.Groups["expr"].Value.TrimEnd(), Unquoted(collate.Groups["name"].Value));
        }
        return operatorClass is null && collation is null ? (key, null, null) : (text, collation, operatorClass);
    }

    /// <summary>A collation written in SQL (bare or quoted) as the name the model keeps.</summary>
    private static string Unquoted(string sql) => SqlNames.Parts(sql) is { Count: 1 } parts ? parts[0] : sql;

    /// <summary>An operator class or collation as a (qualified) name, each part quoted where needed; never SQL text.</summary>
    private static string QuoteSqlName(string name) =>
        SqlNames.Parts(name) is { } parts ? string.Join(".", parts.Select(Quote)) : Quote(name);

    private const string Name = """(?:[A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")+")""";

    [GeneratedRegex($"""^(?<expr>.*[)\w"])\s+(?<name>(?:{Name}\.)?(?:[A-Za-z_][A-Za-z0-9_$]*_ops|"(?:[^"]|"")*_ops"))$""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex OperatorClassTail();

    [GeneratedRegex($"""^(?<expr>.*[)\w"])\s+COLLATE\s+(?<name>{Name})$""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex CollateTail();
}
