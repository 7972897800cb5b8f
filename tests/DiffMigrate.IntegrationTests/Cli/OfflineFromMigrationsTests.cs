using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Cli;

/// <summary>
/// <c>revision --autogenerate --from-migrations</c>, <c>check --from-migrations --offline</c> and <c>diff --from
/// migrations --to model</c> with no database reachable: the URL names the dialect and is never opened.
/// </summary>
[TestClass]
public sealed class OfflineFromMigrationsTests
{
    private const string Before = """
        b.Table("people", t =>
        {
            t.Column("id", SqlType.Int32).Identity().PrimaryKey();
            t.Column("name", SqlType.String(100)).Nullable();
            t.Column("code", SqlType.String(20));
            t.Index("code");
        });
        b.Table("legacy", t => t.Column("id", SqlType.Int32).Identity().PrimaryKey());
        """;

    private const string After = """
        b.Table("people", t =>
        {
            t.Column("id", SqlType.Int32).Identity().PrimaryKey();
            t.Column("full_name", SqlType.String(100)).Nullable().RenamedFrom("name");
            t.Column("code", SqlType.String(10));
            t.Column("email", SqlType.Text).Default("''");
            t.Index("code");
            t.Unique("email");
        });
        b.Table("tags", t =>
        {
            t.Column("id", SqlType.Int32).Identity().PrimaryKey();
            t.Column("label", SqlType.String(40));
        });
        """;

    [TestMethod]
    public void On_SQLite_autogenerate_and_check_replay_the_revisions_and_never_create_the_database_file()
    {
        using var project = Project("never.db");
        var (code, output, err) = project.Run("revision", "--autogenerate", "--from-migrations", "-m", "first", "--rev-id", "000000000001");
        Assert.AreEqual(0, code, output + err);
        Assert.HasCount(1, Directory.GetFiles(project.VersionsPath, "000000000001_first.cs"));
        (code, output, err) = project.Run("check", "--from-migrations", "--offline");
        Assert.AreEqual(0, code, output + err);
        Assert.AreEqual("The model matches what the revisions build.\n", output);

        UseModel(project, "After.dll");
        (code, output, err) = project.Run("check", "--from-migrations", "--offline");
        Assert.AreEqual(1, code, output + err);
        // The same verdict, line for line, as the scratch database built from the same revisions.
        var scratch = project.Run("check", "--from-migrations");
        Assert.AreEqual(scratch.Out, output);
        Assert.AreEqual(
            "The model differs from what the revisions build (3 operations): add a revision for these:\n" +
            "  + table tags\n  - table legacy\n  ~ table people (one batch, rebuilt if SQLite needs it):\n  ~ column people.name renamed to full_name\n" +
            "  + column people.email Text NOT NULL\n  ~ column people.code: type String(20) -> String(10)\n  + unique uq_people_email on people(email)\n", output);

        (code, output, err) = project.Run("revision", "--autogenerate", "--from-migrations", "-m", "second", "--rev-id", "000000000002");
        Assert.AreEqual(0, code, output + err);
        var detected = err.Split('\n').Where(l => l.StartsWith("Detected ", StringComparison.Ordinal)).ToList();
        Assert.AreSequenceEqual(new[]
        {
            "Detected + table tags",
            "Detected - table legacy",
            "Detected ~ table people (one batch, rebuilt if SQLite needs it):",
        }, detected, err);
        StringAssert.Contains(err, "rebuilt if SQLite needs it):\n  ~ column people.name renamed to full_name\n  + column people.email Text NOT NULL\n" +
            "  ~ column people.code: type String(20) -> String(10)\n  + unique uq_people_email on people(email)\n");

        (code, output, err) = project.Run("check", "--from-migrations", "--offline");
        Assert.AreEqual(0, code, output + err);
        (code, output, err) = project.Run("diff", "--from", "migrations", "--to", "model");
        Assert.AreEqual(0, code, output + err);
        Assert.IsFalse(File.Exists(project.Database("never.db")), "no command opened the configured database");
    }

