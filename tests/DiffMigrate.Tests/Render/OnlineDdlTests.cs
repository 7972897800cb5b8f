using DiffMigrate.Migrations;
using DiffMigrate.Providers;
using DiffMigrate.Render.CSharp;
using DiffMigrate.Tests.Support;

namespace DiffMigrate.Tests.Render;

/// <summary>
/// Online-DDL clauses asked of a change (<c>op.Online</c>): recorded on each change, kept by its reverse, written by
/// MariaDB/MySQL after each of its statements and left out elsewhere, written back by the C# writer, and named by the
/// lint when the change copies the table and the clause forbids that.
/// </summary>
[TestClass]
public sealed class OnlineDdlTests
{
    private static readonly QualifiedName Items = "items";
    private static readonly OnlineDdl Instant = new(DdlAlgorithm.Instant);
    private static readonly OnlineDdl NoLock = new(DdlAlgorithm.InPlace, DdlLock.None);
    private static readonly Column Flag = new("flag", SqlType.Int32, Default: "0");

    private static List<string> MySql(params MigrationOperation[] operations) => [.. DatabaseProviders.MySql.Renderer.Render(operations).Select(s => s.Text)];

    [TestMethod]
    public void Online_marks_every_change_recorded_inside_it_and_nothing_after()
    {
        var op = new Operations();
        op.Online(Instant, () =>
        {
            op.AddColumn(Items, Flag);
            op.RenameColumn(Items, "flag", "flags");
        });
        op.DropColumn(Items, Flag);

        CollectionAssert.AreEqual(new OnlineDdl?[] { Instant, Instant, null }, op.Recorded.Cast<TableEdit>().Select(e => e.Online).ToList());
    }

