using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;

namespace DiffMigrate.Tests.Packaging;

/// <summary>
/// The runtime package (DiffMigrate, packed from src/Runner) must not drag a compiler, MSBuild or Humanizer into an
/// application: walked two ways from DiffMigrate.Runner, by the assembly references compiled into the DLLs in this
/// test's output folder, and by the dependency graph in this test's deps.json (which also sees a package that is
/// referenced but whose types no code uses). The same walks from DiffMigrate.Design must find Roslyn.
/// </summary>
[TestClass]
public sealed class RuntimeClosureTests
{
    private static readonly string[] DesignOnly = ["Microsoft.CodeAnalysis", "Microsoft.Build", "Humanizer"];

    [TestMethod]
    public void Runtime_assemblies_reference_no_compiler_msbuild_or_humanizer()
    {
        var closure = AssemblyClosure("DiffMigrate.Runner");

        // The walk went past the first DLL (a reference the compiler found unused is not in the metadata, so only
        // Model, which every runtime assembly uses, is certain to be there).
        Assert.IsTrue(closure.Contains("DiffMigrate.Model"), "walk from the runtime: " + string.Join(", ", closure.Order()));
        Assert.IsTrue(closure.Contains("System.Runtime"));
        Assert.IsFalse(closure.Contains("DiffMigrate.Design"), "the runtime references DiffMigrate.Design");
        Assert.IsFalse(closure.Contains("DiffMigrate.Render.CSharp"), "the runtime references DiffMigrate.Render.CSharp");
        var offending = closure.Where(IsDesignOnly).ToList();
        Assert.AreEqual(0, offending.Count, "the runtime references " + string.Join(", ", offending));
    }

    [TestMethod]
    public void Design_assemblies_do_reference_roslyn_so_the_walk_can_fail()
    {
        var closure = AssemblyClosure("DiffMigrate.Design");

        Assert.IsTrue(closure.Contains("Microsoft.CodeAnalysis.CSharp"), "walk from Design: " + string.Join(", ", closure.Order()));
        Assert.IsTrue(closure.Contains("Microsoft.CodeAnalysis"));
        Assert.IsTrue(closure.Contains("DiffMigrate.Runner"));
    }

    [TestMethod]
    public void Runtime_project_depends_on_no_compiler_msbuild_or_humanizer_package()
    {
        var closure = DepsClosure("DiffMigrate.Runner");

        Assert.IsTrue(closure.Count >= 5, "deps.json walk from the runtime: " + string.Join(", ", closure.Order()));
        var offending = closure.Where(IsDesignOnly).ToList();
        Assert.AreEqual(0, offending.Count, "the runtime project depends on " + string.Join(", ", offending));
    }

    [TestMethod]
    public void Design_project_does_depend_on_roslyn_so_the_deps_walk_can_fail()
    {
        var closure = DepsClosure("DiffMigrate.Design");

        Assert.IsTrue(closure.Contains("Microsoft.CodeAnalysis.CSharp"), "deps.json walk from Design: " + string.Join(", ", closure.Order()));
    }

    private static bool IsDesignOnly(string name) =>
        DesignOnly.Any(prefix => name.Equals(prefix, StringComparison.OrdinalIgnoreCase)
            || name.StartsWith(prefix + ".", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Names of the assemblies reachable from <paramref name="root"/> through the references in their metadata,
    /// reading each DLL from the test's output folder without loading it. An assembly not there comes from the
    /// shared framework, which references nothing of ours, so the walk stops at it.
    /// </summary>
    private static HashSet<string> AssemblyClosure(string root)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { root };
        var pending = new Queue<string>([root]);
        while (pending.TryDequeue(out var name))
        {
            var path = Path.Combine(AppContext.BaseDirectory, name + ".dll");
            if (!File.Exists(path))
            {
                Assert.AreNotEqual(root, name, root + ".dll is not in the test output folder " + AppContext.BaseDirectory);
                continue;
            }

            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.AssemblyReferences)
            {
                var referenced = metadata.GetString(metadata.GetAssemblyReference(handle).Name);
                if (seen.Add(referenced)) pending.Enqueue(referenced);
            }
        }
        return seen;
    }

    /// <summary>
    /// Names of the libraries (projects and packages) reachable from the library that ships
    /// <paramref name="assembly"/>.dll, in the dependency graph of this test's deps.json.
    /// </summary>
    internal static HashSet<string> DepsClosure(string assembly)
    {
        var depsPath = Path.Combine(AppContext.BaseDirectory, typeof(RuntimeClosureTests).Assembly.GetName().Name + ".deps.json");
        using var deps = JsonDocument.Parse(File.ReadAllText(depsPath));
        var runtimeTarget = deps.RootElement.GetProperty("runtimeTarget").GetProperty("name").GetString()!;
        var libraries = deps.RootElement.GetProperty("targets").GetProperty(runtimeTarget).EnumerateObject()
            .ToDictionary(library => library.Name[..library.Name.IndexOf('/')], library => library.Value, StringComparer.OrdinalIgnoreCase);

        // A project's library is named after its package id (DiffMigrate for src/Runner), so find it by its DLL.
        var projects = deps.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(library => library.Value.GetProperty("type").GetString() == "project")
            .Select(library => library.Name[..library.Name.IndexOf('/')])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var root = libraries.Single(library => projects.Contains(library.Key)
            && library.Value.TryGetProperty("runtime", out var runtime)
            && runtime.EnumerateObject().Any(file => Path.GetFileName(file.Name).Equals(assembly + ".dll", StringComparison.OrdinalIgnoreCase))).Key;

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { root };
        var pending = new Queue<string>([root]);
        while (pending.TryDequeue(out var name))
        {
            if (!libraries.TryGetValue(name, out var library) || !library.TryGetProperty("dependencies", out var dependencies)) continue;
            foreach (var dependency in dependencies.EnumerateObject())
            {
                if (seen.Add(dependency.Name)) pending.Enqueue(dependency.Name);
            }
        }

        // What the libraries ship counts too: a package could carry a Roslyn DLL under another name.
        var files = seen.Where(libraries.ContainsKey)
            .SelectMany(name => libraries[name].TryGetProperty("runtime", out var runtime)
                ? runtime.EnumerateObject().Select(file => Path.GetFileNameWithoutExtension(file.Name))
                : [])
            .ToList();
        seen.UnionWith(files);
        return seen;
    }
}
