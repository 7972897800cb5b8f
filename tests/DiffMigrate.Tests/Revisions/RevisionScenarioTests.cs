using System.Text.Json;
using System.Text.RegularExpressions;
using DiffMigrate.Runner.Revisions;

namespace DiffMigrate.Tests.Revisions;

/// <summary>Every scenario of ../shared/spec/revision_scenarios.json through the graph API.</summary>
[TestClass]
public sealed partial class RevisionScenarioTests
{
    public static IEnumerable<object[]> Scenarios() => RevisionScenario.Load().Select(s => new object[] { s.Name });

    [TestMethod]
    public void There_are_forty_scenarios() => Assert.HasCount(40, RevisionScenario.Load());

    [TestMethod]
    [DynamicData(nameof(Scenarios))]
    public void Scenario_gives_alembics_answer(string name)
    {
        var scenario = RevisionScenario.Named(name);
        if (scenario.ExpectsError)
        {
            var error = Assert.ThrowsExactly<RevisionException>(() => { Run(scenario); }, name);
            AssertSameError(scenario, error);
            return;
        }
        Run(scenario);
    }

    private static void Run(RevisionScenario scenario)
    {
        var graph = RevisionGraph.Build(scenario.Graph());
        switch (scenario.Op)
        {
            case "build":
                break;
            case "resolve":
                var resolved = graph.Resolve(scenario.To.GetString()!, []);
                CollectionAssert.AreEqual(RevisionScenario.Strings(scenario.Expect).ToList(), resolved.ToList(), scenario.Name);
                break;
            case "iterate":
                var iterated = graph.Iterate(scenario.From, scenario.ToList,
                    scenario.Option("inclusive"), scenario.Option("implicit_base"), scenario.Option("select_for_downgrade"));
                CollectionAssert.AreEqual(RevisionScenario.Strings(scenario.Expect).ToList(), iterated.ToList(), scenario.Name);
                break;
            case "upgrade":
                Check(scenario, graph.PlanUpgrade(scenario.From, scenario.ToList));
                break;
            case "downgrade":
                Check(scenario, graph.PlanDowngrade(scenario.From, scenario.To.ValueKind == JsonValueKind.String ? scenario.To.GetString() : null));
                break;
            case "stamp":
                var steps = graph.StampSteps(scenario.From, scenario.ToList);
                var expected = scenario.Expect.EnumerateArray().Select(e => new StampStep(
                    RevisionScenario.Strings(e.GetProperty("from")), RevisionScenario.Strings(e.GetProperty("to")),
                    e.GetProperty("is_upgrade").GetBoolean(), e.GetProperty("branch_move").GetBoolean())).ToList();
                Assert.AreEqual(Show(expected), Show(steps), scenario.Name);
                AssertRows(scenario.ExpectHeads!, graph.Stamp(scenario.From, scenario.ToList, purge: false), scenario.Name);
                break;
            case "apply_steps":
                // Alembic's test hands the maintainer a fixed sequence of steps, one at a time.
                IReadOnlyList<string> rows = scenario.From;
                foreach (var step in scenario.Expect.EnumerateArray())
                {
                    var id = step.GetProperty("upgrade").GetString()!;
                    rows = graph.RowsAfter(rows, id, upgrade: true);
                    AssertRows(RevisionScenario.Strings(step.GetProperty("heads_after")), rows, $"{scenario.Name} after {id}");
                }
                break;
            default:
                Assert.Fail($"unknown op {scenario.Op}");
                break;
        }
    }

    private static void Check(RevisionScenario scenario, IReadOnlyList<MigrationStep> steps)
    {
        CollectionAssert.AreEqual(RevisionScenario.Strings(scenario.Expect).ToList(), steps.Select(s => s.Revision.Id).ToList(), scenario.Name);
        AssertRows(scenario.ExpectHeads!, steps.Count == 0 ? scenario.From : steps[^1].RowsAfter, scenario.Name);
    }

    /// <summary>Version rows have no order: compared as sets (and no row twice).</summary>
    internal static void AssertRows(IReadOnlyList<string> expected, IReadOnlyList<string> actual, string what)
    {
        Assert.AreEqual(actual.Count, actual.Distinct().Count(), $"{what}: duplicate rows {string.Join(", ", actual)}");
        Assert.AreEqual(string.Join(", ", expected.Order(StringComparer.Ordinal)), string.Join(", ", actual.Order(StringComparer.Ordinal)), what);
    }

    /// <summary>Same kind of problem, and every revision or label Alembic's message names is in ours.</summary>
    private static void AssertSameError(RevisionScenario scenario, RevisionException error)
    {
        var expected = scenario.Expect.GetProperty("error").GetString()!;
        Assert.AreEqual(RevisionScenario.Kind(scenario.Expect.GetProperty("error_type").GetString()!), error.Kind, $"{scenario.Name}: {error.Message}");
        var known = scenario.Graph().SelectMany(r => r.BranchLabels.Append(r.Id)).ToHashSet();
        foreach (var word in Word().Matches(expected).Select(m => m.Value).Where(w => known.Contains(w) || expected.Contains($"'{w}'")))
        {
            Assert.IsTrue(Word().Matches(error.Message).Any(m => m.Value == word), $"{scenario.Name}: '{word}' missing from: {error.Message} (Alembic: {expected})");
        }
    }

    private static string Show(IEnumerable<StampStep> steps) =>
        string.Join("; ", steps.Select(s => $"[{string.Join(",", s.From)}]->[{string.Join(",", s.To)}] up={s.IsUpgrade} move={s.BranchMove}"));

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();
}
