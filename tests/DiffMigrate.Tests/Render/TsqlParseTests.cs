using DiffMigrate.Design.Scripts;
using DiffMigrate.Diff;
using DiffMigrate.Migrations;
using DiffMigrate.Providers;
using DiffMigrate.Providers.SqlServer;
using DiffMigrate.Render.Sql;
using DiffMigrate.Runner.Execution;
using DiffMigrate.Schema;
using DiffMigrate.Tests.Model;
using DiffMigrate.Tests.Support;
using DiffMigrate.Workloads;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DiffMigrate.Tests.Render;

/// <summary>
/// Everything the SQL Server renderer writes is T-SQL that SQL Server 2022's own parser (ScriptDom's TSql160Parser)
/// reads without an error: every snapshot, every operation kind, a 200-table schema from empty, and offline scripts.
/// This checks syntax, not what a live server would do with it (no SQL Server runs here).
/// </summary>
[TestClass]
public sealed class TsqlParseTests
{
    private static readonly SqlServerSqlRenderer Renderer = new();

    /// <summary>The parse errors of <paramref name="script"/> (GO lines end its batches), each with its line.</summary>
    private static List<string> Errors(string script)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(script), out var errors);
        return [.. errors.Select(e => $"line {e.Line}: {e.Message}")];
    }

    private static void AssertParses(string script, string what)
    {
        var errors = Errors(script);
        Assert.IsEmpty(errors, $"{what}:\n{string.Join("\n", errors)}\n--- script ---\n{script}");
    }

    [TestMethod]
    public void The_parser_finds_errors_when_there_are_some()
    {
        Assert.IsNotEmpty(Errors("ALTER TABLE posts ADD COLUMN views INT;\nGO\n"), "T-SQL has no COLUMN keyword in ADD");
        Assert.IsNotEmpty(Errors("CREATE TABLE t (id INT GENERATED ALWAYS AS IDENTITY);\n"));
        Assert.IsEmpty(Errors("ALTER TABLE posts ADD views INT NULL;\nGO\n"));
    }

    [TestMethod]
    public void Every_mssql_snapshot_parses()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, "snapshots", "sql", "mssql"), "*.sql");
        var parsed = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            if (text.StartsWith("-- refused:", StringComparison.Ordinal)) continue;
            AssertParses(text, Path.GetFileName(file));
            parsed++;
        }
        Assert.IsGreaterThanOrEqualTo(SqlServerScenarios.All.Count + 15, parsed, "the shared and SQL Server scenarios each have a snapshot");
    }

    [TestMethod]
    public void Every_operation_kind_the_renderer_writes_parses()
    {
        var rendered = 0;
        foreach (var operation in SampleOperations.All())
        {
            // Raw SQL and object definitions are the user's text (the samples' are PostgreSQL's): passed through as written.
            if (operation is ExecuteSql or CreateObject or ReplaceObject) continue;
            IReadOnlyList<SqlStatement> statements;
            try
            {
                statements = Renderer.Render([operation]);
            }
            catch (UnsupportedOperationException)
            {
                continue;
            }
            AssertParses(Renderer.RenderScript(statements), operation.GetType().Name);
            rendered++;
        }
        Assert.IsGreaterThan(20, rendered, "most operation kinds render on SQL Server");
    }

    [TestMethod]
    public void A_200_table_schema_from_empty_parses()
    {
        // SQL Server has no expression index keys: the generated schema's lower(name) indexes are left out.
        var schema = GeneratedSchema.Build(200);
        schema = schema with
        {
            Tables = [.. schema.Tables.Select(t => t with { Indexes = [.. t.Indexes.Where(i => !Enumerable.Range(0, i.Columns.Count).Any(i.IsExpression))] })],
        };
        var operations = new SchemaDiffer(new DiffOptions(SqlServerDialect.Instance)).Diff(new DatabaseSchema([]), schema).ToList();
        var statements = Renderer.Render(operations);
        Assert.IsGreaterThanOrEqualTo(200, statements.Count(s => s.Text.StartsWith("CREATE TABLE", StringComparison.Ordinal)));
        AssertParses(Renderer.RenderScript(statements), "200 tables");
        AssertParses(Renderer.RenderScript(Renderer.Render(new SchemaDiffer(new DiffOptions(SqlServerDialect.Instance)).Diff(schema, new DatabaseSchema([])).ToList())), "and back to empty");
    }

    [TestMethod]
    public void An_offline_upgrade_is_one_transaction_per_revision_and_parses()
    {
        var root = Directory.CreateTempSubdirectory("diffmigrate-tsql-");
        try
        {
            var versions = Path.Combine(root.FullName, "versions");
            Write(versions, "a1", null, """op.CreateTable("users", Column("id", SqlType.Int64, identity: new Identity()), Column("email", SqlType.String(255)), PrimaryKey("pk_users", "id"));""");
            Write(versions, "a2", "a1", """op.AddColumn("users", Column("active", SqlType.Boolean, defaultSql: "1"));""");
            Write(versions, "a3", "a2", """op.Execute("CREATE VIEW active_users AS SELECT id FROM users WHERE active = 1");""");
            var scripts = ScriptRevisions.FromDirectories([versions], recursive: false, Path.Combine(root.FullName, "compiled"));
            var revisions = new RevisionSet(scripts.Graph, scripts.Load);

            var upgrade = OfflineScript.Upgrade(revisions, DatabaseProviders.SqlServer, "alembic_version", "head");
            AssertParses(upgrade, "upgrade head --sql");
            Assert.StartsWith("SET XACT_ABORT ON;\nGO\n", upgrade);
            Assert.AreEqual(4, Count(upgrade, "BEGIN TRANSACTION;\nGO\n"), "the version table's, and one per revision");
            Assert.AreEqual(4, Count(upgrade, "COMMIT TRANSACTION;\nGO\n"));
            Assert.AreEqual(Count(upgrade, ";\n"), Count(upgrade, ";\nGO\n"), "every statement ends its batch");
            StringAssert.Contains(upgrade, "INSERT INTO alembic_version (version_num) VALUES (N'a1')");
            // Revision a2 commits with its version-row change, before a3 begins.
            var a2 = upgrade.IndexOf("SET version_num=N'a2'", StringComparison.Ordinal);
            Assert.IsLessThan(upgrade.IndexOf("CREATE VIEW", StringComparison.Ordinal), upgrade.IndexOf("COMMIT TRANSACTION", a2, StringComparison.Ordinal));

            var downgrade = OfflineScript.Downgrade(revisions, DatabaseProviders.SqlServer, "alembic_version", "a2:base");
            AssertParses(downgrade, "downgrade a2:base --sql");
            AssertParses(OfflineScript.Stamp(revisions.Graph, DatabaseProviders.SqlServer, "alembic_version", ["head"], purge: false), "stamp --sql");
            AssertParses(OfflineScript.EnsureVersion(DatabaseProviders.SqlServer, "alembic_version"), "ensure-version --sql");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static void Write(string versions, string id, string? down, string upgrade)
    {
        Directory.CreateDirectory(versions);
        var parent = down is null ? "" : $", \"{down}\"";
        File.WriteAllText(Path.Combine(versions, id + "_rev.cs"), $$"""
            using DiffMigrate;
            using DiffMigrate.Schema;

            namespace Migrations;

            [Revision("{{id}}"{{parent}})]
            public sealed class R_{{id}} : Migration
            {
                public override void Upgrade(Operations op)
                {
                    {{upgrade}}
                }

                public override void Downgrade(Operations op)
                {
                    op.DropTable("users");
                }
            }
            """);
    }
}
