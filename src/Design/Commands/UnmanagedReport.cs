using System.Text;
using System.Text.Json;
using DiffMigrate.Render;
using DiffMigrate.Schema;

namespace DiffMigrate.Design.Commands;

/// <summary>
/// What the compared databases hold that DiffMigrate does not compare, so that no report says "no changes" about
/// what it cannot see. Against a model, <see cref="Seen"/> is the database's list. Between two databases (<c>diff
/// --from --to</c>, <c>drift</c>), <see cref="OnlyInFrom"/> and <see cref="OnlyInTo"/> are the objects one side has
/// and the other lacks: differences DiffMigrate cannot act on, but reports.
/// </summary>
internal sealed record UnmanagedReport(IReadOnlyList<UnmanagedObject> Seen, IReadOnlyList<UnmanagedObject> OnlyInFrom, IReadOnlyList<UnmanagedObject> OnlyInTo)
{
    /// <summary>Nothing unmanaged.</summary>
    public static UnmanagedReport None { get; } = new([], [], []);

    /// <summary>The unmanaged objects of a database compared with a model.</summary>
    public static UnmanagedReport Of(IReadOnlyList<UnmanagedObject> database) => new(database, [], []);

    /// <summary>The unmanaged objects of two databases, and those only one of them has (by kind, name and table).</summary>
    public static UnmanagedReport Between(IReadOnlyList<UnmanagedObject> from, IReadOnlyList<UnmanagedObject> to)
    {
        static (string, QualifiedName, string?) Key(UnmanagedObject o) => (o.Kind, o.Name, o.Table);
        var inTo = to.Select(Key).ToHashSet();
        var inFrom = from.Select(Key).ToHashSet();
        return new(
            [.. from, .. to.Where(o => !inFrom.Contains(Key(o)))],
            [.. from.Where(o => !inTo.Contains(Key(o)))],
            [.. to.Where(o => !inFrom.Contains(Key(o)))]);
    }

    /// <summary>How reports name the first database.</summary>
    public string FromLabel { get; init; } = "--from";

    /// <summary>How reports name the second database.</summary>
    public string ToLabel { get; init; } = "--to";

    /// <summary>True when one database has an unmanaged object the other lacks.</summary>
    public bool SidesDiffer => OnlyInFrom.Count > 0 || OnlyInTo.Count > 0;

    /// <summary>The plain-text section (empty when there is nothing to say); <paramref name="fate"/> says what became of them.</summary>
    public string Text(string fate = "not compared")
    {
        if (Seen.Count == 0) return "";
        var text = new StringBuilder($"\nNot managed by DiffMigrate ({fate}): {Count(Seen.Count)}, {Kinds(Seen)}\n");
        foreach (var item in Seen) text.Append("  ").Append(VisibleText.Escape(item.ToString())).Append('\n');
        if (OnlyInFrom.Count > 0) Append(text, $"Only in {FromLabel}, not managed", OnlyInFrom);
        if (OnlyInTo.Count > 0) Append(text, $"Only in {ToLabel}, not managed", OnlyInTo);
        return text.ToString();
    }

    /// <summary>The markdown section (empty when there is nothing to say).</summary>
    public string Markdown()
    {
        if (Seen.Count == 0) return "";
        var text = new StringBuilder($"#### Not managed (not compared): {Count(Seen.Count)}\n\n");
        var (onlyInFrom, onlyInTo) = (OnlyInFrom.ToHashSet(), OnlyInTo.ToHashSet());
        foreach (var item in Seen)
        {
            var side = onlyInFrom.Contains(item) ? $" (only in {ChangeReport.Md(FromLabel)})" : onlyInTo.Contains(item) ? $" (only in {ChangeReport.Md(ToLabel)})" : "";
            text.Append("- ").Append(ChangeReport.Code(item.ToString())).Append(side).Append('\n');
        }
        return text.Append('\n').ToString();
    }

    /// <summary>The line that replaces "no changes" when there are none in what is compared, or null when nothing is unmanaged.</summary>
    public string? NoChangesLine() => SidesDiffer
        ? $"No changes in what DiffMigrate compares, but {FromLabel} and {ToLabel} differ in objects it does not compare (listed below)."
        : Seen.Count > 0 ? $"No changes in what DiffMigrate compares; {Count(Seen.Count)} it does not compare {(Seen.Count == 1 ? "is" : "are")} listed below." : null;

    /// <summary>Writes <c>"unmanaged": [{"kind","schema","name","table","detail","only"}]</c> (only: from, to or null).</summary>
    public void Json(Utf8JsonWriter json)
    {
        json.WriteStartArray("unmanaged");
        var (onlyInFrom, onlyInTo) = (OnlyInFrom.ToHashSet(), OnlyInTo.ToHashSet());
        foreach (var item in Seen)
        {
            json.WriteStartObject();
            json.WriteString("kind", item.Kind);
            json.WriteString("schema", item.Name.Schema);
            json.WriteString("name", item.Name.Name);
            json.WriteString("table", item.Table);
            json.WriteString("detail", item.Detail);
            json.WriteString("only", onlyInFrom.Contains(item) ? "from" : onlyInTo.Contains(item) ? "to" : null);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Append(StringBuilder text, string title, IReadOnlyList<UnmanagedObject> items)
    {
        text.Append(title).Append(": ").Append(Count(items.Count)).Append('\n');
        foreach (var item in items) text.Append("  ").Append(VisibleText.Escape(item.ToString())).Append('\n');
    }

    /// <summary>"view: 3, trigger: 1": the count of each kind, most first.</summary>
    private static string Kinds(IReadOnlyList<UnmanagedObject> items) => string.Join(", ", items.GroupBy(i => i.Kind, StringComparer.Ordinal)
        .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}"));

    private static string Count(int n) => n == 1 ? "1 object" : $"{n} objects";
}
