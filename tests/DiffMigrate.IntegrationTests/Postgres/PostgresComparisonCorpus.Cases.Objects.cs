namespace DiffMigrate.IntegrationTests.Postgres;

public sealed partial class PostgresComparisonCorpus
{
    // Domains are compared: the model declares the one its case's column uses (its check spelled otherwise).
    private const string PositiveDomain = """b.Domain("{t}_posint", SqlType.Int32, checks: [new CheckConstraint(null, "(value > 0)")]);""";

    /// <summary>Less common types (domains, arrays of enums, internal types), names in other schemas and quoted names, more expressions.</summary>
    private static Case[] ObjectCases =>
    [
        // Types a real schema also uses.
        Column("\"char\" vs FixedChar(1)", "\"char\"", """t.Column("x", SqlType.FixedChar(1)).Nullable();""", Differ),
        Column("character varying vs String()", "character varying", """t.Column("x", SqlType.String()).Nullable();""", Same),
        Column("numeric(10,2)[] vs Raw", "numeric(10,2)[]", """t.Column("x", SqlType.Raw("decimal(10, 2)[]")).Nullable();""", Same),
        Column("float8[] vs Raw double precision[]", "float8[]", """t.Column("x", SqlType.Raw("double precision[]")).Nullable();""", Same),
        Column("timetz vs Raw time with time zone", "timetz", """t.Column("x", SqlType.Raw("time with time zone")).Nullable();""", Same),
        Column("interval(3) vs Raw interval(3)", "interval(3)", """t.Column("x", SqlType.Raw("interval(3)")).Nullable();""", Same),
        Column("bit(3) vs Raw bit(3)", "bit(3)", """t.Column("x", SqlType.Raw("bit(3)")).Nullable();""", Same),
        Column("bit(3) vs Raw bit(4)", "bit(3)", """t.Column("x", SqlType.Raw("bit(4)")).Nullable();""", Differ),
        Column("int4range vs Raw", "int4range", """t.Column("x", SqlType.Raw("int4range")).Nullable();""", Same),
        Column("xml vs Raw", "xml", """t.Column("x", SqlType.Raw("xml")).Nullable();""", Same),
        Column("domain vs Raw domain", "{t}_posint", """t.Column("x", SqlType.Raw("{t}_posint")).Nullable();""", Same,
            before: "CREATE DOMAIN {t}_posint AS int CHECK (VALUE > 0);", modelBefore: PositiveDomain),
        Column("domain vs its base type", "{t}_posint", """t.Column("x", SqlType.Int32).Nullable();""", Differ,
            before: "CREATE DOMAIN {t}_posint AS int CHECK (VALUE > 0);", modelBefore: PositiveDomain),
        Column("enum array vs Raw", "{t}_mood[]", """t.Column("x", SqlType.Raw("{t}_mood[]")).Nullable();""", Same,
            before: "CREATE TYPE {t}_mood AS ENUM ('sad', 'happy');", modelBefore: Mood),

        // Names: another schema, quoted capitals.
        new("table in another schema", "CREATE SCHEMA {t}_s; CREATE TABLE {t}_s.{t} (id int CONSTRAINT {t}_pkey PRIMARY KEY, x text);",
            """b.Table(new QualifiedName("{t}_s", "{t}"), t => { t.Column("id", SqlType.Int32); t.PrimaryKey(["id"], "{t}_pkey"); t.Column("x", SqlType.Text).Nullable(); });""", Same),
        new("table in another schema column type", "CREATE SCHEMA {t}_s; CREATE TABLE {t}_s.{t} (id int CONSTRAINT {t}_pkey PRIMARY KEY, x text);",
            """b.Table(new QualifiedName("{t}_s", "{t}"), t => { t.Column("id", SqlType.Int32); t.PrimaryKey(["id"], "{t}_pkey"); t.Column("x", SqlType.String(5)).Nullable(); });""", Differ),
        Table("quoted column with capitals", "\"Amount\" int", "", """t.Column("Amount", SqlType.Int32).Nullable();""", Same),
        Table("quoted column vs folded column", "amount int", "", """t.Column("Amount", SqlType.Int32).Nullable();""", Differ),

        // More checks.
        Column("check on an enum column", "{t}_mood CONSTRAINT {t}_ck CHECK (x <> 'sad')",
            """t.Column("x", SqlType.Enum("{t}_mood", "sad", "happy")).Nullable(); t.Check("x <> 'sad'::{t}_mood", "{t}_ck", exactName: true);""", Same,
            before: "CREATE TYPE {t}_mood AS ENUM ('sad', 'happy');", modelBefore: Mood),
        Table("check CASE", "x int, CONSTRAINT {t}_ck CHECK (CASE WHEN x > 10 THEN x < 100 ELSE true END)", "",
            IntX + """t.Check("case when x > 10 then x < 100 else true end", "{t}_ck", exactName: true);""", Same),
        Table("check COALESCE", "x int, CONSTRAINT {t}_ck CHECK (coalesce(x, 0) >= 0)", "", IntX + """t.Check("COALESCE(x, 0) >= 0", "{t}_ck", exactName: true);""", Same),
        Table("check regex", "s text, CONSTRAINT {t}_ck CHECK (s ~ '^[a-z]+$')", "", TextS + """t.Check("s ~ '^[a-z]+$'::text", "{t}_ck", exactName: true);""", Same),
        Table("check regex other pattern", "s text, CONSTRAINT {t}_ck CHECK (s ~ '^[a-z]+$')", "", TextS + """t.Check("s ~ '^[a-z]*$'", "{t}_ck", exactName: true);""", Differ),
        Table("check cast spelled", "x int, CONSTRAINT {t}_ck CHECK (x::text <> '')", "", IntX + """t.Check("CAST(x AS text) <> ''", "{t}_ck", exactName: true);""", Same),

        // More generated columns and defaults.
        Table("generated not null", "x int, y int GENERATED ALWAYS AS (x * 2) STORED NOT NULL", "", IntX + """t.Column("y", SqlType.Int32).Computed("x * 2");""", Same),
        Table("generated not null vs nullable", "x int, y int GENERATED ALWAYS AS (x * 2) STORED NOT NULL", "", IntX + """t.Column("y", SqlType.Int32).Nullable().Computed("x * 2");""", Differ),
        Table("generated CASE", "x int, y text GENERATED ALWAYS AS (CASE WHEN x > 0 THEN 'pos' ELSE 'neg' END) STORED", "",
            IntX + """t.Column("y", SqlType.Text).Nullable().Computed("case when x > 0 then 'pos'::text else 'neg'::text end");""", Same),
        Table("generated type changed", "x int, y int GENERATED ALWAYS AS (x * 2) STORED", "", IntX + """t.Column("y", SqlType.Int64).Nullable().Computed("x * 2");""", Differ),
        Column("lower(CURRENT_USER) cast added by server", "text DEFAULT lower(CURRENT_USER)", """t.Column("x", SqlType.Text).Nullable().Default("LOWER(current_user)");""", Same),
        Column("current_setting spelled", "text DEFAULT current_setting('application_name')", """t.Column("x", SqlType.Text).Nullable().Default("current_setting('application_name'::text)");""", Same),
        Column("CURRENT_TIMESTAMP(3) vs CURRENT_TIMESTAMP", "timestamptz DEFAULT CURRENT_TIMESTAMP(3)", """t.Column("x", SqlType.DateTimeOffset).Nullable().Default("CURRENT_TIMESTAMP");""", Differ),
        Column("CURRENT_DATE + 1 spelled", "date DEFAULT (CURRENT_DATE + 1)", """t.Column("x", SqlType.Date).Nullable().Default("current_date + 1");""", Same),
        Column("md5(random()::text) spelled", "text DEFAULT md5(random()::text)", """t.Column("x", SqlType.Text).Nullable().Default("md5(CAST(random() AS text))");""", Same),
        Column("volatile default on a not null column", "timestamptz NOT NULL DEFAULT now()", """t.Column("x", SqlType.DateTimeOffset).Default("now()");""", Same),

        // More keys.
        new("composite foreign key", "CREATE TABLE {t}_p (a int, b int, CONSTRAINT {t}_p_pkey PRIMARY KEY (a, b)); " +
            "CREATE TABLE {t} (id int CONSTRAINT {t}_pkey PRIMARY KEY, a int, b int, CONSTRAINT {t}_fk FOREIGN KEY (a, b) REFERENCES {t}_p (a, b));",
            """b.Table("{t}_p", t => { t.Column("a", SqlType.Int32); t.Column("b", SqlType.Int32); t.PrimaryKey(["a", "b"], "{t}_p_pkey"); });""" +
            """b.Table("{t}", t => { t.Column("id", SqlType.Int32); t.PrimaryKey(["id"], "{t}_pkey"); t.Column("a", SqlType.Int32).Nullable(); t.Column("b", SqlType.Int32).Nullable(); t.ForeignKey(["a", "b"], "{t}_p", ["a", "b"], name: "{t}_fk"); });""", Same),
        new("self-referencing foreign key", "CREATE TABLE {t} (id int CONSTRAINT {t}_pkey PRIMARY KEY, parent int CONSTRAINT {t}_fk REFERENCES {t} ON DELETE CASCADE);",
            """b.Table("{t}", t => { t.Column("id", SqlType.Int32); t.PrimaryKey(["id"], "{t}_pkey"); t.Column("parent", SqlType.Int32).Nullable(); t.ForeignKey(["parent"], "{t}", ["id"], onDelete: ReferentialAction.Cascade, name: "{t}_fk"); });""", Same),
        Fk("foreign key to a unique column", "CONSTRAINT {t}_fk FOREIGN KEY (pid) REFERENCES {t}_p (k)", """t.ForeignKey(["pid"], "{t}_p", ["k"], name: "{t}_fk");""", Same),
        Table("unique column order", "x int, y int, CONSTRAINT {t}_uq UNIQUE (x, y)", "", IntX + """t.Column("y", SqlType.Int32).Nullable(); t.Unique(["y", "x"], false, "{t}_uq");""", Differ),
    ];
}
