using DiffMigrate.Migrations;
using DiffMigrate.Render.Sql;

namespace DiffMigrate.Tests.Render;

public sealed partial class PostgresRendererTests
{
    private static readonly Column Title = new("title", SqlType.String(50), Nullable: true);

    private void VerifyAlter(Column existing, Column column, [System.Runtime.CompilerServices.CallerMemberName] string name = "") =>
        Verify(new AlterColumn(Orders, existing, column), name);

    [TestMethod] public void Alter_column_length_grows_without_using() => VerifyAlter(Title, Title with { Type = SqlType.String(200) });

    [TestMethod] public void Alter_column_type_kind_change_casts_with_using() => VerifyAlter(
        new Column("qty", SqlType.String(10), Default: "'1'"), new Column("qty", SqlType.Int64, Default: "1"));

    [TestMethod] public void Alter_column_to_an_enum_casts_through_text_and_keeps_the_default() => VerifyAlter(
        new Column("status", SqlType.Text, Default: "'happy'"), new Column("status", SqlType.Enum("app.mood", "sad", "happy"), Default: "'happy'"));

    [TestMethod] public void Alter_column_from_an_enum_to_text() => VerifyAlter(
        new Column("status", SqlType.Enum("app.mood", "sad", "happy"), Nullable: true), new Column("status", SqlType.Text, Nullable: true));

    [TestMethod] public void Alter_column_nullability_and_default() => VerifyAlter(Title, Title with { Nullable = false, Default = "'untitled'" });

    [TestMethod] public void Alter_column_drop_default_and_not_null() => VerifyAlter(Title with { Nullable = false, Default = "'untitled'" }, Title);

    [TestMethod] public void Alter_column_collation() => VerifyAlter(Title, Title with { Collation = "C" });

    [TestMethod] public void Alter_column_comment() => VerifyAlter(Title with { Comment = "old" }, Title with { Comment = "The title, as it's shown" });

    [TestMethod] public void Alter_column_remove_comment() => VerifyAlter(Title with { Comment = "old" }, Title);

    [TestMethod] public void Alter_column_add_identity() => VerifyAlter(
        new Column("number", SqlType.Int32, Nullable: true), new Column("number", SqlType.Int32, Identity: new Identity(Start: 100)));

    [TestMethod] public void Alter_column_drop_identity() => VerifyAlter(
        new Column("id", SqlType.Int64, Identity: new Identity(Always: true)), new Column("id", SqlType.Int64));

    [TestMethod] public void Alter_column_identity_options() => VerifyAlter(
        new Column("id", SqlType.Int64, Identity: new Identity(Always: true, Start: 1000, Increment: 10)),
        new Column("id", SqlType.Int64, Identity: new Identity(Start: 5000, Increment: 1)));

    [TestMethod] public void Alter_column_drop_expression() => VerifyAlter(
        new Column("taxed", SqlType.Decimal(12, 2), Nullable: true, Computed: "total * 1.2"), new Column("taxed", SqlType.Decimal(12, 2), Nullable: true));

    [TestMethod] public void Alter_column_with_an_awkward_name() => Verify(new AlterColumn(new QualifiedName("Sales Data", "user"),
        new Column("Select", SqlType.String(20), Nullable: true), new Column("Select", SqlType.Int32)));

    [TestMethod] public void Alter_column_to_a_generation_expression_replaces_the_column_after_a_guard() => VerifyAlter(
        new Column("taxed", SqlType.Decimal(12, 2), Nullable: true, Computed: "total"),
        new Column("taxed", SqlType.Decimal(12, 2), Nullable: true, Computed: "total * 2", Comment: "with tax"));

    [TestMethod]
    public void A_spelling_change_of_the_same_default_renders_nothing() =>
        Assert.IsEmpty(Renderer.Render([new AlterColumn(Orders, Title with { Default = "'x'::text" }, Title with { Default = "('x')" })]));

    [TestMethod] public void Alter_column_serial_to_identity() => VerifyAlter(
        new Column("n", SqlType.Int32, Identity: new Identity(Serial: true)), new Column("n", SqlType.Int32, Identity: new Identity(Always: true)));

    [TestMethod] public void Alter_column_identity_to_serial() => VerifyAlter(
        new Column("n", SqlType.Int64, Identity: new Identity()), new Column("n", SqlType.Int64, Identity: new Identity(Serial: true)));

    [TestMethod] public void Alter_column_serial_removed() => VerifyAlter(
        new Column("n", SqlType.Int32, Identity: new Identity(Serial: true)), new Column("n", SqlType.Int32, Nullable: true));

    [TestMethod]
    public void A_serial_with_options_is_refused()
    {
        var plain = new Column("n", SqlType.Int32);
        var error = Assert.ThrowsExactly<UnsupportedOperationException>(() =>
            Renderer.Render([new AlterColumn(Orders, plain, plain with { Identity = new Identity(Start: 5, Serial: true) })]));
        StringAssert.Contains(error.Message, "serial column takes no");
    }

    [TestMethod]
    public void An_enum_value_missing_from_the_list_is_an_error()
    {
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => Renderer.Render([new AddEnumValue(Mood, "meh", ["sad", "happy"])]));
        StringAssert.Contains(error.Message, "'meh' is not in");
    }

    [TestMethod]
    public void The_old_enum_name_fits_in_63_bytes()
    {
        var name = new string('é', 40);
        var sql = Renderer.Render([new DropEnumValue(name, "b", ["a", "b"])])[0].Text;
        var renamed = sql[(sql.LastIndexOf(" TO ", StringComparison.Ordinal) + 5)..^1];
        Assert.AreEqual(new string('é', 29) + "__old", renamed);
        Assert.IsTrue(System.Text.Encoding.UTF8.GetByteCount(renamed) <= 63);
    }
}
