using System.Runtime;
using DiffMigrate.Design.Commands;

namespace DiffMigrate.Tests.Pipeline;

/// <summary>The tool process's comparison without collections (<see cref="CollectionDeferral"/>).</summary>
[TestClass]
[DoNotParallelize]   // the collector's mode is the whole process's
public sealed class CollectionDeferralTests
{
    [TestMethod]
    public void A_host_that_did_not_turn_it_on_keeps_its_collector()
    {
        CollectionDeferral.Enabled = false;
        var before = GCSettings.LatencyMode;

        Assert.IsFalse(CollectionDeferral.Start());
        Assert.AreEqual(before, GCSettings.LatencyMode);
    }

    [TestMethod]
    public void The_tool_process_compares_without_collections_until_the_budget_is_spent()
    {
        CollectionDeferral.Enabled = true;
        try
        {
            Assert.IsTrue(CollectionDeferral.Start());
            var collections = GC.CollectionCount(0);
            var kept = new List<byte[]>();
            for (var i = 0; i < 16; i++) kept.Add(new byte[1 << 20]);   // 16 MiB, well inside the budget

            Assert.AreEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            Assert.AreEqual(collections, GC.CollectionCount(0));
            Assert.IsFalse(CollectionDeferral.Start(), "a second comparison in the same region starts no other");
            GC.KeepAlive(kept);
        }
        finally
        {
            CollectionDeferral.Enabled = false;
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        }
    }
}
