using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.Cli;

public sealed partial class BadInputCatalogueTests
{
    private static IEnumerable<Case> ConfigCases()
    {
        const string file = "{dir}/diffmigrate.json";
        yield return new("config: a JSON syntax error", ["history"], file + ":3", "invalid JSON")
        {
            Json = "{\n  \"scriptLocation\": \"migrations\"\n  \"url\": \"sqlite:///app.db\"\n}\n",
        };
        yield return new("config: an empty file", ["history"], file, "invalid JSON") { Json = "" };
        yield return new("config: not an object", ["history"], file, "must be a JSON object") { Json = "[\"migrations\"]" };
        yield return new("config: a misspelt key", ["history"], file + ":5", "unknown key 'transactionPerRevison'", "Did you mean 'transactionPerRevision'?")
        {
            Keys = { ["transactionPerRevison"] = "true" },
        };
        yield return new("config: a key in the wrong case", ["history"], file + ":5", "unknown key 'VersionTable'", "Did you mean 'versionTable'?")
        {
            Keys = { ["VersionTable"] = "\"v\"" },
        };
        yield return new("config: an unknown key in a database entry", ["--name", "main", "history"],
            file, "unknown key 'modle' in a 'databases' entry", "Did you mean 'model'?")
        {
            Keys = { ["databases"] = """{ "main": { "url": "sqlite:///app.db", "modle": "x.dll" } }""" },
        };
        yield return new("config: an unknown naming convention key", ["history"], file, "unknown key 'primarykey' in namingConvention", "Did you mean 'primaryKey'?")
        {
            Keys = { ["namingConvention"] = """{ "primarykey": "pk_{table}" }""" },
        };
        yield return new("config: url is a number", ["current"], file, "'url' must be a string") { Keys = { ["url"] = "5" } };
        yield return new("config: lock is a string", ["history"], file, "'lock' must be true or false") { Keys = { ["lock"] = "\"yes\"" } };
        yield return new("config: a negative lockTimeout", ["history"], file, "'lockTimeout'") { Keys = { ["lockTimeout"] = "-1" } };
        yield return new("config: versionLocations is a string", ["history"], file, "'versionLocations' must be an array of strings")
        {
            Keys = { ["versionLocations"] = "\"migrations/versions\"" },
        };
        yield return new("config: versionLocations is empty", ["history"], file, "'versionLocations' is empty") { Keys = { ["versionLocations"] = "[]" } };
        yield return new("config: namingConvention is a number", ["history"], file, "'namingConvention' must be an object") { Keys = { ["namingConvention"] = "3" } };
        yield return new("config: an unset environment variable", ["history"], file, "${DM_NOT_SET}", "not set")
        {
            Keys = { ["url"] = "\"postgresql://app@127.0.0.1/${DM_NOT_SET}\"" },
        };
        yield return new("config: a malformed environment reference", ["history"], file, "'url'", "malformed environment reference")
        {
            Keys = { ["url"] = "\"postgresql://app@127.0.0.1/${DB\"" },
        };
        yield return new("config: a database --name that is not configured", ["--name", "nope", "history"], file, "no 'databases' section", "nope");
        yield return new("config: several databases and no --name", ["history"], file, "several databases", "--name")
        {
            Keys = { ["databases"] = """{ "main": { "url": "sqlite:///app.db" }, "audit": { "url": "sqlite:///audit.db" } }""" },
        };
        yield return new("config: -c names a missing file", ["-c", "nowhere.json", "history"], "Configuration file not found", "{dir}/nowhere.json");
        yield return new("config: a key given twice", ["history"], file + ":5", "key 'url' appears twice")
        {
            Json = "{\n  \"scriptLocation\": \"migrations\",\n  \"url\": \"sqlite:///app.db\",\n  // the second wins in most readers\n  \"url\": \"sqlite:///other.db\"\n}\n",
        };
        yield return new("config: a lockTimeout beyond what a wait can be", ["history"], file, "'lockTimeout'") { Keys = { ["lockTimeout"] = "1e300" } };
        yield return new("config: an empty model path", ["check"], file, "'model' is not a valid path") { Keys = { ["model"] = "\"\"" } };
        yield return new("config: a scriptLocation with a control character", ["history"], file, "'scriptLocation' is not a valid path", "\\u0001")
        {
            Keys = { ["scriptLocation"] = "\"migr\\u0001ations\"" },
        };
        yield return new("config: includeSchemas is a number", ["history"], file, "'includeSchemas' must be true or false") { Keys = { ["includeSchemas"] = "1" } };
    }

