using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DiffMigrate.Diff.Lint;
using DiffMigrate.Dialects;
using DiffMigrate.Migrations;
using DiffMigrate.Providers;
using DiffMigrate.Render;

namespace DiffMigrate.Design.Commands;

/// <summary>
/// What <c>diff</c> shows: the candidate operations, the safety lint's findings and the rename suggestions, written
/// as text (terminals), markdown (pull-request comments) or JSON (tools; the shape is documented in the README and
/// versioned by its <c>version</c> field).
/// </summary>
internal sealed record ChangeReport(Dialect Dialect, IReadOnlyList<MigrationOperation> Operations, IReadOnlyList<LintFinding> Findings, IReadOnlyList<RenameSuggestion> Suggestions)
{
    /// <summary>The report for <paramref name="operations"/> on the database of <paramref name="provider"/>.</summary>
    public static ChangeReport For(DatabaseProvider provider, IReadOnlyList<MigrationOperation> operations) =>
        new(provider.Dialect, operations, provider.Lint(operations), RenameSuggestions.Find(operations, provider.Dialect));

    /// <summary>What the compared databases hold that is not compared (listed after the changes).</summary>
    public UnmanagedReport Unmanaged { get; init; } = UnmanagedReport.None;

    /// <summary>
    /// One line per change (<c>+</c> adds, <c>-</c> removes, <c>~</c> changes), then findings and suggestions; with
    /// <paramref name="colour"/>, ANSI colours for a terminal (green adds, red removals and errors, yellow changes and warnings).
    /// </summary>
    public string Text(bool colour = false)
    {
        if (Operations.Count == 0) return (Unmanaged.NoChangesLine() ?? "No changes: the model matches the database.") + "\n" + Unmanaged.Text();
        string Paint(string line, string code) => colour ? $"\u001b[{code}m{line}\u001b[0m" : line;
        var text = new StringBuilder();
        foreach (var line in Operations.SelectMany(o => OperationText.Describe(o, Dialect).Split('\n')))
        {
            text.Append(Paint(line, line.TrimStart()[0] switch { '+' => "32", '-' => "31", _ => "33" })).Append('\n');
        }
        if (Findings.Count > 0)
        {
            text.Append("\nSafety lint:\n");
            foreach (var finding in Findings)
            {
                text.Append("  ").Append(Paint(VisibleText.Escape(finding.ToString()), finding.Severity switch { LintSeverity.Error => "31", LintSeverity.Warning => "33", _ => "36" })).Append('\n');
            }
        }
        if (Suggestions.Count > 0)
        {
            text.Append("\nPossible renames:\n");
            foreach (var suggestion in Suggestions) text.Append("  ").Append(VisibleText.Escape(suggestion.ToString())).Append('\n');
        }
        return text.Append(Unmanaged.Text()).ToString();
    }

    /// <summary>For a pull-request comment: changes grouped by table, then a table of findings and the suggestions.</summary>
    public string Markdown()
    {
        var count = Operations.Sum(o => o is BatchAlterTable b ? b.Operations.Count : 1);
        var text = new StringBuilder($"### DiffMigrate: {Count(count, "change")} ({Dialect.Name})\n\n");
        var unmanaged = Unmanaged.Markdown();
        if (Operations.Count == 0)
        {
            text.Append(Unmanaged.NoChangesLine() ?? "The model matches the database.").Append('\n');
            return (unmanaged.Length == 0 ? text : text.Append('\n').Append(unmanaged)).ToString();
        }
        foreach (var group in Operations.GroupBy(o => o.TableName?.ToString() ?? "(database)"))
        {
            text.Append("**").Append(Md(group.Key)).Append("**\n\n");
            foreach (var line in group.SelectMany(o => OperationText.Describe(o, Dialect).Split('\n'))) text.Append("- ").Append(Code(line.Trim())).Append('\n');
            text.Append('\n');
        }
        if (Findings.Count > 0)
        {
            text.Append("#### Safety lint\n\n| code | severity | table | finding |\n|---|---|---|---|\n");
            foreach (var f in Findings) text.Append($"| {Md(f.Code)} | {f.Severity.ToString().ToLowerInvariant()} | {Md(f.Table?.ToString() ?? "")} | {Md(f.Message)} |\n");
            text.Append('\n');
        }
        if (Suggestions.Count > 0)
        {
            text.Append("#### Possible renames\n\n");
            foreach (var suggestion in Suggestions) text.Append("- ").Append(Md(suggestion.ToString())).Append('\n');
            if (unmanaged.Length > 0) text.Append('\n');
        }
        return text.Append(unmanaged).ToString();
    }

