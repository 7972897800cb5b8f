using DiffMigrate.Diff;
using DiffMigrate.Migrations;
using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Schema;
using static DiffMigrate.Tests.Diff.ChangeScenario;

namespace DiffMigrate.Tests.Diff;

/// <summary>Views, routines and triggers: what the differ creates, replaces and drops, and in which order.</summary>
[TestClass]
public sealed class DefinedObjectDiffTests
{
    private static readonly Table Users = T("users", Id, new Column("name", SqlType.String(100)), new Column("active", SqlType.Boolean), Pk("id"));
    private static readonly DefinedObject Active = DefinedObject.View("active_users", "SELECT id, name FROM users WHERE active");
    private static readonly DefinedObject Names = DefinedObject.View("active_names", "SELECT name FROM active_users");
    private static readonly DefinedObject Touch = DefinedObject.Function("touch", "",
        "CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$");
    private static readonly DefinedObject Count = DefinedObject.Function("user_count", "",
        "CREATE OR REPLACE FUNCTION user_count() RETURNS bigint LANGUAGE sql AS $$SELECT count(*) FROM users$$");
    private static readonly DefinedObject Trigger = DefinedObject.Trigger("trg_touch", "users",
        "CREATE TRIGGER trg_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch()");

    private static DatabaseSchema With(DatabaseSchema schema, params DefinedObject[] objects) => schema with { Objects = objects };

    private static string[] Lines(IEnumerable<MigrationOperation> ops) => ops.Select(o => o switch
    {
        CreateObject c => "+ " + c.Object,
        DropObject d => "- " + d.Object,
        ReplaceObject r => "~ " + r.Object,
        _ => $"{o.GetType().Name} {o.TableName}",
    }).ToArray();

    [TestMethod]
    public void From_empty_routines_come_first_views_after_their_tables_in_dependency_order_triggers_last()
    {
        var ops = Check(DatabaseSchema.Empty, With(S(Users), Names, Trigger, Touch, Active, Count));
        CollectionAssert.AreEqual(new[]
        {
            "+ function touch()", "CreateTable users", "+ function user_count()",
            "+ view active_users", "+ view active_names", "+ trigger trg_touch on users",
        }, Lines(ops), string.Join(" | ", Lines(ops)));
    }

    [TestMethod]
    public void Everything_dropped_goes_in_the_reverse_order()
    {
        var ops = Check(With(S(Users), Names, Trigger, Touch, Active, Count), DatabaseSchema.Empty);
        CollectionAssert.AreEqual(new[]
        {
            "- trigger trg_touch on users", "- view active_names", "- view active_users", "DropTable users",
            "- function touch()", "- function user_count()",
        }, Lines(ops), string.Join(" | ", Lines(ops)));
    }

    [TestMethod]
    public void The_same_objects_give_no_operation_whatever_the_trailing_space_and_semicolons()
    {
        var database = With(S(Users), Active, Touch);
        var model = With(S(Users), Active with { Definition = Active.Definition + ";\r\n" }, Touch with { Definition = Touch.Definition + "  ;" });
        Assert.IsEmpty(Compare(database, model));
    }

    [TestMethod]
    public void A_changed_view_is_dropped_and_created_again_with_the_views_over_it()
    {
        var changed = Active with { Definition = "SELECT id, name FROM users WHERE active AND id > 0" };
        var ops = Check(With(S(Users), Active, Names), With(S(Users), changed, Names));
        CollectionAssert.AreEqual(new[] { "- view active_names", "- view active_users", "+ view active_users", "+ view active_names" }, Lines(ops));
        Assert.AreEqual(changed, ((CreateObject)ops[2]).Object);
        Assert.AreEqual(Active, ((DropObject)ops[1]).Object, "the drop carries the old definition, so that it can be reversed");
    }

    [TestMethod]
    public void A_changed_function_is_replaced_in_place_and_its_trigger_stays()
    {
        var changed = Touch with { Definition = Touch.Definition.Replace("RETURN NEW", "NEW.name := trim(NEW.name); RETURN NEW", StringComparison.Ordinal) };
        var ops = Check(With(S(Users), Touch, Trigger), With(S(Users), changed, Trigger));
        Assert.AreEqual(new ReplaceObject(Touch, changed), ops.Single());
    }

