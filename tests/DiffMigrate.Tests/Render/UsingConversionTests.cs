using DiffMigrate.Migrations;
using DiffMigrate.Render.CSharp;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Tests.Support;

namespace DiffMigrate.Tests.Render;

/// <summary>An AlterColumn's explicit conversion: written back by the revision writer, dropped by the reverse, copied by a SQLite rebuild.</summary>
[TestClass]
public sealed class UsingConversionTests
{
    private static readonly Column Text = new("score", SqlType.Text, Nullable: true);
    private static readonly Column Integer = new("score", SqlType.Int32, Nullable: true);
    private const string Conversion = "CASE WHEN \"score\" GLOB '[0-9]*' THEN CAST(score AS INTEGER) END";

    [TestMethod]
    public void The_writer_writes_using_sql_and_the_revision_records_it_back_at_top_level_and_in_a_batch()
    {
        MigrationOperation[] upgrade =
        [
            new AlterColumn("users", Text, Integer, Conversion),
            new BatchAlterTable("posts", [new AlterColumn("posts", Text, Integer, "trim(score)\n|| ''")]),
            new AlterColumn("users", Integer, Text),
        ];
        var source = new RevisionSource("ae1027a6acf0", [], "convert", DateTimeOffset.UnixEpoch, upgrade, OperationReverser.ReverseAll(upgrade), ClassName: "Convert");
        var text = RevisionWriter.Write(source);
        StringAssert.Contains(text, "usingSql: \"CASE WHEN \\\"score\\\" GLOB '[0-9]*' THEN CAST(score AS INTEGER) END\"");
        Assert.AreEqual(2, text.Split("usingSql:").Length - 1, text);

        var op = new Operations();
        CompiledRevision.Load("ae1027a6acf0", text).Upgrade(op);
        CollectionAssert.AreEqual(upgrade, op.Recorded.ToList());
    }

    [TestMethod]
    public void The_reverse_of_a_conversion_has_none()
    {
        var reverse = (AlterColumn)new AlterColumn("users", Text, Integer, Conversion).Reverse();
        Assert.AreEqual(new AlterColumn("users", Integer, Text), reverse);
        Assert.IsNull(reverse.Using);
    }

    [TestMethod]
    public void Postgres_renders_the_conversion_as_using_even_when_the_type_stays()
    {
        var renderer = new PostgresSqlRenderer();
        Assert.AreEqual("ALTER TABLE users ALTER COLUMN score TYPE integer USING (" + Conversion + ")",
            renderer.Render([new AlterColumn("users", Text, Integer, Conversion)]).Single().Text);
        Assert.AreEqual("ALTER TABLE users ALTER COLUMN score TYPE text USING (lower(score))",
            renderer.Render([new AlterColumn("users", Text, Text, "lower(score)")]).Single().Text);
    }

    [TestMethod]
    public void A_sqlite_rebuild_copies_the_conversion_after_a_rename_and_checks_only_the_other_changed_column()
    {
        var table = new Table("t", [new Column("id", SqlType.Int32), Text, new Column("note", SqlType.Text, Nullable: true)]);
        var batch = new BatchAlterTable("t",
        [
            new AlterColumn("t", Text, Integer, "CAST(score AS INTEGER)"),
            new RenameColumn("t", "score", "points"),
            new AlterColumn("t", new Column("note", SqlType.Text, Nullable: true), new Column("note", SqlType.Int64, Nullable: true)),
        ], CopyFrom: table);
        var statements = new SqliteSqlRenderer().Render([batch]);

        var copy = statements.Single(s => s.Text.StartsWith("INSERT INTO _dm_new_t", StringComparison.Ordinal));
        Assert.AreEqual("INSERT INTO _dm_new_t (id, points, note)\nSELECT id, (CAST(score AS INTEGER)), note FROM t", copy.Text);
        Assert.IsNotNull(copy.Diagnosis);
        var guards = statements.Where(s => s.Text.Contains("CREATE TEMP TRIGGER", StringComparison.Ordinal)).ToList();
        Assert.HasCount(1, guards);
        StringAssert.Contains(guards[0].Text, "WHEN typeof(NEW.note) NOT IN ('integer', 'null')");
        StringAssert.Contains(guards[0].Text, "RAISE(ABORT, 'DiffMigrate: t.note: a value does not convert to BIGINT (INTEGER affinity) without loss");
        Assert.AreEqual(1, statements.Count(s => s.Text == "DROP TRIGGER temp._dm_check_0"));
        Assert.IsTrue(statements.ToList().FindIndex(s => s.Text.StartsWith("DROP TRIGGER", StringComparison.Ordinal))
            < statements.ToList().FindIndex(s => s.Text == "DROP TABLE t"), "the guard must go before the table is renamed");
        Assert.IsFalse(statements.Any(s => s.Text.Contains("CAST(note", StringComparison.Ordinal)), "no silent CAST");
    }
}
