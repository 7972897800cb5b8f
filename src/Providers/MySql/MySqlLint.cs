using DiffMigrate.Diff.Lint;
using DiffMigrate.Dialects;
using DiffMigrate.Migrations;

namespace DiffMigrate.Providers.MySql;

/// <summary>
/// MariaDB's and MySQL's online-DDL rules: the changes InnoDB can only make by copying the table (ALGORITHM=COPY),
/// during which writes to it wait. Everything else it does in place or instantly (adding or dropping a column or an
/// index, a default, a comment, a rename, NULL to NOT NULL with a rebuild that lets writes go on).
/// </summary>
internal sealed class MySqlLint : DialectLint
{
    // utf8mb4 takes up to 4 bytes a character; a VARCHAR of up to 255 bytes keeps its length in one byte, a longer one in
    // two, and widening across that line copies the table.
    private const int OneLengthByteCharacters = 255 / 4;

    public override IReadOnlyList<(string Code, LintSeverity Severity, string Meaning)> Rules { get; } =
    [
        ("DM401", LintSeverity.Warning, "MariaDB/MySQL: the change copies the table (ALGORITHM=COPY): writes wait until every row is copied"),
        ("DM402", LintSeverity.Warning, "MariaDB/MySQL: a foreign key added to an existing table copies it (unless foreign_key_checks is off)"),
    ];

    public override IEnumerable<LintFinding> Check(MigrationOperation operation, Dialect dialect, int index)
    {
        // What the copy means: writes wait, or, where the revision asks for less (no copy, or no lock), the server refuses.
        var outcome = operation is TableEdit { Online: { } online } && Refused(online) is { } clause
            ? $": the {clause} asked here makes the server refuse it, and the revision stops there"
            : "; writes wait";
        return Copies(operation, dialect, index, outcome);
    }

    private static string? Refused(OnlineDdl online) => online.Algorithm switch
    {
        DdlAlgorithm.Instant or DdlAlgorithm.InPlace => "ALGORITHM=" + online.Algorithm.ToString().ToUpperInvariant(),
        _ when online.Lock == DdlLock.None => "LOCK=NONE",
        _ => null,
    };

    private IEnumerable<LintFinding> Copies(MigrationOperation operation, Dialect dialect, int index, string outcome)
    {
        switch (operation)
        {
            case AlterColumn o:
                var (before, after) = (dialect.Types.Normalize(o.Existing.Type), dialect.Types.Normalize(o.Column.Type));
                if (before != after && !InPlace(before, after))
                {
                    yield return Finding("DM401", o.Table, $"copies table {o.Table} to change {o.Column.Name}'s type ({dialect.Types.ToSql(before)} to {dialect.Types.ToSql(after)}){outcome}", index);
                }
                else if (o.Column.Computed is not null && !o.Column.ComputedVirtual && o.Column.Computed != o.Existing.Computed)
                {
                    yield return Finding("DM401", o.Table, $"copies table {o.Table} to change the stored generated column {o.Column.Name}{outcome}", index);
                }
                break;
            case AddColumn { Column: { Computed: not null, ComputedVirtual: false } column } o:
                yield return Finding("DM401", o.Table, $"copies table {o.Table} to add the stored generated column {column.Name}{outcome}", index);
                break;
            case DropPrimaryKey o:
                yield return Finding("DM401", o.Table, $"copies table {o.Table} to drop its primary key{outcome}", index);
                break;
            case AddForeignKey o:
                yield return Finding("DM402", o.Table, $"copies table {o.Table} to add foreign key {o.ForeignKey.Name} (in place only with foreign_key_checks off){outcome}", index);
                break;
        }
    }

    /// <summary>
    /// True when InnoDB changes the type in place: a VARCHAR made longer on the same side of the one-length-byte line,
    /// or an ENUM given new values at its end.
    /// </summary>
    private static bool InPlace(SqlType from, SqlType to) => (from.Kind, to.Kind) switch
    {
        (SqlTypeKind.String, SqlTypeKind.String) => from.Length is { } a && to.Length is { } b && b >= a
            && (b <= OneLengthByteCharacters || a > OneLengthByteCharacters),
        (SqlTypeKind.Enum, SqlTypeKind.Enum) => to.Values.Count >= from.Values.Count && from.Values.SequenceEqual(to.Values.Take(from.Values.Count)),
        _ => false,
    };
}