    [TestMethod]
    public void Online_refuses_an_operation_that_is_not_a_change_to_an_existing_table()
    {
        var op = new Operations();
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => op.Online(Instant, () => op.CreateTable(Items, new Column("id", SqlType.Int32))));
        Assert.AreEqual("op.Online: CreateTable on items is not a change to an existing table's columns, indexes, constraints or comment; call it outside op.Online.", error.Message);
        Assert.ThrowsExactly<DiffMigrateException>(() => op.Online(Instant, () => op.Execute("ALTER TABLE items ADD COLUMN x INT")));
    }

    [TestMethod]
    public void The_reverse_of_an_online_change_asks_the_same_clauses()
    {
        var reversed = OperationReverser.ReverseAll([new AddColumn(Items, Flag) { Online = Instant }, new CreateIndex(Items, new TableIndex("ix", ["flag"])) { Online = NoLock }]);
        Assert.AreEqual(new DropIndex(Items, new TableIndex("ix", ["flag"])) { Online = NoLock }, reversed[0]);
        Assert.AreEqual(new DropColumn(Items, Flag) { Online = Instant }, reversed[1]);
        Assert.IsNull(((TableEdit)new AddColumn(Items, Flag).Reverse()).Online);
    }

    [TestMethod]
    public void MariaDb_writes_the_clauses_after_every_statement_of_the_change()
    {
        CollectionAssert.AreEqual(
            new[] { "ALTER TABLE items ADD COLUMN flag INT NOT NULL DEFAULT 0, ALGORITHM=INSTANT" },
            MySql(new AddColumn(Items, Flag) { Online = Instant }));
        // A new identity start is a second statement of the same change: it is asked the same.
        CollectionAssert.AreEqual(
            new[]
            {
                "ALTER TABLE items MODIFY COLUMN id BIGINT NOT NULL AUTO_INCREMENT, ALGORITHM=INPLACE, LOCK=NONE",
                "ALTER TABLE items AUTO_INCREMENT = 50, ALGORITHM=INPLACE, LOCK=NONE",
            },
            MySql(new AlterColumn(Items, new Column("id", SqlType.Int64), new Column("id", SqlType.Int64, Identity: new Identity(Start: 50))) { Online = NoLock }));
        CollectionAssert.AreEqual(
            new[] { "CREATE INDEX ix_items_flag ON items (flag) ALGORITHM=INPLACE LOCK=NONE" },
            MySql(new CreateIndex(Items, new TableIndex("ix_items_flag", ["flag"])) { Online = NoLock }));
        CollectionAssert.AreEqual(
            new[] { "ALTER TABLE items DROP INDEX ix_items_flag, LOCK=SHARED" },
            MySql(new DropIndex(Items, new TableIndex("ix_items_flag", ["flag"])) { Online = new OnlineDdl(Lock: DdlLock.Shared) }));
        CollectionAssert.AreEqual(
            new[] { "ALTER TABLE items RENAME COLUMN flag TO flags, ALGORITHM=COPY, LOCK=EXCLUSIVE" },
            MySql(new RenameColumn(Items, "flag", "flags") { Online = new OnlineDdl(DdlAlgorithm.Copy, DdlLock.Exclusive) }));
    }

    [TestMethod]
    public void Clauses_of_their_own_replace_concurrently_and_the_server_defaults_add_nothing()
    {
        CollectionAssert.AreEqual(
            new[] { "CREATE INDEX ix ON items (flag) ALGORITHM=INSTANT" },
            MySql(new CreateIndex(Items, new TableIndex("ix", ["flag"]), Concurrently: true) { Online = Instant }));
        CollectionAssert.AreEqual(
            new[] { "ALTER TABLE items DROP INDEX ix, ALGORITHM=INSTANT" },
            MySql(new DropIndex(Items, new TableIndex("ix", ["flag"]), Concurrently: true) { Online = Instant }));
        CollectionAssert.AreEqual(MySql(new AddColumn(Items, Flag)), MySql(new AddColumn(Items, Flag) { Online = new OnlineDdl() }));
    }

    [TestMethod]
    public void In_a_batch_each_change_keeps_its_own_clauses()
    {
        var batch = new BatchAlterTable(Items, [new AddColumn(Items, Flag) { Online = Instant }, new DropColumn(Items, new Column("old", SqlType.Int32))]);
        CollectionAssert.AreEqual(
            new[] { "ALTER TABLE items ADD COLUMN flag INT NOT NULL DEFAULT 0, ALGORITHM=INSTANT", "ALTER TABLE items DROP COLUMN old" },
            MySql(batch));
    }

    [TestMethod]
    public void Databases_without_such_clauses_write_the_change_as_they_would_without_them()
    {
        foreach (var provider in new[] { DatabaseProviders.Postgres, DatabaseProviders.Sqlite, DatabaseProviders.SqlServer })
        {
            var plain = provider.Renderer.Render([new AddColumn(Items, Flag), new CreateIndex(Items, new TableIndex("ix", ["flag"]))]);
            var online = provider.Renderer.Render([new AddColumn(Items, Flag) { Online = NoLock }, new CreateIndex(Items, new TableIndex("ix", ["flag"])) { Online = NoLock }]);
            CollectionAssert.AreEqual(plain.ToList(), online.ToList(), provider.Dialect.Name);
        }
    }

    [TestMethod]
    public void The_writer_writes_op_Online_and_the_revision_compiles_back_to_the_same_operations()
    {
        IReadOnlyList<MigrationOperation> upgrade =
        [
            new AddColumn(Items, Flag) { Online = Instant },
            new CreateIndex(Items, new TableIndex("ix_items_flag", ["flag"])) { Online = NoLock },
            new DropIndex(Items, new TableIndex("ix_old", ["flag"])) { Online = new OnlineDdl(Lock: DdlLock.None) },
            new RenameColumn(Items, "a", "b"),
        ];
        var source = new RevisionSource("0a1b2c3d4e5f", [], "online", new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), upgrade, OperationReverser.ReverseAll(upgrade));
        var text = RevisionWriter.Write(source);

        StringAssert.Contains(text, "        op.Online(new OnlineDdl(DdlAlgorithm.Instant), () =>\n        {\n            op.AddColumn(\"items\", ");
        StringAssert.Contains(text, "op.Online(new OnlineDdl(DdlAlgorithm.InPlace, DdlLock.None), () =>");
        StringAssert.Contains(text, "op.Online(new OnlineDdl(Lock: DdlLock.None), () =>");
        CompiledRevision.AssertRoundTrips(source, CompiledRevision.Load(source.Id, text));
    }

    [TestMethod]
    public void The_writer_refuses_clauses_on_a_change_inside_a_batch()
    {
        var upgrade = new MigrationOperation[] { new BatchAlterTable(Items, [new AddColumn(Items, Flag) { Online = Instant }]) };
        var source = new RevisionSource("0a1b2c3d4e5f", [], "online", DateTimeOffset.UnixEpoch, upgrade, []);
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => RevisionWriter.Write(source));
        StringAssert.Contains(error.Message, "AddColumn on items in a batch asks for online-DDL clauses");
    }

    [TestMethod]
    public void The_lint_says_a_clause_that_forbids_the_copy_makes_the_server_refuse_the_change()
    {
        var retype = new AlterColumn(Items, new Column("n", SqlType.Int32), new Column("n", SqlType.Int64));
        Assert.AreEqual("copies table items to change n's type (INT to BIGINT); writes wait",
            DatabaseProviders.MySql.Lint([retype]).Single(f => f.Code == "DM401").Message);
        Assert.AreEqual("copies table items to change n's type (INT to BIGINT): the ALGORITHM=INPLACE asked here makes the server refuse it, and the revision stops there",
            DatabaseProviders.MySql.Lint([retype with { Online = new OnlineDdl(DdlAlgorithm.InPlace) }]).Single(f => f.Code == "DM401").Message);
        StringAssert.Contains(DatabaseProviders.MySql.Lint([retype with { Online = new OnlineDdl(Lock: DdlLock.None) }]).Single(f => f.Code == "DM401").Message, "the LOCK=NONE asked here");
        // COPY asks for what the change does anyway: the warning stays as it is.
        Assert.AreEqual("copies table items to change n's type (INT to BIGINT); writes wait",
            DatabaseProviders.MySql.Lint([retype with { Online = new OnlineDdl(DdlAlgorithm.Copy) }]).Single(f => f.Code == "DM401").Message);
    }
}
