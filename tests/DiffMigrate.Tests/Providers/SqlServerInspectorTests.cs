using DiffMigrate.Diff;
using DiffMigrate.Inspect;
using DiffMigrate.Migrations;
using DiffMigrate.Providers.SqlServer;
using DiffMigrate.Schema;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DiffMigrate.Tests.Providers;

/// <summary>
/// The SQL Server inspector without a server: the real Inspect/InspectAsync and CatalogBatch over result sets written by
/// hand as the sys.* views would answer (SqlServerCatalogFake), in SQL Server's stored spelling.
/// </summary>
[TestClass]
public sealed class SqlServerInspectorTests
{
    private static readonly InspectOptions Options = new(ExcludeTables: ["diffmigrate_version"], Schemas: ["sales"]);

    /// <summary>
    /// Two schemas as SQL Server stores what <see cref="Model"/> renders to: dbo.customers and sales.orders, the version
    /// table, a sequence, a view, a procedure and a trigger. <paramref name="priceDefault"/> and <paramref name="openIndex"/>
    /// let a test make the database differ.
    /// </summary>
    internal static SqlServerCatalogFake Shop(string priceDefault = "((0))", bool openIndex = true)
    {
        var catalog = new SqlServerCatalogFake().Schema("sales")
            .Table("dbo", "customers", "People who buy")
            .Column("dbo", "customers", "id", "int", 4, precision: 10, identity: (1, 1))
            .Column("dbo", "customers", "email", "nvarchar", 640, collation: "Latin1_General_BIN2")
            .Column("dbo", "customers", "name", "nvarchar", -1, nullable: true, collation: SqlServerCatalogFake.DatabaseCollation, comment: "Display name")
            .Column("dbo", "customers", "created_at", "datetime2", 7, precision: 23, scale: 3, @default: "(sysdatetime())")
            .Column("dbo", "customers", "active", "bit", 1, precision: 1, @default: "((1))")
            .Column("dbo", "customers", "external_id", "uniqueidentifier", 16, @default: "(newid())")
            .Column("dbo", "customers", "note", "nvarchar", 100, nullable: true, collation: SqlServerCatalogFake.DatabaseCollation, @default: "(N'it''s\u2028ok')")
            .IndexColumn("dbo", "customers", "PK_customers", "id", primaryKey: true, type: 1)
            .IndexColumn("dbo", "customers", "UQ_customers_email", "email", uniqueConstraint: true)
            .IndexColumn("dbo", "customers", "UX_customers_external_id", "external_id", unique: true)
            .Table("dbo", "diffmigrate_version")
            .Column("dbo", "diffmigrate_version", "version_num", "nvarchar", 64)
            .Table("sales", "orders")
            .Column("sales", "orders", "id", "bigint", 8, precision: 19, identity: (1000, 10))
            .Column("sales", "orders", "customer_id", "int", 4, precision: 10)
            .Column("sales", "orders", "price", "decimal", 9, precision: 18, scale: 2, @default: priceDefault)
            .Column("sales", "orders", "qty", "int", 4, precision: 10, @default: "((1))")
            .Column("sales", "orders", "total", "decimal", 13, nullable: true, precision: 29, scale: 2, computed: "([price]*[qty])", persisted: true)
            .Column("sales", "orders", "discount", "decimal", 5, precision: 5, scale: 2, @default: "((1.5))")
            .Column("sales", "orders", "status", "varchar", 20, collation: SqlServerCatalogFake.DatabaseCollation, @default: "('new')")
            .Column("sales", "orders", "deleted_at", "datetime2", 8, nullable: true, precision: 27, scale: 7, @default: "(NULL)")
            .Column("sales", "orders", "flag", "bit", 1, precision: 1, @default: "(CONVERT([bit],(0)))")
            .IndexColumn("sales", "orders", "PK_orders", "id", primaryKey: true, type: 1)
            .ForeignKey("sales", "orders", "FK_orders_customers", "customer_id", "dbo", "customers", "id", onDelete: "CASCADE")
            .Check("sales", "orders", "CK_orders_qty", "([qty]>(0))")
            .Sequence("sales", "order_numbers", start: 1000)
            .Unmanaged("procedure", "sales", "close_order")
            .Unmanaged("trigger", "dbo", "trg_customers", "customers")
            .Unmanaged("view", "dbo", "active_customers");
        if (openIndex)
        {
            catalog.IndexColumn("sales", "orders", "IX_orders_open", "customer_id", filter: "([deleted_at] IS NULL)")
                .IndexColumn("sales", "orders", "IX_orders_open", "price", filter: "([deleted_at] IS NULL)", descending: true)
                .IndexColumn("sales", "orders", "IX_orders_open", "status", filter: "([deleted_at] IS NULL)", included: true);
        }
        return catalog;
    }

