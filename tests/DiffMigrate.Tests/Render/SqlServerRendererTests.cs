using DiffMigrate.Migrations;
using DiffMigrate.Providers.SqlServer;
using DiffMigrate.Render.Sql;

namespace DiffMigrate.Tests.Render;

/// <summary>
/// The shared scenarios plus SQL Server's own (SqlServerScenarios). Each snapshot under snapshots/sql/mssql/ was read as
/// T-SQL, and TsqlParseTests parses every one with ScriptDom; none runs on a live server here.
/// </summary>
[TestClass]
public sealed class SqlServerRendererTests : SqlRendererScenarios
{
    private static readonly QualifiedName Posts = "posts";

    private protected override SqlRenderer Renderer { get; } = new SqlServerSqlRenderer();

    protected override string Dialect => "mssql";

    protected override IReadOnlySet<Type> Refused { get; } = new HashSet<Type>
    {
        typeof(AlterTableOptions), typeof(AddExclusionConstraint), typeof(DropExclusionConstraint), typeof(ValidateConstraint),
        typeof(CreateEnum), typeof(DropEnum), typeof(AddEnumValue), typeof(DropEnumValue), typeof(RenameEnumValue), typeof(ReorderEnumValues),
        typeof(CreateExtension), typeof(DropExtension), typeof(AlterExtension), typeof(CreateDomain), typeof(DropDomain), typeof(AlterDomain),
    };

    // No expression keys (a computed column is indexed instead); no deferrable keys.
    protected override IReadOnlySet<string> RefusedScenarios { get; } = new HashSet<string> { "Create_expression_index", "Add_deferrable_foreign_key_in_create_table" };

    [TestMethod]
    public void Every_own_scenario_matches_its_snapshot()
    {
        foreach (var (name, operation) in SqlServerScenarios.All) Verify(operation, name);
    }

    [TestMethod]
    public void A_column_default_is_a_named_constraint_and_a_changed_column_drops_it_first()
    {
        var add = Renderer.Render([new AddColumn(Posts, new Column("views", SqlType.Int32, Default: "0"))]).Single().Text;
        Assert.AreEqual("ALTER TABLE posts ADD views INT NOT NULL CONSTRAINT [DF_posts_views] DEFAULT 0", add);
        var alter = Renderer.Render([new AlterColumn(Posts, new Column("views", SqlType.Int32, Default: "0"), new Column("views", SqlType.Int64, Default: "0"))]);
        Assert.HasCount(3, alter);
        StringAssert.Contains(alter[0].Text, "FROM sys.default_constraints");
        StringAssert.Contains(alter[0].Text, "QUOTENAME(d.name)");
        StringAssert.Contains(alter[1].Text, "IF @drop IS NOT NULL EXEC sys.sp_executesql @drop;\nALTER TABLE posts ALTER COLUMN views BIGINT NOT NULL;\nIF @create IS NOT NULL");
        StringAssert.Contains(alter[1].Text, "FROM sys.indexes AS i");
        StringAssert.Contains(alter[1].Text, "FROM sys.check_constraints AS k");
        Assert.AreEqual("ALTER TABLE posts ADD CONSTRAINT [DF_posts_views] DEFAULT 0 FOR views", alter[2].Text);
        // A name longer than sysname's 128 characters is cut, with a hash of the whole name so that two stay apart.
        var longName = SqlServerSqlRenderer.DefaultName(new string('t', 100), new string('c', 100));
        Assert.HasCount(128, longName);
        Assert.AreNotEqual(longName, SqlServerSqlRenderer.DefaultName(new string('t', 100), new string('c', 99) + "d"));
    }

