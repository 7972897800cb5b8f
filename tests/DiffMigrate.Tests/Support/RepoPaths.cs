namespace DiffMigrate.Tests.Support;

internal static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds DiffMigrate.sln.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DiffMigrate.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("DiffMigrate.sln not found above " + AppContext.BaseDirectory);
    }
}
