namespace DiffMigrate.Diff;

internal sealed partial class SchemaDiffer
{
    /// <summary>
    /// True when the new definition of a routine can replace the old in place: it says <c>CREATE OR REPLACE</c> and
    /// keeps the head that PostgreSQL will not change that way, the line that names the routine with its argument
    /// names and the <c>RETURNS</c> line (as <c>pg_get_functiondef</c> prints them); an aggregate's signature, state
    /// type and final function. Otherwise the routine is dropped
    /// and created again, and the triggers that use it with it.
    /// </summary>
    private static bool InPlace(DefinedObject existing, DefinedObject model)
    {
        if (!model.Definition.TrimStart().StartsWith("CREATE OR REPLACE ", StringComparison.OrdinalIgnoreCase)) return true;   // the renderer drops and creates it
        return Head(existing) == Head(model);

        static string Head(DefinedObject routine)
        {
            var definition = routine.Definition;
            if (routine.Kind == DefinedObjectKind.Aggregate)
            {
                // Its signature, and what decides its result type.
                var open = definition.IndexOf(") (", StringComparison.Ordinal);
                return open < 0 ? definition : definition[..open] + string.Concat(definition[open..].Split(", ")
                    .Select(o => o.TrimStart(' ', ')', '('))
                    .Where(o => o.StartsWith("STYPE", StringComparison.OrdinalIgnoreCase) || o.StartsWith("FINALFUNC ", StringComparison.OrdinalIgnoreCase)));
            }
            var lines = definition.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart().Split('\n');
            var returns = lines.Skip(1).TakeWhile(l => !l.TrimStart().StartsWith("AS ", StringComparison.OrdinalIgnoreCase))
                .FirstOrDefault(l => l.TrimStart().StartsWith("RETURNS ", StringComparison.OrdinalIgnoreCase));
            return lines[0].Trim() + "\n" + returns?.Trim();
        }
    }
}
