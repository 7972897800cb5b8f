namespace DiffMigrate.IntegrationTests.Postgres;

public sealed partial class PostgresComparisonCorpus
{
    private const string IntX = """t.Column("x", SqlType.Int32).Nullable();""";
    private const string TextS = """t.Column("s", SqlType.Text).Nullable();""";

    /// <summary>Checks, generated columns and non-literal defaults: what the server stores, however it was spelled.</summary>
    private static Case[] ExpressionCases =>
    [
        // Checks.
        Table("check spacing", "x int, CONSTRAINT {t}_ck CHECK (x>0)", "", IntX + """t.Check("x > 0", "{t}_ck", exactName: true);""", Same),
        Table("check keyword case", "x int, CONSTRAINT {t}_ck CHECK (x IS NOT NULL)", "", IntX + """t.Check("x is not null", "{t}_ck", exactName: true);""", Same),
        Table("check redundant parentheses", "x int, CONSTRAINT {t}_ck CHECK (x > 0 AND x < 10)", "", IntX + """t.Check("((x > 0) AND (x < 10))", "{t}_ck", exactName: true);""", Same),
        Table("check double parentheses", "x int, CONSTRAINT {t}_ck CHECK ((x > 0))", "", IntX + """t.Check("x > 0", "{t}_ck", exactName: true);""", Same),
        Table("check text cast added by server", "s text, CONSTRAINT {t}_ck CHECK (s <> '')", "", TextS + """t.Check("s <> ''::text", "{t}_ck", exactName: true);""", Same),
        Table("check varchar casts added by server", "v varchar(10), CONSTRAINT {t}_ck CHECK (v <> '')", "",
            """t.Column("v", SqlType.String(10)).Nullable(); t.Check("v <> ''", "{t}_ck", exactName: true);""", Same),
        Table("check date literal cast", "d date, CONSTRAINT {t}_ck CHECK (d > '2020-01-01')", "",
            """t.Column("d", SqlType.Date).Nullable(); t.Check("d > DATE '2020-01-01'", "{t}_ck", exactName: true);""", Same),
        Table("check != vs <>", "x int, CONSTRAINT {t}_ck CHECK (x != 0)", "", IntX + """t.Check("x <> 0", "{t}_ck", exactName: true);""", Same),
        Table("check BETWEEN vs >= AND <=", "x int, CONSTRAINT {t}_ck CHECK (x BETWEEN 1 AND 10)", "", IntX + """t.Check("x >= 1 AND x <= 10", "{t}_ck", exactName: true);""", Same),
        Table("check BETWEEN vs BETWEEN", "x int, CONSTRAINT {t}_ck CHECK (x >= 1 AND x <= 10)", "", IntX + """t.Check("x between 1 and 10", "{t}_ck", exactName: true);""", Same),
        Table("check BETWEEN other bound", "x int, CONSTRAINT {t}_ck CHECK (x BETWEEN 1 AND 10)", "", IntX + """t.Check("x BETWEEN 1 AND 11", "{t}_ck", exactName: true);""", Differ),
        Table("check IN list spelled", "s text, CONSTRAINT {t}_ck CHECK (s IN ('a','b'))", "", TextS + """t.Check("s in ('a', 'b')", "{t}_ck", exactName: true);""", Same),
        Table("check IN list value changed", "s text, CONSTRAINT {t}_ck CHECK (s IN ('a', 'b'))", "", TextS + """t.Check("s IN ('a', 'c')", "{t}_ck", exactName: true);""", Differ),
        Table("check IN list value added", "s text, CONSTRAINT {t}_ck CHECK (s IN ('a', 'b'))", "", TextS + """t.Check("s IN ('a', 'b', 'c')", "{t}_ck", exactName: true);""", Differ),
        Table("check LIKE", "s text, CONSTRAINT {t}_ck CHECK (s LIKE 'a%')", "", TextS + """t.Check("s like 'a%'", "{t}_ck", exactName: true);""", Same),
        Table("check LIKE vs ILIKE", "s text, CONSTRAINT {t}_ck CHECK (s LIKE 'a%')", "", TextS + """t.Check("s ILIKE 'a%'", "{t}_ck", exactName: true);""", Differ),
        Table("check LIKE other pattern", "s text, CONSTRAINT {t}_ck CHECK (s LIKE 'a%')", "", TextS + """t.Check("s LIKE 'b%'", "{t}_ck", exactName: true);""", Differ),
        Table("check IS NULL OR", "x int, CONSTRAINT {t}_ck CHECK (x IS NULL OR x > 0)", "", IntX + """t.Check("(x is null) or (x > 0)", "{t}_ck", exactName: true);""", Same),
        Table("check IS NULL vs IS NOT NULL", "x int, CONSTRAINT {t}_ck CHECK (x IS NULL)", "", IntX + """t.Check("x IS NOT NULL", "{t}_ck", exactName: true);""", Differ),
        Table("check NOT with parentheses", "x int, CONSTRAINT {t}_ck CHECK (NOT (x > 0))", "", IntX + """t.Check("not x > 0", "{t}_ck", exactName: true);""", Same),
        Table("check AND OR precedence", "x int, y int, CONSTRAINT {t}_ck CHECK (x > 0 OR y > 0 AND x < 5)", "",
            IntX + """t.Column("y", SqlType.Int32).Nullable(); t.Check("x > 0 OR (y > 0 AND x < 5)", "{t}_ck", exactName: true);""", Same),
        Table("check AND OR grouping changed", "x int, y int, CONSTRAINT {t}_ck CHECK (x > 0 OR y > 0 AND x < 5)", "",
            IntX + """t.Column("y", SqlType.Int32).Nullable(); t.Check("(x > 0 OR y > 0) AND x < 5", "{t}_ck", exactName: true);""", Differ),
        Table("check function case", "s text, CONSTRAINT {t}_ck CHECK (length(s) > 2)", "", TextS + """t.Check("LENGTH(s)>2", "{t}_ck", exactName: true);""", Same),
        Table("check > vs >=", "x int, CONSTRAINT {t}_ck CHECK (x > 0)", "", IntX + """t.Check("x >= 0", "{t}_ck", exactName: true);""", Differ),
        Table("check same name other constant", "x int, CONSTRAINT {t}_ck CHECK (x > 0)", "", IntX + """t.Check("x > 1", "{t}_ck", exactName: true);""", Differ),
        Table("check named by convention", "x int, CONSTRAINT ck_{t}_positive CHECK (x > 0)", "", IntX + """t.Check("x > 0", "positive");""", Same),
        Table("check same expression other name", "x int, CONSTRAINT {t}_ck CHECK (x > 0)", "", IntX + """t.Check("x > 0", "{t}_ck2", exactName: true);""", Differ),
        Table("check added", "x int", "", IntX + """t.Check("x > 0", "{t}_ck", exactName: true);""", Differ),
        Table("check removed", "x int, CONSTRAINT {t}_ck CHECK (x > 0)", "", IntX, Differ),

        // Generated (stored computed) columns.
        Table("generated spacing", "x int, y int GENERATED ALWAYS AS (x * 2) STORED", "", IntX + """t.Column("y", SqlType.Int32).Nullable().Computed("x*2");""", Same),
        Table("generated parentheses", "x int, y int GENERATED ALWAYS AS ((x + 1) * 2) STORED", "", IntX + """t.Column("y", SqlType.Int32).Nullable().Computed("((x + 1)) * 2");""", Same),
        Table("generated function case", "s text, g text GENERATED ALWAYS AS (lower(s)) STORED", "", TextS + """t.Column("g", SqlType.Text).Nullable().Computed("LOWER(s)");""", Same),
        Table("generated concat cast added by server", "s text, g text GENERATED ALWAYS AS (s || '-') STORED", "", TextS + """t.Column("g", SqlType.Text).Nullable().Computed("s || '-'::text");""", Same),
        Table("generated varchar cast added by server", "v varchar(10), g text GENERATED ALWAYS AS (upper(v)) STORED", "",
            """t.Column("v", SqlType.String(10)).Nullable(); t.Column("g", SqlType.Text).Nullable().Computed("upper(v)");""", Same),
        Table("generated different expression", "x int, y int GENERATED ALWAYS AS (x + 1) STORED", "", IntX + """t.Column("y", SqlType.Int32).Nullable().Computed("x + 2");""", Differ),
        Table("generated other function", "s text, g text GENERATED ALWAYS AS (lower(s)) STORED", "", TextS + """t.Column("g", SqlType.Text).Nullable().Computed("upper(s)");""", Differ),
        Table("generated added", "x int, y int", "", IntX + """t.Column("y", SqlType.Int32).Nullable().Computed("x * 2");""", Differ),
        Table("generated removed", "x int, y int GENERATED ALWAYS AS (x * 2) STORED", "", IntX + """t.Column("y", SqlType.Int32).Nullable();""", Differ),

        // Non-literal defaults.
        Column("now() vs CURRENT_TIMESTAMP", "timestamptz DEFAULT now()", """t.Column("x", SqlType.DateTimeOffset).Nullable().Default("CURRENT_TIMESTAMP");""", Same),
        Column("CURRENT_TIMESTAMP vs now()", "timestamptz DEFAULT CURRENT_TIMESTAMP", """t.Column("x", SqlType.DateTimeOffset).Nullable().Default("now()");""", Same),
        Column("transaction_timestamp() vs now()", "timestamptz DEFAULT transaction_timestamp()", """t.Column("x", SqlType.DateTimeOffset).Nullable().Default("now()");""", Same),
        Column("now() vs statement_timestamp()", "timestamptz DEFAULT now()", """t.Column("x", SqlType.DateTimeOffset).Nullable().Default("statement_timestamp()");""", Differ),
        Column("now() vs clock_timestamp()", "timestamptz DEFAULT now()", """t.Column("x", SqlType.DateTimeOffset).Nullable().Default("clock_timestamp()");""", Differ),
        Column("LOCALTIMESTAMP spelled", "timestamp DEFAULT LOCALTIMESTAMP", """t.Column("x", SqlType.DateTime).Nullable().Default("localtimestamp");""", Same),
        Column("LOCALTIMESTAMP vs LOCALTIMESTAMP(0)", "timestamp DEFAULT LOCALTIMESTAMP", """t.Column("x", SqlType.DateTime).Nullable().Default("LOCALTIMESTAMP(0)");""", Differ),
        Column("CURRENT_DATE spelled", "date DEFAULT CURRENT_DATE", """t.Column("x", SqlType.Date).Nullable().Default("current_date");""", Same),
        Column("gen_random_uuid() spelled", "uuid DEFAULT gen_random_uuid()", """t.Column("x", SqlType.Uuid).Nullable().Default("GEN_RANDOM_UUID()");""", Same),
        Column("gen_random_uuid() removed", "uuid DEFAULT gen_random_uuid()", """t.Column("x", SqlType.Uuid).Nullable();""", Differ),
        Column("gen_random_uuid() added", "uuid", """t.Column("x", SqlType.Uuid).Nullable().Default("gen_random_uuid()");""", Differ),
        Column("nextval with and without regclass cast", "bigint DEFAULT nextval('{t}_seq')", """t.Column("x", SqlType.Int64).Nullable().Default("nextval('{t}_seq'::regclass)");""", Same,
            before: "CREATE SEQUENCE {t}_seq;", modelBefore: """b.Sequence("{t}_seq");"""),
        Column("nextval spelled by the server", "bigint DEFAULT nextval('{t}_seq'::regclass)", """t.Column("x", SqlType.Int64).Nullable().Default("nextval('{t}_seq')");""", Same,
            before: "CREATE SEQUENCE {t}_seq;", modelBefore: """b.Sequence("{t}_seq");"""),
        Column("nextval of another sequence", "bigint DEFAULT nextval('{t}_seq')", """t.Column("x", SqlType.Int64).Nullable().Default("nextval('{t}_seq2')");""", Differ,
            before: "CREATE SEQUENCE {t}_seq; CREATE SEQUENCE {t}_seq2;", modelBefore: """b.Sequence("{t}_seq"); b.Sequence("{t}_seq2");"""),
        Column("CURRENT_USER spelled", "text DEFAULT CURRENT_USER", """t.Column("x", SqlType.Text).Nullable().Default("current_user");""", Same),
        Column("CURRENT_USER vs SESSION_USER", "text DEFAULT CURRENT_USER", """t.Column("x", SqlType.Text).Nullable().Default("SESSION_USER");""", Differ),
        Column("now()::date vs CAST", "date DEFAULT now()::date", """t.Column("x", SqlType.Date).Nullable().Default("CAST(now() AS date)");""", Same),
        Column("to_char with cast added by server", "text DEFAULT to_char(now(), 'YYYY')", """t.Column("x", SqlType.Text).Nullable().Default("to_char(now(), 'YYYY'::text)");""", Same),
        Column("to_char other format", "text DEFAULT to_char(now(), 'YYYY')", """t.Column("x", SqlType.Text).Nullable().Default("to_char(now(), 'YY')");""", Differ),
        Column("now() plus interval spelled", "timestamptz DEFAULT (now() + '1 day'::interval)", """t.Column("x", SqlType.DateTimeOffset).Nullable().Default("now() + interval '1 day'");""", Same),
        Column("now() plus other interval", "timestamptz DEFAULT (now() + '1 day'::interval)", """t.Column("x", SqlType.DateTimeOffset).Nullable().Default("now() + interval '2 days'");""", Differ),
        Column("random() changed", "double precision DEFAULT random()", """t.Column("x", SqlType.Double).Nullable().Default("random() * 2");""", Differ),
        Column("random() spelled", "double precision DEFAULT random()", """t.Column("x", SqlType.Double).Nullable().Default("RANDOM()");""", Same),
    ];
}
