using DiffMigrate.Diff;
using DiffMigrate.Migrations;
using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Schema;
using static DiffMigrate.Tests.Diff.ChangeScenario;

namespace DiffMigrate.Tests.Diff;

[TestClass]
public sealed class ChangeKindTests
{
    private static readonly Column Name = new("name", SqlType.String(50));

    private static Table Users(params TableElement[] extra) => T("users", [Id, Name, Pk("id"), .. extra]);

    [TestMethod]
    public void Creating_a_table_emits_CreateTable_without_indexes_then_CreateIndex()
    {
        var index = new TableIndex("ix_users_name", ["name"]);
        var ops = Check(DatabaseSchema.Empty, S(Users(index)));
        Assert.HasCount(2, ops);
        Assert.AreEqual(new CreateTable(Users()), ops[0]);
        Assert.AreEqual(new CreateIndex("users", index), ops[1]);
    }

    [TestMethod]
    public void Dropping_a_table_drops_its_indexes_first_and_carries_the_table_without_them()
    {
        var index = new TableIndex("ix_users_name", ["name"]);
        var ops = Check(S(Users(index)), DatabaseSchema.Empty);
        CollectionAssert.AreEqual(new MigrationOperation[] { new DropIndex("users", index), new DropTable(Users()) }, ops.ToArray());
        Assert.IsTrue(ops[1].IsDestructive);
    }

    [TestMethod]
    public void Adding_a_column_emits_AddColumn_and_removing_it_DropColumn()
    {
        var age = new Column("age", SqlType.Int32, Nullable: true);
        var ops = Check(S(Users()), S(Users(age)));
        CollectionAssert.AreEqual(new MigrationOperation[] { new AddColumn("users", age) }, ops.ToArray());
        CollectionAssert.AreEqual(new MigrationOperation[] { new DropColumn("users", age) }, Compare(S(Users(age)), S(Users())).ToArray());
    }

    public static IEnumerable<object[]> ColumnChanges() =>
    [
        ["type", Name with { Type = SqlType.Text }],
        ["length", Name with { Type = SqlType.String(80) }],
        ["nullability", Name with { Nullable = true }],
        ["default", Name with { Default = "'anonymous'" }],
        ["comment", Name with { Comment = "display name" }],
        ["collation", Name with { Collation = "C" }],
        ["identity", Name with { Type = SqlType.Int64, Identity = new Identity(Always: true) }],
        // A new generation expression replaces the column instead (ComparisonCorpusFindingTests).
    ];

    [TestMethod]
    [DynamicData(nameof(ColumnChanges))]
    public void Each_column_change_is_one_AlterColumn_carrying_both_sides(string kind, Column changed)
    {
        var ops = Check(S(Users()), S(T("users", Id, changed, Pk("id"))));
        Assert.HasCount(1, ops, kind);
        Assert.AreEqual(new AlterColumn("users", Name, changed), ops[0], kind);
    }

    [TestMethod]
    public void Several_changes_to_one_column_are_still_one_AlterColumn()
    {
        var changed = Name with { Type = SqlType.Text, Nullable = true, Default = "'x'" };
        var ops = Check(S(Users()), S(T("users", Id, changed, Pk("id"))));
        Assert.AreEqual(new AlterColumn("users", Name, changed), ops.Single());
    }

    [TestMethod]
    public void A_changed_primary_key_is_dropped_and_added()
    {
        var ops = Check(S(Users()), S(T("users", Id, Name, new PrimaryKey("pk_users", ["id", "name"]))));
        CollectionAssert.AreEqual(new MigrationOperation[]
        {
            new DropPrimaryKey("users", Pk("id")), new AddPrimaryKey("users", new PrimaryKey("pk_users", ["id", "name"])),
        }, ops.ToArray());
    }

    [TestMethod]
    public void A_primary_key_only_named_on_one_side_is_unchanged() =>
        Assert.IsEmpty(Check(S(Users()), S(T("users", Id, Name, new PrimaryKey("pk_users", ["id"])))));

    [TestMethod]
    public void Foreign_keys_are_added_dropped_and_replaced_when_their_signature_changes()
    {
        var parent = T("teams", Id, Pk("id"));
        var column = new Column("team_id", SqlType.Int32, Nullable: true);
        var fk = Fk("team_id", "teams", "fk_users_teams");
        var before = S(parent, Users(column));
        var after = S(parent, Users(column, fk));
        CollectionAssert.AreEqual(new MigrationOperation[] { new AddForeignKey("users", fk) }, Check(before, after).ToArray());

        var cascading = fk with { OnDelete = ReferentialAction.Cascade };
        var ops = Check(after, S(parent, Users(column, cascading)));
        CollectionAssert.AreEqual(new MigrationOperation[] { new DropForeignKey("users", fk), new AddForeignKey("users", cascading) }, ops.ToArray());
    }

