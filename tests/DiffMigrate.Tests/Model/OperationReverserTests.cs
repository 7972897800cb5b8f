using DiffMigrate.Migrations;

namespace DiffMigrate.Tests.Model;

[TestClass]
public sealed class OperationReverserTests
{
    [TestMethod]
    public void Every_reversible_operation_reverses_twice_to_itself()
    {
        foreach (var op in SampleOperations.All())
        {
            if (op is BulkInsert or ExecuteSql { DownSql: null }) continue;
            Assert.AreEqual(op, op.Reverse().Reverse(), op.GetType().Name);
            Assert.AreNotEqual(op, op.Reverse(), op.GetType().Name);
        }
    }

    [TestMethod]
    public void Every_concrete_operation_has_a_sample()
    {
        var covered = SampleOperations.All().Select(o => o.GetType()).ToHashSet();
        var missing = SampleOperations.ConcreteOperationTypes().Where(t => !covered.Contains(t)).Select(t => t.Name).ToList();
        Assert.IsEmpty(missing, "Operations without a sample: " + string.Join(", ", missing));
    }

    [TestMethod]
    public void Irreversible_operations_say_why()
    {
        var ex = Assert.ThrowsExactly<IrreversibleOperationException>(() => new ExecuteSql("DELETE FROM t").Reverse());
        StringAssert.Contains(ex.Message, "DownSql");
    }

    [TestMethod]
    public void ReverseAll_reverses_order()
    {
        MigrationOperation[] ops = [new RenameTable("a", "b"), new RenameTable("b", "c")];
        var back = OperationReverser.ReverseAll(ops);
        Assert.AreEqual(new RenameTable("c", "b"), back[0]);
        Assert.AreEqual(new RenameTable("b", "a"), back[1]);
    }
}
