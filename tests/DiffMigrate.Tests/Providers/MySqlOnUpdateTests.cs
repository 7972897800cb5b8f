using DiffMigrate.Diff;
using DiffMigrate.Migrations;
using DiffMigrate.Providers;
using DiffMigrate.Providers.MySql;
using DiffMigrate.Render.CSharp;
using DiffMigrate.Render.Sql;
using DiffMigrate.Schema;
using DiffMigrate.Tests.Support;

namespace DiffMigrate.Tests.Providers;

/// <summary>
/// MariaDB's and MySQL's <c>ON UPDATE CURRENT_TIMESTAMP</c>: read from the catalog's EXTRA, written after the default,
/// compared in one spelling, refused where it could carry other SQL and on the databases that have no such thing,
/// declared with the builder and written back by both C# writers.
/// </summary>
[TestClass]
public sealed class MySqlOnUpdateTests
{
    private static readonly QualifiedName Items = "items";
    private static readonly Column Touched = new("touched", SqlType.DateTime, Nullable: true, OnUpdate: "CURRENT_TIMESTAMP");

    [TestMethod]
    [DataRow("on update current_timestamp()", "current_timestamp()")]
    [DataRow("on update current_timestamp(6)", "current_timestamp(6)")]
    [DataRow("DEFAULT_GENERATED on update CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP")]
    [DataRow("", null)]
    [DataRow("auto_increment", null)]
    [DataRow("VIRTUAL GENERATED", null)]
    public void The_inspector_reads_the_value_from_extra(string extra, string? expected) =>
        Assert.AreEqual(expected, MySqlInspector.OnUpdate(extra));

    [TestMethod]
    public void It_is_written_after_the_default_in_every_column_definition()
    {
        var sql = DatabaseProviders.MySql.Renderer.Render([
            new AddColumn(Items, Touched with { Default = "CURRENT_TIMESTAMP", Nullable = false }),
            new AlterColumn(Items, Touched with { OnUpdate = null }, Touched with { OnUpdate = "now(6)" }),
        ]).Select(s => s.Text).ToList();
        CollectionAssert.AreEqual(new[]
        {
            "ALTER TABLE items ADD COLUMN touched DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP",
            "ALTER TABLE items MODIFY COLUMN touched DATETIME(6) ON UPDATE now(6)",
        }, sql);
    }

    [TestMethod]
    [DataRow("CURRENT_TIMESTAMP; DROP TABLE items")]
    [DataRow("1")]
    [DataRow("CURRENT_\u2028TIMESTAMP")]
    [DataRow("CURRENT_TIMESTAMP(7)")]
    public void Anything_but_the_current_time_is_refused_before_it_is_sent(string value)
    {
        var error = Assert.ThrowsExactly<UnsupportedOperationException>(() => DatabaseProviders.MySql.Renderer.Render([new AddColumn(Items, Touched with { OnUpdate = value })]));
        StringAssert.StartsWith(error.Message, "Column touched: ON UPDATE takes CURRENT_TIMESTAMP");
        Assert.DoesNotContain("\u2028", error.Message);
    }

    [TestMethod]
    public void The_databases_without_it_refuse_it_by_name()
    {
        foreach (var provider in new[] { DatabaseProviders.Postgres, DatabaseProviders.Sqlite, DatabaseProviders.SqlServer })
        {
            var error = Assert.ThrowsExactly<UnsupportedOperationException>(
                () => provider.Renderer.Render([new CreateTable(new Table(Items, [new Column("id", SqlType.Int32), Touched]))]), provider.Dialect.Name);
            StringAssert.Contains(error.Message, "CreateTable on items: column touched has ON UPDATE CURRENT_TIMESTAMP, which");
            StringAssert.Contains(error.Message, "use a trigger");
            // Dropping such a column is not refused: nothing of it is written.
            Assert.IsNotEmpty(provider.Renderer.Render([new DropColumn(Items, Touched)]));
        }
    }

    [TestMethod]
    public void The_spellings_of_the_current_time_compare_equal_and_a_missing_one_is_a_change()
    {
        var differ = new SchemaDiffer(new DiffOptions(MySqlDialect.Instance));
        Table With(string? onUpdate) => new(Items, [new Column("id", SqlType.Int32), Touched with { OnUpdate = onUpdate }], new PrimaryKey(null, ["id"]));
        Assert.IsEmpty(differ.Diff(new DatabaseSchema([With("current_timestamp()")]), new DatabaseSchema([With("CURRENT_TIMESTAMP")])));
        Assert.IsEmpty(differ.Diff(new DatabaseSchema([With("current_timestamp(6)")]), new DatabaseSchema([With("NOW()")])));
        var change = differ.Diff(new DatabaseSchema([With(null)]), new DatabaseSchema([With("CURRENT_TIMESTAMP")])).Single();
        Assert.AreEqual("CURRENT_TIMESTAMP", ((AlterColumn)change).Column.OnUpdate);
    }

    [TestMethod]
    public void The_builder_declares_it_and_both_writers_write_it_back()
    {
        var model = SchemaModel.FromTypes([], [new ItemsBuilder()]);
        Assert.AreEqual("CURRENT_TIMESTAMP", model.Tables.Single().FindColumn("touched")!.OnUpdate);

        IReadOnlyList<MigrationOperation> upgrade = [new AddColumn(Items, Touched)];
        var source = new RevisionSource("0a1b2c3d4e5f", [], "touched", DateTimeOffset.UnixEpoch, upgrade, OperationReverser.ReverseAll(upgrade));
        var text = RevisionWriter.Write(source);
        StringAssert.Contains(text, "onUpdate: \"CURRENT_TIMESTAMP\"");
        CompiledRevision.AssertRoundTrips(source, CompiledRevision.Load(source.Id, text));
    }

    private sealed class ItemsBuilder : SchemaDefinition
    {
        public override void Define(SchemaBuilder builder) => builder.Table("items", t =>
        {
            t.Column("id", SqlType.Int32).PrimaryKey();
            t.Column("touched", SqlType.DateTime).Nullable().OnUpdate("CURRENT_TIMESTAMP");
        });
    }
}
