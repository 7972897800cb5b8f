using DiffMigrate.Dialects;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Schema;

namespace DiffMigrate.Tests.Model;

/// <summary>
/// The identifier check answers a good model without describing every name, so each place a name or a text can sit
/// is tried here with a bad value: the quick pass must not miss one that the full walk would refuse.
/// </summary>
[TestClass]
public sealed class IdentifierLimitsTests
{
    // Every place the check looks at, each as a model with `bad` in that place and good names elsewhere.
    private static readonly (string Place, Func<string, DatabaseSchema> Model)[] Places =
    [
        ("schema", bad => Model() with { Schemas = [bad] }),
        ("enum schema", bad => Model() with { Enums = [new EnumType(new QualifiedName(bad, "e"), ["a"])] }),
        ("enum", bad => Model() with { Enums = [new EnumType(bad, ["a"])] }),
        ("enum value", bad => Model() with { Enums = [new EnumType("e", ["a", bad])] }),
        ("sequence", bad => Model() with { Sequences = [new Sequence(bad)] }),
        ("table schema", bad => Model(t => t with { Name = new QualifiedName(bad, "t") })),
        ("table", bad => Model(t => t with { Name = bad })),
        ("column", bad => Model(t => t with { Columns = [.. t.Columns, new Column(bad, SqlType.Int32)] })),
        ("primary key", bad => Model(t => t with { PrimaryKey = new PrimaryKey(bad, ["id"]) })),
        ("foreign key", bad => Model(t => t with { ForeignKeys = [new ForeignKey(bad, ["id"], "t", ["id"])] })),
        ("unique", bad => Model(t => t with { UniqueConstraints = [new UniqueConstraint(bad, ["id"])] })),
        ("check name", bad => Model(t => t with { CheckConstraints = [new CheckConstraint(bad, "id > 0")] })),
        ("index", bad => Model(t => t with { Indexes = [new TableIndex(bad, ["id"])] })),
        ("exclusion name", bad => Model(t => t with { ExclusionConstraints = [new ExclusionConstraint(bad, "USING gist (id WITH =)")] })),
    ];

    private static readonly (string Place, Func<string, DatabaseSchema> Model)[] TextPlaces =
    [
        ("table comment", bad => Model(t => t with { Comment = bad })),
        ("default", bad => Model(t => t with { Columns = [t.Columns[0] with { Default = bad }] })),
        ("column comment", bad => Model(t => t with { Columns = [t.Columns[0] with { Comment = bad }] })),
        ("computed", bad => Model(t => t with { Columns = [.. t.Columns, new Column("c", SqlType.Int32, Computed: bad)] })),
        ("check SQL", bad => Model(t => t with { CheckConstraints = [new CheckConstraint("ck", bad)] })),
        ("exclusion definition", bad => Model(t => t with { ExclusionConstraints = [new ExclusionConstraint("ex", bad)] })),
    ];

    [TestMethod]
    public void A_good_model_passes_in_every_place()
    {
        foreach (var (place, model) in Places.Concat(TextPlaces))
        {
            IdentifierLimits.Check(model("good_name"), PostgresDialect.Instance);
        }
        // A surrogate pair is storable: the quick pass leaves it to the full walk, which accepts it.
        IdentifierLimits.Check(Model(t => t with { Comment = "emoji \U0001F600" }), PostgresDialect.Instance);
    }

    [TestMethod]
    public void A_NUL_or_a_lone_surrogate_is_refused_in_every_place()
    {
        foreach (var (place, model) in Places.Concat(TextPlaces))
        {
            foreach (var (bad, said) in new[] { ("x\0y", "NUL character"), ("x\uD800y", "lone surrogate") })
            {
                var error = Assert.ThrowsExactly<DiffMigrateException>(() => IdentifierLimits.Check(model(bad), PostgresDialect.Instance), place);
                StringAssert.Contains(error.Message, said, place);
            }
        }
    }

    [TestMethod]
    public void A_name_over_the_limit_is_refused_in_every_name_place()
    {
        var tooLong = new string('n', PostgresDialect.Instance.MaxIdentifierLength + 1);
        var justFits = new string('n', PostgresDialect.Instance.MaxIdentifierLength);
        foreach (var (place, model) in Places)
        {
            var error = Assert.ThrowsExactly<DiffMigrateException>(() => IdentifierLimits.Check(model(tooLong), PostgresDialect.Instance), place);
            StringAssert.Contains(error.Message, "allows at most", place);
            IdentifierLimits.Check(model(justFits), PostgresDialect.Instance);
        }
    }

    private static DatabaseSchema Model(Func<Table, Table>? change = null)
    {
        var table = new Table("t", [new Column("id", SqlType.Int32)]);
        return new DatabaseSchema([change is null ? table : change(table)]);
    }
}
