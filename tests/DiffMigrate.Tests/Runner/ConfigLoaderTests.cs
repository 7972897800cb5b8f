using DiffMigrate.Providers;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Runner.Configuration;

namespace DiffMigrate.Tests.Runner;

[TestClass]
public sealed class ConfigLoaderTests
{
    private string directory = null!;

    [TestInitialize]
    public void Create() => Directory.CreateDirectory(directory = Path.Combine(Path.GetTempPath(), "dm-config-" + Guid.NewGuid().ToString("N")[..8]));

    [TestCleanup]
    public void Delete() => Directory.Delete(directory, recursive: true);

    private string Write(string json, string name = "diffmigrate.json")
    {
        var path = Path.Combine(directory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
        return path;
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [TestMethod]
    public void Comments_trailing_commas_and_relative_paths_are_read_against_the_files_directory()
    {
        Write("""
            {
              // where the scripts live
              "scriptLocation": "db/migrations", /* block */
              "url": "sqlite:///data/app.db",
              "model": "../Model/Model.csproj",
              "versionTable": "schema_version",
              "include": ["app_*"],
            }
            """, "conf/diffmigrate.json");
        var config = ConfigLoader.Load("conf/diffmigrate.json", directory, null, Env());
        var conf = Path.Combine(directory, "conf");
        Assert.AreEqual(Path.Combine(conf, "db", "migrations"), config.ScriptLocation);
        Assert.AreEqual(Path.Combine(directory, "Model", "Model.csproj"), config.Model);
        Assert.AreEqual("schema_version", config.VersionTable);
        CollectionAssert.AreEqual(new[] { "app_*" }, config.Include!.ToArray());
        var url = DatabaseUrl.Parse(config.Url!, ConfigLoader.UrlBaseDirectory(config, null, Env(), "/elsewhere"));
        StringAssert.Contains(url.ConnectionString, Path.Combine(conf, "data", "app.db"));
    }

    [TestMethod]
    public void The_command_line_beats_the_environment_which_beats_the_file()
    {
        Write("""{ "url": "sqlite:///file.db" }""");
        var env = Env(("DIFFMIGRATE_URL", "sqlite:///env.db"));
        Assert.AreEqual("sqlite:///file.db", ConfigLoader.Load(null, directory, null, Env()).Url);
        Assert.AreEqual("sqlite:///env.db", ConfigLoader.Load(null, directory, null, env).Url);
        Assert.AreEqual("sqlite:///cli.db", ConfigLoader.Load(null, directory, "sqlite:///cli.db", env).Url);
        // An overriding URL's relative path is relative to where the command runs, not to the file.
        Assert.AreEqual("/cwd", ConfigLoader.UrlBaseDirectory(ConfigLoader.Load(null, directory, null, env), null, env, "/cwd"));
    }

    [TestMethod]
    public void Environment_references_are_expanded_and_a_missing_one_is_named()
    {
        Write("""{ "url": "postgresql://${PGUSER}@localhost/${DB_NAME}" }""");
        Assert.AreEqual("postgresql://app@localhost/shop", ConfigLoader.Load(null, directory, null, Env(("PGUSER", "app"), ("DB_NAME", "shop"))).Url);
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => ConfigLoader.Load(null, directory, null, Env(("PGUSER", "app"))));
        StringAssert.Contains(error.Message, "${DB_NAME}");
        StringAssert.Contains(error.Message, "'url'");
    }

    [TestMethod]
    public void Bad_files_give_one_message_with_the_path_and_the_key_or_line()
    {
        var missing = Assert.ThrowsExactly<DiffMigrateException>(() => ConfigLoader.Load(null, directory, null, Env()));
        StringAssert.Contains(missing.Message, "diffmigrate init");
        var path = Write("{\n  \"url\": \"x\",\n  oops\n}");
        var invalid = Assert.ThrowsExactly<DiffMigrateException>(() => ConfigLoader.Load(null, directory, null, Env()));
        StringAssert.StartsWith(invalid.Message, path + ":3:");
        Write("""{ "url": 5 }""");
        StringAssert.Contains(Assert.ThrowsExactly<DiffMigrateException>(() => ConfigLoader.Load(null, directory, null, Env())).Message, "'url' must be a string");
        Write("""{ "namingConvention": { "index": 1 } }""");
        StringAssert.Contains(Assert.ThrowsExactly<DiffMigrateException>(() => ConfigLoader.Load(null, directory, null, Env())).Message, "'namingConvention.index' must be a string");
    }

    [TestMethod]
    public void Urls_of_each_form_parse_to_a_dialect_and_connection_string()
    {
        var sqliteRelative = DatabaseUrl.Parse("sqlite:///app.db", "/base");
        Assert.AreEqual(SqliteDialect.Instance, sqliteRelative.Dialect);
        StringAssert.Contains(sqliteRelative.ConnectionString, "/base/app.db");
        StringAssert.Contains(DatabaseUrl.Parse("sqlite:////var/db/app.db", "/base").ConnectionString, "/var/db/app.db");
        Assert.AreEqual("Data Source=:memory:", DatabaseUrl.Parse("sqlite://", "/base").ConnectionString);

        var postgres = DatabaseUrl.Parse("postgresql://me:s3cr%40t@db.example:6543/shop?sslmode=require", "/base");
        Assert.AreEqual(PostgresDialect.Instance, postgres.Dialect);
        var parts = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = postgres.ConnectionString };
        Assert.AreEqual("me", parts["Username"]);
        Assert.AreEqual("s3cr@t", parts["Password"]);
        Assert.AreEqual("db.example", parts["Host"]);
        Assert.AreEqual("6543", parts["Port"].ToString());
        Assert.AreEqual("shop", parts["Database"]);
        Assert.AreEqual("require", parts["sslmode"]);
        Assert.DoesNotContain("s3cr", postgres.Display, "the display form never shows the password");

        var raw = DatabaseUrl.Parse("postgresql:Host=h;Database=shop;Password=pw", "/base");
        Assert.AreEqual(PostgresDialect.Instance, raw.Dialect);
        Assert.AreEqual("Host=h;Database=shop;Password=pw", raw.ConnectionString);
        Assert.DoesNotContain("pw;", raw.Display + ";");

        // SQL Server's connection string selects its own dialect (not SQLite's types, as a placeholder once did).
        var sqlServer = DatabaseUrl.Parse("sqlserver:Server=.;Database=shop;Password=pw", "/base");
        Assert.AreEqual("mssql", sqlServer.Dialect.Name);
        Assert.DoesNotContain("pw;", sqlServer.Display + ";");
    }

