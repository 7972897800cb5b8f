using DiffMigrate.Design.Commands;
using DiffMigrate.Diff;
using DiffMigrate.Dialects;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Schema;

namespace DiffMigrate.Tests.Runner;

/// <summary>A changed column is described by what the dialect stores differently, never by a spelling it stores the same.</summary>
[TestClass]
public sealed class ColumnChangeTextTests
{
    private static readonly QualifiedName T = new(null, "t");

    private static string Describe(Dialect dialect, Column existing, Column column) => string.Join("\n", new SchemaDiffer(new DiffOptions(dialect))
        .Diff(new DatabaseSchema([new Table(T, [existing])]), new DatabaseSchema([new Table(T, [column])])).Select(o => OperationText.Describe(o, dialect)));

    [TestMethod]
    public void A_default_only_change_names_no_type_spelled_differently_but_stored_the_same()
    {
        // int4 is integer, bytea has no length on PostgreSQL: only the default changed.
        Assert.AreEqual("~ column t.v: default 1 -> 2",
            Describe(PostgresDialect.Instance, new Column("v", SqlType.Raw("int4"), Default: "1"), new Column("v", SqlType.Int32, Default: "2")));
        Assert.AreEqual("~ column t.b: default '\\x01'::bytea -> '\\x02'",
            Describe(PostgresDialect.Instance, new Column("b", SqlType.Binary(), Default: "'\\x01'::bytea"), new Column("b", SqlType.Binary(16), Default: "'\\x02'")));
        // An enum on SQLite is the VARCHAR of its longest value.
        Assert.AreEqual("~ column t.m: default 'a' -> 'bb'",
            Describe(SqliteDialect.Instance, new Column("m", SqlType.String(2), Default: "'a'"), new Column("m", SqlType.Enum("mood", ["a", "bb"]), Default: "'bb'")));
    }

    [TestMethod]
    public void A_type_only_change_names_no_default_spelled_differently_but_the_same()
    {
        Assert.AreEqual("~ column t.s: type String(10) -> String(20)",
            Describe(PostgresDialect.Instance, new Column("s", SqlType.String(10), Default: "'x'::character varying"), new Column("s", SqlType.String(20), Default: "'x'")));
        Assert.AreEqual("~ column t.n: type Decimal(10, 2) -> Decimal(12, 2)",
            Describe(SqliteDialect.Instance, new Column("n", SqlType.Decimal(10, 2), Default: "'1.50'"), new Column("n", SqlType.Decimal(12, 2), Default: "1.5")));
    }

    [TestMethod]
    public void What_really_changed_is_named_all_of_it()
    {
        Assert.AreEqual("~ column t.s: type String(10) -> Text, NOT NULL, default 'x' -> 'y'",
            Describe(PostgresDialect.Instance, new Column("s", SqlType.String(10), Nullable: true, Default: "'x'"), new Column("s", SqlType.Text, Nullable: false, Default: "'y'")));
        // Without the dialect, as before: every part written differently.
        var existing = new Column("v", SqlType.Raw("int4"), Default: "1");
        var column = new Column("v", SqlType.Int32, Default: "2");
        var operation = new SchemaDiffer(new DiffOptions(PostgresDialect.Instance))
            .Diff(new DatabaseSchema([new Table(T, [existing])]), new DatabaseSchema([new Table(T, [column])])).Single();
        StringAssert.Contains(OperationText.Describe(operation), "type Raw(int4) -> Int32");
    }
}