    [TestMethod]
    public void What_the_database_cannot_hold_is_refused_by_name()
    {
        var cases = new (MigrationOperation Operation, string Words)[]
        {
            (new AlterColumn(Posts, new Column("views", SqlType.Int32), new Column("views", SqlType.Int64), Using: "views * 2"), "no USING conversion"),
            (new AlterColumn(Posts, new Column("n", SqlType.Int64), new Column("n", SqlType.Int64, Identity: new Identity())), "IDENTITY in place"),
            (new AlterColumn(Posts, new Column("n", SqlType.Int64, Computed: "1"), new Column("n", SqlType.Int64, Computed: "2")), "computed column in place"),
            (new AddColumn(Posts, new Column("n", SqlType.Int64, Identity: new Identity(Cycle: true))), "CYCLE"),
            (new AddColumn(Posts, new Column("n", SqlType.String(5), Identity: new Identity())), "needs an integer"),
            (new AddColumn(Posts, new Column("n", SqlType.String(5), Collation: "x; DROP")), "not a SQL Server collation"),
            (new AddColumn(Posts, new Column("n", SqlType.Int32, Default: "1", Computed: "2")), "computed column has no default"),
            (new AddForeignKey(Posts, new ForeignKey("fk", ["user_id"], "users", ["id"], Deferrable: true)), "DEFERRABLE"),
            (new AddUniqueConstraint(Posts, new UniqueConstraint("uq", ["slug"], NullsNotDistinct: true)), "NULLS NOT DISTINCT"),
            (new CreateIndex(Posts, new TableIndex("ix", ["lower(slug)"], Expressions: [true])), "expression key"),
            (new CreateIndex(Posts, new TableIndex("ix", ["slug"], Method: "gin")), "the method gin"),
            (new CreateIndex(Posts, new TableIndex("ix", ["slug"], KeyOptions: [new IndexKeyOptions(NullsOrder.First)])), "NULLS FIRST"),
            (new AlterSequence(new Sequence("s", Start: 1), new Sequence("s", Start: 5)), "RESTART WITH"),
            (new CreateObject(DefinedObject.MaterializedView("mv", "SELECT 1")), "materialized views"),
        };
        foreach (var (operation, words) in cases)
        {
            var error = Assert.ThrowsExactly<UnsupportedOperationException>(() => Renderer.Render([operation]), words);
            StringAssert.Contains(error.Message, words);
        }
        Assert.ThrowsExactly<DiffMigrateException>(() => Renderer.Render([new AddColumn(Posts, new Column("code", SqlType.FixedChar(5000)))]));
        // A line that says GO ends a batch wherever it stands in a script, in brackets and quotes too.
        foreach (var text in new[] { "a\nGO\nb", "a\r\n  go 2\r\n", "x\ngo" })
        {
            var name = Assert.ThrowsExactly<DiffMigrateException>(() => Renderer.Render([new AddColumn(Posts, new Column(text, SqlType.Int32))]));
            StringAssert.Contains(name.Message, "has a line that says GO");
            Assert.IsFalse(name.Message.Contains('\n') || name.Message.Contains('\r'), "the refused name is shown on one line: " + name.Message);
            Assert.ThrowsExactly<DiffMigrateException>(() => Renderer.Render([new AlterTableComment(Posts, text, null)]));
        }
        Assert.HasCount(1, Renderer.Render([new AlterTableComment(Posts, "a\ngone\n go on", null)]));
    }

    [TestMethod]
    public void A_script_ends_each_statement_with_a_go_line()
    {
        var script = Renderer.RenderScript(Renderer.Render([new CreateSchema("sales"), new CreateObject(DefinedObject.View("v", "SELECT 1 AS one"))]));
        Assert.AreEqual("CREATE SCHEMA sales;\nGO\n\nCREATE VIEW v AS\nSELECT 1 AS one;\nGO\n\n", script);
    }

    [TestMethod]
    [DataRow("posts", "posts")]
    [DataRow("Posts", "[Posts]")]
    [DataRow("order", "[order]")]
    [DataRow("go", "[go]")]
    [DataRow("a]b", "[a]]b]")]
    [DataRow("two words", "[two words]")]
    public void Names_are_bracketed_when_they_must_be(string name, string quoted) => Assert.AreEqual(quoted, Renderer.Syntax.QuoteIdentifier(name));

    [TestMethod]
    public void Types_map_both_ways()
    {
        var map = SqlServerTypeMap.Instance;
        (SqlType Type, string Sql)[] cases =
        [
            (SqlType.Int16, "SMALLINT"), (SqlType.Int32, "INT"), (SqlType.Int64, "BIGINT"), (SqlType.Decimal(10, 2), "DECIMAL(10, 2)"),
            (SqlType.Single, "REAL"), (SqlType.Double, "FLOAT"), (SqlType.Boolean, "BIT"), (SqlType.String(20), "NVARCHAR(20)"),
            (SqlType.String(), "NVARCHAR(MAX)"), (SqlType.FixedChar(2), "NCHAR(2)"), (SqlType.Binary(16), "VARBINARY(16)"), (SqlType.Binary(), "VARBINARY(MAX)"),
            (SqlType.Date, "DATE"), (SqlType.Time, "TIME"), (SqlType.DateTime, "DATETIME2"), (SqlType.DateTimeOffset, "DATETIMEOFFSET"),
            (SqlType.Uuid, "UNIQUEIDENTIFIER"),
        ];
        foreach (var (type, sql) in cases)
        {
            Assert.AreEqual(sql, map.ToSql(type));
            Assert.AreEqual(type, map.Parse(sql), sql);
        }
        Assert.AreEqual("NVARCHAR(MAX)", map.ToSql(SqlType.String(5000)));
        Assert.AreEqual("NVARCHAR(MAX)", map.ToSql(SqlType.Text));
        Assert.AreEqual("NVARCHAR(11)", map.ToSql(SqlType.Enum("e", "open", "it's closed")));
        Assert.AreEqual(SqlType.Decimal(18, 0), map.Parse("decimal"));
        Assert.AreEqual(SqlType.Raw("hierarchyid"), map.Parse("HIERARCHYID"));
    }
}
