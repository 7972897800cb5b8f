namespace DiffMigrate.Tests.Model;

/// <summary>The per-item work that may run on several cores gives what a one-by-one loop gives.</summary>
[TestClass]
public sealed class InOrderTests
{
    [TestMethod]
    public void Results_come_in_input_order_however_the_work_is_spread()
    {
        foreach (var count in new[] { 0, 1, 63, 64, 65, 1000 })
        {
            var items = Enumerable.Range(0, count).ToList();
            // Uneven work, so that items finish out of order where they run in parallel.
            var results = InOrder.Each(items, i =>
            {
                if (i % 7 == 0) Thread.SpinWait(20_000);
                return "item " + i;
            });
            CollectionAssert.AreEqual(items.Select(i => "item " + i).ToList(), results, $"{count} items");
        }
    }

    [TestMethod]
    public void The_error_is_the_first_failing_item_s_as_in_a_loop()
    {
        foreach (var count in new[] { 10, 500 })
        {
            var error = Assert.ThrowsExactly<DiffMigrateException>(() => InOrder.Each(Enumerable.Range(0, count).ToList(), i =>
            {
                // The later failure is quicker, so it happens first where items run at once.
                if (i == count - 2) throw new DiffMigrateException("late " + i);
                if (i == 5)
                {
                    Thread.Sleep(50);
                    throw new DiffMigrateException("first " + i);
                }
                return i;
            }));
            Assert.AreEqual("first 5", error.Message, $"{count} items");
        }
    }
}
