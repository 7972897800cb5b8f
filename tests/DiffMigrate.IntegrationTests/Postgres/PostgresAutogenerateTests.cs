using System.Data.Common;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Migrations;
using DiffMigrate.Design.Commands;
using DiffMigrate.Providers;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Runner.Configuration;
using DiffMigrate.Schema;

namespace DiffMigrate.IntegrationTests.Postgres;

/// <summary>Autogenerate against a real server: spellings that mean the same, enum and sequence changes.</summary>
[TestClass]
public sealed class PostgresAutogenerateTests
{
    private static readonly DatabaseProvider Services = DatabaseProviders.For(PostgresDialect.Instance);

    [TestMethod]
    public void Expressions_that_mean_the_same_compare_equal_whatever_their_spelling()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute("""
            CREATE TABLE t (
                id int CONSTRAINT pk_t PRIMARY KEY,
                a text DEFAULT 'x'::text,
                b numeric DEFAULT '0'::numeric,
                c timestamptz DEFAULT CURRENT_TIMESTAMP,
                d int CONSTRAINT ck_t_d CHECK ((d > 0) AND (d < 10)),
                e varchar(10) DEFAULT 'y',
                f int[],
                g boolean DEFAULT true);
            CREATE INDEX ix_t_a ON t (lower(a)) WHERE (b > 0::numeric);
            """);
        var model = Model(b => b.Table("t", t =>
        {
            t.Column("id", SqlType.Int32).PrimaryKey();
            t.Column("a", SqlType.Text).Nullable().Default("'x'");
            t.Column("b", SqlType.Decimal()).Nullable().Default("0");
            t.Column("c", SqlType.DateTimeOffset).Nullable().Default("now()");
            t.Column("d", SqlType.Int32).Nullable();
            t.Check("d > 0 and d < 10", "d");
            t.Column("e", SqlType.String(10)).Nullable().Default("'y'::character varying");
            t.Column("f", SqlType.Raw("INT[]")).Nullable();
            t.Column("g", SqlType.Boolean).Nullable().Default("TRUE");
            t.Index("ix_t_a", ["LOWER(a)"], filter: "b > 0", expressions: [true]);
        }));
        using var connection = database.Open();
        var operations = Compare(connection, model);
        Assert.IsEmpty(operations, string.Join("\n", operations.Select(OperationText.Describe)));
    }

    [TestMethod]
    public void Enum_values_are_renamed_as_declared_added_in_place_and_removed_safely()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute("""
            CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
            CREATE TABLE diary (id int CONSTRAINT pk_diary PRIMARY KEY, feeling mood NOT NULL DEFAULT 'ok');
            INSERT INTO diary VALUES (1, 'sad'), (2, 'happy');
            """);
        using var connection = database.Open();

        var renamed = Model(Diary(["unhappy", "ok", "meh", "happy"], ("sad", "unhappy")));
        var operations = Compare(connection, renamed);
        CollectionAssert.AreEqual(new MigrationOperation[]
        {
            new RenameEnumValue("mood", "sad", "unhappy"),
            new AddEnumValue("mood", "meh", ["unhappy", "ok", "meh", "happy"]),
        }, operations.ToArray());
        Apply(connection, operations);
        Assert.IsEmpty(Compare(connection, renamed));
        CollectionAssert.AreEqual(new[] { "unhappy", "happy" }, database.Strings("SELECT feeling::text FROM diary ORDER BY id").ToList());

        var fewer = Model(Diary(["unhappy", "ok"]));
        operations = Compare(connection, fewer);
        Assert.AreEqual(2, operations.OfType<DropEnumValue>().Count(), string.Join("\n", operations.Select(OperationText.Describe)));
        // A row still holds 'happy': the rebuild must fail and leave everything as it was.
        var error = Assert.ThrowsExactly<Npgsql.PostgresException>(() => Apply(connection, operations));
        StringAssert.Contains(error.Message, "happy");
        CollectionAssert.AreEqual(new[] { "unhappy", "ok", "meh", "happy" }, database.Strings("SELECT unnest(enum_range(NULL::mood))::text").ToList());

        database.Execute("UPDATE diary SET feeling = 'ok' WHERE id = 2");
        Apply(connection, Compare(connection, fewer));
        Assert.IsEmpty(Compare(connection, fewer));
        CollectionAssert.AreEqual(new[] { "unhappy", "ok" }, database.Strings("SELECT unnest(enum_range(NULL::mood))::text").ToList());
        CollectionAssert.AreEqual(new[] { "'ok'::mood" }, database.Strings("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef").ToList());
    }

    [TestMethod]
    public void Sequences_are_created_altered_and_dropped()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute("CREATE SEQUENCE a_seq; CREATE SEQUENCE b_seq; CREATE TABLE t (id int CONSTRAINT pk_t PRIMARY KEY);");
        var model = Model(b =>
        {
            b.Sequence("a_seq", increment: 5, maxValue: 1000, cycle: true);
            b.Sequence("c_seq", start: 10);
            b.Table("t", t => t.Column("id", SqlType.Int32).PrimaryKey());
        });
        using var connection = database.Open();
        var operations = Compare(connection, model);
        CollectionAssert.AreEqual(new[] { typeof(AlterSequence), typeof(CreateSequence), typeof(DropSequence) }, operations.Select(o => o.GetType()).ToArray());
        Apply(connection, operations);
        Assert.IsEmpty(Compare(connection, model));
    }

    [TestMethod]
    public void Column_changes_and_declared_renames_apply_and_converge()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute("""
            CREATE TABLE people (
                id int CONSTRAINT pk_people PRIMARY KEY,
                fullname varchar(50),
                amount int NOT NULL DEFAULT 0,
                note text,
                code int);
            INSERT INTO people VALUES (1, 'Ada', 7, 'x', 1);
            """);
        var model = Model(b => b.Table("persons", t =>
        {
            t.RenamedFrom("people");
            t.Column("id", SqlType.Int32).PrimaryKey();
            t.Column("full_name", SqlType.String(100)).RenamedFrom("fullname");
            t.Column("amount", SqlType.Decimal(12, 2)).Default("1.5").Comment("in euros");
            t.Column("note", SqlType.Text).Nullable().Collation("C");
            t.Column("code", SqlType.Int64).Identity(start: 10);
            t.PrimaryKey(["id"], "pk_people");
        }));
        using var connection = database.Open();
        var operations = Compare(connection, model);
        Assert.AreEqual(new RenameTable("people", "persons"), operations[0]);
        Assert.AreEqual(new RenameColumn("persons", "fullname", "full_name"), operations[1]);
        Apply(connection, operations);
        var after = Compare(connection, model);
        Assert.IsEmpty(after, string.Join("\n", after.Select(OperationText.Describe)));
        CollectionAssert.AreEqual(new[] { "Ada|7.00" }, database.Strings("SELECT full_name || '|' || amount FROM persons").ToList());
    }

    private static Action<SchemaBuilder> Diary(string[] values, params (string, string)[] renames) => b =>
    {
        b.Enum("mood", values, renames);
        b.Table("diary", t =>
        {
            t.Column("id", SqlType.Int32).PrimaryKey();
            t.Column("feeling", SqlType.Enum("mood", values)).Default("'ok'");
        });
    };

    private static DatabaseSchema Model(Action<SchemaBuilder> define) => SchemaModel.FromTypes([], [new Definition(define)]);

    private static IReadOnlyList<MigrationOperation> Compare(DbConnection connection, DatabaseSchema model) =>
        Autogenerate.Compare(connection, Services, model, DiffMigrateConfig.Defaults(Path.GetTempPath(), "migrations"));

    private static void Apply(DbConnection connection, IReadOnlyList<MigrationOperation> operations)
    {
        using var transaction = connection.BeginTransaction();
        foreach (var statement in Services.Renderer.Render(operations))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statement.Text;
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private sealed class Definition(Action<SchemaBuilder> define) : SchemaDefinition
    {
        public override void Define(SchemaBuilder builder) => define(builder);
    }
}
