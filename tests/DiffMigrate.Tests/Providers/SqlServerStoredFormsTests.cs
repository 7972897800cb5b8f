using DiffMigrate.Providers.SqlServer;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DiffMigrate.Tests.Providers;

/// <summary>
/// SQL Server's stored spelling of defaults, checks, computed columns and filters read in the model's, and compared
/// with it; hostile text (quotes, <c>]]</c>, line terminators, parentheses inside strings) keeps its meaning.
/// </summary>
[TestClass]
public sealed class SqlServerStoredFormsTests
{
    private static readonly SqlServerExpressionRules Rules = SqlServerExpressionRules.Instance;

    [TestMethod]
    [DataRow("((0))", "0")]
    [DataRow("((1.5))", "1.5")]
    [DataRow("((-1))", "-1")]
    [DataRow("(getdate())", "getdate()")]
    [DataRow("(sysdatetime())", "sysdatetime()")]
    [DataRow("(newid())", "newid()")]
    [DataRow("(N'x')", "'x'")]
    [DataRow("('x')", "'x'")]
    [DataRow("(NULL)", "NULL")]
    [DataRow("(CONVERT([bit],(0)))", "CAST(0 AS bit)")]
    [DataRow("(CONVERT([decimal](10,2),(1.5)))", "CAST(1.5 AS decimal(10,2))")]
    [DataRow("(CONVERT([varchar](10),getdate(),(120)))", "CONVERT(varchar(10),getdate(),120)")]
    [DataRow("(0x1F)", "0x1F")]
    [DataRow("((1.5e3))", "1.5e3")]
    public void A_stored_default_reads_in_the_model_spelling(string stored, string model) =>
        Assert.AreEqual(model, SqlServerStoredForms.Default(stored));

    [TestMethod]
    [DataRow("([a]>(0))", "a>0")]
    [DataRow("([price]*[qty])", "price*qty")]
    [DataRow("([deleted_at] IS NULL)", "deleted_at IS NULL")]
    [DataRow("([a]>(0) AND [b]<(-5))", "a>0 AND b<-5")]
    [DataRow("([a]-(-1))", "a-(-1)")]
    [DataRow("(CASE WHEN [a]>(0) THEN (1) ELSE (0) END)", "CASE WHEN a>0 THEN 1 ELSE 0 END")]
    [DataRow("([a] IN ((1)))", "a IN (1)")]
    [DataRow("(abs([a]))", "abs(a)")]
    [DataRow("([status]=N'new')", "status=N'new'")]
    [DataRow("([Order Date]>[key])", "[Order Date]>[key]")]
    [DataRow("(upper([Name]))", "upper(Name)")]
    [DataRow("(([a])+[b])", "a+b")]
    [DataRow("(coalesce([a],(0)))", "coalesce(a,0)")]
    [DataRow("(exists_flag ([a]))", "exists_flag (a)")]
    public void A_stored_expression_reads_in_the_model_spelling(string stored, string model) =>
        Assert.AreEqual(model, SqlServerStoredForms.Expression(stored));

    [TestMethod]
    [DataRow("(N'it''s (not) ((0))')", "'it''s (not) ((0))'")]
    [DataRow("(N'[a]]b] and ''[c]''')", "'[a]]b] and ''[c]'''")]
    [DataRow("(N'line\u2028sep\u2029para\u0085next\r\nend')", "'line\u2028sep\u2029para\u0085next\r\nend'")]
    [DataRow("(N'  spaced   out  ')", "'  spaced   out  '")]
    [DataRow("(N'')", "''")]
    [DataRow("(N'N''x''')", "'N''x'''")]
    public void Hostile_strings_pass_through_unchanged(string stored, string model)
    {
        Assert.AreEqual(model, SqlServerStoredForms.Default(stored));
        Assert.AreEqual(model, Rules.Canonical(model), "compared as written");
        if (model.Any(char.IsLower)) Assert.AreNotEqual(Rules.Canonical(model), Rules.Canonical(model.ToUpperInvariant()), "case inside a string counts");
    }

