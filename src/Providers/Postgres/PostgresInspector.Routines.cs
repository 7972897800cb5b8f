using System.Data.Common;

namespace DiffMigrate.Providers.Postgres;

internal sealed partial class PostgresInspector
{
    /// <summary>What statements 8 (routines) and 9 (triggers) of the catalog batch keep of a row.</summary>
    private static IEnumerable<Action<DbDataReader>> RoutineReaders(CatalogRows rows) =>
    [
        r => rows.Routines.Add(new RoutineRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4))),
        r => rows.Triggers.Add(new TriggerRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5))),
    ];

    /// <summary>
    /// The functions, procedures and aggregates, and the triggers on the tables that are read (a trigger depends on
    /// its function), ordered by kind and identity.
    /// </summary>
    private static IEnumerable<DefinedObject> RoutinesAndTriggers(CatalogRows rows, Func<string, string, QualifiedName> name, HashSet<string> excluded)
    {
        var routines = rows.Routines.Select(r => new DefinedObject(RoutineKind(r.Kind), name(r.Schema, r.Name), r.Definition, r.Arguments));
        var triggers = rows.Triggers
            .Where(t => !(t.Schema == rows.CurrentSchema && excluded.Contains(t.Table)))
            .Select(t => DefinedObject.Trigger(t.Name, name(t.Schema, t.Table), t.Definition) with { DependsOn = [name(t.FunctionSchema, t.Function)] });
        return routines.OrderBy(o => o.Kind).ThenBy(o => o.Name).ThenBy(o => o.Arguments, StringComparer.Ordinal)
            .Concat(triggers.OrderBy(t => t.Table).ThenBy(t => t.Name.Name, StringComparer.Ordinal));
    }

    internal static DefinedObjectKind RoutineKind(string word) => word switch
    {
        "procedure" => DefinedObjectKind.Procedure,
        "aggregate" => DefinedObjectKind.Aggregate,
        _ => DefinedObjectKind.Function,
    };

    internal sealed partial class CatalogRows
    {
        public List<RoutineRow> Routines { get; } = [];
        public List<TriggerRow> Triggers { get; } = [];
    }

    internal sealed record RoutineRow(string Kind, string Schema, string Name, string Arguments, string Definition);

    internal sealed record TriggerRow(string Schema, string Table, string Name, string Definition, string FunctionSchema, string Function);
}
