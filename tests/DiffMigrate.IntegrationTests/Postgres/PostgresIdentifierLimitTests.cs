using System.Text;
using DiffMigrate.Dialects;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Schema;

namespace DiffMigrate.IntegrationTests.Postgres;

/// <summary>PostgreSQL keeps 63 bytes of a name: a longer model name is an error, never a difference that cannot go away.</summary>
[TestClass]
public sealed class PostgresIdentifierLimitTests
{
    private static readonly string Ascii63 = new('t', 63);
    private static readonly string Ascii64 = new('t', 64);
    private static readonly string Wide63 = new string('é', 31) + "x";   // 32 characters, 63 bytes
    private static readonly string Wide64 = new('é', 32);                // 32 characters, 64 bytes

    [TestMethod]
    public void Names_over_63_bytes_fail_naming_the_element_its_length_and_the_limit()
    {
        Assert.AreEqual(63, Encoding.UTF8.GetByteCount(Wide63));
        Assert.IsLessThan(63, Wide64.Length);
        using var database = PostgresServer.CreateDatabase();
        database.Execute("CREATE TABLE keep (id int PRIMARY KEY); INSERT INTO keep VALUES (1);");
        var before = PostgresCanonicalizerInjectionTests.Snapshot(database);
        var cases = new (string Model, string Expected)[]
        {
            ($$"""b.Table({{Str(Ascii64)}}, t => t.Column("id", SqlType.Int32).PrimaryKey());""", $"table '{Ascii64}' is 64 bytes"),
            ($$"""b.Table("t", t => { t.Column("id", SqlType.Int32).PrimaryKey(); t.Column({{Str(Wide64)}}, SqlType.Text).Nullable(); });""", $"column 't.{Wide64}' is 64 bytes"),
            // The naming convention's ix_{table}_{columns} makes the long name.
            ($$"""b.Table("t", t => { t.Column("id", SqlType.Int32).PrimaryKey(); t.Column({{Str(new string('c', 60))}}, SqlType.Text).Indexed(); });""", $"index 'ix_t_{new string('c', 60)}' on table 't' is 65 bytes"),
            ($$"""b.Table("t", t => { t.Column("id", SqlType.Int32).PrimaryKey(); t.Check("id > 0", {{Str(new string('k', 60))}}); });""", $"check constraint 'ck_t_{new string('k', 60)}' on table 't' is 65 bytes"),
            ($$"""b.Enum("mood", ["ok", {{Str(Wide64)}}]); b.Table("t", t => t.Column("id", SqlType.Int32).PrimaryKey());""", $"enum value '{Wide64}' of enum 'mood' is 64 bytes"),
            ($$"""b.Sequence({{Str(Ascii64)}}); b.Table("t", t => t.Column("id", SqlType.Int32).PrimaryKey());""", $"sequence '{Ascii64}' is 64 bytes"),
            ($$"""b.Table(new QualifiedName({{Str(Wide64)}}, "t"), t => t.Column("id", SqlType.Int32).PrimaryKey());""", "is 64 bytes"),
        };
        foreach (var (model, expected) in cases)
        {
            using var project = Project(database, model);
            foreach (var command in new[] { new[] { "check" }, ["diff"], ["revision", "--autogenerate", "-m", "x"] })
            {
                var (code, _, err) = project.Run(command);
                var context = $"{model} / {string.Join(" ", command)}: {err}";
                Assert.AreEqual(2, code, context);
                var error = err.Split('\n').Single(l => l.StartsWith("ERROR:", StringComparison.Ordinal));
                StringAssert.Contains(error, expected, context);
                StringAssert.Contains(error, "at most 63", context);
                CollectionAssert.AreEqual(before, PostgresCanonicalizerInjectionTests.Snapshot(database), context);
            }
        }
    }

    [TestMethod]
    public void Names_of_exactly_63_bytes_autogenerate_upgrade_and_check_clean()
    {
        using var database = PostgresServer.CreateDatabase();
        var model = $$"""
            b.Enum({{Str(Wide63)}}, ["ok", {{Str(Wide63)}}]);
            b.Sequence({{Str(new string('s', 63))}});
            b.Table({{Str(Ascii63)}}, t =>
            {
                t.Column("id", SqlType.Int32);
                t.PrimaryKey(["id"], {{Str(new string('p', 63))}});
                t.Column({{Str(Wide63)}}, SqlType.Text).Nullable().Default("'x'");
                t.Column("mood", SqlType.Enum({{Str(Wide63)}}, "ok", {{Str(Wide63)}})).Default({{Str("'" + Wide63 + "'")}});
                t.Index({{Str(new string('i', 63))}}, [{{Str(Wide63)}}]);
                t.Check("id > 0", {{Str(new string('k', 63))}}, exactName: true);
            });
            """;
        using var project = Project(database, model);
        var first = project.Run("revision", "--autogenerate", "-m", "long", "--rev-id", "000000000001");
        Assert.AreEqual(0, first.Code, first.Err);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Err);
        var check = project.Run("check");
        Assert.AreEqual(0, check.Code, check.Out + check.Err);
        CollectionAssert.Contains(database.Strings("SELECT relname FROM pg_class").ToList(), Ascii63);
        CollectionAssert.Contains(database.Strings("SELECT attname FROM pg_attribute").ToList(), Wide63);
    }

    [TestMethod]
    public void The_limit_is_data_on_the_dialect()
    {
        Assert.AreEqual(63, PostgresDialect.Instance.MaxIdentifierLength);
        Assert.AreEqual(IdentifierUnit.Utf8Bytes, PostgresDialect.Instance.IdentifierUnit);
        Assert.AreEqual(64, PostgresDialect.Instance.IdentifierLength(Wide64));
        var huge = new DatabaseSchema([new Table(new string('t', 500), [new Column(new string('é', 300), SqlType.Int32)])]);
        IdentifierLimits.Check(huge, SqliteDialect.Instance);   // SQLite has no limit
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => IdentifierLimits.Check(huge, PostgresDialect.Instance));
        StringAssert.Contains(error.Message, "table '" + new string('t', 500) + "' is 500 bytes");
    }

    private static TempProject Project(TestDatabase database, string body) => ModelProject.For(body, database);

    private static string Str(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
