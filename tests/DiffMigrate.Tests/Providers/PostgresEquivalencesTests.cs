using DiffMigrate.Providers.Postgres;

namespace DiffMigrate.Tests.Providers;

/// <summary>
/// The closed list of spellings PostgreSQL prints two ways for one meaning, each rule both ways: its two spellings
/// compare the same, and a near miss still compares different.
/// </summary>
[TestClass]
public sealed class PostgresEquivalencesTests
{
    private static string C(string sql) => PostgresExpressionRules.Instance.Canonical(sql);

    [TestMethod]
    // timezone(zone, x) and x AT TIME ZONE zone (PostgreSQL 15 prints the first as written, 16+ the second).
    [DataRow("timezone('utc'::text, now())", "(now() AT TIME ZONE 'utc'::text)")]
    [DataRow("timezone('utc', now())", "now() at time zone 'utc'")]
    [DataRow("timezone('utc'::text, x) > '2020-01-01 00:00:00'::timestamp without time zone", "(x AT TIME ZONE 'utc'::text) > '2020-01-01 00:00:00'::timestamp without time zone")]
    [DataRow("timezone('Europe/Paris'::text, (created_at + '1 day'::interval))", "((created_at + '1 day'::interval) AT TIME ZONE 'Europe/Paris'::text)")]
    // IN lists and = ANY (ARRAY[...]), with the casts the server adds on a varchar column.
    [DataRow("status IN ('a', 'b')", "status = ANY (ARRAY['a'::text, 'b'::text])")]
    [DataRow("(status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])", "(status)::text = ANY (ARRAY['a'::text, 'b'::text])")]
    [DataRow("status::text = ANY (ARRAY['a'::character varying, 'b'::character varying]::text[])", "((status)::text = ANY (ARRAY['a'::text, 'b'::text]))")]
    [DataRow("status NOT IN ('a', 'b')", "status <> ALL (ARRAY['a'::text, 'b'::text])")]
    [DataRow("status IN ('a')", "status = 'a'::text")]
    [DataRow("x > 0 AND status IN ('a', 'b')", "x > 0 AND status = ANY (ARRAY['a', 'b'])")]
    [DataRow("n IN (1, 2)", "n = ANY (ARRAY[1, 2])")]
    // Empty arrays as a constructor and as a literal.
    [DataRow("ARRAY[]::text[]", "'{}'::text[]")]
    [DataRow("ARRAY[]::integer[]", "'{}'::integer[]")]
    [DataRow("(ARRAY[])::character varying(20)[]", "'{}'::character varying(20)[]")]
    // An array literal of plain elements and the constructor the server prints for a list.
    [DataRow("u = ANY ('{a,b}'::text[])", "u = ANY (ARRAY['a'::text, 'b'::text])")]
    [DataRow("'{a,b}'::text[]", "ARRAY['a', 'b']::text[]")]
    public void Equivalent_spellings_compare_the_same(string a, string b) => Assert.AreEqual(C(a), C(b), $"{C(a)} vs {C(b)}");

    [TestMethod]
    [DataRow("timezone('utc'::text, now())", "(now() AT TIME ZONE 'UTC'::text)")]
    [DataRow("timezone('utc', now())", "(clock_timestamp() AT TIME ZONE 'utc')")]
    [DataRow("timezone('utc', x, y)", "(y AT TIME ZONE 'utc')")]
    [DataRow("status IN ('a', 'b')", "status = ANY (ARRAY['a', 'c'])")]
    [DataRow("status IN ('a', 'b')", "status <> ALL (ARRAY['a', 'b'])")]
    [DataRow("status NOT IN ('a', 'b')", "status = ANY (ARRAY['a', 'b'])")]
    [DataRow("status IN ('a', 'b')", "status = ANY (ARRAY['a', 'b', 'c'])")]
    [DataRow("status IN ('a')", "status = ANY (ARRAY['a', 'b'])")]
    [DataRow("(status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])", "(status)::text = ANY (ARRAY['a'::text, 'B'::text])")]
    [DataRow("status IN (SELECT 'a')", "status = ANY (ARRAY['a'])")]
    [DataRow("ARRAY[]::text[]", "'{a}'::text[]")]
    [DataRow("ARRAY[]::text[]", "ARRAY['']::text[]")]
    [DataRow("u = ANY ('{a,b}'::text[])", "u = ANY (ARRAY['a'::text, 'c'::text])")]
    [DataRow("'{a,NULL}'::text[]", "ARRAY['a', 'NULL']::text[]")]
    [DataRow("'{\"a b\",c}'::text[]", "ARRAY['a b', 'c']")]
    [DataRow("u = ANY ('{A,b}'::text[])", "u = ANY (ARRAY['a'::text, 'b'::text])")]
    public void A_near_miss_stays_different(string a, string b) => Assert.AreNotEqual(C(a), C(b), $"{C(a)} vs {C(b)}");
}
