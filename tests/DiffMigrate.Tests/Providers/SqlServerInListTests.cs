using DiffMigrate.Diff;
using DiffMigrate.Inspect;
using DiffMigrate.Migrations;
using DiffMigrate.Providers.SqlServer;
using DiffMigrate.Schema;

namespace DiffMigrate.Tests.Providers;

/// <summary>
/// SQL Server stores <c>status IN ('a','b')</c> as <c>([status]='a' OR [status]='b')</c> and NOT IN as a chain of
/// <c>&lt;&gt;</c> joined by AND: the model's IN compares equal to the stored chain, and only to the same values.
/// </summary>
[TestClass]
public sealed class SqlServerInListTests
{
    private static string Canonical(string sql) => SqlServerExpressionRules.Instance.Canonical(sql);

    [TestMethod]
    [DataRow("status IN ('a', 'b')", "([status]='a' OR [status]='b')")]
    [DataRow("status in ('a','b','c')", "([status]='a' OR [status]='b' OR [status]='c')")]
    [DataRow("status NOT IN ('a', 'b')", "([status]<>'a' AND [status]<>'b')")]
    [DataRow("qty IN (1, -2, 3.5)", "([qty]=(1) OR [qty]=(-2) OR [qty]=(3.5))")]
    [DataRow("qty IN (1)", "([qty]=(1))")]
    [DataRow("qty NOT IN (1)", "([qty]<>(1))")]
    [DataRow("note IN ('a,b', 'c)d', 'it''s (x, y)', N'(')", "([note]='a,b' OR [note]='c)d' OR [note]='it''s (x, y)' OR [note]=N'(')")]
    [DataRow("status IN ('a', 'b') AND qty > 0", "(([status]='a' OR [status]='b') AND [qty]>(0))")]
    [DataRow("qty > 0 AND status NOT IN ('x', 'y')", "([qty]>(0) AND ([status]<>'x' AND [status]<>'y'))")]
    [DataRow("[Order Status] IN ('a', 'b')", "([Order Status]='a' OR [Order Status]='b')")]
    public void An_IN_list_compares_equal_to_the_chain_SQL_Server_stores(string model, string stored) =>
        Assert.AreEqual(Canonical(stored), Canonical(model), $"{model} vs {stored}");

    [TestMethod]
    [DataRow("status IN ('a', 'b')", "([status]='a' OR [status]='c')")]
    [DataRow("status IN ('a', 'b')", "([status]<>'a' AND [status]<>'b')")]
    [DataRow("status NOT IN ('a', 'b')", "([status]='a' OR [status]='b')")]
    [DataRow("note IN ('a,b')", "([note]='a' OR [note]='b')")]
    [DataRow("note IN ('it''s', 'x')", "([note]='it' OR [note]='s' OR [note]='x')")]
    [DataRow("status IN ('a', 'b') OR qty > 0", "(([status]='a' OR [status]='b') AND [qty]>(0))")]
    public void Different_values_or_tests_stay_different(string model, string stored) =>
        Assert.AreNotEqual(Canonical(stored), Canonical(model), $"{model} vs {stored}");

    [TestMethod]
    public void An_IN_that_is_not_a_name_against_constants_is_left_as_it_is()
    {
        StringAssert.Contains(Canonical("a + b IN (1, 2)"), "IN(1,2)", "the left operand is a+b, not b");
        StringAssert.Contains(Canonical("status IN (SELECT code FROM codes)"), "IN(SELECT");
        StringAssert.Contains(Canonical("status IN (LOWER(x), 'b')"), "IN(");
    }

    [TestMethod]
    public void A_CHECK_with_IN_read_back_from_the_catalog_needs_no_migration_and_a_changed_list_does()
    {
        var orders = new QualifiedName("sales", "orders");
        DatabaseSchema Model(string check)
        {
            var model = SqlServerInspectorTests.Model();
            var table = model.FindTable(orders)!;
            var changed = table with { CheckConstraints = [.. table.CheckConstraints, new CheckConstraint("CK_orders_status", check)] };
            return model with { Tables = [.. model.Tables.Select(t => t.Name == orders ? changed : t)] };
        }
        var catalog = SqlServerInspectorTests.Shop().Check("sales", "orders", "CK_orders_status", "([status]='new' OR [status]='paid' OR [status]='it''s, (odd)')");
        using var connection = catalog.Open();
        var database = new SqlServerInspector().Inspect(connection, new InspectOptions(ExcludeTables: ["diffmigrate_version"], Schemas: ["sales"]));
        var differ = new SchemaDiffer(new DiffOptions(SqlServerDialect.Instance));

        var same = differ.Diff(database, Model("status IN ('new', 'paid', 'it''s, (odd)')"));
        Assert.IsEmpty(same, string.Join("\n", same));
        var changed = differ.Diff(database, Model("status IN ('new', 'paid')"));
        Assert.IsTrue(changed.OfType<AddCheckConstraint>().Any(a => a.Constraint.Name == "CK_orders_status"), string.Join("\n", changed));
    }
}
