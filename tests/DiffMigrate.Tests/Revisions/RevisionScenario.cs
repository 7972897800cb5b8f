using System.Text.Json;
using DiffMigrate.Runner.Revisions;

namespace DiffMigrate.Tests.Revisions;

/// <summary>One scenario of revision_scenarios.json: Alembic's own revision tests as data.</summary>
internal sealed record RevisionScenario(string Name, string Op, JsonElement Root)
{
    private static readonly Lazy<IReadOnlyList<RevisionScenario>> All = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Revisions", "revision_scenarios.json")));
        return document.RootElement.EnumerateArray()
            .Select(e => new RevisionScenario(e.GetProperty("name").GetString()!, e.GetProperty("op").GetString()!, e.Clone()))
            .ToList();
    });

    public static IReadOnlyList<RevisionScenario> Load() => All.Value;

    public static RevisionScenario Named(string name) => Load().Single(s => s.Name == name);

    public IReadOnlyList<RevisionInfo> Graph() => Root.GetProperty("graph").EnumerateArray().Select(r => new RevisionInfo(
        r.GetProperty("rev").GetString()!,
        Strings(r.GetProperty("down")),
        r.TryGetProperty("branch_labels", out var labels) ? Strings(labels) : [],
        r.TryGetProperty("depends_on", out var deps) ? Strings(deps) : [],
        "message of " + r.GetProperty("rev").GetString())).ToList();

    public IReadOnlyList<string> From => Root.TryGetProperty("from", out var from) ? Strings(from) : [];

    public JsonElement To => Root.TryGetProperty("to", out var to) ? to : default;

    public IReadOnlyList<string> ToList => To.ValueKind == JsonValueKind.Undefined ? [] : Strings(To);

    public JsonElement Expect => Root.GetProperty("expect");

    public bool ExpectsError => Expect.ValueKind == JsonValueKind.Object && Expect.TryGetProperty("error", out _);

    public IReadOnlyList<string>? ExpectHeads =>
        Root.TryGetProperty("expect_heads", out var heads) && heads.ValueKind == JsonValueKind.Array ? Strings(heads) : null;

    public bool Option(string name) =>
        Root.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Object && options.TryGetProperty(name, out var value) && value.GetBoolean();

    /// <summary>null, a string, or an array of strings, as a list (null and "base" alike are empty where Alembic treats them so).</summary>
    public static IReadOnlyList<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => [],
        JsonValueKind.String => [element.GetString()!],
        _ => element.EnumerateArray().Select(e => e.GetString()!).ToList(),
    };

    public static RevisionErrorKind Kind(string alembicType) => alembicType switch
    {
        "ResolutionError" => RevisionErrorKind.Resolution,
        "MultipleHeads" => RevisionErrorKind.MultipleHeads,
        "RangeNotAncestorError" => RevisionErrorKind.RangeNotAncestor,
        "CommandError" => RevisionErrorKind.Command,
        "CycleDetected" => RevisionErrorKind.Cycle,
        "DependencyCycleDetected" => RevisionErrorKind.DependencyCycle,
        "RevisionError" => RevisionErrorKind.Revision,
        _ => throw new ArgumentException("unknown Alembic error type " + alembicType),
    };

    public override string ToString() => Name;
}
