using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Postgres;

/// <summary>
/// Extensions are part of the model: declared with <c>builder.Extension</c>, created before the tables that use their
/// types (and before the server canonicalises the model's expressions), dropped after them, scaffolded, and refused
/// in one line where the database has none.
/// </summary>
[TestClass]
public sealed class PostgresExtensionTests
{
    private const string Model = """
        b.Extension("citext");
        b.Extension("pg_trgm", schema: "ext");
        b.Table("users", t => { t.Column("id", SqlType.Int32); t.PrimaryKey(["id"], "users_pkey"); t.Column("email", SqlType.Raw("citext")).Default("'NOBODY'::citext"); });
        """;

    [TestMethod]
    public void An_extension_is_created_before_the_tables_that_use_it_and_dropped_after_them()
    {
        using var database = PostgresServer.CreateDatabase();
        using var project = Project(database, Model);

        var check = project.Run("check");
        Assert.AreEqual(1, check.Code, check.Out + check.Err);
        var lines = check.Out.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        CollectionAssert.AreEqual(new[] { "+ schema ext", "+ extension citext", "+ extension pg_trgm in schema ext" }, lines.Skip(1).Take(3).ToList(), check.Out);

        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "users", "--rev-id", "00000000e001").Code);
        var script = File.ReadAllText(Directory.GetFiles(project.VersionsPath, "00000000e001*.cs").Single());
        StringAssert.Contains(script, "op.CreateExtension(\"pg_trgm\", schema: \"ext\");");
        Assert.IsLessThan(script.IndexOf("op.CreateTable(", StringComparison.Ordinal), script.IndexOf("op.CreateExtension(\"citext\")", StringComparison.Ordinal), script);

        var offline = project.Run("upgrade", "base:head", "--sql");
        Assert.AreEqual(0, offline.Code, offline.Err);
        StringAssert.Contains(offline.Out, "CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;");
        StringAssert.Contains(offline.Out, "CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA ext;");

        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Out + upgrade.Err);
        Assert.AreEqual("citext|public,pg_trgm|ext", string.Join(",", database.Strings(
            "SELECT e.extname || '|' || n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' ORDER BY 1")));
        // citext compares case-insensitively: the type really is the extension's.
        database.Execute("INSERT INTO users (id, email) VALUES (1, 'A@B.C')");
        Assert.AreEqual("1", database.Strings("SELECT id::text FROM users WHERE email = 'a@b.c'").Single());
        var clean = project.Run("check", "--fail-on-unmanaged");
        Assert.AreEqual(0, clean.Code, clean.Out + clean.Err);

        database.Execute("DELETE FROM users");
        var downgrade = project.Run("downgrade", "base");
        Assert.AreEqual(0, downgrade.Code, downgrade.Out + downgrade.Err);
        Assert.IsEmpty(database.Strings("SELECT extname::text FROM pg_extension WHERE extname <> 'plpgsql'"));
    }

    [TestMethod]
    public void An_extension_the_model_no_longer_declares_is_dropped_last_and_scaffold_writes_it()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute("CREATE EXTENSION citext; CREATE TABLE users (id int CONSTRAINT users_pkey PRIMARY KEY, email citext);");
        using (var scaffold = new TempProject())
        {
            var written = scaffold.Run("scaffold", "--url", database.Url, "--out", "Model");
            Assert.AreEqual(0, written.Code, written.Out + written.Err);
            StringAssert.Contains(File.ReadAllText(Path.Combine(scaffold.Directory, "Model", "DatabaseModel.cs")), "builder.Extension(\"citext\");");
        }
        using var project = Project(database, """b.Table("users", t => { t.Column("id", SqlType.Int32); t.PrimaryKey(["id"], "users_pkey"); });""");
        var check = project.Run("check");
        Assert.AreEqual(1, check.Code, check.Out + check.Err);
        var lines = check.Out.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('-') || l.StartsWith('+') || l.StartsWith('~')).ToList();
        CollectionAssert.AreEqual(new[] { "- column users.email", "- extension citext" }, lines, check.Out);
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "drop", "--rev-id", "00000000e002").Code);
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        Assert.IsEmpty(database.Strings("SELECT extname::text FROM pg_extension WHERE extname = 'citext'"));
        Assert.AreEqual(0, project.Run("check").Code);
    }

    [TestMethod]
    public void An_extension_in_a_sqlite_model_is_one_clear_error()
    {
        using var project = new TempProject();
        var source = "using DiffMigrate;\nusing DiffMigrate.Schema;\n\npublic sealed class Model : SchemaDefinition\n{\n    public override void Define(SchemaBuilder b)\n    {\n" +
            """b.Extension("citext"); b.Table("users", t => { t.Column("id", SqlType.Int32).PrimaryKey(); });""" + "\n    }\n}\n";
        project.Initialized(ModelAssembly.Compile(source, Path.Combine(project.Directory, "Model.dll")));
        var check = project.Run("check");
        Assert.AreEqual(2, check.Code, check.Out + check.Err);
        StringAssert.EndsWith(check.Err, "\nERROR: The model declares extension citext, but sqlite has no extensions: remove it from the model for this database.\n");
    }

    private static TempProject Project(TestDatabase database, string body) => ModelProject.For(body, database);
}
