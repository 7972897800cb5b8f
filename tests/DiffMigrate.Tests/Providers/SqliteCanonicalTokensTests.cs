using DiffMigrate.Providers.Sqlite;

namespace DiffMigrate.Tests.Providers;

/// <summary>SQLite expressions compare as SQLite's tokens, and a quoted number as a default by the column's affinity.</summary>
[TestClass]
public sealed class SqliteCanonicalTokensTests
{
    private static string C(string sql) => SqliteExpressionRules.Instance.Canonical(sql);

    private static string D(string sql, SqlType type) => SqliteExpressionRules.Instance.CanonicalDefault(sql, type);

    [TestMethod]
    [DataRow("x>0", "x > 0")]
    [DataRow("bar*5", "bar * 5")]
    [DataRow("((x>0))", "x > 0")]
    [DataRow("x IS NOT NULL", "x   is not\nnull")]
    [DataRow("x > 0 -- positive", "x > 0")]
    public void Spelling_sqlite_ignores_compares_equal(string a, string b) => Assert.AreEqual(C(a), C(b));

    [TestMethod]
    [DataRow("x > 0", "x >= 0")]
    [DataRow("'a'", "'A'")]
    [DataRow("x IS NOT NULL", "xIS NOT NULL")]
    [DataRow("(x > 0) OR (y > 0)", "x > (0 OR y) > 0")]
    public void Different_tokens_compare_different(string a, string b) => Assert.AreNotEqual(C(a), C(b));

    [TestMethod]
    public void A_quoted_number_is_a_number_only_where_the_affinity_is_numeric()
    {
        Assert.AreEqual(D("5", SqlType.Int32), D("'5'", SqlType.Int32));
        Assert.AreEqual(D("2.5", SqlType.Double), D("'2.5'", SqlType.Double));
        Assert.AreEqual(D("1", SqlType.Decimal(10, 2)), D("'1'", SqlType.Decimal(10, 2)));
        // TEXT affinity stores the number 5 as the text '5' (sqlite3: typeof 'text', quote '5').
        Assert.AreEqual(D("5", SqlType.Text), D("'5'", SqlType.Text));
        Assert.AreEqual(D("5", SqlType.String(10)), D("'5'", SqlType.String(10)));
        Assert.AreNotEqual(D("5.0", SqlType.Text), D("'5'", SqlType.Text));
        Assert.AreNotEqual(D("5", SqlType.Binary(null)), D("'5'", SqlType.Binary(null)));
        Assert.AreNotEqual(D("0", SqlType.Int32), D("'five'", SqlType.Int32));
        // Numeric affinity reads text with spaces around a number as the number (sqlite3: ' 5' is integer 5).
        Assert.AreEqual(D("5", SqlType.Int32), D("' 5'", SqlType.Int32));
        Assert.AreNotEqual(D("5", SqlType.Int32), D("' 5x'", SqlType.Int32));
    }
}
