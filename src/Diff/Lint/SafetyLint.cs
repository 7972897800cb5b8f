using DiffMigrate.Dialects;
using DiffMigrate.Dialects.Sqlite;
using DiffMigrate.Migrations;
using DiffMigrate.Schema;

namespace DiffMigrate.Diff.Lint;

/// <summary>
/// Reads operations, before any SQL is rendered, for what can lose data, fail on existing rows, break running
/// application versions or lock a table. Works on every dialect; the PostgreSQL lock rules apply where the target is
/// PostgreSQL. Tables created by the same operations are new and empty, so changes to them are not findings. Pure.
/// </summary>
public static class SafetyLint
{
    /// <summary>The codes, their severity and what they mean (the README's table is written from this).</summary>
    public static IReadOnlyList<(string Code, LintSeverity Severity, string Meaning)> Rules { get; } =
    [
        ("DM101", LintSeverity.Error, "a table is dropped, with its rows"),
        ("DM102", LintSeverity.Error, "a column is dropped, with its values"),
        ("DM103", LintSeverity.Warning, "a column changes type: the values are converted, which can fail"),
        ("DM104", LintSeverity.Warning, "a column's type narrows (shorter, less precise, smaller): values can fail to fit"),
        ("DM105", LintSeverity.Warning, "NOT NULL is added to an existing column: fails if it holds NULLs"),
        ("DM106", LintSeverity.Warning, "a NOT NULL column without a default is added to an existing table: fails if it has rows"),
        ("DM107", LintSeverity.Warning, "uniqueness is added to existing columns: fails if they hold duplicates"),
        ("DM108", LintSeverity.Warning, "a table or column is renamed: application versions still running use the old name"),
        ("DM109", LintSeverity.Error, "an enum value is removed: rows holding it block the change"),
        ("DM110", LintSeverity.Warning, "a primary key is dropped or replaced"),
        ("DM201", LintSeverity.Warning, "PostgreSQL: an index is built on an existing table without CONCURRENTLY: writes wait until it is built"),
        ("DM202", LintSeverity.Warning, "PostgreSQL: the type change rewrites the table under an exclusive lock"),
        ("DM203", LintSeverity.Info, "PostgreSQL: SET NOT NULL scans the whole table under an exclusive lock"),
        ("DM204", LintSeverity.Warning, "PostgreSQL: a CHECK or FOREIGN KEY added to an existing table validates every row under lock"),
        ("DM301", LintSeverity.Info, "SQLite: the table is rebuilt (every row copied)"),
    ];

    /// <summary>
    /// The operation types that never produce a finding of their own, decided one by one: a new operation type
    /// either gets a rule in <see cref="Check"/> or is added here (a test holds every type to one or the other).
    /// </summary>
    public static IReadOnlySet<Type> WithoutFindings { get; } = new HashSet<Type>
    {
        // New objects, or new values, that nothing uses yet.
        typeof(CreateTable), typeof(CreateSchema), typeof(CreateEnum), typeof(AddEnumValue), typeof(CreateSequence),
        // Metadata, or removals of what rows never depend on.
        typeof(AlterTableComment), typeof(DropIndex), typeof(DropForeignKey), typeof(DropUniqueConstraint), typeof(DropCheckConstraint),
        // Not yet judged by a rule: an existing primary key's columns, and objects the differ drops only once unused.
        typeof(AddPrimaryKey), typeof(DropSchema), typeof(DropEnum), typeof(RenameEnumValue), typeof(DropSequence), typeof(AlterSequence),
        // What the author wrote by hand is theirs to judge.
        typeof(ExecuteSql), typeof(BulkInsert),
    };

