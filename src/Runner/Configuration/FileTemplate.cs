using DiffMigrate.Runner.Revisions;

namespace DiffMigrate.Runner.Configuration;

/// <summary>
/// The <c>fileTemplate</c> setting: a file name made of <c>{rev}</c>, <c>{slug}</c> and literal text. Whatever it and
/// the slug hold, the resulting file must be directly inside its version folder.
/// </summary>
internal static class FileTemplate
{
    private static readonly string[] Placeholders = ["{rev}", "{slug}"];

    /// <summary>Throws when <paramref name="template"/> (from <paramref name="configPath"/>) could name a file outside its folder.</summary>
    public static void Validate(string template, string configPath)
    {
        var literal = Placeholders.Aggregate(template, (t, p) => t.Replace(p, "", StringComparison.Ordinal));
        var why = template switch
        {
            _ when template.Trim().Length == 0 => "it is empty",
            _ when literal.IndexOfAny(['/', '\\']) >= 0 => "it contains a path separator",
            _ when literal.Contains("..", StringComparison.Ordinal) => "it contains '..'",
            _ when Path.IsPathRooted(literal) || literal.Contains(':', StringComparison.Ordinal) => "it is a rooted path",
            _ when literal.Any(c => char.IsControl(c) || Path.GetInvalidFileNameChars().Contains(c)) => "it contains a character not allowed in a file name",
            _ when literal.IndexOfAny(['{', '}']) >= 0 => "it has an unknown placeholder (only {rev} and {slug} are known)",
            _ when !template.Contains("{rev}", StringComparison.Ordinal) => "it has no {rev}, so two revisions could get the same file",
            _ => null,
        };
        if (why is not null)
        {
            throw new DiffMigrateException($"{configPath}: 'fileTemplate' \"{template}\" is not a file name ({why}); use {{rev}}, {{slug}} and plain text, e.g. \"{DiffMigrateConfig.DefaultFileTemplate}\".");
        }
    }

    /// <summary>
    /// The path of the revision file <paramref name="fileName"/> in <paramref name="folder"/>, after checking that it is
    /// a plain file directly inside that folder (this final check holds whatever the template and the slug became).
    /// </summary>
    public static string PathIn(string folder, string fileName)
    {
        var full = Path.GetFullPath(Path.Combine(folder, fileName));
        var parent = Path.GetDirectoryName(full);
        var stem = Path.GetFileNameWithoutExtension(fileName);
        if (fileName.IndexOfAny(['/', '\\']) >= 0 || Path.IsPathRooted(fileName) || stem.Length == 0 || stem.Trim('.').Length == 0
            || fileName.Any(char.IsControl)
            || !string.Equals(parent, Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            throw new DiffMigrateException($"The revision file name '{RevisionId.Printable(fileName)}' (from fileTemplate) would not be a file in {folder}; fix 'fileTemplate' or the message.");
        }
        return full;
    }
}
