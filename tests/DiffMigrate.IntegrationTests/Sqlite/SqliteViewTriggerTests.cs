using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Sqlite;

/// <summary>
/// SQLite's views and triggers are part of the model: created, changed and dropped through autogenerate, compared by
/// their tokens (spacing, case and quoting are no change), kept across table rebuilds, scaffolded.
/// </summary>
[TestClass]
public sealed class SqliteViewTriggerTests
{
    private const string Accounts =
        """b.Table("accounts", t => { t.Column("id", SqlType.Int32).PrimaryKey().Identity(); t.Column("name", SqlType.String(100)); t.Column("active", SqlType.Boolean).Default("1"); });""";

    private const string View = """b.View("active_accounts", "SELECT id, name FROM accounts WHERE active");""";

    private const string Trigger = """
        b.Trigger("accounts_trim", "accounts", "CREATE TRIGGER accounts_trim AFTER INSERT ON accounts BEGIN UPDATE accounts SET name = trim(name) WHERE id = NEW.id; END");
        """;

    [TestMethod]
    public void A_view_and_a_trigger_are_added_changed_and_dropped_with_rows_kept()
    {
        using var project = ModelProject.For(Accounts);
        Step(project, "accounts");
        BatchRebuildTests.Execute(project.Database(), "INSERT INTO accounts (name, active) VALUES ('kept', 1), ('idle', 0)");

        UseModel(project, Accounts + View + Trigger, 2);
        var added = Step(project, "view and trigger");
        StringAssert.Contains(added, "op.CreateObject(DefinedObject.View(\"active_accounts\"");
        StringAssert.Contains(added, "op.CreateObject(DefinedObject.Trigger(\"accounts_trim\", \"accounts\"");
        BatchRebuildTests.Execute(project.Database(), "INSERT INTO accounts (name) VALUES ('  padded  ')");
        Assert.AreEqual("padded", BatchRebuildTests.Scalar(project.Database(), "SELECT name FROM accounts WHERE id = 3"), "the trigger fires");
        CollectionAssert.AreEqual(new[] { "kept", "padded" }, TempProject.Strings(project.Database(), "SELECT name FROM active_accounts ORDER BY id").ToArray());

        // Spacing, keyword case and quoting are not a change.
        UseModel(project, Accounts + """b.View("active_accounts", "select  \"id\",name\n  from [accounts]   where ACTIVE;");""" + Trigger.Replace("BEGIN UPDATE", "begin  update", StringComparison.Ordinal), 3);
        var same = project.Run("check");
        Assert.AreEqual(0, same.Code, same.Out + same.Err);

        UseModel(project, Accounts + """b.View("active_accounts", "SELECT id, upper(name) AS name FROM accounts WHERE active");""" + Trigger, 4);
        var changed = Step(project, "view changed");
        StringAssert.Contains(changed, "op.DropObject(DefinedObject.View(\"active_accounts\", \"SELECT id, name FROM accounts WHERE active\"));");
        CollectionAssert.AreEqual(new[] { "KEPT", "PADDED" }, TempProject.Strings(project.Database(), "SELECT name FROM active_accounts ORDER BY id").ToArray());

        UseModel(project, Accounts, 5);
        Step(project, "both dropped");
        Assert.AreEqual("0", BatchRebuildTests.Scalar(project.Database(), "SELECT count(*) FROM sqlite_schema WHERE type IN ('view', 'trigger')"));
        Assert.AreEqual("3", BatchRebuildTests.Scalar(project.Database(), "SELECT count(*) FROM accounts"));

        var down = project.Run("downgrade", "-1");
        Assert.AreEqual(0, down.Code, down.Out + down.Err);
        CollectionAssert.AreEqual(new[] { "KEPT", "PADDED" }, TempProject.Strings(project.Database(), "SELECT name FROM active_accounts ORDER BY id").ToArray());
    }

