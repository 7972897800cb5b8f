using DiffMigrate.Design.Pipeline;
using DiffMigrate.Providers;
using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Schema;

namespace DiffMigrate.Tests.Diff;

/// <summary>Types, defaults and expressions worked out once and kept: what is kept must be what would be worked out.</summary>
[TestClass]
public sealed class NormalizerMemoTests
{
    [TestMethod]
    public void A_type_the_dialect_cannot_hold_fails_every_time_not_only_the_first()
    {
        var comparison = new SchemaComparison(DatabaseProviders.MySql, new ComparisonOptions());
        var model = new DatabaseSchema([new Table(new QualifiedName(null, "t"), [new Column("at", SqlType.DateTimeOffset)])]);
        for (var i = 0; i < 2; i++) Assert.ThrowsExactly<DiffMigrateException>(() => comparison.Diff(DatabaseSchema.Empty, model));
    }

    [TestMethod]
    public void The_same_default_under_two_types_is_kept_apart()
    {
        // '5' is the integer 5 on an INTEGER column and stays the text '5' on a BLOB one: a key of the text alone would mix them.
        var comparison = new SchemaComparison(DatabaseProviders.Sqlite, new ComparisonOptions());
        Table Table(SqlType type, string value) => new(new QualifiedName(null, "t"), [new Column("c", type, Default: value)]);
        DatabaseSchema Db(Table table) => new([table]);
        Assert.AreEqual(0, comparison.Diff(Db(Table(SqlType.Int32, "'5'")), Db(Table(SqlType.Int32, "5"))).Count, "the same integer");
        Assert.AreNotEqual(0, comparison.Diff(Db(Table(SqlType.Binary(), "'5'")), Db(Table(SqlType.Binary(), "5"))).Count, "no affinity: text and a number");
    }

    [TestMethod]
    public void Declared_types_are_read_as_the_map_reads_them_and_kept()
    {
        var types = new KnownAnswers<string, SqlType>(SqliteTypeMap.Instance.Parse, StringComparer.Ordinal);
        foreach (var declared in new[] { "INTEGER", "VARCHAR(120)", "NUMERIC(10, 2)", "  double precision ", "STRANGE(x)" })
        {
            var first = types.For(declared);
            Assert.AreEqual(SqliteTypeMap.Instance.Parse(declared), first, declared);
            Assert.AreSame(first, types.For(declared), declared + ": read once");
        }
    }
}