    [TestMethod]
    public void A_foreign_key_renamed_between_two_known_names_is_replaced()
    {
        var parent = T("teams", Id, Pk("id"));
        var column = new Column("team_id", SqlType.Int32);
        var ops = Check(S(parent, Users(column, Fk("team_id", "teams", "fk_a"))), S(parent, Users(column, Fk("team_id", "teams", "fk_b"))));
        Assert.HasCount(2, ops);
        Assert.IsInstanceOfType<DropForeignKey>(ops[0]);
        Assert.IsInstanceOfType<AddForeignKey>(ops[1]);
    }

    [TestMethod]
    public void Indexes_match_by_name_and_a_changed_definition_is_dropped_and_created()
    {
        var index = new TableIndex("ix_users_name", ["name"]);
        var unique = index with { IsUnique = true };
        CollectionAssert.AreEqual(new MigrationOperation[] { new CreateIndex("users", index) }, Check(S(Users()), S(Users(index))).ToArray());
        CollectionAssert.AreEqual(new MigrationOperation[] { new DropIndex("users", index), new CreateIndex("users", unique) },
            Check(S(Users(index)), S(Users(unique))).ToArray());
        var filtered = index with { Filter = "name IS NOT NULL" };
        Assert.HasCount(2, Check(S(Users(index)), S(Users(filtered))));
    }

    [TestMethod]
    public void Unique_constraints_match_by_columns()
    {
        var unique = new UniqueConstraint("uq_users_name", ["name"]);
        CollectionAssert.AreEqual(new MigrationOperation[] { new AddUniqueConstraint("users", unique) }, Check(S(Users()), S(Users(unique))).ToArray());
        var wider = new UniqueConstraint("uq_users_name", ["name", "id"]);
        CollectionAssert.AreEqual(new MigrationOperation[] { new DropUniqueConstraint("users", unique), new AddUniqueConstraint("users", wider) },
            Check(S(Users(unique)), S(Users(wider))).ToArray());
    }

    [TestMethod]
    public void Check_constraints_match_by_name_and_a_changed_expression_is_replaced()
    {
        var check = new CheckConstraint("ck_name", "length(name) > 0");
        CollectionAssert.AreEqual(new MigrationOperation[] { new AddCheckConstraint("users", check) }, Check(S(Users()), S(Users(check))).ToArray());
        var stricter = check with { Sql = "length(name) > 2" };
        CollectionAssert.AreEqual(new MigrationOperation[] { new DropCheckConstraint("users", check), new AddCheckConstraint("users", stricter) },
            Check(S(Users(check)), S(Users(stricter))).ToArray());
    }

    [TestMethod]
    public void An_unnamed_check_matches_a_named_one_by_canonical_expression()
    {
        var named = new CheckConstraint("ck_name", "length(name) > 0");
        Assert.IsEmpty(Check(S(Users(named with { Name = null, Sql = "(LENGTH(name)  >  0)" })), S(Users(named))));
        Assert.HasCount(2, Check(S(Users(named with { Name = null, Sql = "length(name) > 1" })), S(Users(named))));
    }

    [TestMethod]
    public void A_table_comment_change_emits_AlterTableComment_with_both_texts()
    {
        var ops = Check(S(Users(new TableComment("old"))), S(Users(new TableComment("new"))));
        CollectionAssert.AreEqual(new MigrationOperation[] { new AlterTableComment("users", "new", "old") }, ops.ToArray());
    }

    [TestMethod]
    public void Per_table_changes_come_in_the_prescribed_order()
    {
        var index = new TableIndex("ix_old", ["name"]);
        var email = new Column("email", SqlType.String(100));
        var before = T("users", Id, Name, new Column("legacy", SqlType.Text), Pk("id"), index);
        var after = T("users", Id, Name with { Nullable = true }, email, Pk("id"), new TableIndex("ix_email", ["email"]));
        var kinds = Check(S(before), S(after)).Select(o => o.GetType().Name).ToArray();
        CollectionAssert.AreEqual(new[] { "AddColumn", "AlterColumn", "DropIndex", "CreateIndex", "DropColumn" }, kinds);
    }

    [TestMethod]
    public void Existing_tables_are_visited_by_name()
    {
        var age = new Column("age", SqlType.Int32);
        var ops = Check(S(T("b", Id), T("a", Id)), S(T("b", Id, age), T("a", Id, age)));
        CollectionAssert.AreEqual(new[] { "a", "b" }, ops.Select(o => o.TableName!.Name).ToArray());
    }

    [TestMethod]
    public void Operations_carry_the_model_side_as_written_and_the_database_side_as_existing()
    {
        var options = new DiffOptions(SqliteDialect.Instance);
        var status = new Column("status", SqlType.Enum("status", "new", "done"));
        var added = Check(S(Users()), S(Users(status)), options);
        Assert.AreEqual(new AddColumn("users", status), added.Single());
        var database = new Column("status", SqlType.String(4), Default: "('new')");
        var altered = Check(S(Users(database)), S(Users(status with { Default = "'done'" })), options);
        Assert.AreEqual(new AlterColumn("users", database, status with { Default = "'done'" }), altered.Single());
    }
}
