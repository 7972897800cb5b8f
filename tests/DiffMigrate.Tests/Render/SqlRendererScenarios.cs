using DiffMigrate.Migrations;
using DiffMigrate.Render.Sql;
using DiffMigrate.Schema;
using DiffMigrate.Tests.Model;
using DiffMigrate.Tests.Support;

namespace DiffMigrate.Tests.Render;

/// <summary>
/// One scenario per operation; each dialect's subclass writes snapshots/sql/&lt;dialect&gt;/&lt;Scenario&gt;.sql, or
/// lists the operation as one it refuses (with a message naming the operation and the remedy).
/// </summary>
public abstract class SqlRendererScenarios
{
    private protected abstract SqlRenderer Renderer { get; }

    protected abstract string Dialect { get; }

    /// <summary>Operations this dialect refuses rather than renders.</summary>
    protected abstract IReadOnlySet<Type> Refused { get; }

    private static readonly QualifiedName Posts = "posts";

    [TestMethod]
    public void Every_operation_is_rendered_or_refused_loudly()
    {
        foreach (var operation in SampleOperations.All())
        {
            // Objects of a kind the dialect lacks are refused too; the capability is data on the dialect.
            var objectKind = operation switch { CreateObject c => c.Object.Kind, DropObject d => d.Object.Kind, ReplaceObject r => r.Object.Kind, _ => (DefinedObjectKind?)null };
            if (Refused.Contains(operation.GetType()) || objectKind is { } kind && !Renderer.Dialect.SupportsObject(kind))
            {
                var error = Assert.ThrowsExactly<UnsupportedOperationException>(() => Renderer.Render([operation]), operation.GetType().Name);
                StringAssert.Contains(error.Message, operation.GetType().Name);
            }
            else if (operation is not AlterTableComment)
            {
                Assert.IsNotEmpty(Renderer.Render([operation]), operation.GetType().Name);
            }
        }
    }

    [TestMethod] public void Create_table_with_every_constraint() => Verify(new CreateTable(SampleOperations.UsersTable with
    {
        ForeignKeys = [new ForeignKey("fk_users_manager_id_users", ["manager_id"], "users", ["id"], ReferentialAction.SetNull, ReferentialAction.Cascade)],
        Columns = [.. SampleOperations.UsersTable.Columns, new Column("manager_id", SqlType.Int64, Nullable: true)],
    }));

    [TestMethod] public void Create_table_with_composite_key_and_awkward_names() => Verify(new CreateTable(new Table(
        "Order Lines",
        [new Column("order", SqlType.Int32), new Column("Line\"No", SqlType.Int16), new Column("note", SqlType.String(20), Nullable: true, Default: "'n/a'", Collation: "NOCASE")],
        new PrimaryKey("pk_order_lines", ["order", "Line\"No"]))));

    [TestMethod] public void Create_table_with_computed_column() => Verify(new CreateTable(new Table(
        "boxes",
        [new Column("id", SqlType.Int32, Identity: new Identity()), new Column("w", SqlType.Double), new Column("area", SqlType.Double, Nullable: true, Computed: "w * w")],
        new PrimaryKey("pk_boxes", ["id"]))));

    [TestMethod] public void Drop_table() => Verify(new DropTable(SampleOperations.UsersTable));

    [TestMethod] public void Rename_table() => Verify(new RenameTable(Posts, "articles"));

    [TestMethod] public void Add_nullable_column() => Verify(new AddColumn(Posts, new Column("subtitle", SqlType.String(200), Nullable: true)));

    [TestMethod] public void Add_column_with_expression_default() => Verify(new AddColumn(Posts, new Column("seen_at", SqlType.DateTime, Default: "datetime('now')")));

    [TestMethod] public void Drop_column() => Verify(new DropColumn(Posts, new Column("subtitle", SqlType.String(200), Nullable: true)));

    [TestMethod] public void Rename_column() => Verify(new RenameColumn(Posts, "body", "content"));

