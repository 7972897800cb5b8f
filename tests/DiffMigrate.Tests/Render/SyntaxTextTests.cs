using DiffMigrate.Migrations;
using DiffMigrate.Render.CSharp;
using DiffMigrate.Tests.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DiffMigrate.Tests.Render;

/// <summary>The revision writer's own printer writes what Roslyn's whitespace normaliser writes, for every node a revision is made of.</summary>
[TestClass]
public sealed class SyntaxTextTests
{
    [TestMethod]
    public void Every_argument_of_every_operation_prints_as_the_normaliser_prints_it()
    {
        var nodes = Operations().SelectMany(o => o is BatchAlterTable batch ? batch.Operations.AsEnumerable() : [o]).SelectMany(o => OperationStatements.For(o).Arguments)
            .SelectMany(a => a.DescendantNodesAndSelf().Where(n => n is ArgumentSyntax or ExpressionSyntax))
            .ToList();
        Assert.IsGreaterThan(500, nodes.Count);
        var printed = 0;
        foreach (var node in nodes)
        {
            Assert.AreEqual(Syntax.NormalizedText(node), Syntax.Text(node), node.Kind().ToString());
            if (node.DescendantNodesAndSelf().All(n => n is not (CastExpressionSyntax or ArrayCreationExpressionSyntax or InitializerExpressionSyntax))) printed++;
        }
        Assert.IsGreaterThan(nodes.Count / 2, printed, "most nodes take the printer's path");
    }

    [TestMethod]
    public void Awkward_literals_print_as_the_normaliser_prints_them()
    {
        string[] values = ["", "it's", "a\"b", "tab\there", "line\nbreak", "\u2028\u2029\u0085", "\\", "{0}", "日本語"];
        foreach (var value in values)
        {
            var column = SchemaExpressions.Column(new Column(value, SqlType.String(10), Nullable: true, Default: "'" + value + "'", Comment: value));
            Assert.AreEqual(Syntax.NormalizedText(column), Syntax.Text(column), value);
            var sql = Syntax.SqlText("SELECT 1\n-- " + value + "\nFROM t");
            Assert.AreEqual(Syntax.NormalizedText(sql), Syntax.Text(sql), value);
        }
    }

    [TestMethod]
    public void The_revision_attribute_prints_as_the_normaliser_prints_it()
    {
        string[] messages = ["initial", "it's \"quoted\"", "line\nbreak\u2028", "\\ {0} 日本語", ""];
        foreach (var message in messages)
        {
            foreach (var (down, labels, depends) in new (string[], string[], string[])[] { ([], [], []), (["a1", "b2"], [], []), (["a1"], ["main", "x\"y"], ["c3"]) })
            {
                var attribute = RevisionWriter.Attribute(new RevisionSource("abc123", down, message, DateTimeOffset.UnixEpoch, [], [], labels, depends));
                Assert.AreEqual(Syntax.NormalizedText(attribute), Syntax.Text(attribute), message);
            }
        }
        Assert.AreEqual("[Revision(\"abc123\", \"a1\", Message = \"m\")]",
            Syntax.Text(RevisionWriter.Attribute(new RevisionSource("abc123", ["a1"], "m", DateTimeOffset.UnixEpoch, [], []))));
    }

    private static IEnumerable<MigrationOperation> Operations()
    {
        var all = SampleOperations.All().ToList();
        return all.Concat(OperationReverser.ReverseAll(all.Where(o => o is not BulkInsert).ToList()))
            .Append(new CreateTable(new Table(
                new QualifiedName("Sales Data", "Order \"Lines\""),
                [
                    new Column("n", SqlType.Decimal(10, 2), Nullable: true, Default: "-1.5"),
                    new Column("id", SqlType.Int64, Identity: new Identity(Always: true, Start: -100, Increment: -5)),
                    new Column("tags", SqlType.Raw("text[]"), Nullable: true),
                    new Column("mood", SqlType.Enum("mood", "happy", "so-so")),
                ],
                new PrimaryKey(null, ["id"]),
                Indexes: [new TableIndex("ix", ["lower(raw)", "n"], IsUnique: true, Filter: "n IS NOT NULL", Expressions: [true, false])])));
    }
}