    private static readonly QualifiedName Orders = new("sales", "orders");

    /// <summary>The model <see cref="Shop"/> stores, in a user's spelling (spaces, upper case, CAST, a plain '...').</summary>
    internal static DatabaseSchema Model(string priceDefault = "0") => new(
        [
            new Table("customers",
                [
                    new Column("id", SqlType.Int32, Identity: new Identity()),
                    new Column("email", SqlType.String(320), Collation: "Latin1_General_BIN2"),
                    new Column("name", SqlType.String(), Nullable: true, Comment: "Display name"),
                    new Column("created_at", SqlType.Raw("DATETIME2(3)"), Default: "SYSDATETIME()"),
                    new Column("active", SqlType.Boolean, Default: "TRUE"),
                    new Column("external_id", SqlType.Uuid, Default: "NEWID()"),
                    new Column("note", SqlType.String(50), Nullable: true, Default: "'it''s\u2028ok'"),
                ],
                new PrimaryKey("PK_customers", ["id"]),
                Indexes: [new TableIndex("UX_customers_external_id", ["external_id"], IsUnique: true)],
                UniqueConstraints: [new UniqueConstraint("UQ_customers_email", ["email"])],
                Comment: "People who buy"),
            new Table(Orders,
                [
                    new Column("id", SqlType.Int64, Identity: new Identity(Start: 1000, Increment: 10)),
                    new Column("customer_id", SqlType.Int32),
                    new Column("price", SqlType.Decimal(18, 2), Default: priceDefault),
                    new Column("qty", SqlType.Int32, Default: "1"),
                    new Column("total", SqlType.Decimal(29, 2), Nullable: true, Computed: "price * qty"),
                    new Column("discount", SqlType.Decimal(5, 2), Default: "1.5"),
                    new Column("status", SqlType.Raw("VARCHAR(20)"), Default: "'new'"),
                    new Column("deleted_at", SqlType.DateTime, Nullable: true, Default: "NULL"),
                    new Column("flag", SqlType.Boolean, Default: "CAST(0 AS BIT)"),
                ],
                new PrimaryKey("PK_orders", ["id"]),
                [new ForeignKey("FK_orders_customers", ["customer_id"], "customers", ["id"], ReferentialAction.Cascade)],
                [new TableIndex("IX_orders_open", ["customer_id", "price"], Filter: "deleted_at IS NULL", Include: ["status"], Descending: [false, true])],
                CheckConstraints: [new CheckConstraint("CK_orders_qty", "qty > 0")]),
        ],
        Sequences: [new Sequence(new QualifiedName("sales", "order_numbers"), Start: 1000)],
        Schemas: ["sales"]);

    private static DatabaseSchema Inspect(SqlServerCatalogFake catalog, InspectOptions? options = null)
    {
        using var connection = catalog.Open();
        return new SqlServerInspector().Inspect(connection, options ?? Options);
    }

    private static IReadOnlyList<MigrationOperation> Diff(DatabaseSchema database, DatabaseSchema model) =>
        new SchemaDiffer(new DiffOptions(SqlServerDialect.Instance)).Diff(database, model);

