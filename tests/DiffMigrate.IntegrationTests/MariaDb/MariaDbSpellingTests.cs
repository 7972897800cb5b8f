using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.MariaDb;

/// <summary>
/// A MariaDB database written with one spelling and a model with another of the same meaning compare equal through
/// the text normaliser alone (no server canonicaliser yet); a real difference is still seen.
/// </summary>
[TestClass]
public sealed class MariaDbSpellingTests
{
    private const string Database = """
        CREATE TABLE owners (id INTEGER NOT NULL PRIMARY KEY);
        CREATE TABLE items (
          id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY,
          qty INT NOT NULL DEFAULT 0,
          price DECIMAL(10,2) NOT NULL DEFAULT 0,
          ratio DOUBLE NOT NULL DEFAULT 1.50,
          flag BOOL NOT NULL DEFAULT TRUE,
          code VARCHAR(10) NOT NULL DEFAULT 5,
          note VARCHAR(20) NULL DEFAULT NULL,
          stamp DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
          twice DECIMAL(11,2) AS ((price*2)) VIRTUAL,
          owner_id INT NULL,
          CONSTRAINT ck_items_qty CHECK (qty>=0 AND (qty<1000)),
          CONSTRAINT fk_items_owner FOREIGN KEY (owner_id) REFERENCES owners (id) ON DELETE RESTRICT ON UPDATE NO ACTION,
          UNIQUE INDEX uq_items_code (code)
        );
        """;

    private const string Model = """
        using DiffMigrate;
        using DiffMigrate.Schema;

        public sealed class SpellingModel : SchemaDefinition
        {
            public override void Define(SchemaBuilder b)
            {
                b.Table("owners", t => t.Column("id", SqlType.Int32).PrimaryKey());
                b.Table("items", t =>
                {
                    t.Column("id", SqlType.Int32).Identity().PrimaryKey();
                    t.Column("qty", SqlType.Int32).Default("'0'");
                    t.Column("price", SqlType.Decimal(10, 2)).Default("0.0");
                    t.Column("ratio", SqlType.Double).Default("1.5");
                    t.Column("flag", SqlType.Boolean).Default("true");
                    t.Column("code", SqlType.String(10)).Default("5");
                    t.Column("note", SqlType.String(20)).Nullable();
                    t.Column("stamp", SqlType.DateTime).Default("current_timestamp(6)");
                    t.Column("twice", SqlType.Decimal(11, 2)).Computed("price * 2", stored: false);
                    t.Column("owner_id", SqlType.Int32).Nullable();
                    t.Check("QTY >= 0  and qty < 1000", "ck_items_qty", exactName: true);
                    t.ForeignKey(["owner_id"], "owners", ["id"], name: "fk_items_owner");
                    t.Index("uq_items_code", ["code"], unique: true);
                });
            }
        }
        """;

    [TestMethod]
    public void Equal_meaning_in_another_spelling_is_no_change()
    {
        using var database = MariaDbServer.CreateDatabase();
        database.Execute(Database);
        using var project = Project(database, Model);

        var check = project.Run("check");
        Assert.AreEqual(0, check.Code, check.Out + check.Err);
        var diff = project.Run("diff");
        Assert.AreEqual(0, diff.Code, diff.Err);
        Assert.AreEqual("No changes: the model matches the database.", diff.Out.Trim());
    }

    [TestMethod]
    [DataRow("t.Column(\"qty\", SqlType.Int32).Default(\"'0'\");", "t.Column(\"qty\", SqlType.Int32).Default(\"1\");", "qty")]
    [DataRow("Check(\"QTY >= 0  and qty < 1000\"", "Check(\"qty >= 0 and qty < 100\"", "ck_items_qty")]
    [DataRow("name: \"fk_items_owner\");", "ReferentialAction.Cascade, name: \"fk_items_owner\");", "owner")]
    [DataRow("Computed(\"price * 2\", stored: false)", "Computed(\"price * 3\", stored: false)", "twice")]
    [DataRow("t.Index(\"uq_items_code\", [\"code\"], unique: true);", "", "uq_items_code")]
    public void A_real_difference_is_still_seen(string from, string to, string named)
    {
        StringAssert.Contains(Model, from);
        using var database = MariaDbServer.CreateDatabase();
        database.Execute(Database);
        using var project = Project(database, Model.Replace(from, to, StringComparison.Ordinal));

        var check = project.Run("check");
        Assert.AreEqual(1, check.Code, check.Out + check.Err);
        StringAssert.Contains(check.Out + check.Err, named);
    }

    private static TempProject Project(MariaDbDatabase database, string model)
    {
        var project = new TempProject();
        project.Initialized(ModelAssembly.Compile(model, Path.Combine(project.Directory, "SpellingModel.dll")));
        project.Environment["DIFFMIGRATE_URL"] = "mysql:" + database.ConnectionString;
        return project;
    }
}
