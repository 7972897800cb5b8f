using DiffMigrate.Diff;
using DiffMigrate.Dialects;
using DiffMigrate.Migrations;
using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Schema;

namespace DiffMigrate.Tests.Diff;

/// <summary>
/// Runs a comparison and checks the invariants every scenario must keep: comparing a schema with itself finds
/// nothing, and reversing diff(a, b) gives the same operations as diff(b, a). The reverse is compared as a multiset:
/// both lists hold the same operations, but each is ordered for its own direction (creates before alters, for one).
/// </summary>
internal static class DiffScenario
{
    public static IReadOnlyList<MigrationOperation> Run(DatabaseSchema from, DatabaseSchema to, Dialect? dialect = null, DiffOptions? options = null)
    {
        var differ = new SchemaDiffer(options ?? new DiffOptions(dialect ?? SqliteDialect.Instance));
        Assert.IsEmpty(differ.Diff(from, from), "diff(a, a)");
        Assert.IsEmpty(differ.Diff(to with { Renames = default }, to with { Renames = default }), "diff(b, b)");
        var forward = differ.Diff(from, to);
        if (to.Renames.IsEmpty)
        {
            var reversed = OperationReverser.ReverseAll(forward).ToList();
            var backward = differ.Diff(to, from).ToList();
            CollectionAssert.AreEquivalent(backward, reversed, "reverse(diff(a, b)) must equal diff(b, a)");
        }
        return forward;
    }

    public static DatabaseSchema Db(params Table[] tables) => new(tables.OrderBy(t => t.Name).ToEquatableArray());

    public static Table Table(string name, params Column[] columns) =>
        new(name, columns.Length == 0 ? [Id()] : columns, new PrimaryKey($"pk_{name}", ["id"]));

    public static Column Id() => new("id", SqlType.Int32, Identity: new Identity());

    public static Column Col(string name, SqlType? type = null, bool nullable = false, string? defaultSql = null, string? comment = null) =>
        new(name, type ?? SqlType.Int32, nullable, defaultSql, Comment: comment);

    public static ForeignKey Fk(string table, string column, string referred, ReferentialAction onDelete = ReferentialAction.NoAction, string? name = null) =>
        new(name ?? $"fk_{table}_{column}_{referred}", [column], referred, ["id"], onDelete);

    public static string Describe(IEnumerable<MigrationOperation> operations) =>
        string.Join(" | ", operations.Select(o => o.GetType().Name + ":" + o.TableName));
}
