using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Sqlite;

/// <summary>Autogenerate on SQLite writes batches for what SQLite cannot ALTER, and the revision applies as generated.</summary>
[TestClass]
public sealed class BatchAutogenerateTests
{
    [TestMethod]
    public void Fifty_alterations_of_the_200_table_schema_apply_as_generated_and_converge()
    {
        using var project = new TempProject();
        var schema = GeneratedSchema.Build(200);
        project.Initialized(ModelAssembly.Compile(ModelAssembly.Source(schema), Path.Combine(project.Directory, "Model1.dll")));
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "initial", "--rev-id", "000000000001").Code);
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        // Tables whose only required columns are name and code get a row each, so that the rebuilds have data to keep.
        var tables = schema.Tables
            .Where(t => t.Columns.All(c => c.Nullable || c.Default is not null || c.Identity is not null || c.Name is "name" or "code"))
            .Select(t => t.Name.Name).ToList();
        Assert.IsGreaterThanOrEqualTo(20, tables.Count);
        foreach (var table in tables.Take(20)) BatchRebuildTests.Execute(project.Database(), $"INSERT INTO {table} (name, code) VALUES ('row of {table}', 'c')");

        var (changed, changes) = GeneratedChanges.Apply(schema, 50);
        var config = Path.Combine(project.Directory, "diffmigrate.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("Model1.dll", "Model2.dll", StringComparison.Ordinal));
        ModelAssembly.Compile(ModelAssembly.Source(changed), Path.Combine(project.Directory, "Model2.dll"));

        var second = project.Run("revision", "--autogenerate", "-m", "changes", "--rev-id", "000000000002");
        Assert.AreEqual(0, second.Code, second.Err);
        var source = File.ReadAllText(Directory.GetFiles(project.VersionsPath, "000000000002*.cs").Single());
        StringAssert.Contains(source, "op.BatchAlterTable(");
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Err + "\n" + string.Join("\n", changes));

        var check = project.Run("check");
        Assert.AreEqual(0, check.Code, check.Out + check.Err + "\n" + string.Join("\n", changes));
        foreach (var table in tables.Take(20)) Assert.AreEqual("1", BatchRebuildTests.Scalar(project.Database(), $"SELECT count(*) FROM {table}"), table);

        var down = project.Run("downgrade", "000000000001");
        Assert.AreEqual(0, down.Code, down.Err);
        foreach (var table in tables.Take(20)) Assert.AreEqual("1", BatchRebuildTests.Scalar(project.Database(), $"SELECT count(*) FROM {table}"), table);
    }
}
