using DiffMigrate.Diff;
using DiffMigrate.Schema;
using DiffMigrate.Providers.MySql;

namespace DiffMigrate.Tests.Providers;

/// <summary>
/// How MariaDB's and MySQL 8's catalog text becomes the model's spelling (defaults by server, backticks, constants by
/// column type), and the dialect rules that make MySQL's indistinguishable forms one (unique index = constraint,
/// RESTRICT = NO ACTION, a generated column's nullability).
/// </summary>
[TestClass]
public sealed class MySqlNormalisationTests
{
    private static readonly MySqlExpressionRules Rules = MySqlExpressionRules.Instance;

    [TestMethod]
    [DataRow("'x'", "", true, "'x'")]
    [DataRow("NULL", "", true, null)]
    [DataRow("'NULL'", "", true, "'NULL'")]
    [DataRow("current_timestamp(6)", "", true, "current_timestamp(6)")]
    [DataRow("x", "", false, "'x'")]
    [DataRow("it's", "", false, "'it''s'")]
    [DataRow("CURRENT_TIMESTAMP(6)", "DEFAULT_GENERATED", false, "CURRENT_TIMESTAMP(6)")]
    [DataRow("(`a` + 1)", "DEFAULT_GENERATED", false, "(`a` + 1)")]
    public void A_text_default_reads_as_sql(string text, string extra, bool mariaDb, string? expected) =>
        Assert.AreEqual(expected, MySqlInspector.Default(text, extra, SqlType.String(10), mariaDb));

    [TestMethod]
    public void A_mysql_number_default_stays_bare_on_a_numeric_column()
    {
        Assert.AreEqual("5", MySqlInspector.Default("5", "", SqlType.Int32, mariaDb: false));
        Assert.AreEqual("0.00", MySqlInspector.Default("0.00", "", SqlType.Decimal(10, 2), mariaDb: false));
        Assert.AreEqual("'5'", MySqlInspector.Default("5", "", SqlType.String(10), mariaDb: false));
        Assert.IsNull(MySqlInspector.Default(null, "", SqlType.Int32, mariaDb: false));
    }

    [TestMethod]
    [DataRow("'0'", "0", "INT")]
    [DataRow("0", "0.00", "DECIMAL(10, 2)")]
    [DataRow("0.0", "0.00", "DECIMAL(10, 2)")]
    [DataRow("1.50", "1.5", "DOUBLE")]
    [DataRow("true", "1", "TINYINT(1)")]
    [DataRow("FALSE", "0", "TINYINT(1)")]
    [DataRow("5", "'5'", "VARCHAR(10)")]
    [DataRow("'abc'", "'abc'", "VARCHAR(10)")]
    [DataRow("(-1)", "-1", "SMALLINT")]
    [DataRow("now()", "CURRENT_TIMESTAMP", "DATETIME(6)")]
    [DataRow("current_timestamp(6)", "CURRENT_TIMESTAMP", "DATETIME(6)")]
    [DataRow("CURRENT_TIMESTAMP(3)", "CURRENT_TIMESTAMP", "TIMESTAMP(3)")]
    [DataRow("'current_timestamp(6)'", "'current_timestamp(6)'", "VARCHAR(30)")]
    public void A_constant_default_compares_as_the_value_the_column_stores(string written, string expected, string type) =>
        Assert.AreEqual(expected, Rules.CanonicalDefault(written, MySqlTypeMap.Instance.Parse(type)));

    [TestMethod]
    public void Different_values_stay_different()
    {
        Assert.AreNotEqual(Rules.CanonicalDefault("1", SqlType.Int32), Rules.CanonicalDefault("0", SqlType.Int32));
        Assert.AreNotEqual(Rules.CanonicalDefault("'0'", SqlType.String(5)), Rules.CanonicalDefault("'0.0'", SqlType.String(5)));
        Assert.AreNotEqual(Rules.CanonicalDefault("0.5", SqlType.Decimal(10, 2)), Rules.CanonicalDefault("0.05", SqlType.Decimal(10, 2)));
    }

    [TestMethod]
    [DataRow("`q` >= 0 and `q` < 1000", "Q >= 0  AND q < 1000")]
    [DataRow("char_length(`title`)", "CHAR_LENGTH(title)")]
    [DataRow("`price` * 2", "(price * 2)")]
    public void Backticks_case_spacing_and_outer_parentheses_do_not_count(string server, string model) =>
        Assert.AreEqual(Rules.Canonical(server), Rules.Canonical(model));

    [TestMethod]
    [DataRow("`q` >= 0", "q > 0")]
    [DataRow("`order` = 1", "order = 1")]
    [DataRow("`a b` = 'x'", "a b = 'x'")]
    [DataRow("`q` = '`q`'", "q = 'q'")]
    public void Names_that_need_backticks_and_quoted_text_keep_them(string server, string model) =>
        Assert.AreNotEqual(Rules.Canonical(server), Rules.Canonical(model));

    [TestMethod]
    public void A_unique_index_and_a_unique_constraint_on_the_same_columns_are_one_restrict_is_no_action_and_generated_nullability_is_the_servers()
    {
        var database = new Table(new QualifiedName(null, "t"),
            [new Column("id", SqlType.Int32), new Column("a", SqlType.Int32, Nullable: true), new Column("g", SqlType.Int32, Nullable: true, Computed: "`a` + 1")],
            new PrimaryKey(null, ["id"]),
            ForeignKeys: [new ForeignKey("fk_t_a", ["a"], new QualifiedName(null, "t"), ["id"])],
            UniqueConstraints: [new UniqueConstraint("uq_t_a", ["a"])]);
        var model = database with
        {
            Columns = [database.Columns[0], database.Columns[1], new Column("g", SqlType.Int32, Computed: "a + 1")],
            PrimaryKey = new PrimaryKey("pk_t", ["id"]),
            ForeignKeys = [database.ForeignKeys[0] with { OnDelete = ReferentialAction.Restrict }],
            UniqueConstraints = [],
            Indexes = [new TableIndex("uq_t_a", ["a"], IsUnique: true)],
        };
        var differ = new SchemaDiffer(new DiffOptions(MySqlDialect.Instance));

        Assert.IsEmpty(differ.Diff(new DatabaseSchema([database]), new DatabaseSchema([model])));
        Assert.IsEmpty(differ.Diff(new DatabaseSchema([model]), new DatabaseSchema([database])));
        // Another name or other columns are a difference.
        Assert.IsNotEmpty(differ.Diff(new DatabaseSchema([database]), new DatabaseSchema([model with { Indexes = [new TableIndex("uq_other", ["a"], IsUnique: true)] }])));
        Assert.IsNotEmpty(differ.Diff(new DatabaseSchema([database]), new DatabaseSchema([model with { Indexes = [new TableIndex("uq_t_a", ["a"])] }])));
        Assert.IsNotEmpty(differ.Diff(new DatabaseSchema([database]), new DatabaseSchema([model with { ForeignKeys = [database.ForeignKeys[0] with { OnDelete = ReferentialAction.Cascade }] }])));
    }
}