    [TestMethod]
    public void The_catalog_rows_become_the_neutral_model()
    {
        var schema = Inspect(Shop());
        Assert.HasCount(2, schema.Tables, "the version table is left out");
        var customers = new Table("customers",
            [
                new Column("id", SqlType.Int32, Identity: new Identity()),
                new Column("email", SqlType.String(320), Collation: "Latin1_General_BIN2"),
                new Column("name", SqlType.String(), Nullable: true, Comment: "Display name"),
                new Column("created_at", SqlType.Raw("datetime2(3)"), Default: "sysdatetime()"),
                new Column("active", SqlType.Boolean, Default: "1"),
                new Column("external_id", SqlType.Uuid, Default: "newid()"),
                new Column("note", SqlType.String(50), Nullable: true, Default: "'it''s\u2028ok'"),
            ],
            new PrimaryKey("PK_customers", ["id"]),
            Indexes: [new TableIndex("UX_customers_external_id", ["external_id"], IsUnique: true)],
            UniqueConstraints: [new UniqueConstraint("UQ_customers_email", ["email"])],
            Comment: "People who buy");
        Assert.AreEqual(customers, schema.Tables[0]);
        var orders = new Table(Orders,
            [
                new Column("id", SqlType.Int64, Identity: new Identity(Start: 1000, Increment: 10)),
                new Column("customer_id", SqlType.Int32),
                new Column("price", SqlType.Decimal(18, 2), Default: "0"),
                new Column("qty", SqlType.Int32, Default: "1"),
                new Column("total", SqlType.Decimal(29, 2), Nullable: true, Computed: "price*qty"),
                new Column("discount", SqlType.Decimal(5, 2), Default: "1.5"),
                new Column("status", SqlType.Raw("varchar(20)"), Default: "'new'"),
                new Column("deleted_at", SqlType.DateTime, Nullable: true, Default: "NULL"),
                new Column("flag", SqlType.Boolean, Default: "CAST(0 AS bit)"),
            ],
            new PrimaryKey("PK_orders", ["id"]),
            [new ForeignKey("FK_orders_customers", ["customer_id"], new QualifiedName(null, "customers"), ["id"], ReferentialAction.Cascade)],
            [new TableIndex("IX_orders_open", ["customer_id", "price"], Filter: "deleted_at IS NULL", Include: ["status"], Descending: [false, true])],
            CheckConstraints: [new CheckConstraint("CK_orders_qty", "qty>0")]);
        Assert.AreEqual(orders, schema.Tables[1]);
        Assert.AreEqual(new Sequence(new QualifiedName("sales", "order_numbers"), Start: 1000), schema.Sequences.Single());
        CollectionAssert.AreEqual(new[] { "sales" }, schema.Schemas.ToArray(), "dbo is the default schema: the null one");
        CollectionAssert.AreEqual(
            new[] { "procedure sales.close_order", "trigger customers.trg_customers", "view active_customers" },
            schema.Unmanaged.Select(u => u.ToString()).ToArray());
    }

    [TestMethod]
    public async Task The_async_path_reads_the_same_in_one_command_of_ten_statements()
    {
        var catalog = Shop();
        using var connection = catalog.Open();
        var inspector = new SqlServerInspector();
        var schema = await inspector.InspectAsync(connection, Options);
        Assert.AreEqual(Inspect(Shop()), schema);
        Assert.AreEqual(1, inspector.LastCommandCount);
        Assert.AreEqual(10, inspector.LastStatementCount);
        var text = connection.Commands.Single();
        foreach (var view in new[] { "sys.default_constraints", "sys.computed_columns", "sys.identity_columns", "sys.index_columns", "sys.foreign_key_columns",
            "sys.check_constraints", "sys.sequences", "sys.extended_properties", "sys.objects", "sys.sql_modules", "N'sales'" })
        {
            StringAssert.Contains(text, view);
        }
    }

