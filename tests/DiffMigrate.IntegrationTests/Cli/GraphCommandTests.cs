using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.Cli;

/// <summary>
/// The text of every graph command, as Alembic prints it, on one project built through the CLI: a fork (left,
/// labelled; right, spliced) merged, a second root labelled audit, and a revision on the merge that depends on audit.
/// </summary>
[TestClass]
public sealed class GraphCommandTests
{
    private static TempProject Built()
    {
        var project = new TempProject();
        Ok(project.Run("init", "migrations"));
        Ok(project.Run("revision", "-m", "first", "--rev-id", "aaaa0001"));
        Ok(project.Run("revision", "-m", "second", "--rev-id", "aaaa0002"));
        Ok(project.Run("revision", "-m", "left", "--rev-id", "aaaa0003", "--branch-label", "left"));
        Ok(project.Run("revision", "-m", "right", "--rev-id", "aaaa0004", "--head", "aaaa0002", "--splice"));
        Ok(project.Run("merge", "heads", "-m", "join", "--rev-id", "aaaa0005"));
        Ok(project.Run("revision", "-m", "audit root", "--rev-id", "bbbb0001", "--head", "base", "--branch-label", "audit"));
        Ok(project.Run("revision", "-m", "needs audit", "--rev-id", "aaaa0006", "--head", "aaaa0005", "--depends-on", "audit"));
        return project;
    }

    private static string Ok((int Code, string Out, string Err) result)
    {
        Assert.AreEqual(0, result.Code, result.Err);
        return result.Out;
    }

    private static string Path(TempProject project, string file) => System.IO.Path.Combine(project.VersionsPath, file);

    [TestMethod]
    public void Merge_and_revision_write_the_down_revisions_labels_and_dependencies()
    {
        using var project = Built();
        StringAssert.Contains(File.ReadAllText(Path(project, "aaaa0005_join.cs")), "[Revision(\"aaaa0005\", \"aaaa0003\", \"aaaa0004\", Message = \"join\")]");
        StringAssert.Contains(File.ReadAllText(Path(project, "bbbb0001_audit_root.cs")), "[Revision(\"bbbb0001\", BranchLabels = new[] { \"audit\" }, Message = \"audit root\")]");
        StringAssert.Contains(File.ReadAllText(Path(project, "aaaa0006_needs_audit.cs")), "DependsOn = new[] { \"audit\" }");
    }

    [TestMethod]
    public void Heads_marks_a_head_that_is_depended_on_as_effective()
    {
        using var project = Built();
        Assert.AreEqual("aaaa0006 (left) (head)\nbbbb0001 (audit) (effective head)\n", Ok(project.Run("heads")));
        Assert.AreEqual("aaaa0006 (left) (head)\n", Ok(project.Run("heads", "--resolve-dependencies")));
        StringAssert.StartsWith(Ok(project.Run("heads", "-v")), "Rev: aaaa0006 (head)\nParent: aaaa0005\nAlso depends on: audit\nBranch names: left\nPath: ");
    }

    [TestMethod]
    public void Branches_prints_each_branch_point_with_its_children_indented()
    {
        using var project = Built();
        Assert.AreEqual("aaaa0002 (branchpoint)\n         -> aaaa0003 (left)\n         -> aaaa0004\n\n", Ok(project.Run("branches")));
        var verbose = Ok(project.Run("branches", "-v"));
        StringAssert.StartsWith(verbose, "Rev: aaaa0002 (branchpoint)\nParent: aaaa0001\nBranches into: aaaa0003, aaaa0004\n");
        StringAssert.EndsWith(verbose, "\n         -> aaaa0003 (left), left\n         -> aaaa0004, right\n\n");
    }

