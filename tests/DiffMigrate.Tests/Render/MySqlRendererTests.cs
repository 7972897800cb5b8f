using DiffMigrate.Migrations;
using DiffMigrate.Providers.MySql;
using DiffMigrate.Render.Sql;

namespace DiffMigrate.Tests.Render;

/// <summary>
/// The shared scenarios plus MariaDB's and MySQL's own: inline comments, AUTO_INCREMENT, MODIFY COLUMN with the whole
/// column, constraints dropped by kind, prefix keys, awkward names. Each snapshot under snapshots/sql/mysql/ was read
/// as MariaDB 10.11 SQL, and MariaDbRenderedSqlTests runs them on a live server.
/// </summary>
[TestClass]
public sealed class MySqlRendererTests : SqlRendererScenarios
{
    private static readonly QualifiedName Posts = "posts";

    private protected override SqlRenderer Renderer { get; } = new MySqlSqlRenderer();

    protected override string Dialect => "mysql";

    protected override IReadOnlySet<Type> Refused { get; } = new HashSet<Type>
    {
        typeof(AlterTableOptions), typeof(AddExclusionConstraint), typeof(DropExclusionConstraint), typeof(ValidateConstraint),
        typeof(CreateSchema), typeof(DropSchema), typeof(CreateEnum), typeof(DropEnum), typeof(AddEnumValue), typeof(DropEnumValue),
        typeof(RenameEnumValue), typeof(ReorderEnumValues), typeof(CreateExtension), typeof(DropExtension), typeof(AlterExtension),
        typeof(CreateDomain), typeof(DropDomain), typeof(AlterDomain), typeof(CreateSequence), typeof(DropSequence), typeof(AlterSequence),
    };

    // No partial indexes; no deferrable keys.
    protected override IReadOnlySet<string> RefusedScenarios { get; } = new HashSet<string> { "Create_unique_partial_index", "Add_deferrable_foreign_key_in_create_table" };

    [TestMethod]
    public void Every_own_scenario_matches_its_snapshot()
    {
        foreach (var (name, operation) in MySqlScenarios.Live.Concat(MySqlScenarios.SnapshotOnly)) Verify(operation, name);
    }

    [TestMethod]
    public void Create_table_with_hostile_names_and_comments() => Verify(MySqlScenarios.Hostile.Create);

    [TestMethod]
    public void Create_index_with_a_hostile_name() => Verify(MySqlScenarios.Hostile.Indexed);

    [TestMethod]
    public void What_the_database_cannot_hold_is_refused_by_name()
    {
        var cases = new (MigrationOperation Operation, string Words)[]
        {
            (new AlterColumn(Posts, new Column("views", SqlType.Int32), new Column("views", SqlType.Int64), Using: "views * 2"), "no USING conversion"),
            (new AddColumn(Posts, new Column("n", SqlType.Int64, Identity: new Identity(Always: true))), "GENERATED ALWAYS"),
            (new AddColumn(Posts, new Column("n", SqlType.Int64, Identity: new Identity(Increment: 5))), "INCREMENT"),
            (new AddColumn(Posts, new Column("n", SqlType.String(5), Identity: new Identity())), "needs an integer column"),
            (new AddForeignKey(Posts, new ForeignKey("fk", ["user_id"], "users", ["id"], ReferentialAction.SetDefault)), "SET DEFAULT"),
            (new AddUniqueConstraint(Posts, new UniqueConstraint("uq", ["slug"], NullsNotDistinct: true)), "NULLS NOT DISTINCT"),
            (new CreateIndex(Posts, new TableIndex("ix", ["slug"], Include: ["title"])), "INCLUDE"),
            (new CreateIndex(Posts, new TableIndex("ix", ["slug"], Method: "gin")), "the method gin"),
            (new CreateIndex(Posts, new TableIndex("ix", ["slug"], KeyOptions: [new IndexKeyOptions(NullsOrder.First)])), "NULLS FIRST"),
            (new CreateObject(DefinedObject.MaterializedView("mv", "SELECT 1")), "materialized views"),
            (new AlterTableComment(Posts, "smile \U0001F600", null), "beyond the Basic Multilingual Plane"),
            (new AddColumn(Posts, new Column("n", SqlType.Int32, Comment: "\U0001F600")), "beyond the Basic Multilingual Plane"),
        };
        foreach (var (operation, words) in cases)
        {
            var error = Assert.ThrowsExactly<UnsupportedOperationException>(() => Renderer.Render([operation]), words);
            StringAssert.Contains(error.Message, words);
        }
        Assert.ThrowsExactly<DiffMigrateException>(() => Renderer.Render([new AddColumn(Posts, new Column("at", SqlType.DateTimeOffset))]));
    }
}
