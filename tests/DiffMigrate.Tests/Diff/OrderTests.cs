using DiffMigrate.Migrations;
using DiffMigrate.Schema;
using static DiffMigrate.Tests.Diff.ChangeScenario;

namespace DiffMigrate.Tests.Diff;

[TestClass]
public sealed class OrderTests
{
    private static Table Referring(string name, params string[] referred) =>
        T(name, [Id, .. referred.Select(r => new Column(r + "_id", SqlType.Int32)), Pk("id"), .. referred.Select(r => Fk(r + "_id", r))]);

    private static string[] Names(IEnumerable<MigrationOperation> ops) => ops.Select(o => $"{o.GetType().Name} {o.TableName}").ToArray();

    [TestMethod]
    public void New_tables_come_in_foreign_key_order_whatever_their_names()
    {
        // a -> b -> c: by name a would come first, but it needs b, which needs c.
        var schema = S(Referring("a", "b"), Referring("b", "c"), Referring("c"), Referring("d"));
        var ops = Check(DatabaseSchema.Empty, schema);
        CollectionAssert.AreEqual(new[] { "CreateTable c", "CreateTable b", "CreateTable a", "CreateTable d" }, Names(ops));
    }

    [TestMethod]
    public void A_foreign_key_cycle_is_broken_by_adding_the_closing_key_after_the_creates()
    {
        var schema = S(Referring("a", "b"), Referring("b", "a"));
        var ops = Check(DatabaseSchema.Empty, schema);
        CollectionAssert.AreEqual(new[] { "CreateTable a", "CreateTable b", "AddForeignKey a" }, Names(ops));
        Assert.IsEmpty(((CreateTable)ops[0]).Table.ForeignKeys);
        Assert.AreEqual(Fk("b_id", "b"), ((AddForeignKey)ops[2]).ForeignKey);
        Assert.HasCount(1, ((CreateTable)ops[1]).Table.ForeignKeys);
    }

    [TestMethod]
    public void A_self_reference_stays_in_its_create_table()
    {
        var tree = T("nodes", Id, new Column("parent_id", SqlType.Int32, Nullable: true), Pk("id"), Fk("parent_id", "nodes"));
        var ops = Check(DatabaseSchema.Empty, S(tree));
        Assert.AreEqual(new CreateTable(tree), ops.Single());
    }

    [TestMethod]
    public void Dropped_tables_go_in_reverse_dependency_order_and_a_cycle_is_unhooked_first()
    {
        var chain = Check(S(Referring("a", "b"), Referring("b", "c"), Referring("c")), DatabaseSchema.Empty);
        CollectionAssert.AreEqual(new[] { "DropTable a", "DropTable b", "DropTable c" }, Names(chain));
        var cycle = Check(S(Referring("a", "b"), Referring("b", "a")), DatabaseSchema.Empty);
        CollectionAssert.AreEqual(new[] { "DropForeignKey a", "DropTable b", "DropTable a" }, Names(cycle));
    }

    [TestMethod]
    public void A_surviving_table_lets_go_of_a_dropped_table_before_the_drop()
    {
        var before = S(Referring("teams"), Referring("users", "teams"));
        var after = S(T("users", Id, new Column("teams_id", SqlType.Int32), Pk("id")));
        var ops = Check(before, after);
        CollectionAssert.AreEqual(new[] { "DropForeignKey users", "DropTable teams" }, Names(ops));
    }

    [TestMethod]
    public void A_surviving_table_refers_to_a_new_table_only_after_it_is_created()
    {
        var before = S(T("users", Id, new Column("teams_id", SqlType.Int32), Pk("id")));
        var ops = Check(before, S(Referring("teams"), Referring("users", "teams")));
        CollectionAssert.AreEqual(new[] { "CreateTable teams", "AddForeignKey users" }, Names(ops));
    }

    [TestMethod]
    public void Creates_come_before_drops_and_then_existing_tables()
    {
        var age = new Column("age", SqlType.Int32);
        var ops = Check(S(T("a", Id), T("old", Id)), S(T("a", Id, age), T("new", Id)));
        CollectionAssert.AreEqual(new[] { "CreateTable new", "DropTable old", "AddColumn a" }, Names(ops));
    }
}
