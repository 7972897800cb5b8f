using System.Text.Json;
using System.Text.RegularExpressions;
using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.Revisions;

/// <summary>
/// The upgrade, downgrade, stamp and resolve scenarios of revision_scenarios.json through the CLI against a SQLite
/// database: the scenario's graph as revision scripts (file names keep its load order), its rows stamped, the
/// command run, then the printed steps and <c>current</c> compared with Alembic's answers.
/// </summary>
[TestClass]
public sealed partial class RevisionScenarioCliTests
{
    private static readonly string[] Ops = ["upgrade", "downgrade", "stamp", "resolve"];

    // "-1 from several heads" walks from the first row as read, and a table's row order is not something the CLI
    // can set: SQLite reads version rows through the primary key's index. The graph API test covers the scenario.
    private static readonly string[] RowOrderDependent = ["branched_downgrade_minus1_multiple_heads"];

    public static IEnumerable<object[]> Scenarios() => Load()
        .Where(s => Ops.Contains(s.GetProperty("op").GetString()) && !RowOrderDependent.Contains(s.GetProperty("name").GetString()))
        .Select(s => new object[] { s.GetProperty("name").GetString()! });

    [TestMethod]
    [DynamicData(nameof(Scenarios))]
    public void Scenario_through_the_cli(string name)
    {
        var scenario = Load().Single(s => s.GetProperty("name").GetString() == name);
        using var project = new TempProject();
        File.WriteAllText(Path.Combine(project.Directory, "diffmigrate.json"), """{ "scriptLocation": "migrations", "url": "sqlite:///app.db" }""");
        Directory.CreateDirectory(project.VersionsPath);
        var index = 0;
        foreach (var revision in scenario.GetProperty("graph").EnumerateArray())
        {
            var id = revision.GetProperty("rev").GetString()!;
            File.WriteAllText(Path.Combine(project.VersionsPath, $"{index++:D3}_{id}.cs"), Script(id, Strings(revision.GetProperty("down")),
                Strings(revision.GetProperty("branch_labels")), Strings(revision.GetProperty("depends_on"))));
        }
        var op = scenario.GetProperty("op").GetString()!;
        var from = scenario.TryGetProperty("from", out var f) ? Strings(f) : [];
        var to = scenario.TryGetProperty("to", out var t) ? Strings(t) : [];
        var expect = scenario.GetProperty("expect");
        var error = expect.ValueKind == JsonValueKind.Object && expect.TryGetProperty("error", out _);

        if (op != "resolve")
        {
            var stamp = from.Count == 0 ? project.Run("stamp", "--purge", "base") : project.Run(["stamp", "--purge", .. from]);
            Assert.AreEqual(0, stamp.Code, stamp.Err);
        }
        var (code, output, err) = op switch
        {
            "upgrade" => project.Run(["upgrade", .. to]),
            "downgrade" => project.Run("downgrade", to.Count == 0 ? "base" : to[0]),
            "stamp" => project.Run(["stamp", .. to]),
            _ => project.Run("show", to[0]),
        };
        if (error)
        {
            Assert.AreEqual(2, code, output);
            Assert.AreEqual(1, err.Trim().Split('\n').Length, "one line: " + err);
            return;
        }
        Assert.AreEqual(0, code, err);
        switch (op)
        {
            case "upgrade" or "downgrade":
                // Progress goes to stderr, results to stdout.
                var ran = Step().Matches(err).Select(m => op == "upgrade" ? m.Groups["to"].Value : m.Groups["from"].Value).ToList();
                CollectionAssert.AreEqual(Strings(expect).ToList(), ran, err);
                break;
            case "resolve":
                StringAssert.StartsWith(output, "Rev: " + expect.GetString());
                return;
        }
        // The version rows themselves: 'current' shows the tip of every applied branch, dependencies included.
        Assert.AreEqual(string.Join(", ", Strings(scenario.GetProperty("expect_heads")).Order(StringComparer.Ordinal)), string.Join(", ", project.VersionRows()));
        var current = project.Run("current");
        Assert.AreEqual(0, current.Code, current.Err);
        foreach (var row in project.VersionRows()) StringAssert.Contains(current.Out, row);
    }

    private static string Script(string id, IReadOnlyList<string> down, IReadOnlyList<string> labels, IReadOnlyList<string> depends)
    {
        var args = string.Concat(down.Select(d => $", \"{d}\""));
        if (labels.Count > 0) args += $", BranchLabels = new[] {{ {string.Join(", ", labels.Select(l => $"\"{l}\""))} }}";
        if (depends.Count > 0) args += $", DependsOn = new[] {{ {string.Join(", ", depends.Select(d => $"\"{d}\""))} }}";
        return $$"""
            using DiffMigrate;

            [Revision("{{id}}"{{args}}, Message = "{{id}}")]
            public sealed class Revision_{{id}} : Migration
            {
                public override void Upgrade(Operations op) { }
                public override void Downgrade(Operations op) { }
            }
            """;
    }

    private static IReadOnlyList<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => [],
        JsonValueKind.String => [element.GetString()!],
        _ => element.EnumerateArray().Select(e => e.GetString()!).ToList(),
    };

    private static List<JsonElement> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Revisions", "revision_scenarios.json")));
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    [GeneratedRegex(@"^Running (?:upgrade|downgrade) (?<from>[^\n]*?) -> (?<to>[^,\n]*), ", RegexOptions.Multiline)]
    private static partial Regex Step();
}