    [TestMethod]
    public void A_column_type_change_under_two_stacked_views_drops_and_recreates_both_around_it()
    {
        var wider = T("users", Id, new Column("name", SqlType.String(200)), new Column("active", SqlType.Boolean), Pk("id"));
        var ops = Check(With(S(Users), Active, Names), With(S(wider), Active, Names));
        CollectionAssert.AreEqual(new[] { "- view active_names", "- view active_users", "AlterColumn users", "+ view active_users", "+ view active_names" }, Lines(ops));
    }

    [TestMethod]
    public void A_default_change_leaves_the_views_alone()
    {
        var withDefault = T("users", Id, new Column("name", SqlType.String(100), Default: "'x'"), new Column("active", SqlType.Boolean), Pk("id"));
        var ops = Check(With(S(Users), Active), With(S(withDefault), Active));
        CollectionAssert.AreEqual(new[] { "AlterColumn users" }, Lines(ops));
    }

    [TestMethod]
    public void A_view_on_another_table_is_not_touched_by_a_change_to_users()
    {
        var orders = T("orders", Id, new Column("total", SqlType.Int32), Pk("id"));
        var totals = DefinedObject.View("order_totals", "SELECT sum(total) AS total FROM orders");
        var wider = T("users", Id, new Column("name", SqlType.String(200)), new Column("active", SqlType.Boolean), Pk("id"));
        var ops = Check(With(S(orders, Users), totals), With(S(orders, wider), totals));
        CollectionAssert.AreEqual(new[] { "AlterColumn users" }, Lines(ops));
    }

    [TestMethod]
    public void A_function_that_becomes_a_procedure_is_dropped_before_it_is_created()
    {
        var procedure = DefinedObject.Procedure("touch", "", "CREATE OR REPLACE PROCEDURE touch() LANGUAGE sql AS $$SELECT 1$$");
        var ops = Compare(With(S(Users), Touch), With(S(Users), procedure));
        CollectionAssert.AreEqual(new[] { "- function touch()", "+ procedure touch()" }, Lines(ops));
    }

    [TestMethod]
    public void On_sqlite_a_rebuilt_table_gets_its_triggers_back_and_keeps_its_views()
    {
        var options = new DiffOptions(SqliteDialect.Instance);
        var trigger = DefinedObject.Trigger("trg_name", "users", "CREATE TRIGGER trg_name AFTER INSERT ON users BEGIN SELECT 1; END");
        var narrower = T("users", Id, new Column("name", SqlType.String(50)), new Column("active", SqlType.Boolean), Pk("id"));
        var lines = Lines(Compare(With(S(Users), Active, trigger), With(S(narrower), Active, trigger), options));
        CollectionAssert.AreEqual(new[] { "- trigger trg_name on users", "AlterColumn users", "+ trigger trg_name on users" }, lines, string.Join(" | ", lines));
        // A dropped column is a change under the view: it goes and comes back.
        var without = T("users", Id, new Column("active", SqlType.Boolean), Pk("id"));
        var view = DefinedObject.View("active_ids", "SELECT id FROM users WHERE active");
        lines = Lines(Compare(With(S(Users), view), With(S(without), view), options));
        CollectionAssert.AreEqual(new[] { "- view active_ids", "DropColumn users", "+ view active_ids" }, lines, string.Join(" | ", lines));
    }

    [TestMethod]
    public void A_kind_the_database_lacks_is_refused_in_one_line()
    {
        var model = With(S(Users), DefinedObject.MaterializedView("counts", "SELECT count(*) FROM users"));
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => Compare(S(Users), model, new DiffOptions(SqliteDialect.Instance)));
        StringAssert.Contains(error.Message, "materializedView counts");
        StringAssert.Contains(error.Message, "no materialized views");
        StringAssert.Contains(error.Message, "sqlite");
    }
}
