using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.Cli;

/// <summary>revision and merge refuse what Alembic refuses, before writing anything; version folders; templates.</summary>
[TestClass]
public sealed class RevisionCommandTests
{
    private static TempProject Forked()
    {
        var project = new TempProject();
        Ok(project.Run("init", "migrations"));
        Ok(project.Run("revision", "-m", "first", "--rev-id", "aaaa0001", "--branch-label", "core"));
        Ok(project.Run("revision", "-m", "left", "--rev-id", "aaaa0002"));
        Ok(project.Run("revision", "-m", "right", "--rev-id", "aaaa0003", "--head", "aaaa0001", "--splice"));
        return project;
    }

    private static void Ok((int Code, string Out, string Err) result) => Assert.AreEqual(0, result.Code, result.Err);

    private static void Refused(TempProject project, string expectedError, params string[] args)
    {
        var before = Directory.GetFiles(project.VersionsPath).Length;
        var result = project.Run(args);
        Assert.AreEqual(2, result.Code, result.Out);
        Assert.AreEqual("ERROR: " + expectedError + "\n", result.Err);
        Assert.HasCount(before, Directory.GetFiles(project.VersionsPath), "nothing is written");
    }

    [TestMethod]
    public void Every_validation_is_one_clear_error_and_writes_nothing()
    {
        using var project = Forked();
        Refused(project, "Multiple heads are present (aaaa0002, aaaa0003); please specify the head revision on which the new revision should be based (--head), or perform a merge.",
            "revision", "-m", "x");
        Refused(project, "Revision aaaa0001 is not a head revision; please specify --splice to create a new branch from this revision",
            "revision", "-m", "x", "--head", "aaaa0001");
        Refused(project, "Duplicate head revisions specified", "merge", "aaaa0002", "aaaa0002", "-m", "x");
        Refused(project, "Revision aaaa0002 is already present.", "revision", "-m", "x", "--head", "aaaa0002", "--rev-id", "aaaa0002");
        Refused(project, "Revision id 'heads' is reserved (head, heads, base and current name positions, not revisions).",
            "revision", "-m", "x", "--head", "aaaa0002", "--rev-id", "heads");
        Refused(project, "Branch name 'core' in revision cccc0001 already used by revision aaaa0001",
            "revision", "-m", "x", "--head", "aaaa0002", "--rev-id", "cccc0001", "--branch-label", "core");
        Refused(project, "No such revision or branch 'nope'", "revision", "-m", "x", "--head", "aaaa0002", "--depends-on", "nope");
        Refused(project, "--depends-on heads names 2 revisions; name exactly one.", "revision", "-m", "x", "--head", "aaaa0002", "--depends-on", "heads");
        var elsewhere = Path.Combine(project.Directory, "elsewhere");
        Refused(project, $"Path {elsewhere} is not represented in current version locations ({project.VersionsPath}).",
            "revision", "-m", "x", "--head", "aaaa0002", "--version-path", "elsewhere");
    }

    [TestMethod]
    public void Autogenerate_reports_its_own_arguments_before_the_model()
    {
        // The model loads while the arguments are checked; init's configuration names a model that is not there.
        using var project = Forked();
        Refused(project, "Revision aaaa0001 is not a head revision; please specify --splice to create a new branch from this revision",
            "revision", "--autogenerate", "-m", "x", "--head", "aaaa0001");
        Refused(project, "Multiple heads are present (aaaa0002, aaaa0003); please specify the head revision on which the new revision should be based (--head), or perform a merge.",
            "revision", "--autogenerate", "-m", "x");
        var result = project.Run("revision", "--autogenerate", "-m", "x", "--head", "aaaa0002");
        Assert.AreEqual(2, result.Code, result.Out);
        StringAssert.StartsWith(result.Err.TrimEnd('\n').Split('\n')[^1], "ERROR: Model not found: ", result.Err);
    }

    [TestMethod]
    public void Merge_of_the_heads_leaves_one_head_and_dependencies_keep_labels()
    {
        using var project = Forked();
        Ok(project.Run("merge", "heads", "-m", "join", "--rev-id", "aaaa0004", "--branch-label", "joined"));
        Assert.AreEqual("aaaa0004 (core, joined) (head)\n", project.Run("heads").Out);
        Ok(project.Run("revision", "-m", "x", "--rev-id", "bbbb0001", "--head", "base", "--depends-on", "core", "--depends-on", "aaaa0002"));
        StringAssert.Contains(File.ReadAllText(Path.Combine(project.VersionsPath, "bbbb0001_x.cs")), "DependsOn = new[] { \"core\", \"aaaa0002\" }");
        Ok(project.Run("revision", "-m", "prefix", "--rev-id", "bbbb0002", "--head", "base", "--depends-on", "bbbb00"));
        StringAssert.Contains(File.ReadAllText(Path.Combine(project.VersionsPath, "bbbb0002_prefix.cs")), "DependsOn = new[] { \"bbbb0001\" }");
        Assert.AreEqual(2, project.Run("revision", "-m", "short", "--head", "base", "--depends-on", "aaa").Code);
    }

