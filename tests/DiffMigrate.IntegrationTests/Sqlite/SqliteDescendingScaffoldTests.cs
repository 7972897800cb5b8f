using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Sqlite;

/// <summary>Scaffold keeps SQLite's DESC index keys: the model it writes declares them and compares equal with the database.</summary>
[TestClass]
public sealed class SqliteDescendingScaffoldTests
{
    private const string Schema = """
        CREATE TABLE people (id INTEGER NOT NULL PRIMARY KEY, name TEXT, email TEXT, born INTEGER);
        CREATE INDEX ix_people_born ON people (born DESC, name);
        CREATE UNIQUE INDEX ix_people_contact ON people (coalesce(email, name) DESC);
        CREATE TABLE events (id INTEGER NOT NULL PRIMARY KEY, at INTEGER);
        CREATE INDEX ix_events_at ON events (at DESC);
        """;

    [TestMethod]
    [DataRow("builder")]
    [DataRow("attributes")]
    public void Scaffolded_model_keeps_desc_keys_and_compares_equal(string style)
    {
        using var project = new TempProject().Initialized(database: "b.db");
        BatchRebuildTests.Execute(project.Database("a.db"), Schema);
        var (code, _, err) = project.Run("scaffold", "--url", "sqlite:///a.db", "--out", "Scaffolded", "--namespace", "Adopted", "--style", style);
        Assert.AreEqual(0, code, err);
        var files = Directory.GetFiles(Path.Combine(project.Directory, "Scaffolded"), "*.cs").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var source = string.Join("\n", files);
        // people has an expression key, so it is written with the builder in both styles; events is an entity class in the attributes style.
        StringAssert.Contains(source, "descending: [true, false]", source);
        StringAssert.Contains(source, style == "builder" ? "descending: [true]);" : "IsDescending = new[] { true }", source);

        var model = ModelAssembly.Compile(files, Path.Combine(project.Directory, "Adopted.dll"));
        project.UseModel(model);
        var compare = project.Run("diff", "--from", "sqlite:///a.db", "--to", "model");
        Assert.AreEqual(0, compare.Code, compare.Out + compare.Err + "\n" + source);

        // The baseline built from the scaffolded model makes the same DESC indexes.
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "--from-empty", "-m", "baseline", "--rev-id", "0000000000ba").Code);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Err);
        Assert.AreEqual("1,0", string.Join(",", TempProject.Strings(project.Database("b.db"), "SELECT CAST(\"desc\" AS TEXT) FROM pragma_index_xinfo('ix_people_born') WHERE key = 1 ORDER BY seqno")));
        Assert.AreEqual("1", string.Join(",", TempProject.Strings(project.Database("b.db"), "SELECT CAST(\"desc\" AS TEXT) FROM pragma_index_xinfo('ix_people_contact') WHERE key = 1 ORDER BY seqno")));
        Assert.AreEqual("1", string.Join(",", TempProject.Strings(project.Database("b.db"), "SELECT CAST(\"desc\" AS TEXT) FROM pragma_index_xinfo('ix_events_at') WHERE key = 1 ORDER BY seqno")));
        var forward = project.Run("diff", "--from", "sqlite:///a.db", "--to", "sqlite:///b.db");
        Assert.AreEqual(0, forward.Code, forward.Out + forward.Err);
    }
}
