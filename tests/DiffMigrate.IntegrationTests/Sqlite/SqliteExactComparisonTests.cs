using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Sqlite;

/// <summary>
/// SQLite comparison has neither false positives nor false negatives: each case is a real database file and a compiled
/// model, and the CLI's <c>check</c> must find them the same or different as the case says; where they differ, the
/// revision autogenerate writes converges.
/// </summary>
[TestClass]
public sealed partial class SqliteExactComparisonTests
{
    /// <summary>How many cases the SQLite side of the corpus holds.</summary>
    internal static int CaseCount => Cases.Length;

    public static IEnumerable<object[]> AllCases => Cases.Select(c => new object[] { c.Name });

    public static IEnumerable<object[]> DifferentCases => Cases.Where(c => !c.Same).Select(c => new object[] { c.Name });

    [TestMethod]
    public void The_catalogue_has_thirty_cases_of_both_verdicts()
    {
        Assert.IsGreaterThanOrEqualTo(30, Cases.Length);
        Assert.IsGreaterThanOrEqualTo(10, Cases.Count(c => c.Same));
        Assert.IsGreaterThanOrEqualTo(10, Cases.Count(c => !c.Same));
        Assert.AreEqual(Cases.Length, Cases.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [TestMethod]
    [DynamicData(nameof(AllCases))]
    public void Check_gives_the_expected_verdict(string name)
    {
        var (_, _, _, same) = Cases.Single(c => c.Name == name);
        using var project = Project(name);
        var check = project.Run("check");
        Assert.AreEqual(same ? 0 : 1, check.Code, check.Out + check.Err);
        if (same) StringAssert.Contains(check.Out, "No new upgrade operations detected.");
        else StringAssert.Contains(check.Out, "New upgrade operations detected");
    }

    [TestMethod]
    [DynamicData(nameof(DifferentCases))]
    public void The_generated_revision_converges(string name)
    {
        using var project = Project(name);
        var revision = project.Run("revision", "--autogenerate", "-m", "fix", "--rev-id", "00000000000f");
        Assert.AreEqual(0, revision.Code, revision.Err);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Err);
        var check = project.Run("check");
        Assert.AreEqual(0, check.Code, check.Out + check.Err + "\n" + File.ReadAllText(Directory.GetFiles(project.VersionsPath, "00000000000f*.cs").Single()));
    }

    /// <summary>A project whose database is the case's DDL and whose model is the case's table, compiled.</summary>
    private static TempProject Project(string name)
    {
        var (_, ddl, body, _) = Cases.Single(c => c.Name == name);
        var project = new TempProject();
        var source = $$"""
            using DiffMigrate;
            using DiffMigrate.Schema;

            public sealed class CaseModel : SchemaDefinition
            {
                public override void Define(SchemaBuilder builder)
                {
                    builder.Table("t", t =>
                    {
                        t.Column("id", SqlType.Int32).PrimaryKey();
                        {{body}}
                    });
                }
            }
            """;
        project.Initialized(ModelAssembly.Compile(source, Path.Combine(project.Directory, "Case.dll")));
        // Every table needs a primary key; the cases leave it out to stay short.
        BatchRebuildTests.Execute(project.Database(), ddl.Replace("CREATE TABLE t (", "CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, ", StringComparison.Ordinal));
        return project;
    }
}
