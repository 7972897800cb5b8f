using DiffMigrate.Design.Pipeline;
using DiffMigrate.Providers;

namespace DiffMigrate.Tests.Pipeline;

/// <summary>The comparison run on a spare core while the database is read: it must succeed quietly on every database.</summary>
[TestClass]
public sealed class DiffWarmUpTests
{
    [TestMethod]
    public void The_warm_up_compares_cleanly_with_every_registered_provider()
    {
        foreach (var provider in DatabaseProviders.All)
        {
            var comparison = new SchemaComparison(provider, new ComparisonOptions());
            if (!DiffWarmUp.Run(provider))
            {
                // The comparison itself says what went wrong: its exception, or the differences it found.
                var operations = comparison.Diff(DiffWarmUp.Sample(), DiffWarmUp.Sample());
                Assert.Fail($"{provider.Dialect.Name}: the warm-up found differences: {string.Join(", ", operations.Select(o => o.GetType().Name))}");
            }
        }
    }

    [TestMethod]
    public void The_PostgreSQL_canonicaliser_plans_every_kind_of_question_about_the_sample_and_sends_nothing()
    {
        var planned = DatabaseProviders.All.ToDictionary(p => p.Dialect.Name, p => p.Canonicalizer?.WarmUp(DiffWarmUp.Sample()) ?? 0);
        // Per table: the temporary table of types and defaults, its columns, the value questions, the check's and
        // the expression index's shared table, the check and the index.
        Assert.IsGreaterThan(10, planned["postgresql"], string.Join(", ", planned));
        Assert.AreEqual(0, planned["sqlite"]);
    }

    [TestMethod]
    public void The_sample_exercises_the_parts_of_a_table_the_comparison_reads()
    {
        var tables = DiffWarmUp.Sample().Tables;
        Assert.AreEqual(2, tables.Count);
        var referring = tables[1];
        Assert.IsNotNull(referring.PrimaryKey);
        Assert.AreEqual(1, referring.ForeignKeys.Count);
        Assert.AreEqual(tables[0].Name, referring.ForeignKeys[0].ReferredTable);
        Assert.IsTrue(referring.Indexes.Count >= 2 && referring.UniqueConstraints.Count >= 1 && referring.CheckConstraints.Count >= 1);
        Assert.IsTrue(referring.Columns.Any(c => c.Identity is not null) && referring.Columns.Any(c => c.Default is not null));
    }

    [TestMethod]
    public void A_changed_copy_is_a_difference_so_the_warm_up_compares_contents()
    {
        // The warm-up's two copies are built apart; were they compared by reference only, this would find nothing.
        var comparison = new SchemaComparison(DatabaseProviders.Sqlite, new ComparisonOptions());
        var changed = DiffWarmUp.Sample();
        changed = changed with { Tables = [changed.Tables[0], changed.Tables[1] with { Columns = [.. changed.Tables[1].Columns.SkipLast(1)] }] };
        Assert.AreNotEqual(0, comparison.Diff(DiffWarmUp.Sample(), changed).Count);
    }
}