    private static IEnumerable<Case> UrlCases()
    {
        yield return new("url: user:password@ and a refused connection", ["--url", $"postgresql://app:{Secret}@{Refused}/db", "current"],
            "Cannot connect to postgresql://app:***@127.0.0.1:1/db") { Password = Secret };
        yield return new("url: ?password=", ["--url", $"postgresql://app@{Refused}/db?password={Secret}", "current"], "Cannot connect", "password=***")
        {
            Password = Secret,
        };
        yield return new("url: &PassWord= after another parameter", ["--url", $"postgresql://app@{Refused}/db?sslmode=disable&PassWord={Secret}", "current"],
            "Cannot connect", "PassWord=***") { Password = Secret };
        yield return new("url: ?pwd=", ["--url", $"postgresql://app@{Refused}/db?pwd={Secret}", "current"], "Cannot connect") { Password = Secret };
        yield return new("url: a connection string with PSW", ["--url", $"postgresql:Host=127.0.0.1;Port=1;PSW={Secret}", "current"],
            "Cannot connect", "PSW=***") { Password = Secret };
        yield return new("url: a connection string with spaced, lower-case password", ["--url", $"postgresql:Host=127.0.0.1; Port=1; password = {Secret} ;", "current"],
            "Cannot connect") { Password = Secret };
        yield return new("url: a connection string with a quoted Pwd", ["--url", $"postgresql:Host=127.0.0.1;Port=1;Pwd='{Secret};x'", "current"],
            "Cannot connect") { Password = Secret + ";x" };
        yield return new("url: an unknown connection string key beside a password", ["--url", $"postgresql:Host=127.0.0.1;Bogus Key=1;Password={Secret}", "current"],
            "Cannot connect") { Password = Secret };
        yield return new("url: the host forgotten", ["--url", $"postgresql://app:{Secret}/db", "current"], "Bad database URL", "postgresql://app:***/db")
        {
            Password = Secret,
        };
        yield return new("url: a port that is not a number", ["--url", $"postgresql://app:{Secret}@127.0.0.1:five/db", "current"],
            "Bad database URL", "the port is not a number") { Password = Secret };
        yield return new("url: no database name", ["--url", $"postgresql://app:{Secret}@127.0.0.1:1", "current"], "Bad database URL", "no database name")
        {
            Password = Secret,
        };
        yield return new("url: an unknown dialect", ["--url", $"oracle://app:{Secret}@127.0.0.1/db", "current"], "Bad database URL", "unknown dialect 'oracle'")
        {
            Password = Secret,
        };
        yield return new("url: a query parameter with no name", ["--url", $"postgresql://app:{Secret}@127.0.0.1/db?=x", "current"], "Bad database URL", "Invalid keyword")
        {
            Password = Secret,
        };
        yield return new("url: an unclosed IPv6 host", ["--url", $"postgresql://app:{Secret}@[::1/db", "current"], "Bad database URL", "closing ']'") { Password = Secret };
        yield return new("url: the slashes forgotten", ["--url", $"postgresql:app:{Secret}@127.0.0.1/db", "current"], "Cannot connect to postgresql:app:***@")
        {
            Password = Secret,
        };
        yield return new("url: a password with a space", ["--url", "postgresql://app:Zq9 spaced-out@127.0.0.1:1/db", "current"], "Cannot connect")
        {
            Password = "spaced-out",
        };
        yield return new("url: no dialect", ["--url", "app.db", "current"], "Bad database URL 'app.db'", "no dialect");
        yield return new("url: an empty connection string", ["--url", "postgresql:", "current"], "Bad database URL", "empty connection string");
        yield return new("url: a SQLite URL with two slashes", ["--url", "sqlite://app.db", "current"], "Bad database URL", "three slashes");
        yield return new("url: a password from ${ENV} in the file", ["current"], "Cannot connect", "postgresql://app:***@127.0.0.1:1/db")
        {
            Keys = { ["url"] = "\"postgresql://app:${DB_PASSWORD}@127.0.0.1:1/db\"" },
            Environment = { ["DB_PASSWORD"] = Secret },
            Password = Secret,
        };
        yield return new("url: a whole URL from ${ENV} in the file", ["current"], "Cannot connect")
        {
            Keys = { ["url"] = "\"${DATABASE_URL}\"" },
            Environment = { ["DATABASE_URL"] = $"postgresql:Host=127.0.0.1;Port=1;Password={Secret}" },
            Password = Secret,
        };
        yield return new("url: DIFFMIGRATE_URL with a password and a forgotten host", ["current"], "Bad database URL")
        {
            Environment = { ["DIFFMIGRATE_URL"] = $"postgresql://app:{Secret}/db" },
            Password = Secret,
        };
        yield return new("url: a password in the file's unparseable URL", ["current"], "Bad database URL", "the port is not a number")
        {
            Keys = { ["url"] = $"\"postgresql://app:{Secret}@127.0.0.1:x/db\"" },
            Password = Secret,
        };
        yield return new("url: diff --from a URL with a password", ["diff", "--from", $"postgresql://app:{Secret}@{Refused}/db", "--to", "model"], "Cannot connect")
        {
            Password = Secret,
        };
        yield return new("url: an unparsed argument holding a password", ["current", $"postgresql://app:{Secret}@{Refused}/db"], "Unrecognized")
        {
            Password = Secret,
        };
    }