    [TestMethod]
    public void A_reading_command_skips_the_PostgreSQL_type_catalog_unless_told_otherwise()
    {
        static string Mode(DatabaseUrl url) =>
            new System.Data.Common.DbConnectionStringBuilder { ConnectionString = url.ConnectionString }.TryGetValue("Server Compatibility Mode", out var mode) ? (string)mode : "";

        var postgres = DatabaseUrl.Parse("postgresql://me:pw@db.example/shop?sslmode=require", "/base");
        Assert.AreEqual("", Mode(postgres), "commands that run revisions load the types (a revision may read its own)");
        var reading = postgres.ForReading();
        Assert.AreEqual("NoTypeLoading", Mode(reading));
        var parts = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = reading.ConnectionString };
        Assert.AreEqual("require", parts["sslmode"], "the rest of the connection string stays");
        Assert.AreEqual("pw", parts["Password"]);
        Assert.AreEqual(postgres.Display, reading.Display);

        // A password that needs quoting in a connection string survives the rewrite.
        var quoted = DatabaseUrl.Parse("postgresql://me:p%3Bw'%22%3Dx@db/shop", "/base").ForReading();
        Assert.AreEqual("p;w'\"=x", new System.Data.Common.DbConnectionStringBuilder { ConnectionString = quoted.ConnectionString }["Password"]);
        Assert.AreEqual("NoTypeLoading", Mode(quoted));

        // The user's own mode wins, in either spelling.
        Assert.AreEqual("Redshift", Mode(DatabaseUrl.Parse("postgresql:Host=h;Database=shop;Server Compatibility Mode=Redshift", "/base").ForReading()));
        var spelled = DatabaseUrl.Parse("postgresql:Host=h;Database=shop;ServerCompatibilityMode=Redshift", "/base").ForReading();
        Assert.AreEqual("Host=h;Database=shop;ServerCompatibilityMode=Redshift", spelled.ConnectionString);

        // A connection string the builder cannot read is left for the driver to refuse (with the URL masked).
        Assert.AreEqual("Host=h;=x", DatabaseUrl.Parse("postgresql:Host=h;=x", "/base").ForReading().ConnectionString);

        // Other servers' reading connections are as written.
        var sqlServer = DatabaseUrl.Parse("sqlserver:Server=.;Database=shop", "/base");
        Assert.AreEqual(sqlServer.ConnectionString, sqlServer.ForReading().ConnectionString);
    }

    [TestMethod]
    public void A_bad_url_names_itself_and_what_is_wrong()
    {
        (string Url, string Why)[] cases =
        [
            ("app.db", "no dialect"),
            ("oracle://x/y", "unknown dialect 'oracle'"),
            ("sqlite://app.db", "three slashes"),
            ("postgresql://localhost", "no database name"),
            ("postgresql://localhost:port/db", "port is not a number"),
            ("sqlite:", "empty connection string"),
        ];
        foreach (var (url, why) in cases)
        {
            var error = Assert.ThrowsExactly<DiffMigrateException>(() => DatabaseUrl.Parse(url, "/base"), url);
            StringAssert.Contains(error.Message, why, url);
            StringAssert.StartsWith(error.Message, "Bad database URL", url);
        }
    }

    [TestMethod]
    public void Run_settings_default_to_one_locked_transaction_and_can_be_changed()
    {
        Write("{}");
        var defaults = ConfigLoader.Load(null, directory, null, Env());
        Assert.AreEqual(new DiffMigrate.Runner.Execution.RunSettings(TransactionPerRevision: false, Lock: true, LockTimeout: TimeSpan.FromSeconds(60)), defaults.Run);
        Assert.IsFalse(defaults.IncludeSchemas);

        Write("""{ "transactionPerRevision": true, "lock": false, "lockTimeout": 2.5, "includeSchemas": true }""");
        var changed = ConfigLoader.Load(null, directory, null, Env());
        Assert.AreEqual(new DiffMigrate.Runner.Execution.RunSettings(true, false, TimeSpan.FromSeconds(2.5)), changed.Run);
        Assert.IsTrue(changed.IncludeSchemas);
    }

    [TestMethod]
    public void A_lock_timeout_that_is_not_a_number_of_seconds_is_refused()
    {
        var path = Write("""{ "lockTimeout": "soon" }""");
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => ConfigLoader.Load(null, directory, null, Env()));
        Assert.AreEqual($"{path}: 'lockTimeout' must be a number of seconds (0 or more).", error.Message);
    }
}