    [TestMethod]
    public void Hostile_names_keep_their_brackets()
    {
        Assert.AreEqual("[a]]b]>0", SqlServerStoredForms.Expression("([a]]b]>(0))"), "]] is one ] inside the name");
        Assert.AreEqual("[x) OR (1]=1", SqlServerStoredForms.Expression("([x) OR (1]=(1))"), "parentheses inside a name are not grouping");
        Assert.AreEqual("[select]+[1st]+[a b]", SqlServerStoredForms.Expression("([select]+[1st]+[a b])"), "reserved, digit-first and spaced names need theirs");
        Assert.AreEqual("[é]", SqlServerStoredForms.Expression("([é])"));
        Assert.AreNotEqual(Rules.Canonical("[a]]b] > 0"), Rules.Canonical("[a] > 0"));
        Assert.AreNotEqual(Rules.Canonical("[a b] > 0"), Rules.Canonical("[a]b > 0"));
    }

    [TestMethod]
    public void Stored_expressions_and_hostile_ones_still_parse_as_T_SQL()
    {
        (string Stored, bool Predicate)[] cases =
        [
            ("([a]]b]>(0))", true), ("([x) OR (1]=(1))", true), ("([a] IN ((1),(2)))", true), ("([a]>(0) AND [b]<(-5))", true),
            ("(CONVERT([decimal](10,2),(1.5)))", false), ("(CASE WHEN [a]>(0) THEN (1) ELSE (0) END)", false), ("([a]-(-1))", false),
            ("(N'line\u2028sep''s')", false), ("(CONVERT([varchar](10),getdate(),(120)))", false),
        ];
        foreach (var (stored, predicate) in cases)
        {
            var expression = SqlServerStoredForms.Expression(stored);
            var text = predicate ? $"SELECT CASE WHEN {expression} THEN 1 END" : $"SELECT {expression}";
            new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(text), out var errors);
            Assert.IsEmpty(errors, $"{stored} -> {text}: {string.Join("; ", errors.Select(e => e.Message))}");
        }
    }

    [TestMethod]
    [DataRow("((0))", "0")]
    [DataRow("(N'x')", "'x'")]
    [DataRow("(N'x')", "N'x'")]
    [DataRow("(getdate())", "CURRENT_TIMESTAMP")]
    [DataRow("(getdate())", "GETDATE()")]
    [DataRow("([a]>(0))", "a > 0")]
    [DataRow("([a]>(0))", "[A] > (0)")]
    [DataRow("([a]>(0))", "((a)) > 0")]
    [DataRow("([a] IN ((1),(2)))", "(a IN (1, 2))")]
    [DataRow("([price]*[qty])", "price * qty")]
    [DataRow("([deleted_at] IS NULL)", "deleted_at  IS   NULL")]
    [DataRow("(CONVERT([bit],(0)))", "CAST(0 AS BIT)")]
    [DataRow("(CONVERT([bit],(0)))", "CONVERT(bit, 0)")]
    [DataRow("([a]>=(1) AND [a]<=(5))", "a >= 1 AND a <= 5")]
    public void The_stored_form_and_the_model_compare_equal(string stored, string model) =>
        Assert.AreEqual(Rules.Canonical(model), Rules.Canonical(stored));

    [TestMethod]
    [DataRow("((0))", "1")]
    [DataRow("((10))", "1")]
    [DataRow("(N'x')", "'X'")]
    [DataRow("([a]>(0))", "a >= 0")]
    [DataRow("([a]>(0))", "b > 0")]
    [DataRow("([a]-(1))", "a - -1")]
    [DataRow("(getdate())", "SYSDATETIME()")]
    public void Different_meanings_stay_different(string stored, string model) =>
        Assert.AreNotEqual(Rules.Canonical(model), Rules.Canonical(stored));

    [TestMethod]
    public void True_and_false_defaults_are_bits()
    {
        Assert.AreEqual(Rules.CanonicalDefault("((1))", SqlType.Boolean), Rules.CanonicalDefault("TRUE", SqlType.Boolean));
        Assert.AreEqual(Rules.CanonicalDefault("((0))", SqlType.Boolean), Rules.CanonicalDefault("false", SqlType.Boolean));
        Assert.AreNotEqual(Rules.CanonicalDefault("(N'TRUE')", SqlType.String(5)), Rules.CanonicalDefault("TRUE", SqlType.String(5)));
    }
}
