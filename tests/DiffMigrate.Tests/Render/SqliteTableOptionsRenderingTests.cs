using DiffMigrate.Migrations;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Render.Sql;

namespace DiffMigrate.Tests.Render;

/// <summary>STRICT, WITHOUT ROWID and VIRTUAL generated columns as SQLite's CREATE TABLE and its rebuild write them, and PostgreSQL's refusals.</summary>
[TestClass]
public sealed class SqliteTableOptionsRenderingTests
{
    private static readonly Table Items = new("items",
        [
            new Column("id", SqlType.Int64),
            new Column("name", SqlType.String(40)),
            new Column("price", SqlType.Decimal(10, 2), Nullable: true),
            new Column("twice", SqlType.Int64, Computed: "id * 2", ComputedVirtual: true),
            new Column("thrice", SqlType.Int64, Computed: "id * 3"),
        ],
        new PrimaryKey(null, ["id"]));

    [TestMethod]
    public void A_strict_table_without_rowid_declares_strict_types_and_both_options()
    {
        var sql = new SqliteSqlRenderer().Render([new CreateTable(Items with { Strict = true, WithoutRowid = true })]).Single().Text;
        Assert.AreEqual("CREATE TABLE items (\n    id INTEGER NOT NULL,\n    name TEXT NOT NULL,\n    price TEXT,\n" +
            "    twice INTEGER GENERATED ALWAYS AS (id * 2) VIRTUAL NOT NULL,\n    thrice INTEGER GENERATED ALWAYS AS (id * 3) STORED NOT NULL,\n" +
            "    PRIMARY KEY (id)\n) WITHOUT ROWID, STRICT", sql);
    }

    [TestMethod]
    public void A_plain_table_keeps_its_declared_types()
    {
        var sql = new SqliteSqlRenderer().Render([new CreateTable(Items)]).Single().Text;
        StringAssert.Contains(sql, "name VARCHAR(40) NOT NULL");
        StringAssert.EndsWith(sql, "\n)");
    }

    [TestMethod]
    public void Changing_the_options_rebuilds_the_table_and_an_unrelated_rebuild_keeps_them()
    {
        var renderer = new SqliteSqlRenderer();
        var strict = renderer.Render([new BatchAlterTable("items", [new AlterTableOptions("items", new TableOptions(Strict: true), TableOptions.None)], CopyFrom: Items)]);
        StringAssert.EndsWith(strict[0].Text, ") STRICT");
        Assert.IsTrue(strict.Any(s => s.Text.StartsWith("INSERT INTO _dm_new_items (id, name, price)", StringComparison.Ordinal)), string.Join("\n", strict.Select(s => s.Text)));

        var check = new AddCheckConstraint("items", new CheckConstraint("ck", "id > 0"));
        var kept = renderer.Render([new BatchAlterTable("items", [check], CopyFrom: Items with { WithoutRowid = true })]);
        StringAssert.EndsWith(kept[0].Text, ") WITHOUT ROWID");
        StringAssert.Contains(kept[0].Text, "GENERATED ALWAYS AS (id * 2) VIRTUAL");
    }

    [TestMethod]
    public void A_strict_table_refuses_a_type_it_cannot_hold_and_without_rowid_needs_a_key()
    {
        var renderer = new SqliteSqlRenderer();
        var loose = Assert.ThrowsExactly<UnsupportedOperationException>(() =>
            renderer.Render([new CreateTable(new Table("t", [new Column("doc", SqlType.Raw("XML"))], new PrimaryKey(null, ["doc"]), Strict: true))]));
        StringAssert.Contains(loose.Message, "Table t is STRICT");
        StringAssert.Contains(loose.Message, "column doc's type Raw(XML)");
        var keyless = Assert.ThrowsExactly<UnsupportedOperationException>(() =>
            renderer.Render([new CreateTable(new Table("t", [new Column("a", SqlType.Int32)], WithoutRowid: true))]));
        Assert.AreEqual("Table t is WITHOUT ROWID, which needs a primary key: declare one.", keyless.Message);
    }

    [TestMethod]
    public void Postgres_refuses_sqlite_options_and_keeps_generated_columns_stored()
    {
        var renderer = new PostgresSqlRenderer();
        var stored = renderer.Render([new CreateTable(Items with { Columns = [Items.Columns[0], Items.Columns[4]] })]).Single().Text;
        StringAssert.Contains(stored, "GENERATED ALWAYS AS (id * 3) STORED");
        Assert.ThrowsExactly<UnsupportedOperationException>(() => renderer.Render([new CreateTable(Items with { Columns = [Items.Columns[0]], Strict = true })]));
        var @virtual = Assert.ThrowsExactly<UnsupportedOperationException>(() => renderer.Render([new CreateTable(Items)]));
        StringAssert.Contains(@virtual.Message, "Column twice of items is a VIRTUAL generated column");
    }
}
