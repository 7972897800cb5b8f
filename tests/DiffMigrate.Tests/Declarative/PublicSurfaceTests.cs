using DiffMigrate.Migrations;
using DiffMigrate.Render.CSharp;
using DiffMigrate.Tests.Render;
using DiffMigrate.Tests.Support;

namespace DiffMigrate.Tests.Declarative;

/// <summary>What users write compiles with the usings the README shows: entity classes and generated revisions.</summary>
[TestClass]
public sealed class PublicSurfaceTests
{
    // The README tour's entity style with every DiffMigrate attribute and enum, and no DiffMigrate namespace but the root.
    private const string Entities = """
        using System;
        using System.ComponentModel.DataAnnotations;
        using System.ComponentModel.DataAnnotations.Schema;
        using DiffMigrate;

        public enum PostStatus { Draft, [RenamedFrom("Live")] Published }

        [Table("authors")]
        [Unique(nameof(Email))]
        public class Author
        {
            public int Id { get; set; }
            [MaxLength(255)] public string Email { get; set; } = "";
            [Comment("shown on the profile")] public string? Bio { get; set; }
        }

        [Table("posts")]
        [Index(nameof(AuthorId), nameof(PublishedAt), IsUnique = false)]
        [Check("char_length(title) > 0", Name = "title_not_empty")]
        [PrimaryKey(nameof(Id))]
        public class Post
        {
            public int Id { get; set; }
            [MaxLength(200), RenamedFrom("heading")] public string Title { get; set; } = "";
            [ServerDefault("'draft'")] public PostStatus Status { get; set; }
            [References(typeof(Author), OnDelete = ReferentialAction.Cascade, OnUpdate = ReferentialAction.NoAction)] public int AuthorId { get; set; }
            [Precision(10, 2)] public decimal Price { get; set; }
            public DateTimeOffset? PublishedAt { get; set; }
        }

        [AcceptLint("DM102", Table = "posts", Reason = "the column was never read")]
        public sealed class Accepted { }
        """;

    [TestMethod]
    public void An_entity_model_compiles_with_the_root_namespace_and_the_data_annotations_alone() =>
        EmitterSafetyTests.AssertCompiles([Entities], warningsAreErrors: true);

    [TestMethod]
    [DataRow(Recreate.Always)]
    [DataRow(Recreate.Never)]
    [DataRow(Recreate.Auto)]
    public void A_revision_that_forces_or_forbids_a_rebuild_compiles_and_records_the_same_batch(Recreate recreate)
    {
        var table = new QualifiedName(null, "posts");
        MigrationOperation[] upgrade =
        [
            new BatchAlterTable(table, [new AddColumn(table, new Column("extra", SqlType.Text, Nullable: true))], recreate),
        ];
        var source = new RevisionSource("0a1b2c3d4e5f", [], "batch " + recreate, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
            upgrade, OperationReverser.ReverseAll(upgrade));
        var text = RevisionWriter.Write(source);
        if (recreate != Recreate.Auto) StringAssert.Contains(text, "recreate: Recreate." + recreate);
        var migration = CompiledRevision.Load(source.Id, text);
        CompiledRevision.AssertRoundTrips(source, migration);
    }
}
