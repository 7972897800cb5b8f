using DiffMigrate.Diff;
using DiffMigrate.Migrations;
using DiffMigrate.Providers.MySql;
using DiffMigrate.Schema;

namespace DiffMigrate.Tests.Diff;

/// <summary>
/// An object the inspector saw but could not read (listed as not managed) is there: the model's object of that kind and
/// name is not created again, its definition not compared; one the database lacks is created.
/// </summary>
[TestClass]
public sealed class UnreadObjectsTests
{
    private static readonly Table Posts = new("posts", [new Column("id", SqlType.Int32)], new PrimaryKey(null, ["id"]));
    private static readonly DefinedObject Recent = DefinedObject.View("recent", "SELECT id FROM posts");
    private static readonly DefinedObject Twice = DefinedObject.Function("twice", "", "CREATE FUNCTION twice(x INT) RETURNS INT RETURN x * 2");
    private static readonly DefinedObject Touch = DefinedObject.Trigger("touch", "posts", "CREATE TRIGGER touch BEFORE INSERT ON posts FOR EACH ROW SET NEW.id = NEW.id");

    private static IReadOnlyList<MigrationOperation> Diff(DatabaseSchema database, params DefinedObject[] model) =>
        new SchemaDiffer(new DiffOptions(MySqlDialect.Instance)).Diff(database, new DatabaseSchema([Posts], Objects: model.ToEquatableArray()));

    private static DatabaseSchema Seen(params UnmanagedObject[] unmanaged) => new([Posts], Unmanaged: unmanaged.ToEquatableArray());

    [TestMethod]
    public void What_the_database_lists_as_not_managed_is_not_created_again()
    {
        var database = Seen(new UnmanagedObject("view", "RECENT"), new UnmanagedObject("function", "twice"), new UnmanagedObject("trigger", "touch", "posts"));
        Assert.IsEmpty(Diff(database, Recent, Twice, Touch));
    }

    [TestMethod]
    public void What_the_database_lacks_is_created_and_a_name_of_another_kind_or_table_does_not_count()
    {
        var database = Seen(new UnmanagedObject("function", "recent"), new UnmanagedObject("trigger", "touch", "other"));
        var operations = Diff(database, Recent, Twice, Touch);
        CollectionAssert.AreEquivalent(new MigrationOperation[] { new CreateObject(Recent), new CreateObject(Twice), new CreateObject(Touch) }, operations.ToList());
    }
}
