using DiffMigrate.Migrations;
using DiffMigrate.Providers;

namespace DiffMigrate.Tests.Diff;

/// <summary>DM111: a view dropped and created again because a table or view under it changes in the same revision.</summary>
[TestClass]
public sealed class ViewLintTests
{
    private static readonly Column Amount = new("amount", SqlType.Int32);
    private static readonly DefinedObject V1 = DefinedObject.View("v1", "SELECT id, amount FROM t");
    private static readonly DefinedObject V2 = DefinedObject.View("v2", "SELECT id FROM v1");
    private static readonly DefinedObject Other = DefinedObject.View("other", "SELECT 1 AS one");

    [TestMethod]
    public void Views_created_again_around_a_column_change_are_named_with_what_changes_under_them()
    {
        var findings = DatabaseProviders.Postgres.Lint(
        [
            new DropObject(V2), new DropObject(V1), new AlterColumn("t", Amount, Amount with { Type = SqlType.Int64 }),
            new CreateObject(V1), new CreateObject(V2),
        ]).Where(f => f.Code == "DM111").ToList();
        Assert.HasCount(2, findings, string.Join("; ", findings));
        Assert.AreEqual(3, findings[0].Operation);
        StringAssert.Contains(findings[0].Message, "view v1 again because table t changes under it");
        Assert.AreEqual(4, findings[1].Operation);
        StringAssert.Contains(findings[1].Message, "view v2 again because view v1 changes under it");
        StringAssert.Contains(findings[1].Message, "loses its grants");
    }

    [TestMethod]
    public void A_new_view_or_a_query_change_alone_is_not_a_finding()
    {
        var changed = Other with { Definition = "SELECT 2 AS one" };
        var findings = DatabaseProviders.Postgres.Lint(
            [new DropObject(Other), new AlterColumn("t", Amount, Amount with { Type = SqlType.Int64 }), new CreateObject(changed), new CreateObject(V1)]);
        Assert.IsFalse(findings.Any(f => f.Code == "DM111"), string.Join("; ", findings));
    }
}
