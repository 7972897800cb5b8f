using System.Text.RegularExpressions;

namespace DiffMigrate.Diff;

internal sealed partial class SchemaDiffer
{
    /// <summary>
    /// True when the new definition of a routine can replace the old in place: it says <c>CREATE OR REPLACE</c> (else
    /// the renderer drops and creates it) and keeps what PostgreSQL will not change that way: the argument list with
    /// its names, the <c>RETURNS</c> clause, and an aggregate's state type and final function. Otherwise the routine
    /// is dropped and created again, and the triggers that use it with it.
    /// </summary>
    private static bool InPlace(DefinedObject existing, DefinedObject model) =>
        !model.Definition.TrimStart().StartsWith("CREATE OR REPLACE ", StringComparison.OrdinalIgnoreCase) || Head(existing) == Head(model);

    private static string Head(DefinedObject routine)
    {
        var text = Regex.Replace(routine.Definition.Trim(), @"\s+", " ");
        var close = SignatureEnd(text);
        if (close < 0) return text;
        var (signature, rest) = (text[..(close + 1)], text[(close + 1)..]);
        if (routine.Kind == DefinedObjectKind.Aggregate)
        {
            // Its signature, and what decides its result type.
            return signature + string.Concat(rest.Split(',').Select(o => o.Trim(' ', '(', ')'))
                .Where(o => o.StartsWith("STYPE", StringComparison.OrdinalIgnoreCase) || o.StartsWith("FINALFUNC ", StringComparison.OrdinalIgnoreCase) || o.StartsWith("FINALFUNC=", StringComparison.OrdinalIgnoreCase)));
        }
        var returns = Returns().Match(rest);
        return signature + (returns.Success ? " RETURNS " + returns.Groups[1].Value.ToUpperInvariant() : "");
    }

    /// <summary>The index of the parenthesis that closes the argument list (the first one opened), or -1.</summary>
    private static int SignatureEnd(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')' && --depth == 0) return i;
        }
        return -1;
    }

    [GeneratedRegex(@"^\s*RETURNS\s+(.*?)(?=\s+(?:LANGUAGE|AS|IMMUTABLE|STABLE|VOLATILE|STRICT|CALLED|RETURNS\s+NULL|SECURITY|EXTERNAL|PARALLEL|COST|ROWS|SUPPORT|SET|WINDOW|LEAKPROOF|NOT|TRANSFORM|RETURN|BEGIN)\b|\s*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Returns();
}
