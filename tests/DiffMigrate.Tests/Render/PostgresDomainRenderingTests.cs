using DiffMigrate.Migrations;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Render.Sql;

namespace DiffMigrate.Tests.Render;

/// <summary>PostgreSQL's DDL for the domain operations: CREATE, DROP, and ALTER one change per statement.</summary>
[TestClass]
public sealed class PostgresDomainRenderingTests
{
    private static readonly Domain Year = new(new QualifiedName("audit", "year"), SqlType.Int32, NotNull: true, Default: "2000",
        Checks: [new CheckConstraint("year_check", "VALUE > 1900")], Collation: null);

    private static string[] Render(MigrationOperation operation) => [.. new PostgresSqlRenderer().Render([operation]).Select(s => s.Text)];

    [TestMethod]
    public void Create_writes_the_whole_definition_and_drop_the_name()
    {
        CollectionAssert.AreEqual(new[] { "CREATE DOMAIN audit.year AS integer DEFAULT 2000 NOT NULL CONSTRAINT year_check CHECK (VALUE > 1900)" }, Render(new CreateDomain(Year)));
        CollectionAssert.AreEqual(new[] { "CREATE DOMAIN code AS varchar(8) COLLATE \"C\"" }, Render(new CreateDomain(new Domain("code", SqlType.String(8), Collation: "C"))));
        CollectionAssert.AreEqual(new[] { "DROP DOMAIN audit.year" }, Render(new DropDomain(Year)));
    }

    [TestMethod]
    public void Alter_changes_only_what_differs_dropping_checks_before_adding()
    {
        var changed = Year with { NotNull = false, Default = null, Checks = [new CheckConstraint("year_range", "VALUE BETWEEN 1901 AND 2999")] };
        CollectionAssert.AreEqual(new[]
        {
            "ALTER DOMAIN audit.year DROP DEFAULT",
            "ALTER DOMAIN audit.year DROP NOT NULL",
            "ALTER DOMAIN audit.year DROP CONSTRAINT year_check",
            "ALTER DOMAIN audit.year ADD CONSTRAINT year_range CHECK (VALUE BETWEEN 1901 AND 2999)",
        }, Render(new AlterDomain(Year, changed)));
        CollectionAssert.AreEqual(new[] { "ALTER DOMAIN audit.year SET DEFAULT 1999", "ALTER DOMAIN audit.year SET NOT NULL" },
            Render(new AlterDomain(Year with { NotNull = false }, Year with { Default = "1999" })));
        Assert.IsEmpty(Render(new AlterDomain(Year, Year)));
    }

    [TestMethod]
    public void Alter_refuses_a_new_base_type_and_sqlite_refuses_domains()
    {
        var error = Assert.ThrowsExactly<UnsupportedOperationException>(() => Render(new AlterDomain(Year, Year with { BaseType = SqlType.Int64 })));
        StringAssert.StartsWith(error.Message, "AlterDomain on audit.year: PostgreSQL cannot change a domain's base type or collation in place");
        var sqlite = Assert.ThrowsExactly<UnsupportedOperationException>(() => new DiffMigrate.Providers.Sqlite.SqliteSqlRenderer().Render([new CreateDomain(Year)]));
        Assert.AreEqual("CreateDomain: SQLite has no domains. Remove the operation from revisions that run on SQLite.", sqlite.Message);
    }
}
