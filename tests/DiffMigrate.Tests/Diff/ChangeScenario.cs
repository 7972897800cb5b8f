using DiffMigrate.Diff;
using DiffMigrate.Migrations;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Schema;

namespace DiffMigrate.Tests.Diff;

/// <summary>Builders and the round-trip checks every differ scenario goes through.</summary>
internal static class ChangeScenario
{
    public static Table T(QualifiedName name, params TableElement[] elements) => TableBuilder.Build(name, elements);

    public static DatabaseSchema S(params Table[] tables) => new(tables.OrderBy(t => t.Name).ToEquatableArray());

    public static Column Id => new("id", SqlType.Int32);

    public static PrimaryKey Pk(params string[] columns) => new(null, columns);

    public static ForeignKey Fk(string column, QualifiedName referred, string? name = null) => new(name, [column], referred, ["id"]);

    public static IReadOnlyList<MigrationOperation> Compare(DatabaseSchema from, DatabaseSchema to, DiffOptions? options = null) =>
        new SchemaDiffer(options ?? new DiffOptions(PostgresDialect.Instance)).Diff(from, to);

    /// <summary>
    /// Diffs <paramref name="a"/> to <paramref name="b"/> after checking that each side diffs empty against itself
    /// and, when <paramref name="reversible"/> (no rename hints), that the reverse of the forward diff holds the same
    /// operations as the backward diff. That last check is a multiset comparison: the reverser emits the operations in
    /// reverse order while the differ emits them in its own prescribed order, so only the contents must agree.
    /// </summary>
    public static IReadOnlyList<MigrationOperation> Check(DatabaseSchema a, DatabaseSchema b, DiffOptions? options = null, bool reversible = true)
    {
        Assert.IsEmpty(Compare(a, a, options), "diff(a, a) must be empty: " + Show(Compare(a, a, options)));
        Assert.IsEmpty(Compare(b, b, options), "diff(b, b) must be empty: " + Show(Compare(b, b, options)));
        var forward = Compare(a, b, options);
        if (reversible)
        {
            var reversed = OperationReverser.ReverseAll(forward);
            var backward = Compare(b, a, options);
            Assert.AreEqual(Multiset(backward), Multiset(reversed), $"reverse(diff(a, b)):\n{Show(reversed)}\ndiff(b, a):\n{Show(backward)}");
        }
        return forward;
    }

    public static string Show(IEnumerable<MigrationOperation> operations) => string.Join("\n", operations);

    /// <summary>The operations as a sorted list of their printed forms, so that order does not count.</summary>
    private static string Multiset(IEnumerable<MigrationOperation> operations) =>
        string.Join("\n", operations.Select(o => o.ToString()).Order(StringComparer.Ordinal));
}
