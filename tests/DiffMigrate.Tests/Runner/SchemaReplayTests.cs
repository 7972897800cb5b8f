using DiffMigrate.Migrations;
using DiffMigrate.Render.CSharp;
using DiffMigrate.Runner.Execution;
using static DiffMigrate.Tests.Model.SampleOperations;
using static DiffMigrate.Tests.Runner.InMemoryRevisions;

namespace DiffMigrate.Tests.Runner;

/// <summary>
/// The in-memory replay of <c>--from-migrations</c>: every operation kind changes the replayed schema as the
/// database would, and SQL as written is followed only when it touches rows or declares what it changes.
/// </summary>
[TestClass]
public sealed class SchemaReplayTests
{
    private static readonly Column Id = new("id", SqlType.Int32);

    /// <summary>Table operations are covered by DispatchCompletenessTests' SchemaReplay test; every other type here.</summary>
    [TestMethod]
    public void Every_operation_on_other_objects_is_followed_by_the_replay()
    {
        var types = typeof(MigrationOperation).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(MigrationOperation)) && !t.IsAbstract && t.IsPublic && !t.IsSubclassOf(typeof(TableOperation)) && t != typeof(CreateTable) && t != typeof(DropTable))
            .ToList();
        Assert.IsGreaterThan(15, types.Count);
        foreach (var type in types)
        {
            var sample = All().First(o => o.GetType() == type);
            var replay = new SchemaReplay();
            replay.Apply(new CreateTable(UsersTable));
            // What the sample removes or changes must be there first.
            if (sample is not ExecuteSql && !type.Name.StartsWith("Create", StringComparison.Ordinal)) Prepare(replay, sample);
            var before = replay.Schema;
            replay.Apply(sample);
            var changes = sample is not ExecuteSql;
            Assert.AreEqual(changes, before != replay.Schema, $"{type.Name} {(changes ? "left the schema as it was" : "changed the schema")}");
        }
    }

    private static void Prepare(SchemaReplay replay, MigrationOperation sample)
    {
        switch (sample)
        {
            case AddEnumValue o: replay.Apply(new CreateEnum(new EnumType(o.Enum, [.. o.Values.Where(v => v != o.Value)]))); break;
            case DropEnumValue o: replay.Apply(new CreateEnum(new EnumType(o.Enum, o.Values))); break;
            case ReorderEnumValues o: replay.Apply(new CreateEnum(new EnumType(o.Enum, o.Existing))); break;
            case RenameEnumValue o: replay.Apply(new CreateEnum(new EnumType(o.Enum, [o.OldValue, "other"]))); break;
            case AlterExtension o: replay.Apply(new CreateExtension(o.Existing)); break;
            case AlterSequence o: replay.Apply(new CreateSequence(o.Existing)); break;
            case AlterDomain o: replay.Apply(new CreateDomain(o.Existing)); break;
            case ReplaceObject o: replay.Apply(new CreateObject(o.Existing)); break;
            default: replay.Apply(sample.Reverse()); break;
        }
    }

    [TestMethod]
    public void Renames_batches_and_enum_changes_come_out_as_the_database_keeps_them()
    {
        var status = new EnumType("status", ["draft", "live"]);
        var schema = Replay(Of(
            op =>
            {
                op.Add(new CreateEnum(status));
                op.CreateTable("authors", Id, new PrimaryKey("pk_authors", ["id"]));
                op.CreateTable("posts", Id, new Column("author_id", SqlType.Int32), new Column("state", SqlType.Enum("status", "draft", "live")),
                    new ForeignKey("fk_posts_author", ["author_id"], "authors", ["id"]));
                op.CreateIndex("posts", new TableIndex("ix_posts_author", ["author_id"]));
            },
            op =>
            {
                op.RenameTable("authors", "writers");
                op.RenameColumn("writers", "id", "writer_id");
                op.Add(new AddEnumValue("status", "gone", ["draft", "live", "gone"]));
                op.BatchAlterTable("posts", b =>
                {
                    b.RenameColumn("author_id", "writer_id");
                    b.AddColumn(new Column("title", SqlType.Text, Nullable: true));
                });
            }));
        Assert.IsNull(schema.FindTable("authors"));
        Assert.AreEqual("writer_id", schema.FindTable("writers")!.PrimaryKey!.Columns.Single());
        var posts = schema.FindTable("posts")!;
        var fk = posts.ForeignKeys.Single();
        Assert.AreEqual(new QualifiedName(null, "writers"), fk.ReferredTable);
        Assert.AreEqual("writer_id", fk.ReferredColumns.Single());
        Assert.AreEqual("writer_id", fk.Columns.Single());
        Assert.AreEqual("writer_id", posts.Indexes.Single().Columns.Single());
        Assert.AreEqual("draft, live, gone", string.Join(", ", posts.FindColumn("state")!.Type.Values));
        Assert.AreEqual("draft, live, gone", string.Join(", ", schema.Enums.Single().Values));
        Assert.IsNotNull(posts.FindColumn("title"));
    }

    [TestMethod]
    [DataRow("CREATE TABLE t (id int)")]
    [DataRow("-- a comment; with a semicolon\n  alter table posts add column x int")]
    [DataRow("INSERT INTO t VALUES (1); DROP TABLE t")]
    [DataRow("SELECT * INTO copy FROM t")]
    [DataRow("DO $$ BEGIN EXECUTE 'CREATE TABLE x (id int)'; END $$")]
    [DataRow("WITH x AS (SELECT 1) CREATE TABLE y AS SELECT 1")]
    public void Raw_DDL_is_refused_naming_the_revision_the_statement_and_the_way_to_declare_it(string sql)
    {
        var revisions = Of(op => op.CreateTable("t", Id), op => op.Execute(sql));
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => Replay(revisions));
        var statement = RawSql.FirstSchemaStatement(sql)!;
        Assert.AreEqual(
            $"revision 000000000002 (versions/000000000002_step.cs): op.Execute(\"{RawSql.Start(statement)}\") may change the schema, and the in-memory replay cannot tell how: " +
            "declare it with op.Execute(sql, downSql, changes: [the equivalent operations]) (changes: [] when it changes no schema), or compare with a scratch database instead (without --offline).",
            error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [TestMethod]
    public void The_refusal_quotes_the_first_statement_that_is_not_DML()
    {
        Assert.AreEqual(" DROP TABLE t", RawSql.FirstSchemaStatement("INSERT INTO t VALUES ('a;b'); DROP TABLE t"));
        Assert.AreEqual("CREATE TABLE a_very_long_name_that_goes_on_and_on_and_on_and ...", RawSql.Start("CREATE TABLE a_very_long_name_that_goes_on_and_on_and_on_and_on (id int)"));
        // A line terminator other than LF, or a terminal control, cannot break or rewrite the one-line message.
        Assert.AreEqual("CREATE TABLE a\\u2028DROP TABLE b\\rx\\u001b[2J", RawSql.Start("CREATE TABLE a\u2028DROP TABLE b\rx\u001b[2J"));
        Assert.AreEqual("CREATE TABLE a\\u0085 ...", RawSql.Start("CREATE TABLE a\u0085\nDROP TABLE b"));
    }

    [TestMethod]
    [DataRow("INSERT INTO t (id) VALUES (1)")]
    [DataRow("update t set id = 2 where id = 1; delete from t where id = 3")]
    [DataRow("/* seed */ MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE")]
    [DataRow("SELECT setval('s', 10)")]
    [DataRow("WITH moved AS (DELETE FROM t RETURNING *) INSERT INTO t SELECT * FROM moved;")]
    [DataRow("INSERT INTO t (note) VALUES ('CREATE TABLE x; DROP TABLE y')")]
    [DataRow("INSERT INTO t (note) VALUES ($tag$; DROP TABLE y$tag$)")]
    public void Statements_that_only_touch_rows_leave_the_schema_as_it_is(string sql)
    {
        Assert.IsNull(RawSql.FirstSchemaStatement(sql));
        var withRows = Replay(Of(op => op.CreateTable("t", Id), op => op.Execute(sql)));
        Assert.AreEqual(Replay(Of(op => op.CreateTable("t", Id))), withRows);
    }

    [TestMethod]
    public void A_declared_statement_is_replayed_as_its_declared_operations()
    {
        var view = DefinedObject.View("v", "SELECT id FROM t");
        var schema = Replay(Of(
            op => op.CreateTable("t", Id),
            op => op.Execute("CREATE VIEW v AS SELECT id FROM t", "DROP VIEW v", changes: [new CreateObject(view)]),
            op => op.Execute("ANALYZE t", null, changes: [])));
        Assert.AreEqual(view, schema.Objects.Single());
        Assert.AreEqual(new ExecuteSql("DROP VIEW v", "CREATE VIEW v AS SELECT id FROM t") { Changes = [new DropObject(view)] },
            new ExecuteSql("CREATE VIEW v AS SELECT id FROM t", "DROP VIEW v") { Changes = [new CreateObject(view)] }.Reverse());
    }

    [TestMethod]
    public void The_CSharp_writer_writes_a_declared_no_change_and_refuses_declared_operations()
    {
        var date = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var text = RevisionWriter.Write(new RevisionSource("abc123def456", [], "one", date, [new ExecuteSql("ANALYZE t") { Changes = [] }], []));
        StringAssert.Contains(text, "op.Execute(\"ANALYZE t\", downSql: null, changes: []);");
        var declared = new ExecuteSql("CREATE VIEW v AS SELECT 1") { Changes = [new CreateObject(DefinedObject.View("v", "SELECT 1"))] };
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => RevisionWriter.Write(new RevisionSource("abc123def456", [], "one", date, [declared], [])));
        StringAssert.Contains(error.Message, "op.Execute(\"CREATE VIEW v AS SELECT 1\") declares the schema changes it makes");
    }

    [TestMethod]
    public void An_edit_of_a_table_no_revision_created_is_refused()
    {
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => Replay(Of(op => op.AddColumn("ghost", Id))));
        Assert.AreEqual("revision 000000000001 (versions/000000000001_step.cs): AddColumn on ghost: no earlier revision creates that table, so the in-memory replay cannot follow it (was it created by op.Execute without declaring it?).", error.Message);
    }

    [TestMethod]
    public void The_offline_rebuild_replay_still_ignores_what_it_cannot_know()
    {
        var replay = new SchemaReplay();
        replay.Apply(new ExecuteSql("CREATE TABLE x (id int)"));
        replay.Apply(new AddColumn("x", Id));
        Assert.IsEmpty(replay.Schema.Tables);
    }
}