    private static IEnumerable<Case> ModelCases()
    {
        yield return new("model: a missing file", ["check"], "Model not found", "{dir}/Nowhere.dll") { Keys = { ["model"] = "\"Nowhere.dll\"" } };
        yield return new("model: a .dll that is not .NET", ["check"], "{dir}/Fake.dll", "is not a .NET assembly")
        {
            Keys = { ["model"] = "\"Fake.dll\"" },
            Arrange = p => File.WriteAllText(Path.Combine(p.Directory, "Fake.dll"), "MZ but not really a portable executable"),
        };
        yield return new("model: neither .csproj nor .dll", ["check"], "must be a .csproj or a .dll", "{dir}/model.txt")
        {
            Keys = { ["model"] = "\"model.txt\"" },
            Arrange = p => File.WriteAllText(Path.Combine(p.Directory, "model.txt"), "tables"),
        };
        yield return new("model: a .NET dll without a model", ["check"], "No table found in", "DiffPlex.dll")
        {
            Keys = { ["model"] = Json(Path.Combine(AppContext.BaseDirectory, "DiffPlex.dll")) },
        };
        yield return new("model: an index naming a property that does not exist", ["check"], "class BadModel.Thing", "'Nope'")
        {
            Keys = { ["model"] = "\"BadModel.dll\"" },
            Arrange = p => File.WriteAllBytes(Path.Combine(p.Directory, "BadModel.dll"), BadModels.Value.Index),
        };
        yield return new("model: a SchemaDefinition that throws", ["check"], "{dir}/Throwing.dll", "InvalidOperationException", "the model's own bug")
        {
            Keys = { ["model"] = "\"Throwing.dll\"" },
            Arrange = p => File.WriteAllBytes(Path.Combine(p.Directory, "Throwing.dll"), BadModels.Value.Throwing),
        };
        yield return new("model: none configured", ["check"], "No model is configured", "{dir}/diffmigrate.json") { Keys = { ["model"] = null } };
    }