    /// <summary>The findings for <paramref name="operations"/> on <paramref name="dialect"/>, in operation order.</summary>
    public static IReadOnlyList<LintFinding> Check(IReadOnlyList<MigrationOperation> operations, Dialect dialect)
    {
        var created = operations.OfType<CreateTable>().Select(c => c.Table.Name).ToHashSet();
        var findings = new List<LintFinding>();
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            if (operation.TableName is { } table && created.Contains(table) && operation is not DropTable) continue;
            var inner = operation is BatchAlterTable batch ? batch.Operations : [operation];
            if (operation is BatchAlterTable b && !dialect.SupportsAlterColumn && SqliteAlterTable.Rebuilds(b.Recreate, inner, b.CopyFrom))
            {
                findings.Add(Finding("DM301", operation.TableName, "the table is rebuilt: every row is copied into the new definition", i));
            }
            foreach (var each in inner) findings.AddRange(For(each, dialect, i));
        }
        return findings;
    }

    private static IEnumerable<LintFinding> For(MigrationOperation operation, Dialect dialect, int i)
    {
        var postgres = dialect.Name == Dialect.Postgres.Name;
        var table = operation.TableName;
        switch (operation)
        {
            case DropTable o:
                yield return Finding("DM101", table, $"drops table {o.Table.Name} and its {o.Table.Columns.Count} columns of data", i);
                break;
            case DropColumn o:
                yield return Finding("DM102", table, $"drops column {o.Column.Name} and its values", i);
                break;
            case AlterColumn o:
                foreach (var finding in Column(o, dialect, postgres, i)) yield return finding;
                break;
            case AddColumn { Column: { Nullable: false, Default: null, Computed: null, Identity: null } } o:
                yield return Finding("DM106", table, $"adds NOT NULL column {o.Column.Name} without a default: fails if the table has rows", i);
                break;
            case AddUniqueConstraint o:
                yield return Finding("DM107", table, $"adds unique ({string.Join(", ", o.Constraint.Columns)}): fails if those columns hold duplicates", i);
                break;
            case CreateIndex { Index.IsUnique: true } o:
                yield return Finding("DM107", table, $"adds unique index {o.Index.Name}: fails if ({string.Join(", ", o.Index.Columns)}) hold duplicates", i);
                if (postgres && !o.Concurrently) yield return Finding("DM201", table, $"builds index {o.Index.Name} without CONCURRENTLY: writes to the table wait", i);
                break;
            case CreateIndex o when postgres && !o.Concurrently:
                yield return Finding("DM201", table, $"builds index {o.Index.Name} without CONCURRENTLY: writes to the table wait", i);
                break;
            case RenameTable o:
                yield return Finding("DM108", table, $"renames table {o.Table} to {o.NewName}: running application versions still use the old name", i);
                break;
            case RenameColumn o:
                yield return Finding("DM108", table, $"renames column {o.OldName} to {o.NewName}: running application versions still use the old name", i);
                break;
            case DropEnumValue o:
                yield return Finding("DM109", o.Enum, $"removes value '{o.Value}' from enum {o.Enum}: rows holding it block the change", i);
                break;
            case DropPrimaryKey o:
                yield return Finding("DM110", table, $"drops primary key {o.PrimaryKey.Name ?? "(unnamed)"}", i);
                break;
            case AddCheckConstraint o when postgres:
                yield return Finding("DM204", table, $"adds check {o.Constraint.Name} and validates every row under lock", i);
                break;
            case AddForeignKey o when postgres:
                yield return Finding("DM204", table, $"adds foreign key {o.ForeignKey.Name} and validates every row under lock", i);
                break;
        }
    }

    private static IEnumerable<LintFinding> Column(AlterColumn o, Dialect dialect, bool postgres, int i)
    {
        var (before, after) = (dialect.Types.Normalize(o.Existing.Type), dialect.Types.Normalize(o.Column.Type));
        if (before != after)
        {
            var narrows = TypeRules.Narrows(before, after);
            yield return narrows
                ? Finding("DM104", o.Table, $"narrows column {o.Column.Name} from {o.Existing.Type} to {o.Column.Type}: values can fail to fit", i)
                : Finding("DM103", o.Table, $"changes column {o.Column.Name} from {o.Existing.Type} to {o.Column.Type}: its values are converted", i);
            if (postgres && !TypeRules.IsCheapOnPostgres(before, after))
            {
                yield return Finding("DM202", o.Table, $"rewrites table {o.Table} to change {o.Column.Name}'s type, under an exclusive lock", i);
            }
        }
        if (o.Existing.Nullable && !o.Column.Nullable)
        {
            yield return Finding("DM105", o.Table, $"makes column {o.Column.Name} NOT NULL: fails if it holds NULLs", i);
            if (postgres) yield return Finding("DM203", o.Table, $"SET NOT NULL on {o.Column.Name} scans the whole table under an exclusive lock", i);
        }
    }

    private static LintFinding Finding(string code, QualifiedName? table, string message, int operation) =>
        new(code, Rules.First(r => r.Code == code).Severity, table, message, operation);
}
