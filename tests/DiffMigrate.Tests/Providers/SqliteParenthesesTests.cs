using DiffMigrate.Providers.Sqlite;
using Microsoft.Data.Sqlite;

namespace DiffMigrate.Tests.Providers;

/// <summary>
/// Parentheses that SQLite's precedence makes redundant do not count, and SQLite itself is the judge: each pair the
/// rules call the same gives the same value on every row of a grid of values (NULLs included).
/// </summary>
[TestClass]
public sealed class SqliteParenthesesTests
{
    private static string C(string sql) => SqliteExpressionRules.Instance.Canonical(sql);

    public static IEnumerable<object[]> SamePairs =>
    [
        ["(x > 0) AND (y > 0)", "x > 0 AND y > 0"],
        ["(x > 0) OR (y IS NULL)", "x > 0 OR y IS NULL"],
        ["NOT (x = 1)", "NOT x = 1"],
        ["x = (1)", "x = 1"],
        ["(x) + (y) > 2", "x + y > 2"],
        ["(abs(x)) > 1", "abs(x) > 1"],
        ["((x > 0) AND ((y > 0)))", "x > 0 AND y > 0"],
        ["((x > 0 OR y > 0))", "x > 0 OR y > 0"],
        ["(x > 0 OR y > 0) AND (x < 5)", "(x > 0 OR y > 0) AND x < 5"],
        ["CASE WHEN (x > 0) THEN (y) ELSE (0) END = 1", "CASE WHEN x > 0 THEN y ELSE 0 END = 1"],
        ["coalesce((x), 0) > (1)", "coalesce(x, 0) > 1"],
        ["(x IS NOT NULL) AND (name LIKE 'a%')", "x IS NOT NULL AND name LIKE 'a%'"],
        ["x IN (1, (2))", "x IN (1, 2)"],
        ["-(5) < x", "-5 < x"],
    ];

    public static IEnumerable<object[]> DifferentPairs =>
    [
        ["(x > 0 OR y > 0) AND x < 5", "x > 0 OR y > 0 AND x < 5"],
        ["(x + y) * 2 > 0", "x + y * 2 > 0"],
        ["NOT (x > 0 AND y > 0)", "NOT x > 0 AND y > 0"],
        ["x - (y - 1) > 0", "x - y - 1 > 0"],
        ["(x, y) = (1, 2)", "x, y = 1, 2"],
        ["(x > 0) = (y > 0)", "x > 0 = y > 0"],
        ["x IN (1)", "x IN 1"],
    ];

    [TestMethod]
    [DynamicData(nameof(SamePairs))]
    public void Redundant_parentheses_compare_equal_and_sqlite_agrees(string a, string b)
    {
        Assert.AreEqual(C(a), C(b));
        Assert.AreEqual(Evaluate(a), Evaluate(b), "SQLite disagrees: the rule removed parentheses that mattered");
        // The canonical form is itself an expression SQLite evaluates the same way.
        Assert.AreEqual(Evaluate(a), Evaluate(C(a)));
    }

    [TestMethod]
    [DynamicData(nameof(DifferentPairs))]
    public void Parentheses_that_matter_are_kept(string a, string b) => Assert.AreNotEqual(C(a), C(b));

    [TestMethod]
    public void A_negated_negative_never_becomes_a_comment()
    {
        Assert.AreEqual(Evaluate("-(-5) = x"), Evaluate(C("-(-5) = x")));
        StringAssert.DoesNotMatch(C("-(-5) = x"), new System.Text.RegularExpressions.Regex("--"));
    }

    /// <summary>The expression's value on each row of a grid of x, y and name values, as one string.</summary>
    private static string Evaluate(string expression)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            WITH v(x) AS (VALUES (NULL), (-5), (0), (1), (2), (5), (7)),
                 n(name) AS (VALUES (NULL), ('a'), ('abc'), ('b'))
            SELECT group_concat(coalesce(quote(r), 'null'), ',') FROM (
                SELECT ({expression}) AS r FROM v CROSS JOIN (SELECT x AS y FROM v) CROSS JOIN n)
            """;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