    private static IEnumerable<Case> RevisionCases()
    {
        yield return new("revision file: a syntax error", ["history"], "{dir}/migrations/versions/a.cs:6:", "CS1026")
        {
            Arrange = Scripts(("a.cs", Script("\"aaaa0001\"").Replace("[Revision(\"aaaa0001\")]", "[Revision(\"aaaa0001\"]", StringComparison.Ordinal))),
        };
        yield return new("revision file: two files with one id", ["history"], "migrations/versions/b.cs", "'aaaa0001' is already used by", "a.cs")
        {
            Arrange = Scripts(("a.cs", Script("\"aaaa0001\"", "A")), ("b.cs", Script("\"aaaa0001\"", "B"))),
        };
        yield return new("revision file: an id with a newline and SQL", ["upgrade", "head", "--sql"], "a.cs:6", "is not valid", "\\u000a")
        {
            Arrange = Scripts(("a.cs", Script("\"aaaa\\nDROP TABLE users; --\""))),
        };
        yield return new("revision file: an id of 33 characters", ["history"], "a.cs:6", "33 characters", "at most 32")
        {
            Arrange = Scripts(("a.cs", Script($"\"{new string('a', 33)}\""))),
        };
        yield return new("revision file: an id with a hyphen", ["history"], "a.cs:6", "'ab-1' is not valid") { Arrange = Scripts(("a.cs", Script("\"ab-1\""))) };
        yield return new("revision file: an id with a space", ["history"], "a.cs:6", "'ab 1' is not valid") { Arrange = Scripts(("a.cs", Script("\"ab 1\""))) };
        yield return new("revision file: a reserved id", ["history"], "a.cs:6", "'heads' is reserved") { Arrange = Scripts(("a.cs", Script("\"heads\""))) };
        yield return new("revision file: an empty id", ["history"], "a.cs:6", "is not valid: it is empty") { Arrange = Scripts(("a.cs", Script("\"\""))) };
        yield return new("revision file: [Revision] on a class that is not a Migration", ["upgrade", "head"], "a.cs", "class R", "does not derive from Migration")
        {
            Arrange = Scripts(("a.cs", Script("\"aaaa0001\"", baseList: ""))),
        };
        yield return new("revision file: [Revision] on a class deriving from something else", ["upgrade", "head"], "a.cs", "class R", "is not a Migration")
        {
            Arrange = Scripts(("a.cs", Script("\"aaaa0001\"", baseList: " : System.Object", body: ""))),
        };
        yield return new("revision file: [Revision] on an abstract class", ["history"], "a.cs", "abstract")
        {
            Arrange = Scripts(("a.cs", Script("\"aaaa0001\"").Replace("public sealed class", "public abstract class", StringComparison.Ordinal))),
        };
        yield return new("revision file: a revision without a parameterless constructor", ["upgrade", "head"], "a.cs", "constructor")
        {
            Arrange = Scripts(("a.cs", Script("\"aaaa0001\"", body: Methods + "\n    public R(int x) { }"))),
        };
        yield return new("revision file: a missing down revision", ["history"], "nope0001")
        {
            Arrange = Scripts(("a.cs", Script("\"aaaa0001\", \"nope0001\""))),
        };
        yield return new("revision file: a cycle", ["history"], "Cycle", "aaaa0001")
        {
            Arrange = Scripts(("a.cs", Script("\"aaaa0001\", \"bbbb0001\"", "A")), ("b.cs", Script("\"bbbb0001\", \"aaaa0001\"", "B"))),
        };
        yield return new("revision file: no id", ["history"], "a.cs:6", "needs the revision id") { Arrange = Scripts(("a.cs", Script(""))) };
        yield return new("revision file: an id that is not a literal", ["history"], "a.cs:6", "string literals") { Arrange = Scripts(("a.cs", Script("Id"))) };
        yield return new("revision file: an unknown [Revision] property", ["history"], "a.cs:6", "unknown [Revision] property Mesage")
        {
            Arrange = Scripts(("a.cs", Script("\"aaaa0001\", Mesage = \"x\""))),
        };
        yield return new("revision file: two revisions in one file", ["history"], "a.cs", "a second [Revision] class")
        {
            Arrange = Scripts(("a.cs", Script("\"aaaa0001\"", "A") + "\n[Revision(\"bbbb0001\")]\npublic sealed class B : Migration\n{" + Methods + "\n}\n")),
        };
        yield return new("revision file: no [Revision] class", ["history"], "a.cs", "no class marked [Revision")
        {
            Arrange = Scripts(("a.cs", "namespace Migrations;\n\npublic sealed class Helper\n{\n}\n")),
        };
        yield return new("revision file: a branch label with @", ["history"], "a.cs:6", "branch label 'main@x' is not valid")
        {
            Arrange = Scripts(("a.cs", Script("\"aaaa0001\", BranchLabels = new[] { \"main@x\" }"))),
        };
        yield return new("revision file: a body that does not compile", ["upgrade", "head"], "a.cs:", "error CS")
        {
            Arrange = Scripts(("a.cs", Script("\"aaaa0001\"", body: Methods.Replace("{\n    }", "{\n        op.NoSuchOperation();\n    }", StringComparison.Ordinal)))),
        };
        yield return new("revision: --rev-id of 33 characters", ["revision", "-m", "x", "--rev-id", new string('b', 33)], "33 characters", "at most 32");
        yield return new("revision: --rev-id with a newline", ["revision", "-m", "x", "--rev-id", "bbbb\nSELECT 1"], "is not valid", "bbbb\\u000aSELECT 1");
        yield return new("revision: --rev-id with a path", ["revision", "-m", "x", "--rev-id", "../../x"], "'../../x' is not valid");
        yield return new("revision: --branch-label with a newline", ["revision", "-m", "x", "--branch-label", "a\nb"], "Branch label 'a\\u000ab' is not valid");
        yield return new("revision: --branch-label with @", ["revision", "-m", "x", "--branch-label", "x@y"], "Branch label 'x@y' is not valid");
        yield return new("revision: --rev-id already present", ["revision", "-m", "x", "--rev-id", "aaaa0001"], "aaaa0001 is already present")
        {
            Arrange = Chain("aaaa0001"),
        };
    }

