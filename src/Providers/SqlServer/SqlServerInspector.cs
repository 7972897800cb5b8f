using System.Data.Common;
using System.Globalization;
using DiffMigrate.Inspect;
using DiffMigrate.Schema;

namespace DiffMigrate.Providers.SqlServer;

/// <summary>
/// Reads a SQL Server database from the <c>sys.*</c> catalog views in one command of ten statements (one round trip),
/// whatever the number of tables: the default schema (<c>SCHEMA_NAME()</c>, dbo as a rule) as the null schema, the
/// schemas named in the options or all user schemas. Normalises as it reads: catalog types (lengths in bytes, -1 for
/// MAX) as neutral types through <see cref="SqlServerTypeMap"/>, IDENTITY(seed, increment) as an identity, computed
/// columns as generated ones (PERSISTED stored, others virtual), a collation only where it is not the database's, and
/// defaults, checks, computed columns and filters from SQL Server's stored spelling (<c>((0))</c>, <c>([a]&gt;(0))</c>)
/// into the model's (<see cref="SqlServerStoredForms"/>). Views, functions, procedures and DML triggers are read from
/// sys.sql_modules as defined objects (the text SQL Server kept, which is what was sent: a view's query after its
/// <c>CREATE VIEW name AS</c>, the others' whole CREATE statement); synonyms, CLR objects, modules whose text cannot be
/// read, views with a column list or WITH options, non-row-store indexes and the schemas not read are listed as
/// <see cref="DatabaseSchema.Unmanaged"/>. Built and tested on catalog rows made
/// in memory; it has not run against a live server.
/// </summary>
internal sealed partial class SqlServerInspector : CatalogInspector<SqlServerInspector.CatalogRows>
{
    /// <inheritdoc/>
    protected override DatabaseSchema Build(CatalogRows rows, InspectOptions options) => Build(rows, Excluded(options));

    /// <inheritdoc/>
    protected override IReadOnlyList<string> Statements(DbConnection connection, InspectOptions options) =>
        SqlServerCatalog.Statements(options.Schemas ?? [], options.AllSchemas);

    /// <summary>What each result set keeps of a row, in the order of <see cref="SqlServerCatalog.Statements"/>.</summary>
    protected override IEnumerable<Action<DbDataReader>> Readers(CatalogRows rows) =>
    [
        r => { rows.DefaultSchema = Text(r, 0) ?? "dbo"; rows.Collation = Text(r, 1); },
        r => rows.Schemas.Add(r.GetString(0)),
        r => rows.Tables.Add(new TableRow(r.GetString(0), r.GetString(1), Text(r, 2))),
        r => rows.Columns.Add(new ColumnRow(
            r.GetString(0), r.GetString(1), r.GetString(2), Text(r, 3) ?? "", Bool(r, 4), Text(r, 5), Int(r, 6), Int(r, 7), Int(r, 8), Bool(r, 9),
            Text(r, 10), Text(r, 11), Text(r, 12), Text(r, 13), Bool(r, 14), Bool(r, 15), Long(r, 16), Long(r, 17), Text(r, 18))),
        r => rows.Indexes.Add(new IndexRow(
            r.GetString(0), r.GetString(1), r.GetString(2), Bool(r, 3), Bool(r, 4), Bool(r, 5), Int(r, 6), Text(r, 7), r.GetString(8), Bool(r, 9), Bool(r, 10))),
        r => rows.ForeignKeys.Add(new ForeignKeyRow(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8))),
        r => rows.Checks.Add(new CheckRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3))),
        r => rows.Sequences.Add(new SequenceRow(
            r.GetString(0), r.GetString(1), Text(r, 2) ?? "bigint", Long(r, 3), Long(r, 4), Long(r, 5), Long(r, 6), Bool(r, 7), Bool(r, 8), Long(r, 9))),
        r => rows.Unmanaged.Add(new UnmanagedRow(r.GetString(0), Text(r, 1), r.GetString(2), Text(r, 3), Text(r, 4))),
        r => rows.Modules.Add(new ModuleRow(r.GetString(0), r.GetString(1), r.GetString(2).Trim(), Text(r, 3), Text(r, 4), r.GetString(5))),
    ];

    // Names compare without case in SQL Server (the default collations are case-insensitive), the version table's too.
    private static HashSet<string> Excluded(InspectOptions options) => new(options.ExcludeTables ?? [], StringComparer.OrdinalIgnoreCase);

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture);

    // bit, tinyint, smallint and int come back as bool, byte, short and int: read each as the one type it means here.
    private static bool Bool(DbDataReader r, int i) => !r.IsDBNull(i) && Convert.ToBoolean(r.GetValue(i), CultureInfo.InvariantCulture);

    private static int Int(DbDataReader r, int i) => r.IsDBNull(i) ? 0 : Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    private static long? Long(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);
}
