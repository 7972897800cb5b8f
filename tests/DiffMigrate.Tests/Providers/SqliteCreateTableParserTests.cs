using DiffMigrate.Providers.Sqlite;

namespace DiffMigrate.Tests.Providers;

/// <summary>
/// What the SQLite inspector reads from CREATE text alone (constraint names, CHECK bodies, collations, generated
/// expressions, table options, index keys), over tokens that keep only their span of the text.
/// </summary>
[TestClass]
public sealed class SqliteCreateTableParserTests
{
    [TestMethod]
    public void Tokens_give_their_text_and_names_without_quotes()
    {
        const string sql = """CREATE TABLE "o""b;r" ([br]] x] INT, 'it''s' TEXT, `b``q` REAL) -- note""";
        var tokens = SqlTokenizer.Tokenize(sql);
        var texts = Enumerable.Range(0, tokens.Count).Select(i => tokens[i].Text).ToList();
        // A bracket name ends at the first ']' (SQLite doubles no bracket), so "[br]] x]" is a name and three more tokens.
        CollectionAssert.AreEqual(new[] { "CREATE", "TABLE", "\"o\"\"b;r\"", "(", "[br]", "]", "x", "]", "INT", ",", "'it''s'", "TEXT", ",", "`b``q`", "REAL", ")" }, texts);
        Assert.AreEqual("o\"b;r", tokens[2].Identifier);
        Assert.AreEqual("br", tokens[4].Identifier);
        Assert.AreEqual("it's", tokens[10].Identifier);
        Assert.AreEqual("b`q", tokens[13].Identifier);
        Assert.IsTrue(tokens[1].Is("table") && !tokens[2].Is("o\"b;r"), "words compare without case; a quoted name is not a word");
        Assert.IsTrue(tokens[3].IsPunctuation('(') && !tokens[3].IsPunctuation(')'));
    }

    [TestMethod]
    public void A_slice_reads_its_part_and_cannot_grow()
    {
        var tokens = SqlTokenizer.Tokenize("a b c d e");
        var slice = tokens.Slice(1, 4);
        Assert.AreEqual(3, slice.Count);
        Assert.AreEqual("b", slice[0].Text);
        Assert.AreEqual("d", slice[^1].Text);
        Assert.AreEqual(1, slice.FindIndex(t => t.Is("C")));
        Assert.AreEqual(-1, slice.FindIndex(2, t => t.Is("c")));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => _ = slice[3]);
        Assert.ThrowsExactly<InvalidOperationException>(() => slice.Add(tokens[0]));
        var without = tokens.Without(0, 4);
        CollectionAssert.AreEqual(new[] { "b", "c", "d" }, Enumerable.Range(0, without.Count).Select(i => without[i].Text).ToList());
    }

    [TestMethod]
    public void A_table_gives_its_names_checks_collations_generated_columns_and_options()
    {
        const string sql = """
            CREATE TABLE "t;x" (
                id INTEGER NOT NULL CONSTRAINT "pk;1" PRIMARY KEY AUTOINCREMENT,
                name TEXT COLLATE NOCASE CONSTRAINT ck_name CHECK (length(name) > 0 AND name <> 'a,b'),
                total REAL GENERATED ALWAYS AS (price * (1 + tax)) STORED,
                parent INTEGER REFERENCES "p""q" (id),
                CONSTRAINT uq_pair UNIQUE (name, parent),
                CONSTRAINT fk_p FOREIGN KEY (parent) REFERENCES other (id),
                CHECK (total >= 0)
            ) STRICT, WITHOUT ROWID
            """;
        var parsed = CreateTableParser.Parse(sql);
        CollectionAssert.AreEqual(new[] { "id", "name", "total", "parent" }, parsed.Columns.Select(c => c.Name).ToList());
        Assert.AreEqual("NOCASE", parsed.Columns[1].Collation);
        Assert.AreEqual("price * (1 + tax)", parsed.Columns[2].Generated);
        Assert.IsTrue(parsed.Autoincrement && parsed.Strict && parsed.WithoutRowid);
        var described = parsed.Constraints.Select(c => $"{c.Kind}:{c.Name}:{string.Join("+", c.Columns)}:{c.Sql}:{c.ReferredTable}").ToList();
        CollectionAssert.AreEqual(new[]
        {
            "PrimaryKey:pk;1:id::",
            "Check:ck_name:name:length(name) > 0 AND name <> 'a,b':",
            "ForeignKey::parent::p\"q",
            "Unique:uq_pair:name+parent::",
            "ForeignKey:fk_p:parent::other",
            "Check:::total >= 0:",
        }, described);
    }

    [TestMethod]
    public void Options_are_read_after_the_definitions_only()
    {
        var parsed = CreateTableParser.Parse("CREATE TABLE t (strict INTEGER, rowid_copy INTEGER, \"WITHOUT ROWID\" TEXT)");
        Assert.IsFalse(parsed.Strict || parsed.WithoutRowid || parsed.Autoincrement);
    }

    [TestMethod]
    public void An_index_gives_its_expression_keys_and_where_clause()
    {
        var (keys, where) = CreateTableParser.ParseIndex("CREATE INDEX ix ON t (lower(name) COLLATE NOCASE DESC, \"a,b\" ASC) WHERE deleted IS NULL AND x IN (1, 2);");
        CollectionAssert.AreEqual(new[] { "lower(name)", "\"a,b\"" }, keys.ToList());
        Assert.AreEqual("deleted IS NULL AND x IN (1, 2)", where);
        Assert.IsNull(CreateTableParser.ParseIndex("CREATE INDEX ix ON t (a, b)").Where);
    }
}
