using DiffMigrate.Design.Commands;
using DiffMigrate.Tests.Model;

namespace DiffMigrate.Tests.Runner;

/// <summary>The one-line descriptions of check, diff and the logs: every operation has its own, none falls back to a type name.</summary>
[TestClass]
public sealed class OperationTextTests
{
    [TestMethod]
    public void Every_operation_type_is_described_in_its_own_words()
    {
        var samples = SampleOperations.All().ToList();
        CollectionAssert.IsSubsetOf(SampleOperations.ConcreteOperationTypes().ToList(), samples.Select(o => o.GetType()).Distinct().ToList(),
            "a sample of every operation type");
        foreach (var operation in samples)
        {
            var text = OperationText.Describe(operation);
            StringAssert.Matches(text, new System.Text.RegularExpressions.Regex(@"^[+~-] "), operation.GetType().Name);
            Assert.DoesNotContain(operation.GetType().Name, text, "a type name is no description");
        }
    }
}