    /// <summary>
    /// <paramref name="text"/> as markdown text that shows exactly that: line terminators and control characters as
    /// escapes, HTML's characters as entities, and the punctuation of tables, code, emphasis and links backslashed.
    /// </summary>
    public static string Md(string text)
    {
        var md = new StringBuilder();
        var visible = VisibleText.Escape(text);
        for (var i = 0; i < visible.Length; i++)
        {
            var c = visible[i];
            // An underscore between letters or digits cannot start or end emphasis: snake_case names stay readable.
            var intraword = c == '_' && i > 0 && i + 1 < visible.Length && char.IsLetterOrDigit(visible[i - 1]) && char.IsLetterOrDigit(visible[i + 1]);
            md.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '_' when intraword => "_",
                '\\' or '`' or '|' or '*' or '_' or '[' or ']' or '~' => "\\" + c,
                _ => c.ToString(),
            });
        }
        return md.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> as a markdown code span (shown verbatim; no HTML or emphasis inside one): the fence is
    /// longer than any run of backticks in the text, and the text one line.
    /// </summary>
    public static string Code(string text)
    {
        text = VisibleText.Escape(text);
        var (longest, run) = (0, 0);
        foreach (var c in text) longest = Math.Max(longest, run = c == '`' ? run + 1 : 0);
        var fence = new string('`', longest + 1);
        return longest == 0 ? fence + text + fence : $"{fence} {text} {fence}";
    }

    /// <summary>
    /// <c>{"version":1,"dialect":..,"changes":[{"operation","table","description","destructive"}],
    /// "findings":[{"code","severity","table","operation","message"}],"suggestions":[{"table","oldColumn","newColumn","oldTable","message"}],
    /// "unmanaged":[{"kind","schema","name","table","detail","only"}]}</c>;
    /// a batch's operations are listed one by one with <c>"batch": true</c>.
    /// </summary>
    public string Json()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteString("dialect", Dialect.Name);
            json.WriteStartArray("changes");
            foreach (var (operation, batch) in Operations.SelectMany(o => o is BatchAlterTable b ? b.Operations.Select(i => (i, true)) : [(o, false)]))
            {
                json.WriteStartObject();
                json.WriteString("operation", operation.GetType().Name);
                json.WriteString("table", operation.TableName?.ToString());
                json.WriteString("description", OperationText.Describe(operation, Dialect));
                json.WriteBoolean("destructive", operation.IsDestructive);
                if (batch) json.WriteBoolean("batch", true);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("findings");
            foreach (var f in Findings)
            {
                json.WriteStartObject();
                json.WriteString("code", f.Code);
                json.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
                json.WriteString("table", f.Table?.ToString());
                json.WriteNumber("operation", f.Operation);
                json.WriteString("message", f.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("suggestions");
            foreach (var s in Suggestions)
            {
                json.WriteStartObject();
                json.WriteString("table", s.Table.ToString());
                json.WriteString("oldColumn", s.OldColumn);
                json.WriteString("newColumn", s.NewColumn);
                json.WriteString("oldTable", s.OldTable);
                json.WriteString("message", s.ToString());
                json.WriteEndObject();
            }
            json.WriteEndArray();
            Unmanaged.Json(json);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The comment lines a generated revision carries: each finding and suggestion, one line each (names escaped).</summary>
    public IReadOnlyList<string> Notes() => [.. Findings.Select(f => VisibleText.Escape(f.ToString())), .. Suggestions.Select(s => VisibleText.Escape(s.ToString()))];

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";
}
