using System.Reflection;
using DiffMigrate.Migrations;
using DiffMigrate.Render.CSharp;
using DiffMigrate.Tests.Model;
using DiffMigrate.Tests.Render;
using DiffMigrate.Tests.Support;

namespace DiffMigrate.Tests.Declarative;

/// <summary>
/// Everything a user writes (entity classes, a fluent model, revisions) needs <c>using DiffMigrate;</c> alone, and
/// nothing DiffMigrate names collides with a System name when a project's implicit usings are in effect.
/// </summary>
[TestClass]
public sealed class RootNamespaceSurfaceTests
{
    // What `<ImplicitUsings>enable</ImplicitUsings>` gives a Microsoft.NET.Sdk project.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    // Every DiffMigrate attribute and every value of every enum an attribute or the builder takes, in the README tour's style.
    private const string Entities = """
        using System.ComponentModel.DataAnnotations;
        using System.ComponentModel.DataAnnotations.Schema;
        using DiffMigrate;

        public enum PostStatus { Draft, [RenamedFrom("Live")] Published }

        [Table("authors")]
        [Unique(nameof(Email), Name = "uq_authors_email", NullsNotDistinct = true)]
        [RenamedFrom("writers")]
        [Comment("people who write")]
        [TableOptions(Strict = false, WithoutRowid = false)]
        public class Author
        {
            [Key] public int Id { get; set; }
            [MaxLength(255), Column("email")] public string Email { get; set; } = "";
            [Comment("shown on the profile")] public string? Bio { get; set; }
            [NotMapped] public string Display => Email;
        }

        [Table("posts", Schema = "blog")]
        [Index(nameof(AuthorId), nameof(PublishedAt), IsUnique = false, Name = "ix_posts_author", Filter = "published_at IS NOT NULL",
            Method = "btree", Include = new[] { nameof(Title) }, IsDescending = new[] { false, true },
            Nulls = new[] { NullsOrder.Default, NullsOrder.Last }, OperatorClasses = new[] { "", "" }, Collations = new[] { "", "" }, NullsNotDistinct = false)]
        [Check("char_length(title) > 0", Name = "title_not_empty", ExactName = true)]
        [PrimaryKey(nameof(Id), Name = "pk_posts")]
        public class Post
        {
            public int Id { get; set; }
            [MaxLength(200), RenamedFrom("heading")] public string Title { get; set; } = "";
            public string? Body { get; set; }
            [ServerDefault("'draft'")] public PostStatus Status { get; set; }
            [References(typeof(Author), OnDelete = ReferentialAction.Cascade, OnUpdate = ReferentialAction.NoAction, Name = "fk_posts_author",
                Deferrable = true, InitiallyDeferred = true)]
            public int AuthorId { get; set; }
            [References("authors", "id", Schema = "public", OnDelete = ReferentialAction.SetNull, OnUpdate = ReferentialAction.Restrict)]
            public int? EditorId { get; set; }
            [References("authors", "id", OnDelete = ReferentialAction.SetDefault)] public int ReviewerId { get; set; }
            [Precision(10, 2)] public decimal Price { get; set; }
            public DateTimeOffset? PublishedAt { get; set; }
        }

        [Table("audit_log")]
        [Keyless]
        public class AuditEntry
        {
            public DateTimeOffset At { get; set; }
            public string? Message { get; set; }
        }

        [AcceptLint("DM102", Table = "posts", Reason = "the column was never read")]
        public sealed class Accepted { }

        // The fluent style names the schema records, SqlType and Identity, from the same namespace.
        public sealed class Extra : SchemaDefinition
        {
            public override void Define(SchemaBuilder builder)
            {
                builder.Enum("mood", ["sad", "happy"]);
                builder.Sequence(new QualifiedName("blog", "numbers"), start: 1);
                builder.Table("tags", t =>
                {
                    t.Column("id", SqlType.Int64).Identity(always: true);
                    t.Column("name", SqlType.String(40)).Unique();
                    t.Column("kind", new SqlType(SqlTypeKind.Text)).Nullable();
                    t.PrimaryKey("id");
                });
                builder.Entity<Post>().Entity<Author>();
            }

            public static readonly Identity Generated = new(Always: true);
            public static readonly Recreate Batch = Recreate.Always;
            public static readonly Column Probe = new("x", SqlType.Int32);
        }
        """;

    private static readonly Assembly Model = typeof(Migration).Assembly;

