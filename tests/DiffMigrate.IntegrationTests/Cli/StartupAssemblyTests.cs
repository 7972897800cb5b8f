using System.Diagnostics;
using DiffMigrate.IntegrationTests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DiffMigrate.IntegrationTests.Cli;

/// <summary>
/// Commands with nothing to write load no compiler (issue 17: Roslyn's assemblies cost 0.3-0.4 s of start-up) and a
/// SQLite URL loads no PostgreSQL driver. The tool runs as a child process, as a user runs it: this test process has
/// Roslyn loaded already (it compiles models), so an in-process look would see it whatever the tool did. A startup hook
/// (DOTNET_STARTUP_HOOKS, compiled here) records every assembly the child loads, in any load context, and writes the
/// list when it exits; the tool itself carries nothing for the test.
/// </summary>
[TestClass]
public sealed class StartupAssemblyTests
{
    private const string Hook = """
        using System;
        using System.Collections.Concurrent;
        using System.IO;
        using System.Linq;

        internal static class StartupHook
        {
            private static readonly ConcurrentDictionary<string, bool> Loaded = new();

            public static void Initialize()
            {
                AppDomain.CurrentDomain.AssemblyLoad += (_, e) => Loaded.TryAdd(e.LoadedAssembly.GetName().Name ?? "", true);
                foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies()) Loaded.TryAdd(assembly.GetName().Name ?? "", true);
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                    File.WriteAllLines(Environment.GetEnvironmentVariable("DIFFMIGRATE_TEST_ASSEMBLY_LIST")!, Loaded.Keys.OrderBy(k => k, StringComparer.Ordinal));
            }
        }
        """;

    [TestMethod]
    public void A_no_op_autogenerate_writes_nothing_and_loads_no_compiler()
    {
        using var project = ObjectFilterCliTests.AtHead();
        var (code, output, err, loaded) = RunChild(project, "revision", "--autogenerate", "-m", "nothing");
        Assert.AreEqual(0, code, err);
        Assert.AreEqual("", output);
        StringAssert.Contains(err, "No changes detected; no revision written.");
        Assert.HasCount(1, Directory.GetFiles(project.VersionsPath, "*.cs"), "no empty revision");
        Assert.Contains("DiffMigrate.Diff", loaded, "the comparison ran in the child");
        Assert.IsEmpty(Compiler(loaded), string.Join(", ", loaded));
        Assert.DoesNotContain("Npgsql", loaded, "a SQLite URL loads no PostgreSQL driver");
    }

    [TestMethod]
    [DataRow("check")]
    [DataRow("current")]
    [DataRow("heads")]
    [DataRow("history")]
    [DataRow("upgrade head")]
    public void A_command_with_nothing_to_compile_loads_no_compiler(string command)
    {
        using var project = ObjectFilterCliTests.AtHead();
        var (code, _, err, loaded) = RunChild(project, command.Split(' '));
        Assert.AreEqual(0, code, err);
        Assert.Contains("DiffMigrate.Runner", loaded, "the command ran in the child");
        Assert.IsEmpty(Compiler(loaded), string.Join(", ", loaded));
        Assert.DoesNotContain("Npgsql", loaded, "a SQLite URL loads no PostgreSQL driver");
    }

    [TestMethod]
    public void Writing_a_revision_does_load_the_compiler_so_the_hook_sees_it()
    {
        using var project = ObjectFilterCliTests.AtHead();
        var (code, output, err, loaded) = RunChild(project, "revision", "-m", "by hand", "--rev-id", "000000000002");
        Assert.AreEqual(0, code, err);
        StringAssert.StartsWith(output, "Generating ");
        Assert.Contains("Microsoft.CodeAnalysis.CSharp", loaded, "the C# writer uses Roslyn; seen here, so its absence above means something");
    }

