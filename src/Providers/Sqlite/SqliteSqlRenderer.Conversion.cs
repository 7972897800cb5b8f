using System.Globalization;
using System.Text;
using DiffMigrate.Render;

namespace DiffMigrate.Providers.Sqlite;

/// <summary>
/// The loss check of a rebuild that changes a column's affinity. SQLite converts a value to the new column's affinity
/// only when nothing is lost (text to a number only when it is a well-formed number that fits; a REAL to INTEGER only
/// when it is whole) and otherwise stores it as it was, so a value whose storage class the new affinity does not
/// produce is one that did not convert. A TEMP trigger on the new table stops the copy at the first such row (in an
/// offline script too, where nothing else could); online, the copy's diagnosis then finds the row and its value.
/// </summary>
internal sealed partial class SqliteSqlRenderer
{
    private const string CheckTable = "_dm_check";

    /// <summary>
    /// A copied column: <see cref="Source"/> is the expression over the old row; <see cref="Accepted"/> are the
    /// storage classes (typeof) a lossless conversion leaves, or null when the column is not checked.
    /// </summary>
    private sealed record ColumnCopy(Column Column, string Source, string DeclaredType, string Affinity, string[]? Accepted);

    /// <summary>
    /// The storage classes that the affinity turns converted values into; null for BLOB (no affinity), which keeps
    /// everything as it is. Dates, times, UUIDs and JSON are text in SQLite (the functions that read them take text),
    /// though their type names give NUMERIC affinity, which keeps such text as it is: there text is no loss either.
    /// </summary>
    private static string[]? Accepted(string affinity, SqlType type) => affinity switch
    {
        "NUMERIC" when type.Kind is SqlTypeKind.Date or SqlTypeKind.Time or SqlTypeKind.DateTime or SqlTypeKind.DateTimeOffset
            or SqlTypeKind.Uuid or SqlTypeKind.Json => ["integer", "real", "text", "null"],
        "INTEGER" => ["integer", "null"],
        // REAL affinity stores integers as reals too.
        "REAL" => ["real", "null"],
        "NUMERIC" => ["integer", "real", "null"],
        // A blob keeps its storage class under TEXT affinity: there is no text it could become.
        "TEXT" => ["text", "null"],
        _ => null,
    };

    private static string GuardName(int i) => "_dm_check_" + i.ToString(CultureInfo.InvariantCulture);

    /// <summary>The TEMP trigger that aborts the copy (and with it the run or the script) at the first value that does not convert.</summary>
    private string Guard(QualifiedName table, QualifiedName temporary, ColumnCopy copy, int i) =>
        // In a script, only a shell that stops at the first error (sqlite3 -bail) keeps the later DROP TABLE from running.
        (i == 0 ? "-- Stops the copy at a value that does not convert: run this script so that it stops at the first error (sqlite3 -bail).\n" : "") +
        $"CREATE TEMP TRIGGER {Syntax.QuoteIdentifier(GuardName(i))} AFTER INSERT ON {Syntax.Quote(temporary)}\n" +
        $"WHEN {NotAccepted($"NEW.{Syntax.QuoteIdentifier(copy.Column.Name)}", copy)}\n" +
        $"BEGIN SELECT RAISE(ABORT, {Syntax.StringLiteral(
            $"DiffMigrate: {Where(table, copy)}: a value does not convert to {Target(copy)} without loss, so {Shown(table.ToString())} was not rebuilt " +
            $"and nothing is committed. {Remedy(copy)}")}); END";

    /// <summary>
    /// SQL that names the first row whose value does not convert, with the value: the old rows are converted again,
    /// into a TEMP table whose columns have the new affinities, next to the values as they were (no affinity).
    /// It runs after the copy failed, in the transaction that is then rolled back.
    /// </summary>
    private string Diagnosis(QualifiedName table, IReadOnlyList<ColumnCopy> checks)
    {
        var check = $"temp.{Syntax.QuoteIdentifier(CheckTable)}";
        var columns = checks.Select((c, i) => $"\"o{i}\", \"c{i}\" {c.DeclaredType}");
        var found = checks.Select((c, i) =>
            $"SELECT \"row\", {i} AS \"k\", {Syntax.StringLiteral(Where(table, c) + ": the value ")} || {ShownValue($"\"o{i}\"")} || ' (row ' || \"row\" || " +
            $"{Syntax.StringLiteral($") does not convert to {Target(c)} without loss, so {Shown(table.ToString())} was not rebuilt. {Remedy(c)}")} AS \"message\"\n" +
            $"FROM {check} WHERE {NotAccepted($"\"c{i}\"", c)}");
        return new StringBuilder()
            .Append($"DROP TABLE IF EXISTS {check};\n")
            .Append($"CREATE TEMP TABLE {Syntax.QuoteIdentifier(CheckTable)} (\"row\", {string.Join(", ", columns)});\n")
            .Append($"INSERT INTO {check} SELECT rowid, {string.Join(", ", checks.Select(c => $"{c.Source}, {c.Source}"))} FROM {Syntax.Quote(table)};\n")
            .Append($"SELECT \"message\" FROM (\n{string.Join("\nUNION ALL\n", found)}\n) ORDER BY \"row\", \"k\" LIMIT 1")
            .ToString();
    }

    private string NotAccepted(string value, ColumnCopy copy) =>
        $"typeof({value}) NOT IN ({string.Join(", ", copy.Accepted!.Select(Syntax.StringLiteral))})";

    private static string Target(ColumnCopy copy) =>
        string.Equals(copy.DeclaredType, copy.Affinity, StringComparison.OrdinalIgnoreCase) ? copy.DeclaredType : $"{copy.DeclaredType} ({copy.Affinity} affinity)";

    private static string Where(QualifiedName table, ColumnCopy copy) => $"{Shown(table.ToString())}.{Shown(copy.Column.Name)}";

    private static string Remedy(ColumnCopy copy) =>
        $"To convert such values on purpose, give the AlterColumn of {Shown(copy.Column.Name)} an explicit conversion, usingSql: \"<SQL expression over the old row>\" " +
        $"(CAST(... AS {copy.DeclaredType}) turns text that is not a number into 0), or correct the data first.";

    /// <summary>A value as quote() shows it, kept short and on one line (SQL).</summary>
    private static string ShownValue(string column) =>
        $"replace(replace(CASE WHEN length(quote({column})) > 60 THEN substr(quote({column}), 1, 57) || '...' ELSE quote({column}) END, char(10), '\\n'), char(13), '\\r')";

    /// <summary>A name in a message, on one line: line terminators and every other hidden character escaped.</summary>
    private static string Shown(string name) => VisibleText.Escape(name);
}