    [TestMethod]
    public void Several_version_locations_load_in_order_and_new_roots_need_a_version_path()
    {
        using var project = new TempProject();
        Ok(project.Run("init", "migrations"));
        var config = Path.Combine(project.Directory, "diffmigrate.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace(
            "// \"versionLocations\": [\"migrations/versions\", \"migrations/feature_x\"],",
            "\"versionLocations\": [\"migrations/versions\", \"migrations/feature_x\"],", StringComparison.Ordinal));
        // The very first revision has no head to sit next to, so it needs a folder too (as in Alembic).
        Assert.AreEqual(2, project.Run("revision", "-m", "main").Code);
        Ok(project.Run("revision", "-m", "main", "--rev-id", "aaaa0001", "--version-path", "migrations/versions"));
        var root = project.Run("revision", "-m", "feature", "--head", "base");
        Assert.AreEqual("ERROR: Multiple version locations present, please specify --version-path\n", root.Err);
        Ok(project.Run("revision", "-m", "feature", "--rev-id", "ffff0001", "--head", "base", "--branch-label", "feature", "--version-path", "migrations/feature_x"));
        Ok(project.Run("revision", "-m", "feature two", "--rev-id", "ffff0002", "--head", "feature@head"));
        Ok(project.Run("revision", "-m", "main two", "--rev-id", "aaaa0002", "--head", "aaaa0001"));
        var feature = Path.Combine(project.Directory, "migrations", "feature_x");
        CollectionAssert.AreEquivalent(new[] { "ffff0001_feature.cs", "ffff0002_feature_two.cs" }, Directory.GetFiles(feature).Select(Path.GetFileName).ToArray());
        Assert.HasCount(2, Directory.GetFiles(project.VersionsPath));
        // Load order: the first location's files, then the second's; heads come out in that order.
        Assert.AreEqual("aaaa0002 (head)\nffff0002 (feature) (head)\n", project.Run("heads").Out);

        // Sub-folders count only with recursiveVersionLocations.
        var sub = Path.Combine(feature, "more");
        Directory.CreateDirectory(sub);
        File.Move(Path.Combine(feature, "ffff0002_feature_two.cs"), Path.Combine(sub, "ffff0002_feature_two.cs"));
        Assert.AreEqual("aaaa0002 (head)\nffff0001 (feature) (head)\n", project.Run("heads").Out);
        File.WriteAllText(config, File.ReadAllText(config).Replace("// \"recursiveVersionLocations\": false,", "\"recursiveVersionLocations\": true,", StringComparison.Ordinal));
        Assert.AreEqual("aaaa0002 (head)\nffff0002 (feature) (head)\n", project.Run("heads").Out);
    }

    [TestMethod]
    public void Templates_are_listed_and_multidb_selects_a_database_by_name()
    {
        using var project = new TempProject();
        var list = project.Run("list-templates").Out;
        StringAssert.StartsWith(list, "Available templates:\n\ngeneric - Generic single-database configuration.\nmultidb - ");
        StringAssert.EndsWith(list, "\n  diffmigrate init --template generic ./migrations\n");

        Ok(project.Run("init", "--template", "multidb", "db"));
        Assert.IsTrue(Directory.Exists(Path.Combine(project.Directory, "db", "main", "versions")));
        Assert.IsTrue(Directory.Exists(Path.Combine(project.Directory, "db", "audit", "versions")));
        var config = Path.Combine(project.Directory, "diffmigrate.json");
        Assert.AreEqual($"ERROR: {config} configures several databases (main, audit): choose one with --name.\n", project.Run("heads").Err);
        Assert.AreEqual($"ERROR: {config} has no database 'nope' (it has main, audit).\n", project.Run("-n", "nope", "heads").Err);

        Ok(project.Run("--name", "main", "revision", "-m", "m", "--rev-id", "aaaa0001"));
        Ok(project.Run("--name", "audit", "revision", "-m", "a", "--rev-id", "bbbb0001"));
        Assert.AreEqual("aaaa0001 (head)\n", project.Run("--name", "main", "heads").Out);
        Assert.AreEqual("bbbb0001 (head)\n", project.Run("-n", "audit", "heads").Out);
        Ok(project.Run("-n", "audit", "upgrade", "head"));
        Assert.IsTrue(File.Exists(Path.Combine(project.Directory, "audit.db")));
        Assert.IsFalse(File.Exists(Path.Combine(project.Directory, "main.db")));

        Assert.AreEqual("ERROR: No such template 'nope'. Available: generic, multidb (see 'diffmigrate list-templates').\n",
            project.Run("init", "--template", "nope", "x").Err);
    }
}
