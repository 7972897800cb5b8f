using System.Text.RegularExpressions;
using DiffMigrate.Dialects;
using DiffMigrate.Migrations;

namespace DiffMigrate.Diff.Lint;

internal static partial class SafetyLint
{
    /// <summary>
    /// DM111: a view or materialized view the revision drops and creates again because a table or view it names
    /// changes in the same revision (a column dropped, renamed or changed in type; the table dropped or renamed; the
    /// view under it created again), and any view replaced by a hand-written ReplaceObject. Until the revision commits
    /// the view is absent (readers outside the transaction wait on its lock), and its grants do not come back.
    /// </summary>
    private static IEnumerable<LintFinding> RecreatedViews(IReadOnlyList<MigrationOperation> operations, Dialect dialect)
    {
        // The default schema named or not is the same view.
        string Key(QualifiedName name) => (name.Schema == dialect.DefaultSchema ? name with { Schema = null } : name).ToString();
        var dropped = operations.OfType<DropObject>().Where(d => d.Object.IsRelation).Select(d => Key(d.Object.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var changed = new List<(QualifiedName Name, string What)>();
        foreach (var operation in operations.SelectMany(Flat))
        {
            if (operation is DropTable or RenameTable or DropColumn or RenameColumn
                || operation is AlterColumn a && (a.Existing.Type != a.Column.Type || a.Existing.Collation != a.Column.Collation))
            {
                changed.Add((operation.TableName!, "table"));
            }
        }
        for (var i = 0; i < operations.Count; i++)
        {
            switch (operations[i])
            {
                case ReplaceObject { Object.IsRelation: true } replace:
                    yield return Recreated(replace.Object, null, i);
                    break;
                case CreateObject { Object.IsRelation: true } create when dropped.Contains(Key(create.Object.Name)):
                    var under = changed.FirstOrDefault(c => Names(create.Object.Definition, c.Name.Name));
                    if (under.Name is not null) yield return Recreated(create.Object, $"{under.What} {under.Name} changes under it", i);
                    changed.Add((create.Object.Name, "view"));
                    break;
            }
        }
    }

    private static IEnumerable<MigrationOperation> Flat(MigrationOperation operation) =>
        operation is BatchAlterTable batch ? batch.Operations : [operation];

    private static LintFinding Recreated(DefinedObject view, string? because, int operation) =>
        Finding("DM111", view.Name, $"drops and creates {view} again{(because is null ? "" : " because " + because)}: " +
            $"it is absent until the revision commits{(view.Kind == DefinedObjectKind.MaterializedView ? ", runs its query again" : "")} and loses its grants", operation);

    private static bool Names(string sql, string name) =>
        sql.Contains(name, StringComparison.OrdinalIgnoreCase)
        && Regex.IsMatch(sql, $@"(?<!\w){Regex.Escape(name)}(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
