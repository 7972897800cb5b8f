using DiffMigrate.Providers.Sqlite;
using Microsoft.Data.Sqlite;

namespace DiffMigrate.Tests.Providers;

/// <summary>
/// SQLite defaults compare as the value a row gets: each pair is checked against the library itself (a table with
/// each default, a row of defaults, typeof() and quote() of both), and the comparison must agree, both ways.
/// </summary>
[TestClass]
public sealed class SqliteStoredValueTests
{
    /// <summary>(declared type, neutral type, a default, another default).</summary>
    private static readonly (string Declared, SqlType Type, string A, string B)[] Pairs =
    [
        ("REAL", SqlType.Single, "5", "5.0"),
        ("REAL", SqlType.Single, "'5'", "5.0"),
        ("REAL", SqlType.Single, "5", "5.5"),
        ("DOUBLE", SqlType.Double, "-0", "0.0"),
        ("DOUBLE", SqlType.Double, "1e2", "100"),
        ("INTEGER", SqlType.Int32, "'5.0'", "5"),
        ("INTEGER", SqlType.Int32, "5.0", "5"),
        ("INTEGER", SqlType.Int32, "' 5'", "5"),
        ("INTEGER", SqlType.Int32, "'+5'", "5"),
        ("INTEGER", SqlType.Int32, "'-5'", "-5"),
        ("INTEGER", SqlType.Int32, "(-5)", "-5"),
        ("INTEGER", SqlType.Int32, "'1e2'", "100"),
        ("INTEGER", SqlType.Int32, "5.5", "'5.5'"),
        ("INTEGER", SqlType.Int32, "5.5", "5"),
        ("INTEGER", SqlType.Int32, "'0x10'", "16"),
        ("INTEGER", SqlType.Int32, "'five'", "0"),
        ("INTEGER", SqlType.Int32, "TRUE", "1"),
        ("INTEGER", SqlType.Int32, "FALSE", "1"),
        ("BOOLEAN", SqlType.Boolean, "TRUE", "1"),
        ("BOOLEAN", SqlType.Boolean, "'1'", "1"),
        ("NUMERIC(10, 2)", SqlType.Decimal(10, 2), "1.50", "1.5"),
        ("NUMERIC(10, 2)", SqlType.Decimal(10, 2), "'1.50'", "1.5"),
        ("NUMERIC(10, 2)", SqlType.Decimal(10, 2), "5.0", "5"),
        ("NUMERIC(10, 2)", SqlType.Decimal(10, 2), "1.5", "1.51"),
        ("TEXT", SqlType.Text, "5", "'5'"),
        ("TEXT", SqlType.Text, "05", "'5'"),
        ("TEXT", SqlType.Text, "5.0", "'5'"),
        ("TEXT", SqlType.Text, "5.0", "'5.0'"),
        ("TEXT", SqlType.Text, "1.50", "'1.5'"),
        ("TEXT", SqlType.Text, "1.50", "'1.50'"),
        ("TEXT", SqlType.Text, "1e2", "'100.0'"),
        ("TEXT", SqlType.Text, "-5", "'-5'"),
        ("TEXT", SqlType.Text, "TRUE", "'1'"),
        ("TEXT", SqlType.Text, "'a'", "'A'"),
        ("VARCHAR(20)", SqlType.String(20), "5", "'5'"),
        ("VARCHAR(20)", SqlType.String(20), "5", "'5 '"),
        ("BLOB", SqlType.Binary(), "5", "'5'"),
        ("BLOB", SqlType.Binary(), "5.0", "5"),
        ("BLOB", SqlType.Binary(), "1.50", "1.5"),
        ("DATETIME", SqlType.DateTime, "'2020-01-01'", "'2020-01-01 00:00:00'"),
    ];

    public static IEnumerable<object[]> Cases => Pairs.Select((p, i) => new object[] { i, $"{p.Declared} DEFAULT {p.A} vs {p.B}" });

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void The_comparison_agrees_with_what_sqlite_stores(int index, string name)
    {
        var (declared, type, a, b) = Pairs[index];
        Assert.AreEqual(declared, SqliteTypeMap.Instance.ToSql(type), "the premise: the neutral type is declared so");
        var stored = Stored(declared, a) == Stored(declared, b);
        var compared = SqliteExpressionRules.Instance.CanonicalDefault(a, type) == SqliteExpressionRules.Instance.CanonicalDefault(b, type);
        Assert.AreEqual(stored, compared, $"{name}: SQLite stores {Stored(declared, a)} and {Stored(declared, b)}");
    }

    [TestMethod]
    public void Both_verdicts_are_covered()
    {
        var verdicts = Pairs.Select(p => Stored(p.Declared, p.A) == Stored(p.Declared, p.B)).ToList();
        Assert.IsGreaterThanOrEqualTo(10, verdicts.Count(v => v));
        Assert.IsGreaterThanOrEqualTo(10, verdicts.Count(v => !v));
    }

    /// <summary>typeof and quote of the value a row gets from <c>DEFAULT <paramref name="sql"/></c> in a column declared <paramref name="declared"/>.</summary>
    private static string Stored(string declared, string sql)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TABLE t (k INTEGER PRIMARY KEY, v {declared} DEFAULT {sql}); INSERT INTO t (k) VALUES (1); SELECT typeof(v) || ' ' || quote(v) FROM t;";
        return (string)command.ExecuteScalar()!;
    }
}
