using DiffMigrate.Diff;
using DiffMigrate.Migrations;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Schema;
using static DiffMigrate.Tests.Diff.DiffScenario;

namespace DiffMigrate.Tests.Diff;

/// <summary>What the PostgreSQL comparison corpus found, pinned without a server.</summary>
[TestClass]
public sealed class ComparisonCorpusFindingTests
{
    private static DatabaseSchema WithEnum(params string[] values) =>
        Db(Table("t", Id(), Col("m", SqlType.Enum("mood", values)))) with { Enums = [new EnumType("mood", values)] };

    [TestMethod]
    public void Enum_values_in_another_order_are_a_reorder()
    {
        var ops = Run(WithEnum("sad", "happy"), WithEnum("happy", "sad"), PostgresDialect.Instance);
        CollectionAssert.AreEqual(new MigrationOperation[] { new ReorderEnumValues("mood", ["sad", "happy"], ["happy", "sad"]) }, ops.ToArray());
    }

    [TestMethod]
    public void A_reorder_follows_an_added_value_that_cannot_be_placed_in_order()
    {
        // Not through Run: with values both added and moved, each direction passes through its own intermediate order.
        var ops = new SchemaDiffer(new DiffOptions(PostgresDialect.Instance)).Diff(WithEnum("a", "b"), WithEnum("b", "c", "a"));
        Assert.AreEqual("AddEnumValue: | ReorderEnumValues:", Describe(ops));
        var reorder = (ReorderEnumValues)ops[1];
        CollectionAssert.AreEqual(new[] { "b", "c", "a" }, reorder.Values.ToArray());
        CollectionAssert.AreEquivalent(reorder.Values.ToArray(), reorder.Existing.ToArray());
    }

    [TestMethod]
    public void A_reorder_of_other_values_is_refused_in_one_line()
    {
        var error = Assert.ThrowsExactly<DiffMigrateException>(() =>
            new PostgresSqlRenderer().Render([new ReorderEnumValues("mood", ["sad", "happy"], ["happy", "ok"])]));
        StringAssert.Contains(error.Message, "enum mood");
    }

    [TestMethod]
    public void Boolean_and_the_other_integer_sizes_convert_through_integer()
    {
        string Alter(SqlType from, SqlType to) => new PostgresSqlRenderer()
            .Render([new AlterColumn("t", new Column("x", from, Nullable: true), new Column("x", to, Nullable: true))]).Single().Text;
        Assert.AreEqual("ALTER TABLE t ALTER COLUMN x TYPE smallint USING x::integer::smallint", Alter(SqlType.Boolean, SqlType.Int16));
        Assert.AreEqual("ALTER TABLE t ALTER COLUMN x TYPE boolean USING x::integer::boolean", Alter(SqlType.Int64, SqlType.Boolean));
        Assert.AreEqual("ALTER TABLE t ALTER COLUMN x TYPE boolean USING x::boolean", Alter(SqlType.Int32, SqlType.Boolean));
    }

    [TestMethod]
    public void A_new_generation_expression_replaces_the_column_and_what_uses_it_on_PostgreSQL()
    {
        Table With(string? computed) => Table("t", Id(), Col("x"), new Column("y", SqlType.Int32, Nullable: true, Computed: computed)) with
        {
            Indexes = [new TableIndex("ix_t_y", ["y"]), new TableIndex("ix_t_x", ["x"])],
            CheckConstraints = [new CheckConstraint("ck_t_y", "y > 0"), new CheckConstraint("ck_t_x", "x > 0")],
        };
        var ops = Run(Db(With("x + 1")), Db(With("x + 2")), PostgresDialect.Instance);
        Assert.AreEqual("DropIndex:t | DropCheckConstraint:t | DropColumn:t | AddColumn:t | AddCheckConstraint:t | CreateIndex:t", Describe(ops));
        Assert.AreEqual("ix_t_y", ((DropIndex)ops[0]).Index.Name);
        Assert.AreEqual("ck_t_y", ((AddCheckConstraint)ops[4]).Constraint.Name);
        Assert.AreEqual("x + 2", ((AddColumn)ops[3]).Column.Computed);

        var differ = new SchemaDiffer(new DiffOptions(PostgresDialect.Instance));
        Assert.AreEqual("DropIndex:t | DropCheckConstraint:t | DropColumn:t | AddColumn:t | AddCheckConstraint:t | CreateIndex:t",
            Describe(differ.Diff(Db(With(null)), Db(With("x + 2")))), "a plain column made generated");
        Assert.AreEqual("AlterColumn:t", Describe(differ.Diff(Db(With("x + 2")), Db(With(null)))), "PostgreSQL drops an expression in place");
        Assert.AreEqual("AlterColumn:t", Describe(new SchemaDiffer(new DiffOptions(SqliteDialect.Instance)).Diff(Db(With("x + 1")), Db(With("x + 2")))),
            "SQLite rebuilds the table anyway");
    }

    [TestMethod]
    public void Column_names_that_differ_in_case_are_different_columns_on_PostgreSQL_only()
    {
        var folded = Db(Table("t", Id(), Col("amount")));
        var quoted = Db(Table("t", Id(), Col("Amount")));
        Assert.AreEqual("AddColumn:t | DropColumn:t", Describe(Run(folded, quoted, PostgresDialect.Instance)));
        Assert.IsEmpty(Run(folded, quoted, SqliteDialect.Instance));
        var renamed = new SchemaDiffer(new DiffOptions(PostgresDialect.Instance)).Diff(folded, quoted with { Renames = [new RenameHint("t", "Amount", "amount")] });
        CollectionAssert.AreEqual(new MigrationOperation[] { new RenameColumn("t", "amount", "Amount") }, renamed.ToArray());
    }

    [TestMethod]
    public void An_empty_comment_is_no_comment()
    {
        var none = Db(Table("t", Id(), Col("v")));
        var empty = Db(Table("t", Id(), Col("v", comment: "")) with { Comment = "" });
        Assert.IsEmpty(Run(none, empty, PostgresDialect.Instance));
        var commented = Db(Table("t", Id(), Col("v", comment: "the v")) with { Comment = "the t" });
        Assert.AreEqual("AlterColumn:t | AlterTableComment:t", Describe(Run(commented, empty, PostgresDialect.Instance)));
        Assert.IsEmpty(Run(none, empty, SqliteDialect.Instance));
    }
}
