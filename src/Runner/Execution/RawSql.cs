using DiffMigrate.Migrations;
using DiffMigrate.Render;

namespace DiffMigrate.Runner.Execution;

/// <summary>
/// What the in-memory replay can tell of SQL as written without parsing it (<see cref="SqlStatements"/>): whether
/// each statement only touches rows, and a statement's start for a message.
/// </summary>
internal static class RawSql
{
    /// <summary>The first statement of <paramref name="sql"/> that may change the schema, or null when every one only touches rows.</summary>
    public static string? FirstSchemaStatement(string sql) => SqlStatements.Split(sql).FirstOrDefault(s => !s.OnlyRows).Text;

    /// <summary>
    /// The start of <paramref name="statement"/> for a one-line message: its first line, at most 60 characters, with any
    /// other character that ends a line or drives a terminal (CR, U+2028, ESC, ...) shown as an escape.
    /// </summary>
    public static string Start(string statement)
    {
        var text = statement.Trim();
        var line = text.Split('\n')[0].TrimEnd('\r');
        if (line.Length > 60) line = line[..60];
        return VisibleText.Escape(line) + (line.Length < text.Length ? " ..." : "");
    }
}
