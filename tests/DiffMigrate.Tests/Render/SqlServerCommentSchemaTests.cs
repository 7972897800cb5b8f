using DiffMigrate.Migrations;
using DiffMigrate.Providers.SqlServer;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DiffMigrate.Tests.Render;

/// <summary>
/// A comment on a table of the null schema names the connection's default schema (SCHEMA_NAME(), where CREATE TABLE
/// put the table and what the inspector reads as the null schema), not dbo; a named schema is named.
/// </summary>
[TestClass]
public sealed class SqlServerCommentSchemaTests
{
    private static List<string> Render(params MigrationOperation[] operations) =>
        [.. new SqlServerSqlRenderer().Render(operations).Select(s => s.Text)];

    private static void AssertParses(string statement)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(statement), out var errors);
        Assert.IsEmpty(errors, $"{string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}"))}\n--- statement ---\n{statement}");
    }

    [TestMethod]
    public void The_null_schema_is_the_default_schema_of_the_connection()
    {
        var table = new Table("posts", [new Column("id", SqlType.Int32, Comment: "Key")], Comment: "Posts");
        var statements = Render(new CreateTable(table), new AlterTableComment(table.Name, "All posts", "Posts"), new AlterTableComment(table.Name, null, "All posts"));
        var comments = statements.Where(s => s.Contains("extendedproperty", StringComparison.Ordinal)).ToList();
        Assert.HasCount(4, comments);
        foreach (var comment in comments)
        {
            Assert.StartsWith("DECLARE @schema SYSNAME = SCHEMA_NAME();\nEXEC sys.sp_", comment);
            StringAssert.Contains(comment, "@level0type = N'SCHEMA', @level0name = @schema,");
            Assert.DoesNotContain("N'dbo'", comment);
            AssertParses(comment);
        }
    }

    [TestMethod]
    public void A_named_schema_is_named()
    {
        var table = new Table(new QualifiedName("sales", "orders"), [new Column("id", SqlType.Int32, Comment: "Key")], Comment: "Orders");
        var comments = Render(new CreateTable(table)).Skip(1).ToList();
        Assert.HasCount(2, comments);
        foreach (var comment in comments)
        {
            Assert.StartsWith("EXEC sys.sp_addextendedproperty", comment);
            StringAssert.Contains(comment, "@level0name = N'sales'");
            AssertParses(comment);
        }
    }

    [TestMethod]
    public void The_parser_rejects_a_function_call_as_an_EXEC_argument()
    {
        // Why the variable: EXEC takes constants and variables only.
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(
            new StringReader("EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'x', @level0type = N'SCHEMA', @level0name = SCHEMA_NAME()"), out var errors);
        Assert.IsNotEmpty(errors);
    }
}
