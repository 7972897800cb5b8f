using DiffMigrate.Diff;
using DiffMigrate.Migrations;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Schema;
using static DiffMigrate.Tests.Diff.DiffScenario;

namespace DiffMigrate.Tests.Diff;

[TestClass]
public sealed class SchemaDifferTests
{
    [TestMethod]
    public void A_new_table_is_created_then_its_indexes()
    {
        var posts = Table("posts", Id(), Col("title", SqlType.String(100))) with { Indexes = [new TableIndex("ix_posts_title", ["title"])] };
        var ops = Run(Db(), Db(posts));
        Assert.AreEqual("CreateTable:posts | CreateIndex:posts", Describe(ops));
        Assert.IsEmpty(((CreateTable)ops[0]).Table.Indexes);
    }

    [TestMethod]
    public void New_tables_follow_foreign_key_order_and_dropped_ones_the_reverse()
    {
        var a = Table("a");
        var b = Table("b", Id(), Col("a_id")) with { ForeignKeys = [Fk("b", "a_id", "a")] };
        var c = Table("c", Id(), Col("b_id")) with { ForeignKeys = [Fk("c", "b_id", "b")] };
        Assert.AreEqual("CreateTable:a | CreateTable:b | CreateTable:c", Describe(Run(Db(), Db(c, b, a))));
        Assert.AreEqual("DropTable:c | DropTable:b | DropTable:a", Describe(Run(Db(a, b, c), Db())));
    }

    [TestMethod]
    public void A_foreign_key_cycle_is_closed_after_both_tables_exist()
    {
        var a = Table("a", Id(), Col("b_id", nullable: true)) with { ForeignKeys = [Fk("a", "b_id", "b")] };
        var b = Table("b", Id(), Col("a_id", nullable: true)) with { ForeignKeys = [Fk("b", "a_id", "a")] };
        var ops = Run(Db(), Db(a, b));
        Assert.AreEqual("CreateTable:a | CreateTable:b | AddForeignKey:a", Describe(ops));
        Assert.IsEmpty(((CreateTable)ops[0]).Table.ForeignKeys);
        Assert.HasCount(1, ((CreateTable)ops[1]).Table.ForeignKeys);
    }

    [TestMethod]
    public void A_foreign_key_into_a_dropped_table_goes_first()
    {
        var parent = Table("parent");
        var child = Table("child", Id(), Col("parent_id")) with { ForeignKeys = [Fk("child", "parent_id", "parent")] };
        var ops = Run(Db(parent, child), Db(child with { ForeignKeys = default }));
        Assert.AreEqual("DropForeignKey:child | DropTable:parent", Describe(ops));
    }

    [TestMethod]
    public void Column_changes_per_table_come_in_add_alter_constraint_drop_order()
    {
        var before = Table("t", Id(), Col("old"), Col("size", SqlType.String(10)), Col("n", nullable: true));
        var after = Table("t", Id(), Col("size", SqlType.String(20)), Col("n"), Col("added", SqlType.Text, nullable: true))
            with { UniqueConstraints = [new UniqueConstraint("uq_t_size", ["size"])] };
        var ops = Run(Db(before), Db(after), PostgresDialect.Instance);
        Assert.AreEqual("AddColumn:t | AlterColumn:t | AlterColumn:t | AddUniqueConstraint:t | DropColumn:t", Describe(ops));
        var alter = (AlterColumn)ops[1];
        Assert.AreEqual(SqlType.String(10), alter.Existing.Type);
        Assert.AreEqual(SqlType.String(20), alter.Column.Type);
    }

    [TestMethod]
    public void Defaults_and_comments_are_compared_where_the_dialect_has_them()
    {
        var before = Table("t", Id(), Col("v", defaultSql: "0", comment: "old"));
        var after = Table("t", Id(), Col("v", defaultSql: "1", comment: "new")) with { Comment = "table" };
        Assert.AreEqual("AlterColumn:t | AlterTableComment:t", Describe(Run(Db(before), Db(after), PostgresDialect.Instance)));
        var onSqlite = Run(Db(before), Db(after), SqliteDialect.Instance);
        Assert.AreEqual("AlterColumn:t", Describe(onSqlite), "SQLite has no comments: only the default differs");
    }

    [TestMethod]
    public void Primary_key_change_is_drop_and_add()
    {
        var before = Table("t", Id(), Col("k"));
        var after = before with { PrimaryKey = new PrimaryKey("pk_t", ["id", "k"]) };
        Assert.AreEqual("DropPrimaryKey:t | AddPrimaryKey:t", Describe(Run(Db(before), Db(after), PostgresDialect.Instance)));
        // On SQLite the sole INTEGER key was the rowid (the identity); widening the key also changes the column.
        Assert.AreEqual("AlterColumn:t | DropPrimaryKey:t | AddPrimaryKey:t", Describe(Run(Db(before), Db(after), SqliteDialect.Instance)));
    }

    [TestMethod]
    public void Foreign_keys_match_by_signature_and_an_unknown_name_matches_any()
    {
        var parent = Table("p");
        var named = Table("c", Id(), Col("p_id")) with { ForeignKeys = [Fk("c", "p_id", "p", ReferentialAction.Cascade)] };
        var unnamed = named with { ForeignKeys = [named.ForeignKeys[0] with { Name = null }] };
        Assert.IsEmpty(Run(Db(parent, unnamed), Db(parent, named)));
        var otherAction = named with { ForeignKeys = [named.ForeignKeys[0] with { OnDelete = ReferentialAction.SetNull }] };
        Assert.AreEqual("DropForeignKey:c | AddForeignKey:c", Describe(Run(Db(parent, named), Db(parent, otherAction))));
    }

