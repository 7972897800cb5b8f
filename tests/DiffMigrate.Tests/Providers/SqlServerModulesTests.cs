using DiffMigrate.Diff;
using DiffMigrate.Inspect;
using DiffMigrate.Migrations;
using DiffMigrate.Providers.SqlServer;
using DiffMigrate.Schema;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DiffMigrate.Tests.Providers;

/// <summary>
/// Views, functions, procedures and triggers read by the SQL Server inspector from sys.sql_modules (on catalog rows
/// made in memory): what the renderer sends for the model's objects, kept by SQL Server as it was sent and read back,
/// compares equal; a changed body is dropped and created again, or altered in place where it says CREATE OR ALTER.
/// </summary>
[TestClass]
public sealed class SqlServerModulesTests
{
    private static readonly InspectOptions Options = new(ExcludeTables: ["diffmigrate_version"], Schemas: ["sales"]);
    private static readonly QualifiedName Orders = new("sales", "orders");

    private static DefinedObject BigOrders(string query = "SELECT id, price\nFROM sales.orders\nWHERE price > 100;\n") =>
        DefinedObject.View(new QualifiedName("sales", "big_orders"), query);

    // The model's arguments are its own spelling: SQL Server's routines are known by name, the inspector reads "".
    private static DefinedObject Twice(string body = "@x * 2") =>
        DefinedObject.Function(new QualifiedName(null, "twice"), "@x INT", $"CREATE FUNCTION dbo.twice(@x INT) RETURNS INT AS BEGIN RETURN {body} END;");

    private static DefinedObject OrdersOf() =>
        DefinedObject.Function(new QualifiedName("sales", "orders_of"), "", "CREATE FUNCTION sales.orders_of(@customer INT) RETURNS TABLE AS RETURN SELECT id FROM sales.orders WHERE customer_id = @customer");

    private static DefinedObject CloseAll(string status = "closed") =>
        DefinedObject.Procedure(new QualifiedName("sales", "close_all"), "", $"CREATE OR ALTER PROCEDURE sales.close_all AS UPDATE sales.orders SET status = '{status}'");

    private static DefinedObject Touch(string body = "SET NOCOUNT ON") =>
        DefinedObject.Trigger("trg_orders_touch", Orders, $"CREATE TRIGGER sales.trg_orders_touch ON sales.orders AFTER INSERT AS {body};");

    private static DefinedObject[] Objects() => [BigOrders(), Twice(), OrdersOf(), CloseAll(), Touch()];

    private static DatabaseSchema Model(params DefinedObject[] objects) => SqlServerInspectorTests.Model() with { Objects = objects };

    /// <summary>The one statement the renderer sends to create <paramref name="item"/>: what SQL Server keeps in sys.sql_modules.</summary>
    private static string Sent(DefinedObject item) => new SqlServerSqlRenderer().Render([new CreateObject(item)]).Single().Text;

    private static (string Type, string? TableSchema, string? Table) CatalogType(DefinedObject item) => item.Kind switch
    {
        DefinedObjectKind.View => ("V", null, null),
        DefinedObjectKind.Procedure => ("P", null, null),
        DefinedObjectKind.Trigger => ("TR", item.Table!.Schema ?? "dbo", item.Table.Name),
        _ => (item.Definition.Contains("RETURNS TABLE", StringComparison.Ordinal) ? "IF" : "FN", null, null),
    };

    /// <summary>The shop's catalog with <paramref name="objects"/> as SQL Server keeps them once the renderer created them.</summary>
    private static SqlServerCatalogFake Catalog(params DefinedObject[] objects)
    {
        var catalog = SqlServerInspectorTests.Shop();
        foreach (var item in objects)
        {
            var (type, tableSchema, table) = CatalogType(item);
            catalog.Module(item.Name.Schema ?? "dbo", item.Name.Name, type, Sent(item), tableSchema, table);
        }
        return catalog;
    }

    private static DatabaseSchema Inspect(SqlServerCatalogFake catalog)
    {
        using var connection = catalog.Open();
        return new SqlServerInspector().Inspect(connection, Options);
    }

