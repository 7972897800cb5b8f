using DiffMigrate.Migrations;
using DiffMigrate.Render.Sql;
using DiffMigrate.Providers.Sqlite;

namespace DiffMigrate.Tests.Render;

[TestClass]
public sealed class SqliteRendererTests : SqlRendererScenarios
{
    private protected override SqlRenderer Renderer { get; } = new SqliteSqlRenderer();

    protected override string Dialect => "sqlite";

    protected override IReadOnlySet<Type> Refused { get; } = new HashSet<Type>
    {
        typeof(AlterColumn), typeof(AddPrimaryKey), typeof(DropPrimaryKey), typeof(AddForeignKey), typeof(DropForeignKey),
        typeof(AddUniqueConstraint), typeof(DropUniqueConstraint), typeof(AddCheckConstraint), typeof(DropCheckConstraint),
        typeof(CreateSchema), typeof(DropSchema), typeof(CreateEnum), typeof(DropEnum), typeof(AddEnumValue), typeof(DropEnumValue),
        typeof(RenameEnumValue), typeof(ReorderEnumValues), typeof(CreateSequence), typeof(DropSequence), typeof(AlterSequence),
        typeof(CreateExtension), typeof(DropExtension), typeof(AlterExtension),
        typeof(AlterTableOptions), typeof(CreateDomain), typeof(DropDomain), typeof(AlterDomain),
        typeof(AddExclusionConstraint), typeof(DropExclusionConstraint), typeof(ValidateConstraint),
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
    public void Schemas_enum_types_and_sequences_are_refused_as_missing_from_SQLite()
    {
        StringAssert.Contains(Refusal(new CreateSchema("audit")), "CreateSchema: SQLite has no schemas");
        StringAssert.Contains(Refusal(new DropEnumValue("mood", "meh", ["meh"])), "DropEnumValue: SQLite has no enum types");
        StringAssert.Contains(Refusal(new AlterSequence(new Sequence("s"), new Sequence("s", Cycle: true))), "AlterSequence: SQLite has no sequences");
    }

    [TestMethod]
    public void Index_methods_covering_columns_and_nulls_not_distinct_are_refused()
    {
        StringAssert.Contains(Refusal(new CreateIndex("posts", new TableIndex("ix", ["tags"], Method: "gin"))), "USING gin in CreateIndex on posts");
        StringAssert.Contains(Refusal(new CreateIndex("posts", new TableIndex("ix", ["id"], Include: ["title"]))), "INCLUDE (...) in CreateIndex on posts");
        var table = new Table("t", [new Column("a", SqlType.Int32, Nullable: true)], UniqueConstraints: [new UniqueConstraint("uq_t_a", ["a"], NullsNotDistinct: true)]);
        StringAssert.Contains(Refusal(new CreateTable(table)), "UNIQUE NULLS NOT DISTINCT (uq_t_a) in CreateTable on t");
    }

    private string Refusal(MigrationOperation operation) =>
        Assert.ThrowsExactly<UnsupportedOperationException>(() => Renderer.Render([operation])).Message;

    [TestMethod]
    public void Comments_render_to_nothing_because_SQLite_has_none() =>
        Assert.IsEmpty(Renderer.Render([new AlterTableComment("t", "hello", null)]));
}