    private static IEnumerable<Case> TargetCases()
    {
        yield return new("target: an unknown revision", ["upgrade", "feed0001"], "No such revision or branch 'feed0001'") { Arrange = Chain("aaaa0001") };
        yield return new("target: an ambiguous prefix", ["upgrade", "abc"], "Multiple revisions start with 'abc'")
        {
            Arrange = Scripts(("a.cs", Script("\"abc1\"", "A")), ("b.cs", Script("\"abc2\"", "B"))),
        };
        yield return new("target: a relative step count beyond an int", ["upgrade", "+99999999999"], "+99999999999") { Arrange = Chain("aaaa0001") };
        yield return new("target: a history range with a huge step count", ["history", "-r", "-99999999999:"], "-99999999999") { Arrange = Chain("aaaa0001") };
        yield return new("target: an unknown branch label", ["upgrade", "nope@head"], "nope") { Arrange = Chain("aaaa0001") };
        yield return new("target: relative past the end", ["upgrade", "+5"], "+5") { Arrange = Chain("aaaa0001") };
        yield return new("target: a downgrade to a later revision", ["downgrade", "+1"], "+1") { Arrange = Chain("aaaa0001") };
        yield return new("target: offline downgrade without a range", ["downgrade", "base", "--sql"], "needs a range") { Arrange = Chain("aaaa0001") };
        yield return new("target: offline upgrade of two targets", ["upgrade", "aaaa0001", "bbbb0001", "--sql"], "one target")
        {
            Arrange = Chain("aaaa0001", "bbbb0001"),
        };
        yield return new("target: heads with several heads for a revision", ["revision", "-m", "x"], "Multiple heads are present")
        {
            Arrange = Scripts(("a.cs", Script("\"aaaa0001\"", "A")), ("b.cs", Script("\"bbbb0001\"", "B"))),
        };
        yield return new("target: stamp an unknown revision", ["stamp", "feed0001"], "feed0001") { Arrange = Chain("aaaa0001") };
    }

