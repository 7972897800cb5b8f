using DiffMigrate.Migrations;
using DiffMigrate.Render.Sql;
using DiffMigrate.Render.Sql.Sqlite;
using DiffMigrate.Schema;

namespace DiffMigrate.Tests.Render;

[TestClass]
public sealed class SqliteRendererTests : SqlRendererScenarios
{
    protected override SqlRenderer Renderer { get; } = new SqliteSqlRenderer();

    protected override string Dialect => "sqlite";

    protected override IReadOnlySet<Type> Refused { get; } = new HashSet<Type>
    {
        typeof(AlterColumn), typeof(AddPrimaryKey), typeof(DropPrimaryKey), typeof(AddForeignKey), typeof(DropForeignKey),
        typeof(AddUniqueConstraint), typeof(DropUniqueConstraint), typeof(AddCheckConstraint), typeof(DropCheckConstraint),
    };

    [TestMethod]
    public void A_refused_alter_names_the_table_and_the_batch_mode()
    {
        var column = new Column("age", SqlType.Int32, Nullable: true);
        var error = Assert.ThrowsExactly<UnsupportedOperationException>(() =>
            Renderer.Render([new AlterColumn("users", column, column with { Nullable = false })]));
        StringAssert.Contains(error.Message, "AlterColumn on users");
        StringAssert.Contains(error.Message, "batch");
    }

    [TestMethod]
    public void An_identity_key_becomes_the_rowid_alias()
    {
        var sql = Renderer.Render([new CreateTable(new Table("t", [new Column("id", SqlType.Int64, Identity: new Identity())], new PrimaryKey("pk_t", ["id"])))]);
        Assert.AreEqual("CREATE TABLE t (\n    id INTEGER NOT NULL CONSTRAINT pk_t PRIMARY KEY AUTOINCREMENT\n)", sql.Single().Text);
    }

    [TestMethod]
    public void Comments_render_to_nothing_because_SQLite_has_none() =>
        Assert.IsEmpty(Renderer.Render([new AlterTableComment("t", "hello", null)]));
}
