using System.Diagnostics;
using System.Globalization;

namespace DiffMigrate.IntegrationTests.Support;

/// <summary>A project of hand-written linear revisions with run settings, and the built CLI run as a child process.</summary>
internal static class RevisionProject
{
    /// <summary>A revision <paramref name="id"/> after <paramref name="parent"/> whose Upgrade body is <paramref name="upgrade"/>.</summary>
    public static string Revision(string id, string? parent, string upgrade) => $$"""
        using DiffMigrate;
        using DiffMigrate.Schema;

        [Revision("{{id}}"{{(parent is null ? "" : $", \"{parent}\"")}}, Message = "r{{id}}")]
        public sealed class R{{id}} : Migration
        {
            public override void Upgrade(Operations op)
            {
                {{upgrade}}
            }

            public override void Downgrade(Operations op) { }
        }
        """;

    /// <summary>A project at <paramref name="url"/> with the revisions (id, upgrade body) chained in order.</summary>
    public static TempProject Create(string url, IReadOnlyList<(string Id, string Upgrade)> revisions, bool perRevision = false, double? lockTimeout = null)
    {
        var project = new TempProject().Initialized();
        Write(project, revisions);
        var config = Path.Combine(project.Directory, "diffmigrate.json");
        var text = File.ReadAllText(config).TrimEnd().TrimEnd('}').TrimEnd().TrimEnd(',');
        var timeout = lockTimeout is { } t ? $",\n  \"lockTimeout\": {t.ToString(CultureInfo.InvariantCulture)}" : "";
        File.WriteAllText(config, text + $",\n  \"transactionPerRevision\": {(perRevision ? "true" : "false")}{timeout}\n}}\n");
        project.Environment["DIFFMIGRATE_URL"] = url;
        return project;
    }

    /// <summary>(Re)writes the revision files.</summary>
    public static void Write(TempProject project, IReadOnlyList<(string Id, string Upgrade)> revisions)
    {
        for (var i = 0; i < revisions.Count; i++)
        {
            var (id, upgrade) = revisions[i];
            File.WriteAllText(Path.Combine(project.VersionsPath, id + ".cs"), Revision(id, i == 0 ? null : revisions[i - 1].Id, upgrade));
        }
    }

    /// <summary>The built CLI next to the tests (the test project references it).</summary>
    public static string CliDll
    {
        get
        {
            var beside = Path.Combine(AppContext.BaseDirectory, "diffmigrate.dll");
            if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "diffmigrate.runtimeconfig.json"))) return beside;
            var root = AppContext.BaseDirectory;
            while (root is not null && !File.Exists(Path.Combine(root, "DiffMigrate.sln"))) root = Path.GetDirectoryName(root);
            return Path.Combine(root ?? ".", "src", "Cli", "bin", "Debug", "net10.0", "diffmigrate.dll");
        }
    }

    /// <summary>Starts <c>dotnet diffmigrate.dll args</c> in the project's directory with its environment.</summary>
    public static Process Start(TempProject project, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = project.Directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(CliDll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in project.Environment) info.Environment[name] = value;
        return Process.Start(info)!;
    }
}