    [TestMethod]
    public void History_is_newest_first_with_parents_dependencies_and_markers()
    {
        // Alembic 1.8.1 prints exactly these lines for the same graph (checked by hand against python3 -m alembic).
        using var project = Built();
        Assert.AreEqual(
            """
            aaaa0005 (audit) -> aaaa0006 (left) (head), needs audit
            aaaa0003, aaaa0004 -> aaaa0005 (left) (mergepoint), join
            aaaa0002 -> aaaa0003 (left), left
            aaaa0002 -> aaaa0004, right
            <base> -> bbbb0001 (audit) (effective head), audit root
            aaaa0001 -> aaaa0002 (branchpoint), second
            <base> -> aaaa0001, first

            """, Ok(project.Run("history")));
    }

    [TestMethod]
    public void History_takes_a_range_and_marks_the_current_revisions()
    {
        using var project = Built();
        Assert.AreEqual(
            """
            aaaa0003, aaaa0004 -> aaaa0005 (left) (mergepoint), join
            aaaa0002 -> aaaa0003 (left), left
            aaaa0002 -> aaaa0004, right
            aaaa0001 -> aaaa0002 (branchpoint), second

            """, Ok(project.Run("history", "-r", "aaaa0002:aaaa0005")));
        // A relative start counts down from the end, as Alembic 1.8.1 prints for -r-1: on the same graph.
        Assert.AreEqual("aaaa0005 (audit) -> aaaa0006 (left) (head), needs audit\naaaa0003, aaaa0004 -> aaaa0005 (left) (mergepoint), join\n",
            Ok(project.Run("history", "-r", "-1:")));
        Ok(project.Run("upgrade", "aaaa0003"));
        Assert.AreEqual("aaaa0001 -> aaaa0002 (branchpoint), second\n<base> -> aaaa0001, first\n",
            Ok(project.Run("history", "-r", ":aaaa0002")));
        var marked = Ok(project.Run("history", "-i", "-r", "aaaa0002:current"));
        Assert.AreEqual("aaaa0002 -> aaaa0003 (left) (current), left\naaaa0001 -> aaaa0002 (branchpoint), second\n", marked);
        StringAssert.Contains(Ok(project.Run("history", "-v", "-i")), "Rev: aaaa0003 (current)\n");
    }

    [TestMethod]
    public void Current_shows_the_tip_of_every_applied_branch()
    {
        using var project = Built();
        Assert.AreEqual("", Ok(project.Run("current")));
        Ok(project.Run("upgrade", "heads"));
        // One version row (aaaa0006); bbbb0001 is applied as its dependency, so it is current too.
        CollectionAssert.AreEqual(new[] { "aaaa0006" }, project.VersionRows().ToArray());
        Assert.AreEqual("aaaa0006 (head)\nbbbb0001 (effective head)\n", Ok(project.Run("current")));
        // Unlike Alembic, which compares rows with heads and so fails here although every head is applied.
        Ok(project.Run("current", "--check-heads"));
        var verbose = Ok(project.Run("current", "-v"));
        StringAssert.StartsWith(verbose, $"Current revision(s) for sqlite:///{project.Database()}:\nRev: aaaa0006 (head)\n");
        StringAssert.StartsWith(Ok(project.Run("show", "current")), "Rev: aaaa0006 (head)\n");
    }

    [TestMethod]
    public void Current_check_heads_fails_when_the_database_is_behind()
    {
        using var project = Built();
        Ok(project.Run("upgrade", "aaaa0002"));
        var result = project.Run("current", "--check-heads");
        Assert.AreEqual(2, result.Code);
        Assert.AreEqual("ERROR: Database is not on all head revisions: it is at aaaa0002, the heads are aaaa0006, bbbb0001.\n", result.Err);
    }

