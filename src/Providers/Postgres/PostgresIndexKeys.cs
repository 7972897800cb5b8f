using System.Text.RegularExpressions;
using DiffMigrate.Schema;

namespace DiffMigrate.Providers.Postgres;

/// <summary>
/// Expression keys as written in PostgreSQL's CREATE INDEX, where a collation and an operator class may follow the
/// expression (<c>lower(name) COLLATE "C" text_pattern_ops</c>): the renderer and the canonicaliser lift them into
/// the key's options, so the expression can be parenthesised and the options compared like any other.
/// </summary>
internal static partial class PostgresIndexKeys
{
    /// <summary>
    /// <paramref name="index"/> with the collation and operator class written after an expression key moved into that
    /// key's options (an option the model sets itself wins); the index itself when no key has any.
    /// </summary>
    public static TableIndex Lift(TableIndex index)
    {
        if (!index.Expressions.Contains(true)) return index;
        var columns = index.Columns.ToArray();
        var options = index.Columns.Select((_, k) => index.KeyOption(k)).ToArray();
        var lifted = false;
        for (var k = 0; k < columns.Length; k++)
        {
            if (!index.IsExpression(k)) continue;
            var (expression, collation, operatorClass) = Split(columns[k]);
            if (collation is null && operatorClass is null) continue;
            lifted = true;
            columns[k] = expression;
            options[k] = options[k] with { Collation = options[k].Collation ?? collation, OperatorClass = options[k].OperatorClass ?? operatorClass };
        }
        return lifted ? index with { Columns = [.. columns], KeyOptions = [.. options] } : index;
    }

    /// <summary>
    /// An expression key split into the expression and what may follow it in CREATE INDEX. An operator class is
    /// recognised by PostgreSQL's naming (a trailing name ending in <c>_ops</c>) after a closing parenthesis, a name
    /// or a quote; anything else stays the expression.
    /// </summary>
    public static (string Expression, string? Collation, string? OperatorClass) Split(string key)
    {
        var text = key.Trim();
        string? operatorClass = null, collation = null;
        if (OperatorClassTail().Match(text) is { Success: true } ops && PostgresSqlScanner.Problem(ops.Groups["expr"].Value) is null)
        {
            (text, operatorClass) = (ops.Groups["expr"].Value.TrimEnd(), ops.Groups["name"].Value);
        }
        if (CollateTail().Match(text) is { Success: true } collate && PostgresSqlScanner.Problem(collate.Groups["expr"].Value) is null)
        {
            (text, collation) = (collate.Groups["expr"].Value.TrimEnd(), SqlNames.Parts(collate.Groups["name"].Value) is { Count: 1 } parts ? parts[0] : collate.Groups["name"].Value);
        }
        return operatorClass is null && collation is null ? (key, null, null) : (text, collation, operatorClass);
    }

    /// <summary>An operator class or collation as a (qualified) name, each part quoted where needed; never SQL text.</summary>
    public static string QuoteName(string name) =>
        SqlNames.Parts(name) is { } parts ? string.Join(".", parts.Select(PostgresIdentifiers.Quote)) : PostgresIdentifiers.Quote(name);

    private const string Name = """(?:[A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")+")""";

    [GeneratedRegex($"""^(?<expr>.*[)\w"])\s+(?<name>(?:{Name}\.)?(?:[A-Za-z_][A-Za-z0-9_$]*_ops|"(?:[^"]|"")*_ops"))$""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex OperatorClassTail();

    [GeneratedRegex($"""^(?<expr>.*[)\w"])\s+COLLATE\s+(?<name>{Name})$""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex CollateTail();
}
