namespace DiffMigrate.IntegrationTests.Postgres;

/// <summary>
/// A model that uses every PostgreSQL type and object DiffMigrate reflects, in the default schema and in a second
/// one, written as an application would write it (compiled into a model assembly for the CLI).
/// </summary>
internal static class RichModel
{
    public const string Source = """
        using DiffMigrate;
        using DiffMigrate.Schema;

        public sealed class RichModel : SchemaDefinition
        {
            public override void Define(SchemaBuilder b)
            {
                b.Extension("citext");
                b.Enum("mood", ["sad", "ok", "happy"]);
                b.Enum(new QualifiedName("audit", "level"), ["low", "high"]);
                b.Sequence("invoice_numbers", start: 1000, increment: 10, cache: 5);
                b.Sequence(new QualifiedName("audit", "ticket_numbers"), maxValue: 99999, cycle: true);
                b.Table("authors", t =>
                {
                    t.Column("id", SqlType.Int32).Identity(always: true, start: 100, increment: 5).PrimaryKey();
                    t.Column("name", SqlType.String(80)).Collation("C").Comment("Display name");
                    t.Column("email", SqlType.Raw("citext")).Nullable();
                    t.Unique(["email"], nullsNotDistinct: true);
                    t.Comment("People who write");
                });
                b.Table("posts", t =>
                {
                    t.Column("id", SqlType.Int64).Serial().PrimaryKey();
                    t.Column("author_id", SqlType.Int32);
                    t.Column("title", SqlType.Text).Default("'untitled'");
                    t.Column("price", SqlType.Decimal(10, 2)).Nullable().Default("0").Check("price >= 0");
                    t.Column("tags", SqlType.Raw("varchar(20)[]")).Nullable();
                    t.Column("body", SqlType.Json).Nullable();
                    t.Column("created", SqlType.DateTimeOffset).Default("now()");
                    t.Column("span", SqlType.Raw("interval")).Nullable();
                    t.Column("feeling", SqlType.Enum("mood", "sad", "ok", "happy")).Nullable().Default("'ok'");
                    t.Column("title_len", SqlType.Int32).Nullable().Computed("length(title)");
                    t.Column("ratio", SqlType.Double).Default("1.5");
                    t.Column("uid", SqlType.Uuid).Default("gen_random_uuid()");
                    t.Column("flag", SqlType.Boolean).Default("false");
                    t.Column("code", SqlType.FixedChar(3)).Nullable();
                    t.Column("data", SqlType.Binary()).Nullable();
                    t.Column("day", SqlType.Date).Default("CURRENT_DATE");
                    t.Column("at", SqlType.Time).Nullable();
                    t.Column("stamp", SqlType.DateTime).Default("CURRENT_TIMESTAMP");
                    t.Column("small", SqlType.Int16).Default("(-1)");
                    t.Column("score", SqlType.Single).Nullable();
                    t.Column("invoice", SqlType.Int64).Default("nextval('invoice_numbers')");
                    t.Column("slug", SqlType.String()).Default("'a' || 'b'");
                    t.ForeignKey(["author_id"], "authors", ["id"], ReferentialAction.Cascade, deferrable: true, initiallyDeferred: true);
                    t.Index("ix_posts_lower_title", ["lower(title)", "author_id"], filter: "price > 0", expressions: [true, false],
                        include: ["price"], descending: [true, false]);
                    t.Index("ix_posts_tags", ["tags"], method: "gin");
                    t.Index("ix_posts_day", ["day"], unique: true, filter: "flag");
                    t.Check("char_length(slug) < 100 AND slug <> ''", "slug_length");
                });
                b.Table(new QualifiedName("audit", "events"), t =>
                {
                    t.Column("id", SqlType.Uuid).PrimaryKey();
                    t.Column("level", SqlType.Enum("audit.level", "low", "high")).Default("'low'");
                    t.Column("post_id", SqlType.Int64).Nullable().References("posts", "id", ReferentialAction.SetNull);
                    t.Column("amount", SqlType.Decimal(12, 4)).Default("0").Check("amount BETWEEN 0 AND 1000000", "amount_range");
                    t.Column("note", SqlType.String(200)).Nullable().Default("''").Comment("Free text");
                    t.Column("ticket", SqlType.Int32).Identity();
                    t.Index(null, ["level", "amount"]);
                    t.Comment("What happened");
                });
            }
        }
        """;
}
