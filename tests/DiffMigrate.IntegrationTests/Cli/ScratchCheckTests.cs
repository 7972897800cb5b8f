using DiffMigrate.IntegrationTests.Sqlite;
using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.Cli;

/// <summary><c>check --from-migrations</c> and <c>drift</c>: exit 0 in sync, 1 with differences, 2 on errors.</summary>
[TestClass]
public sealed class ScratchCheckTests
{
    [TestMethod]
    public void Check_from_migrations_needs_no_database_at_head_and_catches_a_forgotten_revision()
    {
        using var project = DiffCommandTests.AtHead();
        // Away, not deleted: a connection pooled by an earlier command would still read a deleted file.
        File.Move(project.Database(), project.Database() + ".away");
        var (code, output, err) = project.Run("check", "--from-migrations");
        Assert.AreEqual(1, code, err);
        StringAssert.StartsWith(output, "The model differs from what the revisions build (3 operations): add a revision for these:\n  + table tags\n");
        Assert.IsFalse(File.Exists(project.Database()), "the scratch database is in memory");
        File.Move(project.Database() + ".away", project.Database());

        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "after", "--rev-id", "000000000002").Code);
        (code, output, err) = project.Run("check", "--from-migrations");
        Assert.AreEqual(0, code, output + err);
        Assert.AreEqual("The model matches what the revisions build.\n", output);
    }

    [TestMethod]
    public void Drift_reports_a_change_made_by_hand_and_nothing_otherwise()
    {
        using var project = DiffCommandTests.AtHead();
        var (code, output, err) = project.Run("drift");
        Assert.AreEqual(0, code, output + err);
        Assert.AreEqual("No drift: the database is what its revisions (000000000001) build.\n", output);

        BatchRebuildTests.Execute(project.Database(), "ALTER TABLE people ADD COLUMN hack TEXT; CREATE INDEX ix_people_code ON people (code);");
        (code, output, err) = project.Run("drift");
        Assert.AreEqual(1, code, err);
        StringAssert.Contains(output, "Drift: the database differs from what its revisions (000000000001) build (2 operations)");
        StringAssert.Contains(output, "- index ix_people_code on people");
        StringAssert.Contains(output, "- column people.hack");
    }

    [TestMethod]
    public void A_broken_revision_is_an_error_not_a_difference()
    {
        using var project = DiffCommandTests.AtHead();
        File.WriteAllText(Path.Combine(project.VersionsPath, "000000000009_broken.cs"), "this is not C#");
        Assert.AreEqual(2, project.Run("check", "--from-migrations").Code);
        Assert.AreEqual(2, project.Run("drift").Code);
    }

    [TestMethod]
    public void On_PostgreSQL_the_scratch_database_is_created_on_the_same_server_and_dropped()
    {
        using var database = PostgresServer.CreateDatabase();
        using var project = DiffCommandTests.AtHead();
        project.Environment["DIFFMIGRATE_URL"] = database.Url;
        var (code, output, err) = project.Run("check", "--from-migrations");
        Assert.AreEqual(1, code, output + err);
        StringAssert.Contains(output, "+ table tags");
        Assert.IsEmpty(database.Strings("SELECT datname FROM pg_database WHERE datname LIKE 'diffmigrate_scratch%'"));

        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        (code, output, err) = project.Run("drift");
        Assert.AreEqual(0, code, output + err);
        database.Execute("ALTER TABLE people ADD COLUMN hack text");
        (code, output, _) = project.Run("drift");
        Assert.AreEqual(1, code);
        StringAssert.Contains(output, "- column people.hack");
    }
}
