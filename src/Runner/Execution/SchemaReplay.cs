using DiffMigrate.Migrations;

namespace DiffMigrate.Runner.Execution;

/// <summary>
/// The tables as the revisions left them, worked out from their operations alone: what an offline script knows of
/// a table it must rebuild. Tables created by <c>op.Execute</c> or before the first revision are unknown to it.
/// </summary>
internal sealed class SchemaReplay
{
    private readonly Dictionary<QualifiedName, Table> tables = [];

    public Table? Find(QualifiedName name) => tables.GetValueOrDefault(name);

    public void Apply(MigrationOperation operation)
    {
        switch (operation)
        {
            case CreateTable o: tables[o.Table.Name] = o.Table; break;
            case DropTable o: tables.Remove(o.Table.Name); break;
            case RenameTable o when tables.Remove(o.Table, out var renamed):
                var name = o.Table with { Name = o.NewName };
                tables[name] = renamed with { Name = name };
                break;
            case BatchAlterTable o when Find(o.Table) is { } table: tables[o.Table] = TableEditor.ApplyAll(table, o.Operations); break;
            case BatchAlterTable o: tables.Remove(o.Table); break;
            case TableEdit o when Find(o.Table) is { } before: tables[o.Table] = TableEditor.ApplyAll(before, [o]); break;
            // A table it does not know stays unknown.
            case RenameTable or TableEdit: break;
            // Rows, objects other than tables and SQL as written leave the known definitions as they are.
            case BulkInsert or SchemaObjectOperation or ExecuteSql: break;
            // A new operation must say here what it does to a table (DispatchCompletenessTests checks each one).
            default: throw new NotSupportedException($"SchemaReplay does not know what {operation.GetType().Name} does to a table.");
        }
    }
}
