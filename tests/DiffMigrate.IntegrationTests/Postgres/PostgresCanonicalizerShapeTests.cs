using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Schema;

namespace DiffMigrate.IntegrationTests.Postgres;

/// <summary>
/// The canonicaliser's temporary tables hold the columns an expression uses; columns whose types differ only in
/// length, precision or scale share one, since the server prints the expression the same either way.
/// </summary>
[TestClass]
public sealed class PostgresCanonicalizerShapeTests
{
    [TestMethod]
    public async Task Lengths_and_precisions_do_not_add_statements_and_the_forms_stay_the_server_s()
    {
        using var database = PostgresServer.CreateDatabase();
        await using var connection = database.Open();
        var canonicalizer = new PostgresModelCanonicalizer();
        // Table i: name varchar(10 + i), amount numeric(10 + i, 2), stamp timestamp(i % 7) with an expression
        // index, a partial index, a check and a generated column over them.
        DatabaseSchema Tables(int count) => new([.. Enumerable.Range(0, count).Select(i => new Table($"t{i}",
            [
                new Column("id", SqlType.Int32),
                new Column("name", SqlType.String(10 + i)),
                new Column("amount", SqlType.Decimal(10 + i, 2)),
                new Column("stamp", SqlType.Raw($"timestamp({i % 7})"), Nullable: true),
                new Column("label", SqlType.String(20 + i), Nullable: true, Computed: "upper(name)"),
            ],
            new PrimaryKey($"pk_t{i}", ["id"]),
            Indexes:
            [
                new TableIndex($"ix_t{i}_lower", ["lower(name)"], Expressions: [true]),
                new TableIndex($"ix_t{i}_recent", ["id"], Filter: "stamp > '2020-01-01' AND amount > 0"),
            ],
            CheckConstraints: [new CheckConstraint($"ck_t{i}", "length(name) > 0 AND amount >= 0")]))]);

        var (few, fewProblem) = await canonicalizer.CanonicalizeAsync(connection, Tables(3), DatabaseSchema.Empty);
        Assert.IsNull(fewProblem);
        var statements = canonicalizer.LastStatementCount;
        var (forms, problem) = await canonicalizer.CanonicalizeAsync(connection, Tables(120), DatabaseSchema.Empty);
        Assert.IsNull(problem);
        // Each distinct column type is asked once, on a column of its own (its form is the server's spelling of it):
        // those statements grow with the types' variety. The expressions' temporary tables must not.
        Assert.AreEqual(statements - DistinctTypes(Tables(3)), canonicalizer.LastStatementCount - DistinctTypes(Tables(120)));

        foreach (var table in new[] { few!.FindTable("t2")!, forms!.FindTable("t119")! })
        {
            Assert.AreEqual("lower(name::text)", table.Indexes.Single(x => x.Name.EndsWith("_lower", StringComparison.Ordinal)).Columns.Single(), table.Name.Name);
            Assert.AreEqual("stamp > '2020-01-01 00:00:00'::timestamp without time zone AND amount > 0::numeric",
                table.Indexes.Single(x => x.Name.EndsWith("_recent", StringComparison.Ordinal)).Filter, table.Name.Name);
            Assert.AreEqual("length(name::text) > 0 AND amount >= 0::numeric", table.CheckConstraints.Single().Sql, table.Name.Name);
            Assert.AreEqual("upper((name)::text)", table.FindColumn("label")!.Computed, table.Name.Name);
        }
    }

    private static int DistinctTypes(DatabaseSchema model) =>
        model.Tables.SelectMany(t => t.Columns).Select(c => PostgresTypeMap.Instance.ToSql(c.Type)).Distinct(StringComparer.Ordinal).Count();
}
