using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.MariaDb;

/// <summary>
/// MariaDB commits every DDL statement by itself, so a revision that fails part-way cannot be rolled back: the run
/// stops, the version row stays at the revision before, and the error lists exactly which of the revision's
/// statements were applied, which failed with the server's error, and which were not run.
/// </summary>
[TestClass]
public sealed class MariaDbPartialRevisionTests
{
    private const string First = "op.Execute(\"CREATE TABLE existing (id INT)\");";

    // The second statement fails: the table exists. The third is an operation, shown as the provider renders it.
    private const string Failing = "op.Execute(\"CREATE TABLE t_one (id INT)\"); op.Execute(\"CREATE TABLE existing (id INT)\"); op.DropTable(\"existing\");";

    [TestMethod]
    public void A_failing_statement_stops_the_run_and_the_report_lists_what_was_applied_failed_and_not_run()
    {
        using var database = MariaDbServer.CreateDatabase();
        using var project = RevisionProject.Create("mysql:" + database.ConnectionString, [("m1", First), ("m2", Failing)]);

        var (code, output, err) = project.Run("upgrade", "head");

        Assert.AreEqual(2, code, err);
        Assert.AreEqual("", output);
        var lines = err.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.AreEqual(1, lines.Count(l => l.StartsWith("ERROR:", StringComparison.Ordinal)), err);
        StringAssert.Contains(err, "ERROR: revision m2 (");
        StringAssert.Contains(err, "Table 'existing' already exists");
        StringAssert.Contains(err, "Revision m2 is partly applied: mysql commits each statement by itself");
        CollectionAssert.Contains(lines, "    applied:  1. CREATE TABLE t_one (id INT)", err);
        CollectionAssert.Contains(lines, "    FAILED:   2. CREATE TABLE existing (id INT)", err);
        CollectionAssert.Contains(lines, "    not run:  3. DROP TABLE existing", err);
        StringAssert.Contains(err, "The database is now between m1 and m2, and must be repaired by hand: the version table still says m1");
        StringAssert.Contains(err, "Undo statement 1 and run `diffmigrate stamp m1`, or carry out statements 2 to 3 and run `diffmigrate stamp m2`");
        CollectionAssert.Contains(lines, "  Revision m1 before it stays applied.", err);
        Assert.DoesNotContain(database.Password, err);

        // The first statement's effect stays, the third's is absent (the table it drops is still there), and m2 is not recorded.
        CollectionAssert.AreEqual(new[] { "diffmigrate_version", "existing", "t_one" }, MariaDbRoundTripTests.Tables(database).ToList());
        CollectionAssert.AreEqual(new[] { "m1", "m2@u2" }, database.Strings("SELECT version_num FROM diffmigrate_version ORDER BY 1").ToList());
        var current = project.Run("current");
        Assert.AreEqual(0, current.Code, current.Err);
        StringAssert.Contains(current.Out, "m1");
        Assert.DoesNotContain("m2", current.Out);
    }

    [TestMethod]
    public void A_corrected_revision_resumes_at_the_failed_statement_and_stamp_repairs_by_hand()
    {
        using var database = MariaDbServer.CreateDatabase();
        using var project = RevisionProject.Create("mysql:" + database.ConnectionString, [("m1", First), ("m2", Failing)]);
        Assert.AreEqual(2, project.Run("upgrade", "head").Code);

        // Corrected: statement 1 (t_one exists) must not run again, or the resumed run would fail on it.
        RevisionProject.Write(project, [("m1", First), ("m2", "op.Execute(\"CREATE TABLE t_one (id INT)\"); op.Execute(\"CREATE TABLE t_two (id INT)\"); op.DropTable(\"existing\");")]);
        var resumed = project.Run("upgrade", "head");
        Assert.AreEqual(0, resumed.Code, resumed.Err);
        StringAssert.Contains(resumed.Err, "Resuming revision m2 at its statement 2");
        CollectionAssert.AreEqual(new[] { "diffmigrate_version", "t_one", "t_two" }, MariaDbRoundTripTests.Tables(database).ToList());
        CollectionAssert.AreEqual(new[] { "m2" }, database.Strings("SELECT version_num FROM diffmigrate_version").ToList());
    }

