using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.Postgres;

/// <summary>
/// What a failure leaves, and says it leaves, in the three ways a run uses transactions on PostgreSQL: one for the
/// run, one per revision, and none around a statement such as CREATE INDEX CONCURRENTLY (resumed by the next run).
/// </summary>
[TestClass]
public sealed class PostgresResumeTests
{
    private const string Fails = "op.Execute(\"SELECT no_such_function()\");";

    [TestMethod]
    public void One_transaction_failure_rolls_everything_back_and_says_so()
    {
        using var database = PostgresServer.CreateDatabase();
        using var project = RevisionProject.Create(database.Url, [("a1", "op.Execute(\"CREATE TABLE t1 (id int)\");"), ("a2", "op.Execute(\"CREATE TABLE t2 (id int)\");"), ("a3", Fails)]);

        var (code, output, err) = project.Run("upgrade", "head");

        Assert.AreEqual(2, code);
        Assert.AreEqual("", output);
        StringAssert.Contains(err, "Running upgrade a2 -> a3");
        StringAssert.Contains(err, "no_such_function");
        StringAssert.Contains(err, "Rolled back: the database is as it was before this command.");
        Assert.IsEmpty(Rows(database));
        Assert.IsEmpty(database.Strings("SELECT tablename FROM pg_tables WHERE tablename IN ('t1', 't2')"));
    }

    [TestMethod]
    public void Transaction_per_revision_failure_names_the_revisions_that_stay()
    {
        using var database = PostgresServer.CreateDatabase();
        using var project = RevisionProject.Create(database.Url,
            [("a1", "op.Execute(\"CREATE TABLE t1 (id int)\");"), ("a2", "op.Execute(\"CREATE TABLE t2 (id int)\");"), ("a3", "op.Execute(\"CREATE TABLE t3 (id int)\");" + Fails)],
            perRevision: true);

        var (code, _, err) = project.Run("upgrade", "head");

        Assert.AreEqual(2, code);
        StringAssert.Contains(err, "Rolled back revision a3; revisions a1, a2 before it stay applied (the database is at a2).");
        Assert.DoesNotContain("as it was before this command", err);
        CollectionAssert.AreEqual(new[] { "a2" }, Rows(database).ToList());
        CollectionAssert.AreEquivalent(new[] { "t1", "t2" }, database.Strings("SELECT tablename FROM pg_tables WHERE tablename LIKE 't_'").ToList());
    }

    [TestMethod]
    public void A_failure_after_a_concurrent_index_says_what_stays_and_the_next_upgrade_resumes()
    {
        using var database = PostgresServer.CreateDatabase();
        var revisions = new List<(string, string)>
        {
            ("b1", "op.Execute(\"CREATE TABLE t1 (id int)\");"),
            ("b2", """
                op.Execute("CREATE TABLE before_idx (id int, code text)");
                op.CreateIndex("before_idx", Index("ix_before_code", ["code"]), concurrently: true);
                op.Execute("CREATE TABLE between_idx (id int)");
                op.CreateIndex("before_idx", Index("ix_before_id", ["id"]), concurrently: true);
                """ + Fails),
        };
        using var project = RevisionProject.Create(database.Url, revisions);

        var (code, _, err) = project.Run("upgrade", "head");

        Assert.AreEqual(2, code);
        StringAssert.Contains(err, "Revision b2 stopped after its statement 2 ran outside a transaction: CREATE INDEX CONCURRENTLY ix_before_id ON before_idx (id) stays applied, with the statements before it; run upgrade again to resume.");
        StringAssert.Contains(err, "Revision b1 before it stays applied.");
        Assert.DoesNotContain("Rolled back: the database is as it was", err);
        // The documented resumable state: b1 recorded, and a marker for b2's second statement outside a transaction.
        CollectionAssert.AreEqual(new[] { "b1", "b2@u2" }, Rows(database).ToList());
        Assert.HasCount(2, database.Strings("SELECT 1 FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid WHERE c.relname LIKE 'ix_before_%' AND x.indisvalid"));
        Assert.AreEqual(0, project.Run("current").Code);

        // Fix the revision; the next run must not redo CREATE TABLE before_idx (it would fail: it exists).
        revisions[1] = ("b2", ((string)revisions[1].Item2).Replace(Fails, "op.Execute(\"CREATE TABLE after_idx (id int)\");", StringComparison.Ordinal));
        RevisionProject.Write(project, revisions);
        (code, var output, err) = project.Run("upgrade", "head");

        Assert.AreEqual(0, code, err);
        Assert.AreEqual("", output);
        StringAssert.Contains(err, "Resuming revision b2 at its statement 2");
        CollectionAssert.AreEqual(new[] { "b2" }, Rows(database).ToList());
        CollectionAssert.AreEquivalent(new[] { "after_idx", "before_idx", "between_idx", "t1" },
            database.Strings("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'diffmigrate_version'").ToList());
    }

