using DiffMigrate.Providers.Postgres;

namespace DiffMigrate.Tests.Providers;

/// <summary>Which defaults are constants the server may evaluate to compare values: decided by tokens, never by a guess.</summary>
[TestClass]
public sealed class PostgresConstantsTests
{
    [TestMethod]
    [DataRow("5")]
    [DataRow("5.0")]
    [DataRow("-1.5e3")]
    [DataRow(".5")]
    [DataRow("'x'")]
    [DataRow("'it''s'")]
    [DataRow("E'a\\'b'")]
    [DataRow("B'101'")]
    [DataRow("X'1F'")]
    [DataRow("true")]
    [DataRow("FALSE")]
    [DataRow("NULL")]
    [DataRow("'{}'::text[]")]
    [DataRow("ARRAY[]::text[]")]
    [DataRow("ARRAY[1, 2]")]
    [DataRow("ARRAY[[1, 2], [3, 4]]::integer[][]")]
    [DataRow("ARRAY['a'::character varying, 'b'::character varying]")]
    [DataRow("DATE '2020-01-01'")]
    [DataRow("timestamp with time zone '2020-01-01 10:00+02'")]
    [DataRow("INTERVAL '1 day'")]
    [DataRow("jsonb '{\"a\": 1}'")]
    [DataRow("'2020-01-01'::date")]
    [DataRow("'2020-01-01 10:00'::timestamp(3) without time zone")]
    [DataRow("'1.5'::numeric(10,2)")]
    [DataRow("'x'::\"My Type\"")]
    [DataRow("'a'::audit.mood")]
    [DataRow("(-(1.5))::double precision")]
    [DataRow("'x'::character varying(20)")]
    [DataRow("((5))")]
    [DataRow("(1, 'a')")]
    [DataRow("  - 1  ")]
    public void A_literal_typed_or_cast_is_constant(string sql) => Assert.IsTrue(PostgresConstants.IsConstant(sql), sql);

    [TestMethod]
    [DataRow("now()")]
    [DataRow("CURRENT_TIMESTAMP")]
    [DataRow("current_date")]
    [DataRow("nextval('s'::regclass)")]
    [DataRow("random()")]
    [DataRow("my_func(1)")]
    [DataRow("public.my_func()")]
    [DataRow("CAST('1' AS integer)")]
    [DataRow("1 + 2")]
    [DataRow("'a' || 'b'")]
    [DataRow("x")]
    [DataRow("\"x\"")]
    [DataRow("ARRAY(SELECT 1)")]
    [DataRow("(SELECT 1)")]
    [DataRow("'x'::text COLLATE \"C\"")]
    [DataRow("(now() AT TIME ZONE 'utc')")]
    [DataRow("'2020-01-01'::timestamp AT TIME ZONE 'utc'")]
    [DataRow("1; DROP TABLE t")]
    [DataRow("1 -- comment")]
    [DataRow("1 /* comment */")]
    [DataRow("$$x$$")]
    [DataRow("$tag$x$tag$")]
    [DataRow("1\u2028")]
    [DataRow("'x'\u2029::text")]
    [DataRow("'unterminated")]
    [DataRow("(1")]
    [DataRow("1)")]
    [DataRow("")]
    [DataRow("5abc")]
    [DataRow("U&'\\0041'")]
    [DataRow("1::int + 2")]
    [DataRow("-x")]
    [DataRow("ARRAY[now()]")]
    [DataRow("ARRAY[1, x]")]
    public void Anything_that_could_call_a_function_or_read_a_name_is_not(string sql) => Assert.IsFalse(PostgresConstants.IsConstant(sql), sql);

    [TestMethod]
    public void Deep_nesting_is_refused_not_overflowed()
    {
        Assert.IsFalse(PostgresConstants.IsConstant(new string('(', 10_000) + "1" + new string(')', 10_000)));
        Assert.IsTrue(PostgresConstants.IsConstant(new string('(', 20) + "1" + new string(')', 20)));
    }
}