    [TestMethod]
    public void A_revision_failing_at_its_first_statement_says_nothing_of_it_ran()
    {
        using var database = MariaDbServer.CreateDatabase();
        using var project = RevisionProject.Create("mysql:" + database.ConnectionString,
            [("m1", First), ("m2", "op.Execute(\"CREATE TABLE existing (id INT)\"); op.Execute(\"CREATE TABLE t_two (id INT)\");")]);

        var (code, _, err) = project.Run("upgrade", "head");

        Assert.AreEqual(2, code, err);
        var lines = err.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        StringAssert.Contains(err, "Revision m2 failed at its first statement: none of it ran before");
        CollectionAssert.Contains(lines, "    FAILED:   1. CREATE TABLE existing (id INT)", err);
        CollectionAssert.Contains(lines, "    not run:  2. CREATE TABLE t_two (id INT)", err);
        CollectionAssert.Contains(lines, "  The version table still says m1. Correct the revision or the database and run upgrade again.", err);
        Assert.IsFalse(lines.Any(l => l.StartsWith("    applied:", StringComparison.Ordinal)), err);
        CollectionAssert.AreEqual(new[] { "diffmigrate_version", "existing" }, MariaDbRoundTripTests.Tables(database).ToList());
        CollectionAssert.AreEqual(new[] { "m1", "m2@u1" }, database.Strings("SELECT version_num FROM diffmigrate_version ORDER BY 1").ToList());
    }

    [TestMethod]
    public void A_failing_downgrade_is_reported_the_same_way_and_keeps_the_version_row()
    {
        using var database = MariaDbServer.CreateDatabase();
        using var project = RevisionProject.Create("mysql:" + database.ConnectionString, [("m1", First)]);
        File.WriteAllText(Path.Combine(project.VersionsPath, "m2.cs"), """
            using DiffMigrate;

            [Revision("m2", "m1", Message = "rm2")]
            public sealed class Rm2 : Migration
            {
                public override void Upgrade(Operations op)
                {
                    op.Execute("CREATE TABLE t_one (id INT)");
                    op.Execute("CREATE TABLE t_three (id INT)");
                }

                public override void Downgrade(Operations op)
                {
                    op.Execute("DROP TABLE t_three");
                    op.Execute("DROP TABLE no_such_table");
                    op.Execute("DROP TABLE t_one");
                }
            }
            """);
        var up = project.Run("upgrade", "head");
        Assert.AreEqual(0, up.Code, up.Err);

        var (code, _, err) = project.Run("downgrade", "m1");

        Assert.AreEqual(2, code, err);
        StringAssert.Contains(err, "no_such_table");
        StringAssert.Contains(err, "The downgrade of revision m2 is partly applied");
        var lines = err.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        CollectionAssert.Contains(lines, "    applied:  1. DROP TABLE t_three", err);
        CollectionAssert.Contains(lines, "    FAILED:   2. DROP TABLE no_such_table", err);
        CollectionAssert.Contains(lines, "    not run:  3. DROP TABLE t_one", err);
        StringAssert.Contains(err, "between m2 and m1, and must be repaired by hand: the version table still says m2");
        StringAssert.Contains(err, "Undo statement 1 and run `diffmigrate stamp m2`, or carry out statements 2 to 3 and run `diffmigrate stamp m1`");
        CollectionAssert.AreEqual(new[] { "diffmigrate_version", "existing", "t_one" }, MariaDbRoundTripTests.Tables(database).ToList());
        CollectionAssert.AreEqual(new[] { "m2", "m2@d2" }, database.Strings("SELECT version_num FROM diffmigrate_version ORDER BY 1").ToList());
    }
}
