using System.Security.Cryptography;
using System.Text;

namespace DiffMigrate.Runner.Commands;

/// <summary>Revision ids (12 lowercase hex characters, as Alembic), file-name slugs and class names.</summary>
public static class RevisionId
{
    private static readonly string[] Reserved = ["head", "heads", "base", "current"];

    /// <summary>A new random id.</summary>
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>Throws when <paramref name="id"/> cannot name a revision.</summary>
    public static void Validate(string id)
    {
        if (id.Length == 0 || id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_')))
        {
            throw new DiffMigrateException($"Revision id '{id}' is not valid: use letters, digits and underscores only.");
        }
        if (Reserved.Contains(id, StringComparer.OrdinalIgnoreCase))
        {
            throw new DiffMigrateException($"Revision id '{id}' is reserved (head, heads, base and current name positions, not revisions).");
        }
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
