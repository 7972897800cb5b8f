using DiffMigrate.Providers.Sqlite;

namespace DiffMigrate.Tests.Model;

[TestClass]
public sealed class ExpressionRulesTests
{
    private static string C(string sql) => SqliteExpressionRules.Instance.Canonical(sql);

    [TestMethod]
    [DataRow("0", "(0)")]
    [DataRow("datetime('now')", "(datetime( 'now' ))")]
    [DataRow("CURRENT_TIMESTAMP", "current_timestamp")]
    [DataRow("amount >= 0", "(amount   >=  0)")]
    [DataRow("status IN ('a', 'b')", "status in ('a','b')")]
    public void Equal_meaning_gives_equal_canonical_form(string a, string b) => Assert.AreEqual(C(a), C(b));

    [TestMethod]
    [DataRow("'Abc'", "'abc'")]
    [DataRow("(a) + (b)", "a + b + 0")]
    [DataRow("'a  b'", "'a b'")]
    public void Different_meaning_stays_different(string a, string b) => Assert.AreNotEqual(C(a), C(b));

    [TestMethod]
    public void Parentheses_that_group_stay_and_redundant_ones_go() => Assert.AreEqual("(A+B)*C", C("((a)+(b))*(c)"));

    [TestMethod]
    [DataRow("0", true)]
    [DataRow("-1.5", true)]
    [DataRow("'it''s'", true)]
    [DataRow("CURRENT_TIMESTAMP", true)]
    [DataRow("datetime('now')", false)]
    [DataRow("'a' || 'b'", false)]
    public void Literals_are_recognised(string sql, bool literal) => Assert.AreEqual(literal, SqliteExpressionRules.Instance.IsLiteral(sql));
}
