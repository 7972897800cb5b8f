using DiffMigrate.Migrations;
using DiffMigrate.Providers;

namespace DiffMigrate.Tests.Diff;

/// <summary>MariaDB's and MySQL's online-DDL lint (DM401, DM402): what copies the table, and what InnoDB does in place.</summary>
[TestClass]
public sealed class MySqlLintTests
{
    private static readonly QualifiedName Posts = "posts";

    private static List<string> Codes(MigrationOperation operation) =>
        [.. DatabaseProviders.MySql.Lint([operation]).Select(f => f.Code).Where(c => c.StartsWith("DM4", StringComparison.Ordinal))];

    private static AlterColumn Retype(SqlType from, SqlType to) => new(Posts, new Column("c", from, Nullable: true), new Column("c", to, Nullable: true));

    [TestMethod]
    [DataRow(50, 60, false)]     // 200 to 240 bytes: one length byte either side
    [DataRow(50, 100, true)]     // 200 to 400 bytes: the length takes a second byte, the table is copied
    [DataRow(100, 200, false)]   // two length bytes either side
    [DataRow(200, 100, true)]    // shorter: copied (and checked row by row)
    public void Widening_a_varchar_is_in_place_unless_its_length_needs_another_byte(int from, int to, bool copies) =>
        CollectionAssert.AreEqual(copies ? new[] { "DM401" } : Array.Empty<string>(), Codes(Retype(SqlType.String(from), SqlType.String(to))));

    [TestMethod]
    public void A_type_change_copies_the_table_and_says_from_what_to_what()
    {
        var finding = DatabaseProviders.MySql.Lint([Retype(SqlType.Int32, SqlType.Int64)]).Single(f => f.Code == "DM401");
        StringAssert.Contains(finding.Message, "INT to BIGINT");
    }

    [TestMethod]
    public void An_enum_given_values_at_its_end_is_in_place_any_other_change_copies()
    {
        var mood = SqlType.Enum("mood", "sad", "ok");
        Assert.IsEmpty(Codes(Retype(mood, SqlType.Enum("mood", "sad", "ok", "happy"))));
        CollectionAssert.AreEqual(new[] { "DM401" }, Codes(Retype(mood, SqlType.Enum("mood", "happy", "sad", "ok"))));
        CollectionAssert.AreEqual(new[] { "DM401" }, Codes(Retype(mood, SqlType.Enum("mood", "sad"))));
    }

    [TestMethod]
    public void Stored_generated_columns_and_dropped_keys_copy_virtual_ones_do_not()
    {
        CollectionAssert.AreEqual(new[] { "DM401" }, Codes(new AddColumn(Posts, new Column("twice", SqlType.Int32, Nullable: true, Computed: "views * 2"))));
        Assert.IsEmpty(Codes(new AddColumn(Posts, new Column("twice", SqlType.Int32, Nullable: true, Computed: "views * 2", ComputedVirtual: true))));
        CollectionAssert.AreEqual(new[] { "DM401" }, Codes(new DropPrimaryKey(Posts, new PrimaryKey(null, ["id"]))));
    }

    [TestMethod]
    public void Online_changes_are_not_findings()
    {
        var column = new Column("c", SqlType.String(20), Nullable: true);
        MigrationOperation[] online =
        [
            new AddColumn(Posts, column),
            new DropColumn(Posts, column),
            new CreateIndex(Posts, new TableIndex("ix_posts_c", ["c"])),
            new AlterColumn(Posts, column, column with { Default = "'x'" }),
            new AlterColumn(Posts, column, column with { Nullable = false }),
            new RenameColumn(Posts, "c", "d"),
        ];
        foreach (var operation in online) Assert.IsEmpty(Codes(operation), operation.GetType().Name);
    }

    [TestMethod]
    public void A_foreign_key_on_an_existing_table_copies_it_but_not_on_a_table_of_the_same_revision()
    {
        var key = new ForeignKey("fk_posts_author_id_authors", ["author_id"], "authors", ["id"]);
        CollectionAssert.AreEqual(new[] { "DM402" }, Codes(new AddForeignKey(Posts, key)));
        var created = DatabaseProviders.MySql.Lint([new CreateTable(new Table(Posts, [new Column("author_id", SqlType.Int32)])), new AddForeignKey(Posts, key)]);
        Assert.IsEmpty(created.Where(f => f.Code.StartsWith("DM4", StringComparison.Ordinal)).ToList());
    }

    [TestMethod]
    public void The_lint_is_MySQLs_alone() =>
        Assert.IsEmpty(DatabaseProviders.Postgres.Lint([Retype(SqlType.Int32, SqlType.Int64)]).Where(f => f.Code.StartsWith("DM4", StringComparison.Ordinal)).ToList());
}
