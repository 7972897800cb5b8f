using System.Data.Common;
using System.Globalization;
using DiffMigrate.Inspect;
using DiffMigrate.Schema;

namespace DiffMigrate.Providers.MySql;

/// <summary>
/// Reads a MariaDB or MySQL database (the connection's own: a schema is a database there, read as the null schema)
/// from information_schema in one command of seven statements, one round trip, whatever the number of tables.
/// Normalises as it reads: column types through <see cref="MySqlTypeMap"/> (display widths dropped), MariaDB's JSON
/// (LONGTEXT with a json_valid check named after the column) as JSON without that check, defaults in the model's
/// spelling (MariaDB's 'NULL' text is no default; MySQL 8's unquoted literals are quoted), AUTO_INCREMENT as an identity,
/// the index InnoDB makes for a foreign key left out. Views, routines, triggers and events are listed as
/// <see cref="DatabaseSchema.Unmanaged"/>.
/// </summary>
internal sealed partial class MySqlInspector : CatalogInspector<MySqlInspector.CatalogRows>
{
    /// <inheritdoc/>
    protected override DatabaseSchema Build(CatalogRows rows, InspectOptions options) => Build(rows, Excluded(options));

    /// <summary>True when the server announced itself as MariaDB when the connection opened (MySQL 8 otherwise).</summary>
    internal static bool IsMariaDb(DbConnection connection) => connection.ServerVersion.Contains("MariaDB", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    protected override IReadOnlyList<string> Statements(DbConnection connection, InspectOptions options) => MySqlCatalog.Statements(IsMariaDb(connection));

    /// <summary>What each result set keeps of a row, in the order of <see cref="MySqlCatalog.Statements"/>.</summary>
    protected override IEnumerable<Action<DbDataReader>> Readers(CatalogRows rows) =>
    [
        r => { rows.Database = Text(r, 0); rows.Version = Text(r, 1) ?? ""; },
        r => rows.Tables.Add(new TableRow(r.GetString(0), r.GetString(1), Text(r, 2), Text(r, 3))),
        r => rows.Columns.Add(new ColumnRow(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3) == "YES", Text(r, 4), Text(r, 5) ?? "", Text(r, 6), Text(r, 7), Text(r, 8))),
        r => rows.Indexes.Add(new IndexRow(r.GetString(0), r.GetString(1), Long(r, 2) != 0, Text(r, 3), Long(r, 4), Text(r, 5) ?? "BTREE", Text(r, 6))),
        r => rows.ForeignKeys.Add(new ForeignKeyRow(
            r.GetString(0), r.GetString(1), r.GetString(2), Text(r, 3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7))),
        r => rows.Checks.Add(new CheckRow(r.GetString(0), r.GetString(1), r.GetString(2), Text(r, 3) ?? "Table")),
        r => rows.Unmanaged.Add(new UnmanagedRow(r.GetString(0), r.GetString(1), Text(r, 2), Text(r, 3))),
    ];

    private static HashSet<string> Excluded(InspectOptions options) => new(options.ExcludeTables ?? [], StringComparer.OrdinalIgnoreCase);

    // information_schema's text columns come back as strings, some as byte arrays on older servers.
    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetValue(i) switch
    {
        string s => s,
        byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };

    private static long? Long(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);
}
