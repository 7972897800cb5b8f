using System.Data.Common;
using DiffMigrate.Inspect;
using DiffMigrate.Schema;

namespace DiffMigrate.Providers.Postgres;

/// <summary>
/// Reads a PostgreSQL database from the system catalogs in one batch of nine queries (one round trip), whatever
/// the number of tables. Normalises as it reads: the current schema becomes a null schema, catalog type names
/// become neutral types, serial columns become <see cref="Identity.Serial"/> instead of a nextval default,
/// identity options equal to the defaults become null, and expressions keep the server's own spelling. What it
/// does not compare (functions, triggers, grants, other schemas, ...) it lists as <see cref="DatabaseSchema.Unmanaged"/>.
/// </summary>
internal sealed partial class PostgresInspector : CatalogInspector<PostgresInspector.CatalogRows>
{
    /// <inheritdoc/>
    protected override DatabaseSchema Build(CatalogRows rows, InspectOptions options) => Build(rows, Excluded(options));

    /// <inheritdoc/>
    protected override IReadOnlyList<string> Statements(DbConnection connection, InspectOptions options) => PostgresCatalog.Statements;

    /// <inheritdoc/>
    protected override void AddParameters(DbCommand command, InspectOptions options)
    {
        AddParameter(command, "all", options.AllSchemas);
        AddParameter(command, "schemas", (options.Schemas ?? []).ToArray());
    }

    /// <inheritdoc/>
    protected override IEnumerable<Action<DbDataReader>> Readers(CatalogRows rows) => RowReaders(rows);

    /// <summary>What each result set of the catalog batch keeps of a row, in the order of <see cref="PostgresCatalog.Statements"/>.</summary>
    private static IEnumerable<Action<DbDataReader>> RowReaders(CatalogRows rows) =>
    [
        r => { rows.CurrentSchema = r.GetString(0); rows.Schemas.Add(r.GetString(1)); },
        r => rows.Tables.Add(new TableRow(r.GetString(0), r.GetString(1), Text(r, 2), Text(r, 3), Text(r, 4), Text(r, 5), Text(r, 6))),
        r => rows.Columns.Add(new ColumnRow(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetBoolean(4), Text(r, 5), Char(r, 6), Char(r, 7),
            Text(r, 8), Text(r, 9), Char(r, 10), r.GetString(11), r.GetString(12), Char(r, 13), Text(r, 14), Long(r, 15), Long(r, 16),
            Long(r, 17), Long(r, 18), !r.IsDBNull(19) && r.GetBoolean(19), Long(r, 20))),
        r => rows.Constraints.Add(new ConstraintRow(
            r.GetString(0), r.GetString(1), r.GetString(2), Char(r, 3), r.GetFieldValue<string[]>(4), Text(r, 5), Text(r, 6),
            r.GetFieldValue<string[]>(7), Char(r, 8), Char(r, 9), r.GetBoolean(10), r.GetBoolean(11), Text(r, 12), r.GetBoolean(13),
            r.GetBoolean(14), Text(r, 15))),
        r => rows.Indexes.Add(new IndexRow(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetBoolean(3), r.GetString(4), r.GetInt16(5),
            r.GetFieldValue<string[]>(6), r.GetFieldValue<bool[]>(7), r.GetFieldValue<bool[]>(8), Text(r, 9),
            r.GetFieldValue<bool[]>(10), r.GetFieldValue<string?[]>(11), r.GetFieldValue<string?[]>(12), r.GetBoolean(13))),
        r => rows.Enums.Add(new EnumRow(r.GetString(0), r.GetString(1), r.GetFieldValue<string[]>(2))),
        r => rows.Sequences.Add(new SequenceRow(
            r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetBoolean(6), r.GetInt64(7), r.GetString(8))),
        r => rows.Unmanaged.Add(new UnmanagedRow(r.GetString(0), Text(r, 1), r.GetString(2), Text(r, 3), Text(r, 4))),
        r => rows.Domains.Add(ReadDomain(r, 1) with { Schema = r.GetString(0) }),
        r => rows.Views.Add(ViewRow.Read(r)),
        .. RoutineReaders(rows),
    ];

    /// <summary>A domain from the columns of <see cref="PostgresCatalog.DomainColumns"/>, starting at <paramref name="at"/> (its schema left empty).</summary>
    internal static DomainRow ReadDomain(DbDataReader r, int at) => new("", r.GetString(at), r.GetString(at + 1), r.GetBoolean(at + 2), Text(r, at + 3), Text(r, at + 4),
        r.GetFieldValue<string[]>(at + 5), r.GetFieldValue<string[]>(at + 6));

    private static HashSet<string> Excluded(InspectOptions options) => new(options.ExcludeTables ?? [], StringComparer.Ordinal);

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static long? Long(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    // "char" columns (attidentity, contype, ...) are read as text (a connection that does not load the type catalog
    // knows no "char"); empty means "none".
    private static char Char(DbDataReader r, int i) => !r.IsDBNull(i) && r.GetString(i) is { Length: > 0 } s ? s[0] : '\0';
}