    [TestMethod]
    public void Allow_empty_writes_the_empty_revision_as_before()
    {
        using var project = ObjectFilterCliTests.AtHead();
        var (code, output, err) = project.Run("revision", "--autogenerate", "--allow-empty", "-m", "nothing", "--rev-id", "000000000002");
        Assert.AreEqual(0, code, err);
        StringAssert.StartsWith(output, "Generating ");
        StringAssert.Contains(err, "No changes detected: the revision is empty.");
        var file = Directory.GetFiles(project.VersionsPath, "000000000002*.cs").Single();
        Assert.DoesNotContain("op.", File.ReadAllText(file));
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        CollectionAssert.AreEqual(new[] { "000000000002" }, project.VersionRows().ToList());
    }

    [TestMethod]
    public void Allow_empty_wins_over_the_configurations_skip_empty()
    {
        using var project = ObjectFilterCliTests.AtHead();
        project.EditConfig("\"exclude\": []", "\"exclude\": [],\n  \"skipEmpty\": true");
        var (code, output, err) = project.Run("revision", "--autogenerate", "--allow-empty", "-m", "nothing", "--rev-id", "000000000002");
        Assert.AreEqual(0, code, err);
        StringAssert.StartsWith(output, "Generating ");
        Assert.HasCount(2, Directory.GetFiles(project.VersionsPath, "*.cs"));
    }

    [TestMethod]
    [DataRow(new[] { "revision", "--allow-empty", "-m", "x" }, "ERROR: --allow-empty applies to revision --autogenerate only (a revision without it is always written).\n")]
    [DataRow(new[] { "revision", "--autogenerate", "--allow-empty", "--skip-empty", "-m", "x" }, "ERROR: --allow-empty and --skip-empty contradict each other: give one.\n")]
    public void Allow_empty_is_refused_where_it_means_nothing_or_the_opposite(string[] args, string expected)
    {
        using var project = ObjectFilterCliTests.AtHead();
        var (code, _, err) = project.Run(args);
        Assert.AreEqual(2, code);
        Assert.AreEqual(expected, err);
        Assert.HasCount(1, Directory.GetFiles(project.VersionsPath, "*.cs"));
    }

    [TestMethod]
    public void The_help_offers_allow_empty_and_hides_skip_empty()
    {
        using var project = new TempProject();
        var (code, output, _) = project.Run("revision", "--help");
        Assert.AreEqual(0, code);
        StringAssert.Contains(output, "--allow-empty");
        Assert.DoesNotContain("--skip-empty", output);
    }

    private static List<string> Compiler(IEnumerable<string> loaded) =>
        loaded.Where(n => n.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();

    private static (int Code, string Out, string Err, List<string> Loaded) RunChild(TempProject project, params string[] args)
    {
        var hook = HookAssembly.Value;
        var list = Path.Combine(project.Directory, "loaded-" + Guid.NewGuid().ToString("N")[..8] + ".txt");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = project.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "diffmigrate.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_STARTUP_HOOKS"] = hook;
        start.Environment["DIFFMIGRATE_TEST_ASSEMBLY_LIST"] = list;
        start.Environment.Remove("DIFFMIGRATE_URL");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.IsTrue(File.Exists(list), "the startup hook wrote no list: " + stderr.Result);
        return (process.ExitCode, stdout, stderr.Result, File.ReadAllLines(list).ToList());
    }

    [ClassCleanup]
    public static void DeleteHook()
    {
        if (HookAssembly.IsValueCreated) File.Delete(HookAssembly.Value);
    }

    // One hook for the run, compiled against this runtime's own assemblies.
    private static readonly Lazy<string> HookAssembly = new(() =>
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var compilation = CSharpCompilation.Create("DiffMigrateTestStartupHook", [CSharpSyntaxTree.ParseText(Hook)],
            trusted.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(Path.GetTempPath(), "diffmigrate-startup-hook-" + Guid.NewGuid().ToString("N")[..12] + ".dll");
        var result = compilation.Emit(path);
        Assert.IsTrue(result.Success, string.Join("\n", result.Diagnostics));
        return path;
    });
}