    [TestMethod]
    public void Show_resolves_every_identifier_form()
    {
        using var project = Built();
        StringAssert.StartsWith(Ok(project.Run("show", "aaaa0005")), "Rev: aaaa0005 (mergepoint)\nMerges: aaaa0003, aaaa0004\n");
        StringAssert.StartsWith(Ok(project.Run("show", "audit")), "Rev: bbbb0001 (head)\nParent: <base>\nBranch names: audit\n");
        StringAssert.StartsWith(Ok(project.Run("show", "left@head")), "Rev: aaaa0006 (head)\n");
        StringAssert.StartsWith(Ok(project.Run("show", "aaaa0003-1")), "Rev: aaaa0002 (branchpoint)\n");
        var ambiguous = project.Run("show", "aaaa0006-2");
        Assert.AreEqual(2, ambiguous.Code, "two steps down from aaaa0006 passes a merge point: ambiguous");
        StringAssert.Contains(ambiguous.Err, "Ambiguous walk: aaaa0005 has several down revisions (aaaa0003, aaaa0004)");
        // As a target, heads means the real heads: bbbb0001 is depended on, so it is not one.
        Assert.AreEqual(1, Ok(project.Run("show", "heads")).Split("Rev: ").Length - 1);
    }

    [TestMethod]
    public void Stamp_sql_prints_the_version_table_edits_only()
    {
        using var project = Built();
        var script = Ok(project.Run("stamp", "--sql", "aaaa0002"));
        Assert.AreEqual(
            """
            BEGIN;

            CREATE TABLE diffmigrate_version (
                version_num VARCHAR(32) NOT NULL,
                CONSTRAINT diffmigrate_version_pkc PRIMARY KEY (version_num)
            );

            INSERT INTO diffmigrate_version (version_num) VALUES ('aaaa0002');

            COMMIT;

            """, script);
        Assert.AreEqual("BEGIN;\n\nUPDATE diffmigrate_version SET version_num='aaaa0005' WHERE diffmigrate_version.version_num = 'aaaa0003';\n\nCOMMIT;\n",
            Ok(project.Run("stamp", "--sql", "aaaa0003:aaaa0005")));
        var mixed = project.Run("stamp", "--sql", "aaaa0001:aaaa0002", "aaaa0003:bbbb0001");
        Assert.AreEqual("ERROR: Stamp operation with --sql only supports a single starting revision at a time\n", mixed.Err);
        Assert.IsFalse(File.Exists(project.Database()), "offline mode never opens the database");
    }

    [TestMethod]
    public void Ensure_version_creates_the_table_once_and_prints_it_offline()
    {
        using var project = Built();
        StringAssert.Contains(Ok(project.Run("ensure-version", "--sql")), "CREATE TABLE diffmigrate_version (");
        Assert.IsFalse(File.Exists(project.Database()));
        var first = project.Run("ensure-version");
        Assert.AreEqual(0, first.Code, first.Err);
        Assert.AreEqual("Created the version table diffmigrate_version.\n", first.Err);
        Assert.IsEmpty(project.VersionRows());
        Assert.AreEqual("The version table diffmigrate_version already exists.\n", project.Run("ensure-version").Err);
    }

    [TestMethod]
    public void Edit_opens_each_named_script_in_the_editor()
    {
        using var project = Built();
        var log = System.IO.Path.Combine(project.Directory, "opened.txt");
        var editor = System.IO.Path.Combine(project.Directory, "editor.sh");
        File.WriteAllText(editor, $"echo \"$@\" >> '{log}'\n");
        project.Environment["EDITOR"] = "sh " + editor;
        Ok(project.Run("edit", "heads"));
        Assert.AreEqual(Path(project, "aaaa0006_needs_audit.cs") + "\n", File.ReadAllText(log));
        project.Environment["VISUAL"] = "sh " + editor + " --wait";
        Ok(project.Run("edit", "audit"));
        StringAssert.EndsWith(File.ReadAllText(log), "--wait " + Path(project, "bbbb0001_audit_root.cs") + "\n");

        Assert.AreEqual("ERROR: No revision files indicated by symbol 'base'\n", project.Run("edit", "base").Err);
        project.Environment.Clear();
        Assert.AreEqual(2, project.Run("edit", "audit").Code);
        var failing = System.IO.Path.Combine(project.Directory, "failing.sh");
        File.WriteAllText(failing, "exit 3\n");
        project.Environment["EDITOR"] = "sh " + failing;
        StringAssert.Contains(project.Run("edit", "audit").Err, "exited with code 3");
    }
}