    [TestMethod]
    public void Every_attribute_and_attribute_enum_lives_in_the_root_namespace_and_the_tour_model_uses_it()
    {
        var attributes = Model.GetExportedTypes().Where(t => t.IsSubclassOf(typeof(Attribute)) && t != typeof(RevisionAttribute)).ToList();
        Assert.IsNotEmpty(attributes);
        foreach (var attribute in attributes)
        {
            Assert.AreEqual("DiffMigrate", attribute.Namespace, attribute.FullName);
            var name = "[" + attribute.Name[..^"Attribute".Length];
            Assert.IsTrue(Entities.Contains(name + "(", StringComparison.Ordinal) || Entities.Contains(name + "]", StringComparison.Ordinal), $"the model uses {attribute.Name}");
            foreach (var property in attribute.GetProperties().Where(p => p.CanWrite))
                StringAssert.Contains(Entities, property.Name + " = ", $"the model sets {attribute.Name}.{property.Name}");
        }
        var enums = attributes.SelectMany(a => a.GetProperties()).Select(p => p.PropertyType).Where(t => t.IsEnum).Distinct().ToList();
        Assert.IsNotEmpty(enums);
        foreach (var type in enums)
        {
            Assert.AreEqual("DiffMigrate", type.Namespace, type.FullName);
            foreach (var value in Enum.GetNames(type)) StringAssert.Contains(Entities, type.Name + "." + value);
        }
    }

    [TestMethod]
    public void The_tour_model_compiles_with_the_root_namespace_alone_with_and_without_implicit_usings()
    {
        EmitterSafetyTests.AssertCompiles(["using System;\n" + Entities], warningsAreErrors: true);
        EmitterSafetyTests.AssertCompiles([ImplicitUsings, Entities], warningsAreErrors: true);
    }

    [TestMethod]
    public void A_generated_revision_that_forces_and_forbids_rebuilds_needs_only_the_root_namespace_and_round_trips()
    {
        var posts = new QualifiedName(null, "posts");
        var tags = new QualifiedName(null, "tags");
        MigrationOperation[] upgrade =
        [
            new BatchAlterTable(posts, [new AddColumn(posts, new Column("views", SqlType.Int64, Default: "0"))], Recreate.Always),
            new BatchAlterTable(tags, [new DropColumn(tags, new Column("legacy", SqlType.Text, Nullable: true))], Recreate.Never),
        ];
        var source = new RevisionSource("5e6f7a8b9c0d", ["0a1b2c3d4e5f"], "force and forbid", new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
            upgrade, OperationReverser.ReverseAll(upgrade));
        var text = RevisionWriter.Write(source);
        StringAssert.Contains(text, "recreate: Recreate.Always");
        StringAssert.Contains(text, "recreate: Recreate.Never");
        var usings = text.Split('\n').Where(l => l.StartsWith("using ", StringComparison.Ordinal)).ToList();
        CollectionAssert.AreEqual(new[] { "using DiffMigrate;" }, usings, text);
        var migration = CompiledRevision.Load(source.Id, text);
        CompiledRevision.AssertRoundTrips(source, migration);
        Assert.AreEqual(Recreate.Always, ((BatchAlterTable)CompiledRevision.Record(migration.Upgrade)[0]).Recreate);
        Assert.AreEqual(Recreate.Never, ((BatchAlterTable)CompiledRevision.Record(migration.Upgrade)[1]).Recreate);
    }

    [TestMethod]
    public void A_revision_of_every_operation_compiles_with_the_implicit_usings_in_effect()
    {
        var upgrade = SampleOperations.All().ToList();
        var source = new RevisionSource("ae1027a6acf0", ["1975ea83b712"], "every operation", new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
            upgrade, OperationReverser.ReverseAll(upgrade.Where(o => o is not BulkInsert).ToList()));
        var text = RevisionWriter.Write(source);
        StringAssert.Contains(text, "Index(");
        EmitterSafetyTests.AssertCompiles([ImplicitUsings, text]);
    }

    [TestMethod]
    public void No_public_type_of_the_root_namespace_is_ambiguous_with_a_System_name_under_the_implicit_usings()
    {
        // A root-namespace type named like Index, Range or Lock would fail here.
        var types = Model.GetExportedTypes().Where(t => t.Namespace == "DiffMigrate" && !t.IsNested).ToList();
        Assert.IsTrue(types.Count > 20, $"{types.Count} root types");
        var lines = types.Select(t => t.IsGenericType
            ? $"typeof({t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)]}<{new string(',', t.GetGenericArguments().Length - 1)}>)"
            : $"typeof({t.Name})");
        var probe = "using DiffMigrate;\n\npublic static class Probe\n{\n    public static readonly Type[] Types =\n    [\n        "
            + string.Join(",\n        ", lines) + ",\n    ];\n}\n";
        EmitterSafetyTests.AssertCompiles([ImplicitUsings, probe], warningsAreErrors: true);
    }
}