    [TestMethod]
    public void A_concurrent_index_that_fails_leaves_an_invalid_index_that_the_resumed_run_replaces()
    {
        using var database = PostgresServer.CreateDatabase();
        var revisions = new List<(string, string)>
        {
            ("c1", "op.Execute(\"CREATE TABLE items (id int, code text)\"); op.Execute(\"INSERT INTO items VALUES (1, 'x'), (2, 'x')\");"),
            ("c2", """
                op.Execute("CREATE TABLE c2_before (id int)");
                op.CreateIndex("items", Index("ux_items_code", ["code"], unique: true), concurrently: true);
                op.Execute("CREATE TABLE c2_after (id int)");
                """),
        };
        using var project = RevisionProject.Create(database.Url, revisions, perRevision: true);

        var (code, _, err) = project.Run("upgrade", "head");

        Assert.AreEqual(2, code);
        StringAssert.Contains(err, "Revision c2 stopped at its statement 1, which runs outside a transaction (CREATE UNIQUE INDEX CONCURRENTLY ux_items_code ON items (code)): the statements before it stay applied; run upgrade again to resume.");
        CollectionAssert.AreEqual(new[] { "c1", "c2@u1" }, Rows(database).ToList());
        CollectionAssert.AreEqual(new[] { "False" }, database.Strings("SELECT x.indisvalid FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid WHERE c.relname = 'ux_items_code'").ToList());

        // A downgrade cannot start from the middle of an upgrade.
        (code, _, err) = project.Run("downgrade", "base");
        Assert.AreEqual(2, code);
        StringAssert.Contains(err, "The upgrade of revision c2 stopped at its statement 1");

        database.Execute("DELETE FROM items WHERE id = 2");
        (code, _, err) = project.Run("upgrade", "head");

        Assert.AreEqual(0, code, err);
        StringAssert.Contains(err, "Dropping the invalid index ux_items_code");
        CollectionAssert.AreEqual(new[] { "c2" }, Rows(database).ToList());
        CollectionAssert.AreEqual(new[] { "True" }, database.Strings("SELECT x.indisvalid FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid WHERE c.relname = 'ux_items_code'").ToList());
        Assert.HasCount(1, database.Strings("SELECT 1 FROM pg_tables WHERE tablename = 'c2_after'"));
    }

    [TestMethod]
    public void A_failure_in_a_later_revision_keeps_the_one_that_left_the_transaction()
    {
        using var database = PostgresServer.CreateDatabase();
        using var project = RevisionProject.Create(database.Url,
        [
            ("d1", "op.Execute(\"CREATE TABLE t1 (id int)\");"),
            ("d2", "op.CreateIndex(\"t1\", Index(\"ix_t1\", [\"id\"]), concurrently: true);"),
            ("d3", "op.Execute(\"CREATE TABLE t3 (id int)\");"),
            ("d4", Fails),
        ]);

        var (code, _, err) = project.Run("upgrade", "head");

        Assert.AreEqual(2, code);
        StringAssert.Contains(err, "Rolled back revisions d3, d4; revisions d1, d2 before them stay applied (the database is at d2).");
        CollectionAssert.AreEqual(new[] { "d2" }, Rows(database).ToList());
        Assert.IsEmpty(database.Strings("SELECT 1 FROM pg_tables WHERE tablename = 't3'"));
    }

    [TestMethod]
    public void Stamp_clears_a_progress_marker()
    {
        using var database = PostgresServer.CreateDatabase();
        using var project = RevisionProject.Create(database.Url,
            [("e1", "op.Execute(\"CREATE TABLE t1 (id int)\"); op.CreateIndex(\"t1\", Index(\"ix_t1\", [\"id\"]), concurrently: true);" + Fails)]);
        Assert.AreEqual(2, project.Run("upgrade", "head").Code);
        CollectionAssert.AreEqual(new[] { "e1@u1" }, Rows(database).ToList());

        var (code, _, err) = project.Run("stamp", "e1");

        Assert.AreEqual(0, code, err);
        CollectionAssert.AreEqual(new[] { "e1" }, Rows(database).ToList());
    }

    [TestMethod]
    public void Current_says_a_revision_is_unfinished_and_check_heads_fails_until_it_is_resumed()
    {
        using var database = PostgresServer.CreateDatabase();
        using var project = RevisionProject.Create(database.Url,
            [("e1", "op.Execute(\"CREATE TABLE t1 (id int)\"); op.CreateIndex(\"t1\", Index(\"ix_t1\", [\"id\"]), concurrently: true);" + Fails)]);
        Assert.AreEqual(2, project.Run("upgrade", "head").Code);

        var (code, output, err) = project.Run("current");
        Assert.AreEqual(0, code, err);
        Assert.AreEqual("", output, "no revision is applied yet");
        StringAssert.Contains(err, "Unfinished: the upgrade of revision e1 stopped at its statement 1");
        Assert.AreEqual(2, project.Run("current", "--check-heads").Code);
    }

    [TestMethod]
    public void A_statement_the_driver_cannot_encode_is_one_error_and_rolls_back()
    {
        using var database = PostgresServer.CreateDatabase();
        // A lone surrogate, as a hand-edited revision can hold: Npgsql cannot encode it as UTF-8.
        using var project = RevisionProject.Create(database.Url,
            [("g1", "op.Execute(\"CREATE TABLE t1 (id int)\");"), ("g2", "op.Execute(\"SELECT '\\uD800'\");")]);

        var (code, _, err) = project.Run("upgrade", "head");

        Assert.AreEqual(2, code, err);
        Assert.AreEqual(1, err.Split('\n').Count(l => l.StartsWith("ERROR:", StringComparison.Ordinal)), err);
        Assert.DoesNotContain("unexpected", err);
        StringAssert.Contains(err, "revision g2");
        Assert.IsEmpty(Rows(database), "nothing applied");
        Assert.IsEmpty(database.Strings("SELECT tablename::text FROM pg_tables WHERE tablename = 't1'"), "g1 rolled back with it");
    }

    private static IReadOnlyList<string> Rows(TestDatabase database) =>
        database.Strings("SELECT 1 FROM pg_tables WHERE tablename = 'diffmigrate_version'").Count == 0 ? [] : database.Strings("SELECT version_num FROM diffmigrate_version ORDER BY version_num COLLATE \"C\"");
}
