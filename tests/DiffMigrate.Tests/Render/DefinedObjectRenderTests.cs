using DiffMigrate.Migrations;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Render.Sql;

namespace DiffMigrate.Tests.Render;

/// <summary>The SQL for creating, replacing and dropping views, routines and triggers.</summary>
[TestClass]
public sealed class DefinedObjectRenderTests
{
    private static readonly SqlRenderer Postgres = new PostgresSqlRenderer();
    private static readonly SqlRenderer Sqlite = new SqliteSqlRenderer();

    private static string[] Sql(SqlRenderer renderer, MigrationOperation operation) => renderer.Render([operation]).Select(s => s.Text).ToArray();

    [TestMethod]
    public void A_view_is_created_from_its_query_under_a_quoted_name_and_without_its_trailing_semicolon()
    {
        var view = DefinedObject.View(new QualifiedName("Reporting", "active users"), "SELECT 1 AS one;\n");
        CollectionAssert.AreEqual(new[] { "CREATE VIEW \"Reporting\".\"active users\" AS\nSELECT 1 AS one" }, Sql(Postgres, new CreateObject(view)));
        CollectionAssert.AreEqual(new[] { "DROP VIEW \"Reporting\".\"active users\"" }, Sql(Postgres, new DropObject(view)));
    }

    [TestMethod]
    public void A_materialized_view_is_created_with_its_indexes()
    {
        var view = DefinedObject.MaterializedView("counts", "SELECT count(*) AS n FROM users", new TableIndex("ix_counts_n", ["n"], IsUnique: true));
        CollectionAssert.AreEqual(new[] { "CREATE MATERIALIZED VIEW counts AS\nSELECT count(*) AS n FROM users", "CREATE UNIQUE INDEX ix_counts_n ON counts (n)" },
            Sql(Postgres, new CreateObject(view)));
        CollectionAssert.AreEqual(new[] { "DROP MATERIALIZED VIEW counts" }, Sql(Postgres, new DropObject(view)));
    }

    [TestMethod]
    public void A_routine_is_dropped_by_name_and_argument_types_and_replaced_in_place_when_its_definition_says_or_replace()
    {
        var old = DefinedObject.Function("add", "integer, integer", "CREATE FUNCTION add(a integer, b integer) RETURNS integer LANGUAGE sql AS 'SELECT a + b'");
        var replacing = old with { Definition = "create or replace function add(a integer, b integer) returns integer language sql as 'SELECT b + a'" };
        CollectionAssert.AreEqual(new[] { "DROP FUNCTION add(integer, integer)" }, Sql(Postgres, new DropObject(old)));
        CollectionAssert.AreEqual(new[] { replacing.Definition }, Sql(Postgres, new ReplaceObject(old, replacing)));
        // Without OR REPLACE, the replacement is a drop and a create.
        CollectionAssert.AreEqual(new[] { "DROP FUNCTION add(integer, integer)", old.Definition }, Sql(Postgres, new ReplaceObject(replacing, old)));
        CollectionAssert.AreEqual(new[] { "DROP AGGREGATE total(*)" }, Sql(Postgres, new DropObject(DefinedObject.Aggregate("total", "", "CREATE AGGREGATE total(*) (...)"))));
        CollectionAssert.AreEqual(new[] { "DROP PROCEDURE p(text)" }, Sql(Postgres, new DropObject(DefinedObject.Procedure("p", "text", "CREATE PROCEDURE p(t text) ..."))));
    }

    [TestMethod]
    public void A_trigger_is_dropped_on_its_table_in_postgresql_and_by_name_alone_in_sqlite()
    {
        var trigger = DefinedObject.Trigger("trg", "users", "CREATE TRIGGER trg AFTER INSERT ON users BEGIN SELECT 1; END;");
        CollectionAssert.AreEqual(new[] { "DROP TRIGGER trg ON users" }, Sql(Postgres, new DropObject(trigger)));
        CollectionAssert.AreEqual(new[] { "DROP TRIGGER trg" }, Sql(Sqlite, new DropObject(trigger)));
        // A trigger body's own semicolons stay; only the one that ends the statement goes.
        CollectionAssert.AreEqual(new[] { "CREATE TRIGGER trg AFTER INSERT ON users BEGIN SELECT 1; END" }, Sql(Sqlite, new CreateObject(trigger)));
    }

    [TestMethod]
    public void Sqlite_refuses_kinds_it_does_not_have_in_one_line()
    {
        var error = Assert.ThrowsExactly<UnsupportedOperationException>(() => Sqlite.Render([new CreateObject(DefinedObject.Function("f", "", "CREATE FUNCTION f() ..."))]));
        Assert.AreEqual("CreateObject: SQLite has no functions. Remove the operation from revisions that run on SQLite.", error.Message);
    }
}
