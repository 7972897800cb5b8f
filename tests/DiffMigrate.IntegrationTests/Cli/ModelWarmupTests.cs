using DiffMigrate.Design.ModelLoading;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Cli;

/// <summary>
/// A builder model's lambdas are compiled on another core while the model runs them: the model read is the same,
/// its code runs exactly once per call it makes, and its errors are what they were.
/// </summary>
[TestClass]
public sealed class ModelWarmupTests
{
    [TestMethod]
    public void A_large_builder_model_is_warmed_and_reads_the_same()
    {
        using var project = new TempProject();
        var schema = GeneratedSchema.Build(120);
        var assembly = ModelLoader.Load(ModelAssembly.Compile(ModelAssembly.Source(schema), Path.Combine(project.Directory, "Big.dll")));
        using (var warmup = ModelWarmup.Start(assembly)) Assert.IsNotNull(warmup, "120 lambdas are worth a thread");
        var read = ModelLoader.ReadSchema(assembly, "Big.dll", NamingConvention.Default);
        Assert.AreEqual(SchemaModel.FromAssembly(assembly), read);
        CollectionAssert.AreEqual(schema.Tables.Select(t => t.Name.Name).ToList(), read.Tables.Select(t => t.Name.Name).ToList());

        var small = ModelLoader.Load(ModelAssembly.Compile(ModelAssembly.Source(GeneratedSchema.Build(3)), Path.Combine(project.Directory, "Small.dll")));
        Assert.IsNull(ModelWarmup.Start(small), "3 lambdas are read before a thread would start");
    }

    [TestMethod]
    public void Each_lambda_runs_once_and_a_failing_one_is_still_the_error()
    {
        using var project = new TempProject();
        foreach (var failAt in new[] { -1, 37 })
        {
            var tables = string.Concat(Enumerable.Range(0, 60).Select(i =>
                $"        builder.Table(\"t{i}\", t => {{ Calls.Count++; {(i == failAt ? "throw new System.InvalidOperationException(\"table " + i + " is broken\");" : "")} t.Column(\"id\", SqlType.Int32); t.PrimaryKey(new[] {{ \"id\" }}); }});\n"));
            var source = "using DiffMigrate;\nusing DiffMigrate.Schema;\n\npublic static class Calls { public static int Count; }\n\n" +
                "public sealed class Counted : SchemaDefinition\n{\n    public override void Define(SchemaBuilder builder)\n    {\n" + tables + "    }\n}\n";
            var assembly = ModelLoader.Load(ModelAssembly.Compile(source, Path.Combine(project.Directory, $"Counted{failAt + 1}.dll")));
            var calls = assembly.GetType("Calls")!.GetField("Count")!;
            if (failAt < 0)
            {
                Assert.HasCount(60, ModelLoader.ReadSchema(assembly, "Counted.dll", NamingConvention.Default).Tables);
                Assert.AreEqual(60, calls.GetValue(null), "compiling a lambda ahead of its call never runs it");
                continue;
            }
            var error = Assert.ThrowsExactly<DiffMigrateException>(() => ModelLoader.ReadSchema(assembly, "Counted.dll", NamingConvention.Default));
            Assert.AreEqual("The model Counted.dll could not be read: InvalidOperationException: table 37 is broken", error.Message);
            Assert.AreEqual(38, calls.GetValue(null));
        }
    }
}
