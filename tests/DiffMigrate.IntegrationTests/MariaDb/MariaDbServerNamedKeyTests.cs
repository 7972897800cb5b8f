using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Migrations;
using DiffMigrate.Providers.MySql;

namespace DiffMigrate.IntegrationTests.MariaDb;

/// <summary>
/// What an adopted MariaDB schema holds that a hand-written model rarely does: foreign keys the server named
/// (<c>t_ibfk_1</c>) keep their names and get the index names the server gives them, and AUTO_INCREMENT takes an
/// integer type spelled verbatim (<c>int unsigned</c>).
/// </summary>
[TestClass]
public sealed class MariaDbServerNamedKeyTests
{
    private static readonly MySqlSqlRenderer Renderer = new();

    [TestMethod]
    [DataRow("c_ibfk_1,c_ibfk_2", "c_ibfk_1:a,c_ibfk_2:b")]
    [DataRow("c_ibfk_2,c_ibfk_1", "c_ibfk_1:c_ibfk_1,c_ibfk_2:c_ibfk_2")]
    [DataRow("c_ibfk_1,fk_named", "c_ibfk_1:a,fk_named:fk_named")]
    public void Server_named_foreign_keys_in_order_are_left_for_the_server_to_name_as_before(string names, string expected)
    {
        using var database = MariaDbServer.CreateDatabase();
        database.Execute("CREATE TABLE p (id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY)");
        var keys = names.Split(',');
        var table = new Table(new QualifiedName(null, "c"),
            [new Column("id", SqlType.Raw("int unsigned"), Identity: new Identity()), new Column("a", SqlType.Raw("int unsigned"), Nullable: true), new Column("b", SqlType.Raw("int unsigned"), Nullable: true)],
            new PrimaryKey(null, ["id"]),
            ForeignKeys: [new ForeignKey(keys[0], ["a"], new QualifiedName(null, "p"), ["id"]), new ForeignKey(keys[1], ["b"], new QualifiedName(null, "p"), ["id"])]);

        foreach (var statement in Renderer.Render([new CreateTable(table)])) database.Execute(statement.Text);

        // Each key's name, and the name of the index the server made for it (on exactly its column).
        var found = database.Strings("""
            SELECT concat(k.constraint_name, ':', s.index_name) FROM information_schema.key_column_usage k
            JOIN information_schema.statistics s ON s.table_schema = k.table_schema AND s.table_name = k.table_name AND s.column_name = k.column_name
            WHERE k.table_schema = DATABASE() AND k.table_name = 'c' AND k.referenced_table_name IS NOT NULL ORDER BY 1
            """);
        Assert.AreEqual(expected, string.Join(",", found));
        Assert.AreEqual("auto_increment", database.Strings("SELECT extra FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'c' AND column_name = 'id'").Single());
    }
}
