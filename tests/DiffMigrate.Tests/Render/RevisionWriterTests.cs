using DiffMigrate.Migrations;
using DiffMigrate.Render.CSharp;
using DiffMigrate.Schema;
using DiffMigrate.Tests.Model;
using DiffMigrate.Tests.Support;

namespace DiffMigrate.Tests.Render;

[TestClass]
public sealed class RevisionWriterTests
{
    private static readonly DateTimeOffset Date = new(2026, 11, 24, 12, 30, 0, TimeSpan.Zero);

    private static RevisionSource Source(IReadOnlyList<MigrationOperation> upgrade, string id = "ae1027a6acf0") =>
        new(id, ["1975ea83b712"], "add users", Date, upgrade, OperationReverser.ReverseAll(upgrade.Where(o => o is not BulkInsert).ToList()),
            BranchLabels: ["accounts"], DependsOn: ["0123456789ab"], ClassName: "AddUsers_" + id);

    /// <summary>Render, compile with Roslyn, execute, and get equal operations back.</summary>
    private static (Migration Migration, string Text) RoundTrip(RevisionSource source)
    {
        var text = RevisionWriter.Write(source);
        return (CompiledRevision.Load(source.Id, text), text);
    }

    private static IReadOnlyList<MigrationOperation> Record(Action<Operations> method)
    {
        var op = new Operations();
        method(op);
        return op.Recorded;
    }

    [TestMethod]
    public void Every_operation_renders_compiles_and_records_itself_back()
    {
        var operations = SampleOperations.All().ToList();
        var (migration, _) = RoundTrip(Source(operations));
        CollectionAssert.AreEqual(operations, Record(migration.Upgrade).ToList());
        var downgrade = OperationReverser.ReverseAll(operations.Where(o => o is not BulkInsert).ToList());
        CollectionAssert.AreEqual(downgrade.ToList(), Record(migration.Downgrade).ToList());
    }

    [TestMethod]
    public void Awkward_names_and_values_survive_the_round_trip()
    {
        var table = new Table(
            new QualifiedName("Sales Data", "Order \"Lines\""),
            [
                new Column("naïve \\ column", SqlType.String(10), Nullable: true, Default: "'it''s\nmultiline'", Comment: "tab\there"),
                new Column("Mixed", SqlType.Enum("mood", "happy", "so-so"), Collation: "NOCASE"),
                new Column("raw", SqlType.Raw("citext"), Computed: "upper(\"Mixed\")"),
                new Column("odd", new SqlType(SqlTypeKind.FixedChar)),
                new Column("id", SqlType.Int64, Identity: new Identity(Always: true, Start: 100, Increment: 5)),
            ],
            new PrimaryKey(null, ["id"]),
            ForeignKeys: [new ForeignKey(null, ["raw"], new QualifiedName("other", "t"), ["k"], ReferentialAction.SetDefault, ReferentialAction.Restrict)],
            Indexes: [new TableIndex("ix", ["lower(raw)", "Mixed"], IsUnique: true, Filter: "raw IS NOT NULL", Expressions: [true, false])],
            Comment: "“quoted” comment");
        MigrationOperation[] operations =
        [
            new CreateTable(table),
            new BulkInsert(table.Name, ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"],
            [
                (EquatableArray<object?>)new object?[]
                {
                    null, "x\"y", true, 3, 4L, 5.5m, 6.25d, 7.5f, (short)8, Guid.Parse("0b7f4c0e-5a55-4a8c-9f55-2e6a4d1d7c10"),
                    new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), new byte[] { 1, 255 },
                },
                (EquatableArray<object?>)new object?[]
                {
                    'c', new DateOnly(2026, 2, 3), new TimeOnly(4, 5, 6), new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)),
                    (byte)1, (sbyte)-1, (ushort)2, 3u, 4ul, "", "\u00e9", null,
                },
            ]),
        ];
        var (migration, _) = RoundTrip(Source(operations) with { Downgrade = [] });
        var recorded = Record(migration.Upgrade);
        Assert.AreEqual(operations[0], recorded[0]);
        var (expected, actual) = ((BulkInsert)operations[1], (BulkInsert)recorded[1]);
        Assert.AreEqual(expected.Columns, actual.Columns);
        for (var r = 0; r < expected.Rows.Count; r++)
        {
            for (var c = 0; c < expected.Rows[r].Count; c++)
            {
                var (e, a) = (expected.Rows[r][c], actual.Rows[r][c]);
                if (e is byte[] eb) CollectionAssert.AreEqual(eb, (byte[])a!);
                else Assert.AreEqual(e, a, $"row {r}, value {c}");
            }
        }
    }

    [TestMethod]
    public void The_revision_attribute_carries_id_parents_labels_dependencies_and_message()
    {
        var (migration, _) = RoundTrip(Source([]));
        var attribute = (RevisionAttribute)Attribute.GetCustomAttribute(migration.GetType(), typeof(RevisionAttribute))!;
        Assert.AreEqual("ae1027a6acf0", attribute.Id);
        CollectionAssert.AreEqual(new[] { "1975ea83b712" }, attribute.DownRevisions.ToList());
        CollectionAssert.AreEqual(new[] { "accounts" }, attribute.BranchLabels);
        CollectionAssert.AreEqual(new[] { "0123456789ab" }, attribute.DependsOn);
        Assert.AreEqual("add users", attribute.Message);
    }

    [TestMethod]
    public void Output_is_deterministic_and_matches_the_snapshot()
    {
        var source = Source(SampleOperations.All().ToList());
        var text = RevisionWriter.Write(source);
        Assert.AreEqual(text, RevisionWriter.Write(source));
        Snapshot.Match("revisions/every_operation.cs.txt", text);
    }

    [TestMethod]
    public void An_empty_revision_holds_only_the_marker()
    {
        var text = RevisionWriter.Write(new RevisionSource("abc123def456", [], "empty", Date, [], []));
        Assert.AreEqual(2, text.Split(RevisionWriter.Marker).Length - 1);
        Assert.DoesNotContain("op.", text);
        StringAssert.Contains(text, "[Revision(\"abc123def456\", Message = \"empty\")]");
    }

    [TestMethod]
    public void Boolean_lists_are_written_without_a_space_before_the_bracket()
    {
        var index = new TableIndex("ix_t", ["lower(a)", "b"], Expressions: [true, false], Descending: [false, true]);
        var text = RevisionWriter.Write(new RevisionSource("abc123def456", [], "index", Date, [new CreateIndex("t", index, Concurrently: true)], []));
        StringAssert.Contains(text, "expressions: [true, false], descending: [false, true]),\n            concurrently: true);");
    }
}
