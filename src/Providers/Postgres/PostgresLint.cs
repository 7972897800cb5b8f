using DiffMigrate.Diff.Lint;
using DiffMigrate.Dialects;
using DiffMigrate.Migrations;

namespace DiffMigrate.Providers.Postgres;

/// <summary>PostgreSQL's lock rules: what blocks writes, rewrites a table or scans it under an exclusive lock.</summary>
internal sealed class PostgresLint : DialectLint
{
    public override IReadOnlyList<(string Code, LintSeverity Severity, string Meaning)> Rules { get; } =
    [
        ("DM201", LintSeverity.Warning, "PostgreSQL: an index is built on an existing table without CONCURRENTLY: writes wait until it is built"),
        ("DM202", LintSeverity.Warning, "PostgreSQL: the type change rewrites the table under an exclusive lock"),
        ("DM203", LintSeverity.Info, "PostgreSQL: SET NOT NULL scans the whole table under an exclusive lock"),
        ("DM204", LintSeverity.Warning, "PostgreSQL: a CHECK or FOREIGN KEY added to an existing table validates every row under lock"),
    ];

    public override IEnumerable<LintFinding> Check(MigrationOperation operation, Dialect dialect, int index)
    {
        var table = operation.TableName;
        switch (operation)
        {
            case CreateIndex { Concurrently: false } o:
                yield return Finding("DM201", table, $"builds index {o.Index.Name} without CONCURRENTLY: writes to the table wait", index);
                break;
            case AlterColumn o:
                var (before, after) = (dialect.Types.Normalize(o.Existing.Type), dialect.Types.Normalize(o.Column.Type));
                if (before != after && !IsCheap(before, after))
                {
                    yield return Finding("DM202", o.Table, $"rewrites table {o.Table} to change {o.Column.Name}'s type, under an exclusive lock", index);
                }
                if (o.Existing.Nullable && !o.Column.Nullable)
                {
                    yield return Finding("DM203", o.Table, $"SET NOT NULL on {o.Column.Name} scans the whole table under an exclusive lock", index);
                }
                break;
            // NOT VALID skips the rows already there: nothing is scanned under lock (ValidateConstraint scans them later without blocking writes).
            case AddCheckConstraint { Constraint.NotValid: false } o:
                yield return Finding("DM204", table, $"adds check {o.Constraint.Name} and validates every row under lock", index);
                break;
            case AddForeignKey { ForeignKey.NotValid: false } o:
                yield return Finding("DM204", table, $"adds foreign key {o.ForeignKey.Name} and validates every row under lock", index);
                break;
        }
    }

    /// <summary>True when PostgreSQL changes the type without rewriting the table (a longer or unbounded varchar, text).</summary>
    private static bool IsCheap(SqlType from, SqlType to) => (from.Kind, to.Kind) switch
    {
        (SqlTypeKind.String, SqlTypeKind.String) => !Shorter(from.Length, to.Length),
        (SqlTypeKind.String, SqlTypeKind.Text) => true,
        (SqlTypeKind.Decimal, SqlTypeKind.Decimal) => from.Scale == to.Scale && !Shorter(from.Precision, to.Precision),
        _ => false,
    };

    // Null length means unbounded.
    private static bool Shorter(int? from, int? to) => to is { } t && (from is null || t < from);
}