    [TestMethod]
    public void Unique_and_check_constraints_match_by_content_when_a_name_is_unknown()
    {
        var model = Table("t", Id(), Col("a")) with
        {
            UniqueConstraints = [new UniqueConstraint("uq_t_a", ["a"])],
            CheckConstraints = [new CheckConstraint("ck_t_a", "a > 0")],
        };
        var database = model with
        {
            UniqueConstraints = [new UniqueConstraint(null, ["a"])],
            CheckConstraints = [new CheckConstraint(null, "(a  >  0)")],
        };
        Assert.IsEmpty(Run(Db(database), Db(model)));
        var changed = model with { CheckConstraints = [new CheckConstraint("ck_t_a", "a > 1")] };
        Assert.AreEqual("DropCheckConstraint:t | AddCheckConstraint:t", Describe(Run(Db(model), Db(changed))));
    }

    [TestMethod]
    public void A_changed_index_is_dropped_and_created()
    {
        var before = Table("t", Id(), Col("a"), Col("b")) with { Indexes = [new TableIndex("ix_t", ["a"])] };
        var after = before with { Indexes = [new TableIndex("ix_t", ["a", "b"], IsUnique: true)] };
        Assert.AreEqual("DropIndex:t | CreateIndex:t", Describe(Run(Db(before), Db(after))));
    }

    [TestMethod]
    public void Sqlite_spellings_of_the_same_thing_give_no_operation()
    {
        var model = Table("t",
            new Column("id", SqlType.Int64, Identity: new Identity()),
            Col("status", SqlType.Enum("status", "draft", "published"), defaultSql: "'draft'"),
            Col("n", SqlType.Raw("INT"), defaultSql: "0"),
            Col("at", SqlType.DateTime, defaultSql: "datetime('now')", comment: "ignored on SQLite"))
            with { CheckConstraints = [new CheckConstraint("ck_t_n", "n >= 0")], Comment = "also ignored" };
        var database = Table("t",
            new Column("id", SqlType.Int32, Identity: new Identity()),
            Col("status", SqlType.String(9), defaultSql: "('draft')"),
            Col("n", SqlType.Int32, defaultSql: "(0)"),
            Col("at", SqlType.DateTime, defaultSql: "datetime( 'now' )"))
            with { CheckConstraints = [new CheckConstraint("ck_t_n", "N >= 0")] };
        Assert.IsEmpty(new SchemaDiffer(new DiffOptions(SqliteDialect.Instance)).Diff(Db(database), Db(model)));
    }

    [TestMethod]
    public void The_version_table_and_filtered_tables_are_never_compared()
    {
        var options = new DiffOptions(SqliteDialect.Instance, "my_versions", IncludeTables: ["app_*"], ExcludeTables: ["app_tmp*"]);
        var database = Db(Table("my_versions"), Table("legacy"), Table("app_tmp_1"));
        var model = Db(Table("app_users"));
        var ops = Run(database, model, options: options);
        Assert.AreEqual("CreateTable:app_users", Describe(ops));
    }

    [TestMethod]
    public void Declared_table_and_column_renames_become_rename_operations()
    {
        var before = Table("people", Id(), Col("name", SqlType.String(50)));
        var after = new DatabaseSchema(
            // The key keeps its old name: renaming a table does not rename its constraints.
            [Table("persons", Id(), Col("full_name", SqlType.String(80))) with { PrimaryKey = new PrimaryKey("pk_people", ["id"]) }],
            [new RenameHint("persons", null, "people"), new RenameHint("persons", "full_name", "name")]);
        var ops = Run(Db(before), after);
        Assert.AreEqual("RenameTable:people | RenameColumn:persons | AlterColumn:persons", Describe(ops));
        Assert.AreEqual(new RenameTable("people", "persons"), ops[0]);
        Assert.AreEqual(new RenameColumn("persons", "name", "full_name"), ops[1]);
    }

    [TestMethod]
    public void An_undeclared_rename_stays_a_drop_and_an_add()
    {
        var ops = Run(Db(Table("t", Id(), Col("name"))), Db(Table("t", Id(), Col("full_name"))));
        Assert.AreEqual("AddColumn:t | DropColumn:t", Describe(ops));
    }

    [TestMethod]
    public void Operations_carry_the_model_as_written_not_the_normalised_form()
    {
        var model = Table("t", Id(), Col("status", SqlType.Enum("status", "a", "bb")));
        var add = (CreateTable)Run(Db(), Db(model))[0];
        Assert.AreEqual(SqlType.Enum("status", "a", "bb"), add.Table.Columns[1].Type);
    }

    [TestMethod]
    public void A_large_schema_compares_equal_to_itself_and_creates_every_table()
    {
        var tables = Enumerable.Range(0, 200).Select(i =>
            Table($"t{i:D3}", Id(), Col("name", SqlType.String(100)), Col("parent_id", nullable: true)) with
            {
                ForeignKeys = i == 0 ? default : [Fk($"t{i:D3}", "parent_id", $"t{(i * 7) % i:D3}")],
                Indexes = [new TableIndex($"ix_t{i:D3}_name", ["name"])],
            }).ToArray();
        var ops = Run(Db(), Db(tables));
        Assert.AreEqual(400, ops.Count);
        var created = new HashSet<QualifiedName>();
        foreach (var create in ops.OfType<CreateTable>())
        {
            foreach (var fk in create.Table.ForeignKeys) Assert.IsTrue(created.Contains(fk.ReferredTable) || fk.ReferredTable == create.Table.Name);
            created.Add(create.Table.Name);
        }
    }
}