    [TestMethod]
    public void On_PostgreSQL_a_server_that_is_not_there_is_never_asked()
    {
        using var project = Project("unused.db");
        // A closed port on loopback: any connection attempt would fail the command.
        project.Environment["DIFFMIGRATE_URL"] = "postgresql://nobody@127.0.0.1:1/none";
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "--from-migrations", "-m", "first", "--rev-id", "000000000001").Code);
        UseModel(project, "After.dll");
        var (code, output, err) = project.Run("diff", "--from", "migrations", "--to", "model");
        Assert.AreEqual(1, code, output + err);
        StringAssert.Contains(output, "+ table tags");
        Assert.AreEqual(1, project.Run("check", "--from-migrations", "--offline").Code);
        (code, output, err) = project.Run("revision", "--autogenerate", "--from-migrations", "-m", "second", "--rev-id", "000000000002");
        Assert.AreEqual(0, code, output + err);
        // PostgreSQL alters in place: no batch.
        StringAssert.Contains(err, "Detected ~ column people.name renamed to full_name");
        (code, output, err) = project.Run("check", "--from-migrations", "--offline");
        Assert.AreEqual(0, code, output + err);
        Assert.AreEqual("The model matches what the revisions build.\n", output);
        // Without --offline the scratch database needs the server: the proof that the offline runs never asked it.
        Assert.AreEqual(2, project.Run("check", "--from-migrations").Code);
    }

    [TestMethod]
    public void Raw_DDL_stops_the_offline_check_with_one_line_and_a_declaration_lets_it_through()
    {
        using var project = Project("never.db");
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "--from-migrations", "-m", "first", "--rev-id", "000000000001").Code);
        File.WriteAllText(Path.Combine(project.VersionsPath, "000000000002_raw.cs"), RevisionProject.Revision("000000000002", "000000000001",
            """op.Execute("INSERT INTO people (code) VALUES ('a')"); op.Execute("CREATE TABLE audit (id integer)");"""));
        var (code, output, err) = project.Run("check", "--from-migrations", "--offline");
        Assert.AreEqual(2, code, output + err);
        var path = Path.Combine(project.VersionsPath, "000000000002_raw.cs");
        Assert.AreEqual(
            $"ERROR: revision 000000000002 ({path}): op.Execute(\"CREATE TABLE audit (id integer)\") may change the schema, and the in-memory replay cannot tell how: " +
            "declare it with op.Execute(sql, downSql, changes: [the equivalent operations]) (changes: [] when it changes no schema), or compare with a scratch database instead (without --offline).\n",
            err);

        File.WriteAllText(path, RevisionProject.Revision("000000000002", "000000000001",
            """op.Execute("CREATE TABLE audit (id integer)", "DROP TABLE audit", changes: [new DiffMigrate.Migrations.CreateTable(new DiffMigrate.Table("audit", [new DiffMigrate.Column("id", SqlType.Int32, Nullable: true)]))]);"""));
        (code, output, err) = project.Run("check", "--from-migrations", "--offline");
        Assert.AreEqual(1, code, output + err);
        Assert.AreEqual("The model differs from what the revisions build (1 operation): add a revision for these:\n  - table audit\n", output);
        Assert.IsFalse(File.Exists(project.Database("never.db")));
    }

    [TestMethod]
    public void The_new_flags_outside_their_commands_are_one_error_line()
    {
        using var project = Project("never.db");
        string[][] cases =
        [
            ["revision", "--from-migrations", "-m", "x"],
            ["revision", "--autogenerate", "--from-migrations", "--from-empty", "-m", "x"],
            ["check", "--offline"],
        ];
        string[] messages =
        [
            "ERROR: --from-migrations applies to revision --autogenerate only.\n",
            "ERROR: --from-empty and --from-migrations contradict each other: give one.\n",
            "ERROR: --offline applies to check --from-migrations only (a check against a database needs the database).\n",
        ];
        for (var i = 0; i < cases.Length; i++)
        {
            var (code, output, err) = project.Run(cases[i]);
            Assert.AreEqual(2, code, output + err);
            Assert.AreEqual(messages[i], err);
        }
        Assert.IsEmpty(Directory.GetFiles(project.VersionsPath, "*.cs"));
        Assert.IsFalse(File.Exists(project.Database("never.db")));
    }

    private static TempProject Project(string database)
    {
        var project = new TempProject();
        var before = ModelAssembly.Compile(Model(Before), Path.Combine(project.Directory, "Before.dll"));
        ModelAssembly.Compile(Model(After), Path.Combine(project.Directory, "After.dll"));
        return project.Initialized(before, database);
    }

    private static void UseModel(TempProject project, string model)
    {
        var config = Path.Combine(project.Directory, "diffmigrate.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("Before.dll", model, StringComparison.Ordinal));
    }

    private static string Model(string body) =>
        "using DiffMigrate;\nusing DiffMigrate.Schema;\n\npublic sealed class Model : SchemaDefinition\n{\n    public override void Define(SchemaBuilder b)\n    {\n" +
        body + "\n    }\n}\n";
}
