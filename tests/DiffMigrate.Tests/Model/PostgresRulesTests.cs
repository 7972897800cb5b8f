using DiffMigrate.Providers.Postgres;

namespace DiffMigrate.Tests.Model;

/// <summary>The built-in PostgreSQL normaliser (used when the server cannot canonicalise) and the type map.</summary>
[TestClass]
public sealed class PostgresRulesTests
{
    private static string C(string sql) => PostgresExpressionRules.Instance.Canonical(sql);

    [TestMethod]
    [DataRow("'x'", "'x'::text")]
    [DataRow("'x'", "'x'::character varying")]
    [DataRow("0", "'0'::numeric")]
    [DataRow("-1", "(-1)")]
    [DataRow("now()", "CURRENT_TIMESTAMP")]
    [DataRow("price >= 0", "(price >= (0)::numeric)")]
    [DataRow("lower(title)", "LOWER(title)")]
    [DataRow("'2020-01-01'", "'2020-01-01'::timestamp without time zone")]
    [DataRow("status = 'a'", "(status = 'a'::text)")]
    [DataRow("'{}'", "'{}'::integer[]")]
    public void Equal_meaning_gives_equal_canonical_form(string a, string b) => Assert.AreEqual(C(a), C(b));

    [TestMethod]
    [DataRow("'x'", "'y'::text")]
    [DataRow("lower(title)", "upper(title)")]
    [DataRow("a + b * c", "(a + b) * c")]
    [DataRow("'0'", "1")]
    public void Different_meaning_stays_different(string a, string b) => Assert.AreNotEqual(C(a), C(b));

    [TestMethod]
    public void A_function_call_keeps_its_parentheses() => Assert.AreEqual("LOWER(TITLE)", C("lower((title))"));

    [TestMethod]
    [DataRow("character varying(20)", "varchar(20)")]
    [DataRow("timestamp with time zone", "timestamptz")]
    [DataRow("integer[]", "int[]")]
    [DataRow("integer[]", "INT4[]")]
    [DataRow("character varying(20)[]", "varchar(20)[]")]
    [DataRow("double precision", "float8")]
    [DataRow("CITEXT", "citext")]
    public void Type_aliases_parse_to_one_type(string a, string b) =>
        Assert.AreEqual(PostgresTypeMap.Instance.Parse(a), PostgresTypeMap.Instance.Parse(b));

    [TestMethod]
    public void Every_neutral_type_reads_back_as_itself()
    {
        SqlType[] types = [SqlType.Int16, SqlType.Int32, SqlType.Int64, SqlType.Decimal(10, 2), SqlType.Decimal(), SqlType.Single, SqlType.Double,
            SqlType.Boolean, SqlType.String(20), SqlType.String(), SqlType.FixedChar(3), SqlType.Text, SqlType.Binary(), SqlType.Date, SqlType.Time,
            SqlType.DateTime, SqlType.DateTimeOffset, SqlType.Uuid, SqlType.Json];
        foreach (var type in types) Assert.AreEqual(type, PostgresTypeMap.Instance.Normalize(type), type.ToString());
    }

    [TestMethod]
    public void Enums_compare_by_name_without_the_default_schema()
    {
        var map = PostgresTypeMap.Instance;
        Assert.AreEqual(map.Normalize(SqlType.Enum("mood", "a")), map.Normalize(SqlType.Enum("public.mood", "a", "b")));
        Assert.AreNotEqual(map.Normalize(SqlType.Enum("mood", "a")), map.Normalize(SqlType.Enum("audit.mood", "a")));
        Assert.AreEqual("audit.\"Level\"", map.ToSql(SqlType.Enum("audit.Level", "x")));
    }
}