    [TestMethod]
    public void Every_catalog_statement_parses_as_T_SQL()
    {
        var batches = new[]
        {
            SqlServerCatalog.Statements([], all: false),
            SqlServerCatalog.Statements(["sales", "it's", "a]b", "line\u2028break"], all: false),
            SqlServerCatalog.Statements([], all: true),
        };
        foreach (var statements in batches)
        {
            Assert.HasCount(10, statements);
            foreach (var statement in statements.Append(string.Join(";\n", statements)))
            {
                new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(statement), out var errors);
                Assert.IsEmpty(errors, $"{string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}"))}\n--- statement ---\n{statement}");
            }
        }
        StringAssert.Contains(batches[1][1], "N'it''s'", "a schema name is a Unicode literal with its quote doubled");
        // The parser finds errors when there are some.
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(batches[0][2].Replace("FROM", "FORM", StringComparison.Ordinal)), out var broken);
        Assert.IsNotEmpty(broken);
    }

    [TestMethod]
    public void Fewer_result_sets_than_statements_fail_loudly()
    {
        using var connection = new SqlServerCatalogFake.Connection([new System.Data.DataTable()]);
        Assert.ThrowsExactly<InvalidOperationException>(() => new SqlServerInspector().Inspect(connection, Options));
    }

    [TestMethod]
    public void Another_default_schema_is_the_null_one_and_dbo_is_named()
    {
        var catalog = new SqlServerCatalogFake("app").Schema("dbo")
            .Table("app", "t").Column("app", "t", "id", "int", 4)
            .Table("dbo", "u").Column("dbo", "u", "t_id", "int", 4)
            .ForeignKey("dbo", "u", "FK_u_t", "t_id", "app", "t", "id");
        var schema = Inspect(catalog, new InspectOptions(AllSchemas: true));
        CollectionAssert.AreEqual(new[] { "t", "dbo.u" }, schema.Tables.Select(t => t.Name.ToString()).ToArray());
        Assert.AreEqual(new QualifiedName(null, "t"), schema.Tables[1].ForeignKeys.Single().ReferredTable);
    }

    [TestMethod]
    public void The_rendered_model_as_the_server_stores_it_compares_equal()
    {
        var model = Model();
        var ddl = string.Join("\n", new SqlServerSqlRenderer().Render(Diff(DatabaseSchema.Empty, model)).Select(s => s.Text));
        // What the hand-written catalog says the server stored comes from these statements.
        foreach (var written in new[]
        {
            "[DF_orders_price] DEFAULT 0", "[DF_customers_active] DEFAULT 1", "[DF_customers_note] DEFAULT N'it''s\u2028ok'", "CREATE UNIQUE INDEX [UX_customers_external_id] ON customers (external_id)", "[DF_orders_flag] DEFAULT (CAST(0 AS BIT))",
            "[DF_customers_created_at] DEFAULT (SYSDATETIME())", "total AS (price * qty) PERSISTED", "CHECK (qty > 0)", "IDENTITY(1000, 10)",
            "email NVARCHAR(320) COLLATE Latin1_General_BIN2 NOT NULL", "INCLUDE (status) WHERE deleted_at IS NULL", "(customer_id, price DESC)",
            "ON DELETE CASCADE", "CREATE SEQUENCE sales.order_numbers AS BIGINT START WITH 1000", "@value = N'People who buy'",
        })
        {
            StringAssert.Contains(ddl, written);
        }
        var database = Inspect(Shop());
        var operations = Diff(database, model);
        Assert.IsEmpty(operations, string.Join("\n", operations));
    }

    [TestMethod]
    public void A_changed_default_is_found()
    {
        var operations = Diff(Inspect(Shop(priceDefault: "((5))")), Model());
        var alter = (AlterColumn)operations.Single();
        Assert.AreEqual("price", alter.Column.Name);
        Assert.AreEqual("5", alter.Existing.Default);
        Assert.AreEqual("0", alter.Column.Default);
        var sql = string.Join("\n", new SqlServerSqlRenderer().Render(operations).Select(s => s.Text));
        StringAssert.Contains(sql, "ADD CONSTRAINT [DF_orders_price] DEFAULT 0 FOR price");
    }

    [TestMethod]
    public void Identity_generation_and_a_computed_column_s_type_are_not_compared_and_alter_nothing()
    {
        var model = Model();
        var customers = model.Tables[0];
        var orders = model.Tables[1];
        customers = customers with { Columns = [customers.Columns[0] with { Identity = new Identity(Always: true, Start: 1, Increment: 1) }, .. customers.Columns.Skip(1)] };
        // SQL Server types a computed column by its expression (decimal(29, 2) here): the model's type says nothing.
        orders = orders with { Columns = [.. orders.Columns.Select(c => c.Name == "total" ? c with { Type = SqlType.Double } : c)] };
        var database = Inspect(Shop());
        Assert.IsEmpty(Diff(database, model with { Tables = [customers, orders] }));

        // A comment on both: each is altered, and neither the spelling of the computed expression nor ALWAYS refuses it.
        customers = customers with { Columns = [customers.Columns[0] with { Comment = "key" }, .. customers.Columns.Skip(1)] };
        orders = orders with { Columns = [.. orders.Columns.Select(c => c.Name == "total" ? c with { Comment = "price times quantity" } : c)] };
        var operations = Diff(database, model with { Tables = [customers, orders] });
        Assert.HasCount(2, operations.OfType<AlterColumn>());
        var sql = string.Join("\n", new SqlServerSqlRenderer().Render(operations).Select(s => s.Text));
        StringAssert.Contains(sql, "@value = N'price times quantity'");
        StringAssert.Contains(sql, "@value = N'key'");
        Assert.DoesNotContain("ALTER COLUMN", sql);
    }

    [TestMethod]
    public void A_missing_index_is_found()
    {
        var operations = Diff(Inspect(Shop(openIndex: false)), Model());
        Assert.AreEqual("IX_orders_open", ((CreateIndex)operations.Single()).Index.Name);
    }

    [TestMethod]
    public void A_changed_check_is_found()
    {
        var database = Inspect(Shop());
        var model = Model();
        var orders = model.Tables[1] with { CheckConstraints = [new CheckConstraint("CK_orders_qty", "qty >= 0")] };
        var operations = Diff(database, model with { Tables = [model.Tables[0], orders] });
        Assert.IsTrue(operations.OfType<DropCheckConstraint>().Any() && operations.OfType<AddCheckConstraint>().Any(), string.Join("\n", operations));
    }

    [TestMethod]
    public void Types_come_from_the_catalog_lengths()
    {
        var map = SqlServerTypeMap.Instance;
        Assert.AreEqual(SqlType.String(), map.FromCatalog("nvarchar", -1, 0, 0), "-1 is MAX");
        Assert.AreEqual(SqlType.String(100), map.FromCatalog("nvarchar", 200, 0, 0), "bytes, two a character");
        Assert.AreEqual(SqlType.FixedChar(10), map.FromCatalog("nchar", 20, 0, 0));
        Assert.AreEqual(SqlType.Binary(), map.FromCatalog("varbinary", -1, 0, 0));
        Assert.AreEqual(SqlType.Binary(16), map.FromCatalog("varbinary", 16, 0, 0));
        Assert.AreEqual(SqlType.Raw("varchar(20)"), map.FromCatalog("varchar", 20, 0, 0));
        Assert.AreEqual(SqlType.Decimal(18, 2), map.FromCatalog("decimal", 9, 18, 2));
        Assert.AreEqual(SqlType.Raw("datetime2(3)"), map.FromCatalog("datetime2", 7, 23, 3));
        Assert.AreEqual(SqlType.DateTime, map.FromCatalog("datetime2", 8, 27, 7));
        Assert.AreEqual(SqlType.DateTimeOffset, map.FromCatalog("datetimeoffset", 10, 34, 7));
        Assert.AreEqual(SqlType.Raw("time(0)"), map.FromCatalog("time", 3, 8, 0));
        Assert.AreEqual(SqlType.Double, map.FromCatalog("float", 8, 53, 0));
        Assert.AreEqual(SqlType.Single, map.FromCatalog("real", 4, 24, 0));
        Assert.AreEqual(SqlType.Raw("tinyint"), map.FromCatalog("tinyint", 1, 3, 0));
        foreach (var type in new[] { SqlType.String(40), SqlType.Decimal(10, 3), SqlType.Binary(), SqlType.Boolean, SqlType.Uuid, SqlType.Int16 })
        {
            Assert.AreEqual(type, map.Parse(map.ToSql(type)), $"{type} reads back as itself");
        }
    }

    [TestMethod]
    public void Sequence_options_the_renderer_leaves_out_read_as_null()
    {
        var catalog = new SqlServerCatalogFake()
            .Sequence("dbo", "plain", start: 1)
            .Sequence("dbo", "down", start: -1, increment: -1)
            .Sequence("dbo", "bounded", start: 10, increment: 5, min: 10, max: 1000, cycling: true, cacheSize: 20)
            .Sequence("dbo", "uncached", start: 1, cached: false);
        var sequences = Inspect(catalog).Sequences.ToDictionary(s => s.Name.Name);
        Assert.AreEqual(new Sequence("plain"), sequences["plain"]);
        Assert.AreEqual(new Sequence("down", Increment: -1), sequences["down"]);
        Assert.AreEqual(new Sequence("bounded", null, 5, 10, 1000, true, 20), sequences["bounded"]);
        Assert.AreEqual(new Sequence("uncached", Cache: 1), sequences["uncached"]);
    }
}