    [TestMethod] public void Create_unique_partial_index() => Verify(new CreateIndex(Posts, new TableIndex("ix_posts_slug", ["slug"], IsUnique: true, Filter: "slug IS NOT NULL")));

    [TestMethod] public void Create_expression_index() => Verify(new CreateIndex(Posts, new TableIndex("ix_posts_lower_title", ["lower(title)", "id"], Expressions: [true, false])));

    [TestMethod] public void Create_index_with_descending_keys() => Verify(new CreateIndex(Posts, new TableIndex("ix_posts_created_at_id", ["created_at", "id"], Descending: [true, false])));

    [TestMethod] public void Add_deferrable_foreign_key_in_create_table() => Verify(new CreateTable(new Table(
        "comments",
        [new Column("id", SqlType.Int64), new Column("post_id", SqlType.Int64), new Column("parent_id", SqlType.Int64, Nullable: true)],
        new PrimaryKey("pk_comments", ["id"]),
        ForeignKeys:
        [
            new ForeignKey("fk_comments_post_id_posts", ["post_id"], Posts, ["id"], ReferentialAction.Cascade, Deferrable: true),
            new ForeignKey("fk_comments_parent_id_comments", ["parent_id"], "comments", ["id"], Deferrable: true, InitiallyDeferred: true),
        ])));

    [TestMethod] public void Drop_index() => Verify(new DropIndex(Posts, new TableIndex("ix_posts_slug", ["slug"])));

    [TestMethod] public void Batch_alter_table() => Verify(new BatchAlterTable(Posts,
        [
            new AlterColumn(Posts, new Column("title", SqlType.Text, Nullable: true), new Column("title", SqlType.String(200), Default: "''")),
            new AddColumn(Posts, new Column("views", SqlType.Int64, Default: "0"), After: "title"),
            new AddCheckConstraint(Posts, new CheckConstraint("ck_posts_views", "views >= 0")),
            new CreateIndex(Posts, new TableIndex("ix_posts_views", ["views"])),
        ],
        CopyFrom: new Table(Posts,
            [new Column("id", SqlType.Int64, Identity: new Identity()), new Column("title", SqlType.Text, Nullable: true), new Column("score", SqlType.Int32, Nullable: true)],
            new PrimaryKey("pk_posts", ["id"]),
            Indexes: [new TableIndex("ix_posts_title", ["title"])]),
        Triggers: ["CREATE TRIGGER tr_posts AFTER INSERT ON posts BEGIN SELECT 1; END"]));

    [TestMethod] public void Execute_sql() => Verify(new ExecuteSql("UPDATE posts SET views = 0"));

    [TestMethod] public void Bulk_insert() => Verify(new BulkInsert(Posts, ["id", "title", "published", "score"],
        [(EquatableArray<object?>)new object?[] { 1, "it's", true, 1.5m }, (EquatableArray<object?>)new object?[] { 2, null, false, null }]));

    [TestMethod]
    public void Version_table_statements()
    {
        QualifiedName table = "diffmigrate_version";
        Snapshot.Match($"sql/{Dialect}/Version_table_statements.sql", Renderer.RenderScript(
        [
            Renderer.CreateVersionTable(table), Renderer.InsertVersion(table, "aaa"), Renderer.UpdateVersion(table, "aaa", "bbb"), Renderer.DeleteVersion(table, "bbb"),
        ]));
    }

    /// <summary>Shared scenarios this dialect refuses: each snapshot records the refusal's message instead of SQL.</summary>
    protected virtual IReadOnlySet<string> RefusedScenarios { get; } = new HashSet<string>();

    protected void Verify(MigrationOperation operation, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        if (RefusedScenarios.Contains(name))
        {
            var error = Assert.ThrowsExactly<UnsupportedOperationException>(() => Renderer.Render([operation]), name);
            Snapshot.Match($"sql/{Dialect}/{name}.sql", "-- refused: " + error.Message + "\n");
            return;
        }
        Snapshot.Match($"sql/{Dialect}/{name}.sql", Renderer.RenderScript(Renderer.Render([operation])));
    }
}
