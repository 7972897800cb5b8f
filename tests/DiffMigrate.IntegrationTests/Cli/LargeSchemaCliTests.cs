using System.Diagnostics;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Cli;

/// <summary>
/// The generated 200-table schema (every type and constraint) driven through the CLI as a user would: a compiled
/// builder model, autogenerate from empty, upgrade, autogenerate again, check, downgrade to base.
/// </summary>
[TestClass]
public sealed class LargeSchemaCliTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Two_hundred_tables_autogenerate_upgrade_converge_and_downgrade_to_base()
    {
        using var project = new TempProject();
        var model = ModelAssembly.Compile(ModelAssembly.Source(GeneratedSchema.Build(200)), Path.Combine(project.Directory, "GeneratedModel.dll"));
        project.Initialized(model);

        var first = project.Run("revision", "--autogenerate", "-m", "everything", "--rev-id", "000000000200");
        Assert.AreEqual(0, first.Code, first.Err);
        var source = File.ReadAllText(Directory.GetFiles(project.VersionsPath, "*.cs").Single());
        Assert.AreEqual(200, CountOf(source, "op.CreateTable("));

        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Err);
        Assert.HasCount(201, CliWorkflowTests.Tables(project.Database()));

        var check = project.Run("check");
        Assert.AreEqual(0, check.Code, check.Out + check.Err);

        var clock = Stopwatch.StartNew();
        var again = project.Run("revision", "--autogenerate", "-m", "nothing", "--rev-id", "000000000201");
        clock.Stop();
        Assert.AreEqual(0, again.Code, again.Err);
        StringAssert.Contains(again.Err, "No changes detected");
        TestContext.WriteLine($"no-op autogenerate on 200 tables through the CLI: {clock.ElapsedMilliseconds} ms");

        var down = project.Run("downgrade", "base");
        Assert.AreEqual(0, down.Code, down.Err);
        CollectionAssert.AreEqual(new[] { "diffmigrate_version" }, CliWorkflowTests.Tables(project.Database()).ToList());
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
