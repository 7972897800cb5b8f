using DiffMigrate.Dialects;
using DiffMigrate.Migrations;

namespace DiffMigrate.Diff.Lint;

/// <summary>
/// Reads operations, before any SQL is rendered, for what can lose data, fail on existing rows, break running
/// application versions or lock a table. The general rules hold on every database; a provider adds its own
/// (<see cref="DialectLint"/>: PostgreSQL's locks, SQLite's rebuilds). Tables created by the same operations are new and empty, so changes to them are not findings. Pure.
/// </summary>
internal static partial class SafetyLint
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
        ("DM111", LintSeverity.Warning, "a view is dropped and created again (a table or view under it changes): it is absent meanwhile and loses its grants"),
        ("DM112", LintSeverity.Warning, "where DDL is not transactional (MariaDB, MySQL), a revision mixes data changes with more than one schema statement: a failure in the middle cannot be rolled back"),
    ];

    /// <summary>
    /// The operation types that never produce a finding of their own, decided one by one: a new operation type
    /// either gets a rule in <see cref="Check"/> or is added here (a test holds every type to one or the other).
    /// </summary>
    public static IReadOnlySet<Type> WithoutFindings { get; } = new HashSet<Type>
    {
        // New objects, or new values, that nothing uses yet.
        typeof(CreateTable), typeof(CreateSchema), typeof(CreateEnum), typeof(AddEnumValue), typeof(CreateSequence), typeof(CreateExtension), typeof(AlterExtension),
        typeof(CreateObject),
        // Metadata, or removals of what rows never depend on.
        typeof(AlterTableComment), typeof(DropIndex), typeof(DropForeignKey), typeof(DropUniqueConstraint), typeof(DropCheckConstraint),
        // Not yet judged by a rule: an existing primary key's columns, and objects the differ drops only once unused.
        typeof(AddPrimaryKey), typeof(DropSchema), typeof(DropEnum), typeof(RenameEnumValue), typeof(ReorderEnumValues), typeof(DropSequence), typeof(AlterSequence),
        typeof(DropExtension), typeof(DropExclusionConstraint),
        // A view, routine or trigger is dropped only when the model no longer has it, or to be created again around a
        // change in the same revision (DM111 reads the pair, see RecreatedViews); its definition goes with the
        // operation, and no rows are kept in one (a materialized view's are the query's, computed again).
        typeof(DropObject),
        // Rebuilds the table; STRICT fails on rows whose values do not fit their column's type, as the copy reports.
        typeof(AlterTableOptions),
        // A new domain is unused; one is dropped only once no column uses it; a changed one is checked by the server,
        // which refuses a new NOT NULL or check that a stored value breaks.
        typeof(CreateDomain), typeof(DropDomain), typeof(AlterDomain),
        // The safe half of NOT VALID: scans without blocking writes, and fails only where rows break what the model says.
        typeof(ValidateConstraint),
        // What the author wrote by hand is theirs to judge.
        typeof(ExecuteSql), typeof(BulkInsert),
    };

    /// <summary>
    /// The findings for <paramref name="operations"/> on <paramref name="dialect"/>, in operation order, with the
    /// database's own rules when <paramref name="dialectRules"/> is given.
    /// </summary>
    public static IReadOnlyList<LintFinding> Check(IReadOnlyList<MigrationOperation> operations, Dialect dialect, DialectLint? dialectRules = null)
    {
        var created = operations.OfType<CreateTable>().Select(c => c.Table.Name).ToHashSet();
        var findings = new List<LintFinding>();
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            if (operation.TableName is { } table && created.Contains(table) && operation is not DropTable) continue;
            var inner = operation is BatchAlterTable batch ? batch.Operations : [operation];
            if (dialectRules is not null && operation is BatchAlterTable) findings.AddRange(dialectRules.Check(operation, dialect, i));
            foreach (var each in inner)
            {
                findings.AddRange(For(each, dialect, i));
                if (dialectRules is not null) findings.AddRange(dialectRules.Check(each, dialect, i));
            }
        }
        findings.AddRange(RecreatedViews(operations, dialect));
        findings.AddRange(MixedWithoutTransaction(operations, dialect));
        return findings.OrderBy(f => f.Operation).ToList();
    }

    private static IEnumerable<LintFinding> For(MigrationOperation operation, Dialect dialect, int i)
    {
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
                foreach (var finding in Column(o, dialect, i)) yield return finding;
                break;
            case AddColumn { Column: { Nullable: false, Default: null, Computed: null, Identity: null } } o:
                yield return Finding("DM106", table, $"adds NOT NULL column {o.Column.Name} without a default: fails if the table has rows", i);
                break;
            case AddUniqueConstraint o:
                yield return Finding("DM107", table, $"adds unique ({string.Join(", ", o.Constraint.Columns)}): fails if those columns hold duplicates", i);
                break;
            case AddExclusionConstraint o:
                yield return Finding("DM107", table, $"adds exclusion constraint {o.Constraint.Name ?? "(unnamed)"}: fails if rows already conflict", i);
                break;
            case CreateIndex { Index.IsUnique: true } o:
                yield return Finding("DM107", table, $"adds unique index {o.Index.Name}: fails if ({string.Join(", ", o.Index.Columns)}) hold duplicates", i);
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
        }
    }

    private static IEnumerable<LintFinding> Column(AlterColumn o, Dialect dialect, int i)
    {
        var (before, after) = (dialect.Types.Normalize(o.Existing.Type), dialect.Types.Normalize(o.Column.Type));
        if (before != after)
        {
            var narrows = TypeRules.Narrows(before, after);
            yield return narrows
                ? Finding("DM104", o.Table, $"narrows column {o.Column.Name} from {o.Existing.Type} to {o.Column.Type}: values can fail to fit", i)
                : Finding("DM103", o.Table, $"changes column {o.Column.Name} from {o.Existing.Type} to {o.Column.Type}: its values are converted", i);
        }
        if (o.Existing.Nullable && !o.Column.Nullable)
        {
            yield return Finding("DM105", o.Table, $"makes column {o.Column.Name} NOT NULL: fails if it holds NULLs", i);
        }
    }

    private static LintFinding Finding(string code, QualifiedName? table, string message, int operation) =>
        new(code, Rules.First(r => r.Code == code).Severity, table, message, operation);
}
