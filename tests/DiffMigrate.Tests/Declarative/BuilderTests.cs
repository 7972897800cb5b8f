using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace DiffMigrate.Tests.Declarative;

[TestClass]
public sealed class BuilderTests
{
    [Table("authors")]
    public sealed class Author
    {
        public int Id { get; set; }
        [MaxLength(100), Unique] public string Name { get; set; } = "";
        [ServerDefault("CURRENT_TIMESTAMP")] public DateTime Joined { get; set; }
    }

    [Table("books")]
    [Index(nameof(Title), IsUnique = true, Filter = "title IS NOT NULL")]
    public sealed class Book
    {
        public int Id { get; set; }
        public string? Title { get; set; }
        [References(typeof(Author), OnDelete = ReferentialAction.Cascade)] public int AuthorId { get; set; }
        [Check("pages > 0")] public int Pages { get; set; }
    }

    private sealed class SameAsAttributes : SchemaDefinition
    {
        public override void Define(SchemaBuilder builder)
        {
            builder.Table("authors", t =>
            {
                t.Column("id", SqlType.Int32).Identity().PrimaryKey();
                t.Column("name", SqlType.String(100)).Unique();
                t.Column("joined", SqlType.DateTime).Default("CURRENT_TIMESTAMP");
            });
            builder.Table("books", t =>
            {
                t.Column("id", SqlType.Int32).Identity().PrimaryKey();
                t.Column("title", SqlType.Text).Nullable();
                t.Column("author_id", SqlType.Int32).References("authors", "id", ReferentialAction.Cascade);
                t.Column("pages", SqlType.Int32).Check("pages > 0");
                t.Index(null, ["title"], unique: true, filter: "title IS NOT NULL");
            });
        }
    }

    private sealed class Mixed : SchemaDefinition
    {
        public override void Define(SchemaBuilder builder)
        {
            builder.Entity<Author>();
            builder.Table("books", t =>
            {
                t.Column("id", SqlType.Int32).Identity().PrimaryKey();
                t.Column("author_id", SqlType.Int32).References("authors", "id");
                t.Index("ix_books_lower_title", ["lower(title)"], expressions: [true]);
            });
        }
    }

    private sealed class Broken(Action<SchemaBuilder> define) : SchemaDefinition
    {
        public override void Define(SchemaBuilder builder) => define(builder);
    }

    [TestMethod]
    public void The_builder_and_the_attributes_give_the_identical_model()
    {
        var fromAttributes = SchemaModel.FromTypes([typeof(Author), typeof(Book)], []);
        var fromBuilder = SchemaModel.FromTypes([], [new SameAsAttributes()]);
        Assert.AreEqual(fromAttributes, fromBuilder);
        Assert.HasCount(2, fromBuilder.Tables);
        Assert.AreEqual(new CheckConstraint("ck_books_pages", "pages > 0"), fromBuilder.Tables[1].CheckConstraints.Single());
    }

    [TestMethod]
    public void One_model_mixes_both_styles_and_keeps_expression_index_entries()
    {
        var model = SchemaModel.FromTypes([], [new Mixed()]);
        CollectionAssert.AreEqual(new QualifiedName[] { "authors", "books" }, model.Tables.Select(t => t.Name).ToArray());
        var index = model.Tables[1].Indexes.Single();
        Assert.AreEqual(new TableIndex("ix_books_lower_title", ["lower(title)"], Expressions: [true]), index);
    }

    [TestMethod]
    public void Model_errors_name_the_class_or_definition_and_the_object()
    {
        AssertError([typeof(NoKey)], [], "class " + typeof(NoKey).FullName, "no primary key");
        AssertError([typeof(BadIndex)], [], "[Index] names property 'Missing'");
        AssertError([typeof(UnknownType)], [], "property Weight", "[Column(TypeName");
        AssertError([typeof(DanglingReference)], [], "property OwnerId", "not an entity");
        AssertError([typeof(Author)], [new Broken(b => b.Table("authors", t => t.Column("id", SqlType.Int32).PrimaryKey()))], "Two tables are named authors");
        AssertError([], [new Broken(b => b.Table("x", t => t.Column("id", SqlType.Int32).PrimaryKey().Indexed().Unique().References("y", "id")).Table("x2", t => t.Index("nope")))],
            "an index names column 'nope'", "x2");
    }

    private static void AssertError(Type[] entities, SchemaDefinition[] definitions, params string[] fragments)
    {
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => SchemaModel.FromTypes(entities, definitions));
        foreach (var fragment in fragments) StringAssert.Contains(error.Message, fragment);
    }

    [Table("no_key")] public sealed class NoKey { public string Name { get; set; } = ""; }

    [Table("bad_index"), Index("Missing")] public sealed class BadIndex { public int Id { get; set; } }

    [Table("unknown_type")] public sealed class UnknownType { public int Id { get; set; } public Half Weight { get; set; } }

    [Table("dangling")]
    public sealed class DanglingReference
    {
        public int Id { get; set; }
        [References(typeof(NoKey))] public int OwnerId { get; set; }
    }
}
