using System.Text.RegularExpressions;
using DiffMigrate.Schema;

namespace DiffMigrate.Providers.SqlServer;

internal sealed partial class SqlServerInspector
{
    /// <summary>
    /// The views, functions, procedures and DML triggers from their sys.sql_modules text, which SQL Server keeps as it
    /// was sent: a view as the query after its <c>CREATE VIEW name AS</c> (the model's definition of a view), the other
    /// kinds as the whole CREATE statement. A routine's arguments are "": T-SQL has no overloading, so its name is its
    /// identity (<see cref="Dialects.Dialect.RoutinesKeyedByName"/>). A view whose header holds what the model cannot
    /// (a column list, WITH SCHEMABINDING or other options) is listed in <paramref name="unmanaged"/> instead; so are
    /// the triggers on the tables left out (the version table's).
    /// </summary>
    private static List<DefinedObject> Modules(IEnumerable<ModuleRow> rows, string defaultSchema, Func<string, string, QualifiedName> name, HashSet<string> excluded,
        List<UnmanagedObject> unmanaged)
    {
        var objects = new List<DefinedObject>();
        foreach (var row in rows)
        {
            var qualified = name(row.Schema, row.Name);
            switch (row.Type)
            {
                case "V" when ViewHeader().Match(row.Definition) is { Success: true } header:
                    objects.Add(DefinedObject.View(qualified, row.Definition[header.Length..]));
                    break;
                case "V":
                    unmanaged.Add(new UnmanagedObject("view", qualified, Detail: "a column list or WITH options"));
                    break;
                case "FN" or "IF" or "TF":
                    objects.Add(DefinedObject.Function(qualified, "", row.Definition));
                    break;
                case "P":
                    objects.Add(DefinedObject.Procedure(qualified, "", row.Definition));
                    break;
                case "TR" when row.Table is { } table:
                    var tableSchema = row.TableSchema ?? row.Schema;
                    if (string.Equals(tableSchema, defaultSchema, StringComparison.OrdinalIgnoreCase) && excluded.Contains(table)) break;
                    objects.Add(DefinedObject.Trigger(row.Name, name(tableSchema, table), row.Definition));
                    break;
            }
        }
        return [.. objects.OrderBy(o => o.Kind).ThenBy(o => o.Table).ThenBy(o => o.Name)];
    }

    /// <summary>
    /// <c>CREATE [OR ALTER] VIEW name AS</c> and the space after it, after any comments that open the batch: what the
    /// renderer writes before a view's query. The name is one to three parts, each plain, [bracketed] or "quoted"
    /// (atomic, so that a plain name is never cut short to find an AS in it).
    /// </summary>
    [GeneratedRegex("""
        ^(?:\s|--[^\r\n]*|/\*[\s\S]*?\*/)*
        CREATE\s+(?:OR\s+ALTER\s+)?VIEW\s+
        (?>(?:\[(?:[^\]]|\]\])*\]|"(?:[^"]|"")*"|[\p{L}_@\#][\p{L}\p{Nd}_@\#$]*)(?:\s*\.\s*(?:\[(?:[^\]]|\]\])*\]|"(?:[^"]|"")*"|[\p{L}_@\#][\p{L}\p{Nd}_@\#$]*)){0,2})
        \s*AS\b\s*
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex ViewHeader();
}