    [TestMethod]
    public void A_rebuilt_table_keeps_its_view_and_its_trigger()
    {
        using var project = ModelProject.For(Accounts + View + Trigger);
        Step(project, "accounts");
        BatchRebuildTests.Execute(project.Database(), "INSERT INTO accounts (name, active) VALUES ('kept', 1)");
        // A type change rebuilds accounts; SQLite would refuse the rename back with a view naming the table.
        UseModel(project, Accounts.Replace("SqlType.String(100)", "SqlType.Text", StringComparison.Ordinal) + View + Trigger, 2);
        var script = Step(project, "wider name");
        StringAssert.Contains(script, "op.BatchAlterTable(");
        Assert.IsFalse(script.Contains("DefinedObject.View", StringComparison.Ordinal), "the rebuild keeps the view: " + script);
        CollectionAssert.AreEqual(new[] { "kept" }, TempProject.Strings(project.Database(), "SELECT name FROM active_accounts").ToArray());
        BatchRebuildTests.Execute(project.Database(), "INSERT INTO accounts (name) VALUES (' x ')");
        Assert.AreEqual("x", BatchRebuildTests.Scalar(project.Database(), "SELECT name FROM accounts WHERE id = 2"), "the trigger still fires");
    }

    [TestMethod]
    public void Scaffold_writes_views_and_triggers_and_a_baseline_builds_the_same_schema()
    {
        using var project = new TempProject();
        project.Initialized();
        const string ddl = """
            CREATE TABLE "Order Lines" (id INTEGER PRIMARY KEY, qty INTEGER NOT NULL, note TEXT);
            CREATE VIEW big_lines AS SELECT id, qty FROM "Order Lines" WHERE qty > 10;
            CREATE VIEW "Big Line Ids" AS SELECT id FROM big_lines;
            CREATE TRIGGER "note it" AFTER INSERT ON "Order Lines" WHEN NEW.note IS NULL BEGIN UPDATE "Order Lines" SET note = 'qty ' || NEW.qty WHERE id = NEW.id; END;
            CREATE VIEW named(a) AS SELECT 1;
            CREATE TABLE counters (id INTEGER PRIMARY KEY AUTOINCREMENT, label TEXT NOT NULL DEFAULT 'x', twice INTEGER GENERATED ALWAYS AS (id * 2) VIRTUAL,
                upper_label TEXT GENERATED ALWAYS AS (upper(label)) STORED);
            CREATE TABLE settings (name TEXT PRIMARY KEY, value ANY) STRICT, WITHOUT ROWID;
            CREATE INDEX ix_counters_label ON counters (label DESC);
            """;
        BatchRebuildTests.Execute(project.Database("a.db"), ddl);
        var written = project.Run("scaffold", "--url", "sqlite:///a.db", "--out", "Model");
        Assert.AreEqual(0, written.Code, written.Out + written.Err);
        StringAssert.Contains(written.Out, "view named (a column list after its name: not modelled)");
        var source = File.ReadAllText(Path.Combine(project.Directory, "Model", "DatabaseModel.cs"));
        var model = ModelAssembly.Compile([source], Path.Combine(project.Directory, "Scaffolded.dll"));
        var config = Path.Combine(project.Directory, "diffmigrate.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace(TempProject.BlogModel.Replace("\\", "\\\\", StringComparison.Ordinal), model.Replace("\\", "\\\\", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("sqlite:///app.db", "sqlite:///b.db", StringComparison.Ordinal));

        var compare = project.Run("diff", "--from", "sqlite:///a.db", "--to", "model");
        Assert.AreEqual(0, compare.Code, compare.Out + compare.Err);
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "--from-empty", "-m", "baseline").Code);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Out + upgrade.Err);
        var both = project.Run("diff", "--from", "sqlite:///a.db", "--to", "sqlite:///b.db");
        StringAssert.Contains(both.Out, "view named");
        Assert.IsFalse(both.Out.Contains("big_lines", StringComparison.Ordinal) || both.Out.Contains("note it", StringComparison.Ordinal), both.Out);

        // A judge that is not the inspector: every view and trigger of a is in b, by its tokens.
        string[] Objects(string file) => TempProject.Strings(project.Database(file),
            "SELECT type || ' ' || name FROM sqlite_schema WHERE type IN ('view', 'trigger') AND name <> 'named' ORDER BY 1").ToArray();
        CollectionAssert.AreEqual(Objects("a.db"), Objects("b.db"));
        // And every table's columns, keys, generated columns, options and indexes, as SQLite's own pragmas report them
        // (NOT NULL on an INTEGER PRIMARY KEY says nothing: a rowid is never NULL).
        string[] Tables(string file) => TempProject.Strings(project.Database(file), """
            SELECT m.name || ': ' || p.name || ' ' || p.type || ' ' || CASE WHEN p.pk = 1 AND p.type = 'INTEGER' THEN '' ELSE p."notnull" END || ' ' || coalesce(p.dflt_value, '-') || ' ' || p.pk || ' ' || p.hidden
            FROM sqlite_schema m JOIN pragma_table_xinfo(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'diffmigrate_version'
            UNION ALL SELECT 'options ' || name || ' ' || strict || ' ' || wr FROM pragma_table_list WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'diffmigrate_version'
            UNION ALL SELECT 'index ' || m.name || ' ' || x.name || ' ' || x."desc" FROM sqlite_schema m JOIN pragma_index_xinfo(m.name) x WHERE m.type = 'index' AND x.key = 1 AND m.tbl_name <> 'diffmigrate_version'
            UNION ALL SELECT 'autoincrement ' || name FROM sqlite_schema WHERE sql LIKE '%AUTOINCREMENT%'
            ORDER BY 1
            """).ToArray();
        CollectionAssert.AreEqual(Tables("a.db"), Tables("b.db"), string.Join("\n", Tables("a.db")) + "\n---\n" + string.Join("\n", Tables("b.db")));
        BatchRebuildTests.Execute(project.Database("b.db"), "INSERT INTO \"Order Lines\" (id, qty) VALUES (1, 12)");
        Assert.AreEqual("qty 12", BatchRebuildTests.Scalar(project.Database("b.db"), "SELECT note FROM \"Order Lines\""));
        Assert.AreEqual("1", BatchRebuildTests.Scalar(project.Database("b.db"), "SELECT id FROM \"Big Line Ids\""));
    }

    [TestMethod]
    public void A_materialized_view_in_a_sqlite_model_is_refused_in_one_line()
    {
        using var project = ModelProject.For(Accounts + """b.MaterializedView("counts", "SELECT count(*) FROM accounts");""");
        var check = project.Run("check");
        Assert.AreEqual(2, check.Code, check.Out + check.Err);
        StringAssert.Contains(check.Err, "The model declares materializedView counts, but sqlite has no materialized views");
    }

    /// <summary>Autogenerates and upgrades, then checks that nothing is left to do; returns the revision's source.</summary>
    private static string Step(TempProject project, string message)
    {
        var id = $"{Directory.GetFiles(project.VersionsPath, "*.cs").Length + 1:D12}";
        var revision = project.Run("revision", "--autogenerate", "-m", message, "--rev-id", id);
        Assert.AreEqual(0, revision.Code, revision.Out + revision.Err);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Out + upgrade.Err);
        var check = project.Run("check");
        Assert.AreEqual(0, check.Code, $"after '{message}': {check.Out}{check.Err}");
        return File.ReadAllText(Directory.GetFiles(project.VersionsPath, id + "*.cs").Single());
    }

    /// <summary>Points the project at a new model assembly built from builder statements.</summary>
    private static void UseModel(TempProject project, string body, int version)
    {
        var source = "using DiffMigrate;\nusing DiffMigrate.Schema;\n\npublic sealed class Model : SchemaDefinition\n{\n    public override void Define(SchemaBuilder b)\n    {\n" +
            body + "\n    }\n}\n";
        var dll = ModelAssembly.Compile(source, Path.Combine(project.Directory, $"Model{version}.dll"));
        var config = Path.Combine(project.Directory, "diffmigrate.json");
        var text = File.ReadAllText(config);
        var previous = version == 2 ? "Model.dll" : $"Model{version - 1}.dll";
        File.WriteAllText(config, text.Replace(previous, Path.GetFileName(dll), StringComparison.Ordinal));
    }
}
