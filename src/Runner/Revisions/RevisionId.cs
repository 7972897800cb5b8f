using System.Text;

namespace DiffMigrate.Runner.Revisions;

/// <summary>Revision ids (12 lowercase hex characters, as Alembic), file-name slugs and class names.</summary>
internal static class RevisionId
{
    private static readonly string[] Reserved = ["head", "heads", "base", "current"];

    /// <summary>A new random id: the last 12 hex digits of a version-4 GUID, all random (Alembic's recipe).</summary>
    // Guid.NewGuid reads the system's random source directly; RandomNumberGenerator first loads OpenSSL, which costs a
    // command that writes no other hash some milliseconds before it can start loading the model.
    public static string New() => Guid.NewGuid().ToString("N")[^12..];

    /// <summary>
    /// The longest id: the version table's column is varchar(32), as Alembic's, so a longer id could not be stored.
    /// </summary>
    public const int MaxLength = 32;

    /// <summary>Throws when <paramref name="id"/> cannot name a revision.</summary>
    public static void Validate(string id) => Validate(id, "");

    /// <summary>
    /// Throws when <paramref name="id"/> cannot name a revision; <paramref name="where"/> (e.g. <c>file:line: </c>)
    /// starts the message.
    /// </summary>
    public static void Validate(string id, string where)
    {
        if (Error(id, where) is { } error) throw new DiffMigrateException(error);
    }

    /// <summary>The one-line message for an <paramref name="id"/> that cannot name a revision, or null when it can.</summary>
    public static string? Error(string id, string where) => Problem(id) switch
    {
        null => null,
        _ when Reserved.Contains(id, StringComparer.OrdinalIgnoreCase) => $"{where}Revision id '{id}' is reserved (head, heads, base and current name positions, not revisions).",
        var problem => $"{where}Revision id '{Printable(id)}' is not valid: {problem}.",
    };

    /// <summary>Why <paramref name="id"/> cannot name a revision, or null when it can.</summary>
    public static string? Problem(string id) => id switch
    {
        "" => "it is empty",
        _ when id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_')) => "use letters, digits and underscores only",
        _ when id.Length > MaxLength => $"it has {id.Length} characters; the version table holds at most {MaxLength}",
        _ when Reserved.Contains(id, StringComparer.OrdinalIgnoreCase) => "it is reserved (head, heads, base and current name positions, not revisions)",
        _ => null,
    };

    /// <summary>Why <paramref name="label"/> cannot be a branch label, or null when it can.</summary>
    public static string? LabelProblem(string label) => label switch
    {
        "" => "it is empty",
        _ when label.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')) => "use letters, digits, '_', '-' and '.' only",
        _ when label.Length > 64 => "it is longer than 64 characters",
        _ when Reserved.Contains(label, StringComparer.OrdinalIgnoreCase) => "it is reserved (head, heads, base and current name positions)",
        _ => null,
    };

    /// <summary><paramref name="text"/> on one line: control characters shown as escapes, long text cut.</summary>
    public static string Printable(string text)
    {
        var shown = string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return shown.Length > 80 ? shown[..77] + "..." : shown;
    }

    /// <summary>A file-name slug of the message: lower case words joined by underscores, at most 40 characters.</summary>
    public static string Slug(string message)
    {
        var builder = new StringBuilder();
        foreach (var c in message.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '_') builder.Append('_');
        }
        var slug = builder.ToString().Trim('_');
        if (slug.Length > 40) slug = slug[..40].TrimEnd('_');
        return slug;
    }

    /// <summary>
    /// The file name of a revision from the configured <c>fileTemplate</c> (<c>{rev}</c>, <c>{slug}</c>). The slug is
    /// ASCII letters, digits and underscores only; the result must still be one plain file name in the version folder.
    /// </summary>
    public static string FileName(string template, string id, string message)
    {
        var name = template.Replace("{rev}", id, StringComparison.Ordinal)
            .Replace("{slug}", Slug(message), StringComparison.Ordinal)
            .TrimEnd('_') + ".cs";
        if (name.IndexOfAny(['/', '\\', ':']) >= 0 || name.StartsWith('.') || name.Any(char.IsControl) || name.Any(Render.VisibleText.IsLineTerminator))
        {
            throw new DiffMigrateException($"fileTemplate gives the revision file name '{Render.VisibleText.Escape(name)}', which is not a plain file name in the version folder.");
        }
        return name;
    }

    /// <summary>The class name of a revision: the message in PascalCase then the id, so that it is always unique.</summary>
    public static string ClassName(string id, string message)
    {
        var words = Slug(message).Split('_', StringSplitOptions.RemoveEmptyEntries);
        var pascal = string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        if (pascal.Length == 0 || char.IsAsciiDigit(pascal[0])) pascal = "Revision" + pascal;
        return $"{pascal}_{id}";
    }
}
