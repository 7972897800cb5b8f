using DiffMigrate.Runner.Configuration;

namespace DiffMigrate.Tests.Pipeline;

/// <summary><c>include</c>, <c>exclude</c> and <c>skipEmpty</c> in diffmigrate.json.</summary>
[TestClass]
public sealed class FilterConfigTests
{
    private string directory = null!;

    [TestInitialize]
    public void Create() => Directory.CreateDirectory(directory = Path.Combine(Path.GetTempPath(), "dm-filter-" + Guid.NewGuid().ToString("N")[..8]));

    [TestCleanup]
    public void Delete() => Directory.Delete(directory, recursive: true);

    private DiffMigrateConfig Load(string json)
    {
        File.WriteAllText(Path.Combine(directory, "diffmigrate.json"), json);
        return ConfigLoader.Load(null, directory, null, _ => null);
    }

    [TestMethod]
    public void Kinded_patterns_and_skip_empty_are_read()
    {
        var config = Load("""{ "exclude": ["table:audit_*", "index:ix_tmp_*", "schema:legacy", "column:*.row_version"], "skipEmpty": true }""");
        CollectionAssert.AreEqual(new[] { "table:audit_*", "index:ix_tmp_*", "schema:legacy", "column:*.row_version" }, config.Exclude!.ToArray());
        Assert.IsTrue(config.SkipEmpty);
        Assert.IsFalse(Load("{}").SkipEmpty, "off unless asked");
    }

    [TestMethod]
    public void A_bad_pattern_fails_loading_naming_the_file_and_the_pattern()
    {
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => Load("""{ "include": ["*"], "exclude": ["colum:*.row_version"] }"""));
        Assert.AreEqual(
            $"{Path.Combine(directory, "diffmigrate.json")}: 'exclude' pattern 'colum:*.row_version' has an unknown kind 'colum': expected schema, table, column, index, unique, foreignKey, check, enum, sequence, view, materializedView, foreignTable, compositeType, partition, partitioning, domain, rangeType, function, procedure, aggregate, trigger, rule, policy, rowSecurity, exclusionConstraint, notValid, grant, extension, eventTrigger, publication (did you mean 'column'?).",
            error.Message);
    }

    [TestMethod]
    public void A_misspelt_skip_empty_key_is_caught()
    {
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => Load("""{ "skipEmtpy": true }"""));
        StringAssert.Contains(error.Message, "Did you mean 'skipEmpty'?");
        Assert.ThrowsExactly<DiffMigrateException>(() => Load("""{ "skipEmpty": "yes" }"""));
    }
}