    private static IReadOnlyList<MigrationOperation> Diff(DatabaseSchema database, DatabaseSchema model) =>
        new SchemaDiffer(new DiffOptions(SqlServerDialect.Instance)).Diff(database, model);

    private static void AssertParses(string statement)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(statement), out var errors);
        Assert.IsEmpty(errors, $"{string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}"))}\n--- statement ---\n{statement}");
    }

    [TestMethod]
    public void Each_kind_created_by_the_renderer_reads_back_as_the_model_declares_it()
    {
        var schema = Inspect(Catalog(Objects()));
        Assert.HasCount(5, schema.Objects);
        var view = schema.Objects.Single(o => o.Kind == DefinedObjectKind.View);
        Assert.AreEqual(new QualifiedName("sales", "big_orders"), view.Name);
        Assert.AreEqual("SELECT id, price\nFROM sales.orders\nWHERE price > 100", view.Definition, "the query after CREATE VIEW name AS");
        var twice = schema.Objects.Single(o => o.Name.Name == "twice");
        Assert.AreEqual(new DefinedObject(DefinedObjectKind.Function, new QualifiedName(null, "twice"), Sent(Twice()), ""), twice, "dbo is the null schema");
        Assert.AreEqual(DefinedObjectKind.Function, schema.Objects.Single(o => o.Name.Name == "orders_of").Kind, "an inline table-valued function");
        Assert.AreEqual(DefinedObjectKind.Procedure, schema.Objects.Single(o => o.Name.Name == "close_all").Kind);
        var trigger = schema.Objects.Single(o => o.Kind == DefinedObjectKind.Trigger);
        Assert.AreEqual(Orders, trigger.Table);
        Assert.AreEqual(new QualifiedName("sales", "trg_orders_touch"), trigger.Name);
        Assert.IsFalse(schema.Unmanaged.Any(u => u.Name.Name is "big_orders" or "twice" or "orders_of" or "close_all" or "trg_orders_touch"));

        var operations = Diff(schema, Model(Objects()));
        Assert.IsEmpty(operations, string.Join("\n", operations));
    }

    [TestMethod]
    public void Definitions_kept_in_another_spelling_of_the_head_compare_equal()
    {
        var catalog = SqlServerInspectorTests.Shop()
            .Module("dbo", "twice", "FN", "create function [dbo].[twice](@x INT) RETURNS INT AS BEGIN RETURN @x * 2 END\r\n")
            .Module("sales", "close_all", "P", "CREATE PROC [sales].[close_all] AS UPDATE sales.orders SET status = 'closed';")
            .Module("sales", "trg_orders_touch", "TR", "ALTER TRIGGER sales . trg_orders_touch ON sales.orders AFTER INSERT AS SET NOCOUNT ON", "sales", "orders")
            .Module("sales", "big_orders", "V", "-- the big ones\nCREATE VIEW [sales].[big_orders]AS SELECT id, price\nFROM sales.orders\nWHERE price > 100");
        var operations = Diff(Inspect(catalog), Model(BigOrders(), Twice(), CloseAll(), Touch()));
        Assert.IsEmpty(operations, string.Join("\n", operations));
    }

    [TestMethod]
    public void Changed_bodies_are_replaced_and_the_batches_parse()
    {
        var database = Inspect(Catalog(Objects()));
        var model = Model(BigOrders("SELECT id, price FROM sales.orders WHERE price > 500"), Twice("@x * 3"), OrdersOf(), CloseAll("done"), Touch("SET NOCOUNT OFF"));
        var operations = Diff(database, model);
        Assert.IsTrue(operations.OfType<DropObject>().Any(d => d.Object.Kind == DefinedObjectKind.View), "a changed view is dropped ...");
        Assert.IsTrue(operations.OfType<CreateObject>().Any(c => c.Object.Kind == DefinedObjectKind.View), "... and created again");
        Assert.IsTrue(operations.OfType<DropObject>().Any(d => d.Object.Kind == DefinedObjectKind.Trigger));
        Assert.IsTrue(operations.OfType<CreateObject>().Any(c => c.Object.Kind == DefinedObjectKind.Trigger));
        CollectionAssert.AreEquivalent(new[] { "twice", "close_all" }, operations.OfType<ReplaceObject>().Select(r => r.Object.Name.Name).ToArray(), "routines are replaced");
        Assert.IsFalse(operations.Any(o => o is DropObject { Object.Name.Name: "orders_of" } or CreateObject { Object.Name.Name: "orders_of" }), "the unchanged function stays");

        var statements = new SqlServerSqlRenderer().Render(operations).Select(s => s.Text).ToList();
        foreach (var statement in statements) AssertParses(statement);
        CollectionAssert.Contains(statements, "DROP VIEW sales.big_orders");
        CollectionAssert.Contains(statements, "CREATE VIEW sales.big_orders AS\nSELECT id, price FROM sales.orders WHERE price > 500");
        CollectionAssert.Contains(statements, "DROP FUNCTION twice", "a plain CREATE FUNCTION is dropped and created again");
        CollectionAssert.Contains(statements, "CREATE FUNCTION dbo.twice(@x INT) RETURNS INT AS BEGIN RETURN @x * 3 END");
        CollectionAssert.Contains(statements, "CREATE OR ALTER PROCEDURE sales.close_all AS UPDATE sales.orders SET status = 'done'");
        Assert.IsFalse(statements.Any(s => s.StartsWith("DROP PROCEDURE", StringComparison.Ordinal)), "CREATE OR ALTER replaces in place");
        CollectionAssert.Contains(statements, "DROP TRIGGER sales.trg_orders_touch");
    }

    [TestMethod]
    public void Objects_missing_on_either_side_are_created_or_dropped()
    {
        var database = Inspect(Catalog(BigOrders(), Twice()));
        var operations = Diff(database, Model(Twice(), CloseAll()));
        Assert.AreEqual("big_orders", operations.OfType<DropObject>().Single().Object.Name.Name);
        Assert.AreEqual("close_all", operations.OfType<CreateObject>().Single().Object.Name.Name);
        Assert.HasCount(2, operations);
    }

    [TestMethod]
    public void A_view_whose_header_the_model_cannot_hold_is_listed_as_unmanaged()
    {
        var catalog = SqlServerInspectorTests.Shop()
            .Module("sales", "bound", "V", "CREATE VIEW sales.bound WITH SCHEMABINDING AS SELECT id FROM sales.orders")
            .Module("sales", "canvas", "V", "CREATE VIEW sales.canvas(a) AS SELECT id FROM sales.orders")
            .Module("dbo", "version_touch", "TR", "CREATE TRIGGER version_touch ON diffmigrate_version AFTER UPDATE AS SET NOCOUNT ON", "dbo", "diffmigrate_version");
        var schema = Inspect(catalog);
        Assert.IsEmpty(schema.Objects, "the views are not compared; a trigger on the version table is left out as its table is");
        CollectionAssert.AreEqual(
            new[] { "procedure sales.close_order", "trigger customers.trg_customers", "view active_customers", "view sales.bound (a column list or WITH options)", "view sales.canvas (a column list or WITH options)" },
            schema.Unmanaged.Select(u => u.ToString()).ToArray());
    }

    [TestMethod]
    public void The_modules_statement_reads_the_text_of_the_readable_T_SQL_kinds_only()
    {
        var statements = SqlServerCatalog.Statements(["sales"], all: false);
        StringAssert.Contains(statements[9], "sys.sql_modules");
        StringAssert.Contains(statements[9], "('V', 'FN', 'IF', 'TF', 'P', 'TR')");
        StringAssert.Contains(statements[9], "m.definition IS NOT NULL");
        StringAssert.Contains(statements[8], "NOT (o.type IN ('V', 'FN', 'IF', 'TF', 'P', 'TR') AND m.definition IS NOT NULL)", "what is read is no longer listed as unmanaged");
    }

    [TestMethod]
    public void SqlServerDialect_is_public_for_a_users_test_kit()
    {
        Assert.IsTrue(typeof(SqlServerDialect).IsPublic);
        Assert.AreEqual("mssql", SqlServerDialect.Instance.Name);
        Assert.IsTrue(SqlServerDialect.Instance.RoutinesKeyedByName);
    }
}
