using DiffMigrate.Design.Scripts;
using DiffMigrate.Providers;
using DiffMigrate.Runner.Execution;

namespace DiffMigrate.Tests.Runner;

/// <summary>
/// <c>upgrade --sql</c> reads each revision's SQL from the offline cache when it can: the script is the same, byte
/// for byte, as one rendered from the scripts; an edit is seen; what depends on earlier revisions is never cached.
/// </summary>
[TestClass]
public sealed class OfflineSqlCacheTests
{
    [TestMethod]
    public void A_cached_script_equals_a_rendered_one_and_loads_no_revision()
    {
        using var project = new Project();
        project.Write("a1", null, """op.CreateTable("t1", Column("id", SqlType.Int32), Column("name", SqlType.String(50), nullable: true), PrimaryKey("pk_t1", "id"));""");
        project.Write("a2", "a1", """op.AddColumn("t1", Column("c2", SqlType.Int32, nullable: true));""");
        project.Write("a3", "a2", """op.CreateIndex("t1", Index("ix_t1_name", new[] { "name" }));""");
        project.Write("a4", "a3", """op.Execute("UPDATE t1 SET name = 'tab\there' WHERE id = 1");""");
        project.Write("a5", "a4", """op.RenameTable("t1", "t9");""");

        foreach (var provider in new[] { DatabaseProviders.Sqlite, DatabaseProviders.Postgres })
        {
            foreach (var range in new[] { "head", "a2:head", "a1:a4" })
            {
                var rendered = OfflineScript.Upgrade(project.Uncached(), provider, "alembic_version", range);
                var first = OfflineScript.Upgrade(ScriptRevisions.FromScriptLocation(project.Root), provider, "alembic_version", range);
                Assert.AreEqual(rendered, first, $"{provider} {range}: first run");
                var cached = OfflineScript.Upgrade(project.CacheOnly(), provider, "alembic_version", range);
                Assert.AreEqual(rendered, cached, $"{provider} {range}: from the cache");
            }
        }
        StringAssert.Contains(OfflineScript.Upgrade(project.CacheOnly(), DatabaseProviders.Sqlite, "alembic_version", "head"), "ALTER TABLE t1 RENAME TO t9");
    }

    [TestMethod]
    public void An_edited_script_gets_its_new_sql()
    {
        using var project = new Project();
        project.Write("b1", null, """op.CreateTable("t1", Column("id", SqlType.Int32), PrimaryKey("pk_t1", "id"));""");
        project.Write("b2", "b1", """op.AddColumn("t1", Column("before_edit", SqlType.Int32, nullable: true));""");
        var before = OfflineScript.Upgrade(ScriptRevisions.FromScriptLocation(project.Root), DatabaseProviders.Sqlite, "alembic_version", "head");
        StringAssert.Contains(before, "before_edit");

        project.Write("b2", "b1", """op.AddColumn("t1", Column("after_edit", SqlType.Int32, nullable: true));""");
        var after = OfflineScript.Upgrade(ScriptRevisions.FromScriptLocation(project.Root), DatabaseProviders.Sqlite, "alembic_version", "head");
        Assert.AreEqual(OfflineScript.Upgrade(project.Uncached(), DatabaseProviders.Sqlite, "alembic_version", "head"), after);
        StringAssert.Contains(after, "after_edit");
        Assert.DoesNotContain("before_edit", after);
        Assert.AreEqual(after, OfflineScript.Upgrade(project.CacheOnly(), DatabaseProviders.Sqlite, "alembic_version", "head"), "and the edit is cached in turn");
    }

    [TestMethod]
    public void A_batch_rebuilt_from_earlier_revisions_is_rendered_every_time()
    {
        using var project = new Project();
        project.Write("c1", null, """op.CreateTable("t1", Column("id", SqlType.Int32), PrimaryKey("pk_t1", "id"));""");
        project.Write("c2", "c1", """op.BatchAlterTable("t1", b => b.AlterColumn(Column("id", SqlType.Int32), Column("id", SqlType.Int64)), Recreate.Always);""");
        var rendered = OfflineScript.Upgrade(project.Uncached(), DatabaseProviders.Sqlite, "alembic_version", "head");
        StringAssert.Contains(rendered, "CREATE TABLE _dm_new_t1 (\n    id BIGINT NOT NULL", "the rebuild takes t1's columns from c1");
        Assert.AreEqual(rendered, OfflineScript.Upgrade(ScriptRevisions.FromScriptLocation(project.Root), DatabaseProviders.Sqlite, "alembic_version", "head"));

        var error = Assert.ThrowsExactly<AssertFailedException>(() =>
            OfflineScript.Upgrade(project.CacheOnly(), DatabaseProviders.Sqlite, "alembic_version", "head"));
        StringAssert.Contains(error.Message, "loaded c1, c2", "c2's SQL depends on c1, so both are loaded again");
    }

    /// <summary>A script location with versions/ and its cache; deleted afterwards.</summary>
    private sealed class Project : IDisposable
    {
        private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("diffmigrate-offline-");

        public string Root => root.FullName;

        private string Versions => Path.Combine(Root, "versions");

        private string Cache => Path.Combine(Root, ".diffmigrate-cache");

        public void Write(string id, string? down, string upgrade)
        {
            Directory.CreateDirectory(Versions);
            var parent = down is null ? "" : $", \"{down}\"";
            File.WriteAllText(Path.Combine(Versions, id + "_rev.cs"), $$"""
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
                    }
                }
                """);
        }

        /// <summary>The scripts with no offline cache: every run renders.</summary>
        public RevisionSet Uncached()
        {
            var scripts = ScriptRevisions.FromDirectories([Versions], recursive: false, Path.Combine(Root, "uncached-compile"));
            return new RevisionSet(scripts.Graph, scripts.Load);
        }

        /// <summary>The scripts' graph and offline cache, with a loader that fails the test if anything is loaded.</summary>
        public RevisionSet CacheOnly()
        {
            var headers = new ScriptDirectory(Versions).ReadHeaders();
            var graph = ScriptRevisions.FromDirectories([Versions], recursive: false, Path.Combine(Root, "uncached-compile")).Graph;
            return new RevisionSet(graph, ids => throw new AssertFailedException("loaded " + string.Join(", ", ids.Order(StringComparer.Ordinal))))
            {
                OfflineSql = ScriptRevisions.OfflineCache(Cache, headers.ToDictionary(h => h.Id, StringComparer.Ordinal)),
            };
        }

        public void Dispose() => root.Delete(recursive: true);
    }
}