    private static IEnumerable<Case> VersionTableCases()
    {
        yield return new("version table: a SQLite file that is not a database", ["current"], "{dir}/app.db", "file is not a database")
        {
            Arrange = p => File.WriteAllText(p.Database(), "this is a text file, not a SQLite database; it is long enough to hold a header\n"),
        };
        yield return new("version table: a row naming an unknown revision", ["upgrade", "head"], "zzzz9999")
        {
            Arrange = p =>
            {
                Chain("aaaa0001")(p);
                Sql(p, "INSERT INTO diffmigrate_version (version_num) VALUES ('zzzz9999')");
            },
        };
        yield return new("version table: a table of another shape", ["current"], "{dir}/app.db", "version_num")
        {
            Arrange = p => Sql(p, "DROP TABLE diffmigrate_version; CREATE TABLE diffmigrate_version (other TEXT)"),
        };
        yield return new("version table: the database is a folder", ["current"], "{dir}/adir")
        {
            Keys = { ["url"] = "\"sqlite:///adir\"" },
            Arrange = p => Directory.CreateDirectory(Path.Combine(p.Directory, "adir")),
        };
    }

    private static IEnumerable<Case> FileCases()
    {
        yield return new("files: fileTemplate climbing out of the versions folder", ["revision", "-m", "x"], "{dir}/diffmigrate.json", "'fileTemplate'", "../../x_{rev}")
        {
            Keys = { ["fileTemplate"] = "\"../../x_{rev}\"" },
        };
        yield return new("files: fileTemplate as a rooted path", ["revision", "-m", "x"], "'fileTemplate'", "path separator")
        {
            Keys = { ["fileTemplate"] = "\"/tmp/x_{rev}\"" },
        };
        yield return new("files: fileTemplate with a sub-folder", ["revision", "-m", "x"], "'fileTemplate'", "path separator")
        {
            Keys = { ["fileTemplate"] = "\"{slug}/{rev}\"" },
        };
        yield return new("files: fileTemplate without {rev}", ["revision", "-m", "x"], "'fileTemplate'", "no {rev}") { Keys = { ["fileTemplate"] = "\"{slug}\"" } };
        yield return new("files: fileTemplate with an unknown placeholder", ["revision", "-m", "x"], "'fileTemplate'", "unknown placeholder")
        {
            Keys = { ["fileTemplate"] = "\"{rev}_{date}\"" },
        };
        yield return new("files: fileTemplate empty", ["revision", "-m", "x"], "'fileTemplate'", "empty") { Keys = { ["fileTemplate"] = "\"\"" } };
        yield return new("files: the revision file's name is taken by a folder", ["revision", "-m", "x", "--rev-id", "cccc0001"], "cccc0001_x.cs")
        {
            Arrange = p => Directory.CreateDirectory(Path.Combine(p.VersionsPath, "cccc0001_x.cs")),
        };
        yield return new("files: the versions folder is a file", ["revision", "-m", "x"], "{dir}/migrations/versions")
        {
            Arrange = p =>
            {
                Directory.Delete(p.VersionsPath);
                File.WriteAllText(p.VersionsPath, "not a folder");
            },
        };
    }

    private static void Sql(TempProject project, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={project.Database()};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
