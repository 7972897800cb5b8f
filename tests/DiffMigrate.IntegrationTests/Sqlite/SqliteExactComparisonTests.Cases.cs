namespace DiffMigrate.IntegrationTests.Sqlite;

public sealed partial class SqliteExactComparisonTests
{
    /// <summary>The model's x, name, email: what <see cref="Table"/> declares in the database.</summary>
    private const string Columns = """
        t.Column("x", SqlType.Int32).Nullable();
        t.Column("name", SqlType.Text).Nullable();
        t.Column("email", SqlType.Text).Nullable();
        """;

    private static string Table(string extra = "") => $"CREATE TABLE t (x INTEGER, name TEXT, email TEXT{extra});";

    private static string Check(string sql) => Table($", CONSTRAINT ck_t_x CHECK ({sql})");

    private static string ModelCheck(string sql) => Columns + $"\nt.Check({Literal(sql)}, \"ck_t_x\", exactName: true);";

    private static string Literal(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);

    /// <summary>(name, database DDL, model table body, whether they must compare the same).</summary>
    private static readonly (string Name, string Ddl, string Model, bool Same)[] Cases =
    [
        // Index key order, read from pragma_index_xinfo.
        ("asc index", Table() + "CREATE INDEX ix_t_x ON t (x);", Columns + "t.Index(\"ix_t_x\", new[] { \"x\" });", true),
        ("explicit ASC is the default order", Table() + "CREATE INDEX ix_t_x ON t (x ASC);", Columns + "t.Index(\"ix_t_x\", new[] { \"x\" });", true),
        ("desc index", Table() + "CREATE INDEX ix_t_x ON t (x DESC);", Columns + "t.Index(\"ix_t_x\", new[] { \"x\" }, descending: new[] { true });", true),
        ("desc in database, asc in model", Table() + "CREATE INDEX ix_t_x ON t (x DESC);", Columns + "t.Index(\"ix_t_x\", new[] { \"x\" });", false),
        ("asc in database, desc in model", Table() + "CREATE INDEX ix_t_x ON t (x);", Columns + "t.Index(\"ix_t_x\", new[] { \"x\" }, descending: new[] { true });", false),
        ("mixed keys", Table() + "CREATE INDEX ix_t_xn ON t (x, name DESC);",
            Columns + "t.Index(\"ix_t_xn\", new[] { \"x\", \"name\" }, descending: new[] { false, true });", true),
        ("mixed keys swapped", Table() + "CREATE INDEX ix_t_xn ON t (x DESC, name);",
            Columns + "t.Index(\"ix_t_xn\", new[] { \"x\", \"name\" }, descending: new[] { false, true });", false),
        ("unique desc", Table() + "CREATE UNIQUE INDEX ix_t_name ON t (name DESC);",
            Columns + "t.Index(\"ix_t_name\", new[] { \"name\" }, unique: true, descending: new[] { true });", true),
        ("functional unique desc", Table() + "CREATE UNIQUE INDEX ix_t_contact ON t (coalesce(email, name) DESC);",
            Columns + "t.Index(\"ix_t_contact\", new[] { \"coalesce(email, name)\" }, unique: true, expressions: new[] { true }, descending: new[] { true });", true),
        ("functional desc in database, asc in model", Table() + "CREATE UNIQUE INDEX ix_t_contact ON t (coalesce(email,name) DESC);",
            Columns + "t.Index(\"ix_t_contact\", new[] { \"coalesce(email, name)\" }, unique: true, expressions: new[] { true });", false),
        ("partial index filter spacing", Table() + "CREATE INDEX ix_t_x ON t (x) WHERE x>0;",
            Columns + "t.Index(\"ix_t_x\", new[] { \"x\" }, filter: \"x > 0\");", true),
        ("partial index filter > vs >=", Table() + "CREATE INDEX ix_t_x ON t (x) WHERE x > 0;",
            Columns + "t.Index(\"ix_t_x\", new[] { \"x\" }, filter: \"x >= 0\");", false),
        ("partial index filter string case", Table() + "CREATE INDEX ix_t_x ON t (x) WHERE name = 'a';",
            Columns + "t.Index(\"ix_t_x\", new[] { \"x\" }, filter: \"name='A'\");", false),

        // CHECK bodies, as SQLite's tokens.
        ("check x>0 vs x > 0", Check("x>0"), ModelCheck("x > 0"), true),
        ("check ((x>0)) vs x > 0", Check("((x>0))"), ModelCheck("x > 0"), true),
        ("check x*5 vs x * 5", Check("x*5 > 10"), ModelCheck("x * 5 > 10"), true),
        ("check keyword case and spacing", Check("x   >   0 AND name IS NOT NULL"), ModelCheck("x > 0 and name is not null"), true),
        ("check function call spacing", Check("length(name)>2"), ModelCheck("length( name ) > 2"), true),
        ("check IN list spacing", Check("x IN (1,2,3)"), ModelCheck("x in (1, 2, 3)"), true),
        ("check comment", Check("x > 0 /* positive */"), ModelCheck("x > 0"), true),
        ("check > vs >=", Check("x > 0"), ModelCheck("x >= 0"), false),
        ("check other constant", Check("x > 0"), ModelCheck("x > 1"), false),
        ("check string case", Check("name <> 'a'"), ModelCheck("name <> 'A'"), false),
        ("check inner parentheses kept", Check("(x > 0) OR name IS NULL"), ModelCheck("x > (0 OR name IS NULL)"), false),

        // DEFAULTs: the column's type affinity decides whether a quoted number is a number.
        ("integer default '5' vs 5", "CREATE TABLE t (x INTEGER DEFAULT '5');", "t.Column(\"x\", SqlType.Int32).Nullable().Default(\"5\");", true),
        ("integer default 5 vs '5'", "CREATE TABLE t (x INTEGER DEFAULT 5);", "t.Column(\"x\", SqlType.Int32).Nullable().Default(\"'5'\");", true),
        ("integer default (5) vs 5", "CREATE TABLE t (x INTEGER DEFAULT (5));", "t.Column(\"x\", SqlType.Int32).Nullable().Default(\"5\");", true),
        ("integer default (1+2) vs 1 + 2", "CREATE TABLE t (x INTEGER DEFAULT (1+2));", "t.Column(\"x\", SqlType.Int32).Nullable().Default(\"1 + 2\");", true),
        ("double default '2.5' vs 2.5", "CREATE TABLE t (d DOUBLE DEFAULT '2.5');", "t.Column(\"d\", SqlType.Double).Nullable().Default(\"2.5\");", true),
        ("boolean default '1' vs 1", "CREATE TABLE t (f BOOLEAN DEFAULT '1');", "t.Column(\"f\", SqlType.Boolean).Nullable().Default(\"1\");", true),
        ("datetime default current_timestamp", "CREATE TABLE t (at DATETIME DEFAULT current_timestamp);",
            "t.Column(\"at\", SqlType.DateTime).Nullable().Default(\"CURRENT_TIMESTAMP\");", true),
        ("integer default 5 vs 6", "CREATE TABLE t (x INTEGER DEFAULT 5);", "t.Column(\"x\", SqlType.Int32).Nullable().Default(\"6\");", false),
        ("integer default '5' vs 6", "CREATE TABLE t (x INTEGER DEFAULT '5');", "t.Column(\"x\", SqlType.Int32).Nullable().Default(\"6\");", false),
        ("integer default 'five' vs 0", "CREATE TABLE t (x INTEGER DEFAULT 'five');", "t.Column(\"x\", SqlType.Int32).Nullable().Default(\"0\");", false),
        ("text default '5' vs 5", "CREATE TABLE t (name TEXT DEFAULT '5');", "t.Column(\"name\", SqlType.Text).Nullable().Default(\"5\");", true),
        ("varchar default '5' vs 5", "CREATE TABLE t (name VARCHAR(20) DEFAULT '5');", "t.Column(\"name\", SqlType.String(20)).Nullable().Default(\"5\");", true),
        ("text default 'a' vs 'A'", "CREATE TABLE t (name TEXT DEFAULT 'a');", "t.Column(\"name\", SqlType.Text).Nullable().Default(\"'A'\");", false),
        ("text default spacing inside the string", "CREATE TABLE t (name TEXT DEFAULT 'a b');", "t.Column(\"name\", SqlType.Text).Nullable().Default(\"'a  b'\");", false),

        // Parentheses SQLite's precedence makes redundant, and ones that matter.
        ("check (x>0) AND (name IS NOT NULL)", Check("(x>0) AND (name IS NOT NULL)"), ModelCheck("x > 0 AND name IS NOT NULL"), true),
        ("check NOT (x = 1)", Check("NOT (x = 1)"), ModelCheck("NOT x = 1"), true),
        ("check x = (1)", Check("x = (1) OR (x) IS NULL"), ModelCheck("x = 1 OR x IS NULL"), true),
        ("check grouping that matters", Check("(x > 0 OR name IS NULL) AND x < 5"), ModelCheck("x > 0 OR name IS NULL AND x < 5"), false),
        ("check arithmetic grouping that matters", Check("(x + 1) * 2 > 0"), ModelCheck("x + 1 * 2 > 0"), false),

        // Generated columns compare as expressions too.
        ("generated x*2 vs x * 2", "CREATE TABLE t (x INTEGER, y INTEGER GENERATED ALWAYS AS (x*2) VIRTUAL);",
            "t.Column(\"x\", SqlType.Int32).Nullable();\nt.Column(\"y\", SqlType.Int32).Nullable().Computed(\"x * 2\", stored: false);", true),
        // ... and by how they are kept: a VIRTUAL column is not a STORED one.
        ("generated virtual vs stored", "CREATE TABLE t (x INTEGER, y INTEGER GENERATED ALWAYS AS (x*2) VIRTUAL);",
            "t.Column(\"x\", SqlType.Int32).Nullable();\nt.Column(\"y\", SqlType.Int32).Nullable().Computed(\"x * 2\");", false),
        .. ValueCases,
    ];
}
