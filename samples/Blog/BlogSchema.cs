using DiffMigrate;

namespace Blog;

/// <summary>The tables described with the fluent builder; the attribute-mapped classes sit beside them.</summary>
public sealed class BlogSchema : SchemaDefinition
{
    public override void Define(SchemaBuilder builder)
    {
        builder.Table("categories", t =>
        {
            t.Column("id", SqlType.Int32).Identity().PrimaryKey();
            t.Column("name", SqlType.String(50)).Unique();
            t.Column("parent_id", SqlType.Int32).Nullable().References("categories", "id", onDelete: ReferentialAction.SetNull);
            t.Column("position", SqlType.Int16).Default("0").Check("position >= 0");
        });
        builder.Table("newsletter_subscriptions", t =>
        {
            t.Column("id", SqlType.Int64).Identity().PrimaryKey();
            t.Column("email", SqlType.String(255));
            t.Column("author_id", SqlType.Int32).Nullable().References("authors", "id", onDelete: ReferentialAction.SetNull);
            t.Column("subscribed_at", SqlType.DateTimeOffset).Default("CURRENT_TIMESTAMP");
            t.Column("token", SqlType.Uuid);
            t.Index(null, ["email"], unique: true);
        });
    }
}
