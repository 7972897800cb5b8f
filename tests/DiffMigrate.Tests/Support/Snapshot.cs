using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace DiffMigrate.Tests.Support;

/// <summary>
/// Expected outputs kept as files under snapshots/, reviewed like code. DIFFMIGRATE_UPDATE_SNAPSHOTS=1 rewrites them
/// (then review the git diff); otherwise a missing or different file fails, showing a line diff.
/// </summary>
internal static class Snapshot
{
    public static void Match(string relativePath, string actual)
    {
        var path = Path.Combine(RepoPaths.Root, "snapshots", relativePath);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("DIFFMIGRATE_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        if (!File.Exists(path))
        {
            Assert.Fail($"Snapshot snapshots/{relativePath} is missing (run with DIFFMIGRATE_UPDATE_SNAPSHOTS=1 and review it). Actual:\n{actual}");
        }
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected == actual) return;
        var diff = InlineDiffBuilder.Diff(expected, actual);
        var lines = diff.Lines.Select(l => l.Type switch
        {
            ChangeType.Inserted => "+ " + l.Text,
            ChangeType.Deleted => "- " + l.Text,
            _ => "  " + l.Text,
        });
        Assert.Fail($"Snapshot snapshots/{relativePath} differs (- expected, + actual):\n{string.Join("\n", lines)}");
    }
}
