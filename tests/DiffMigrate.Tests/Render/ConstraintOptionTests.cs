using DiffMigrate.Design.Commands;
using DiffMigrate.Diff;
using DiffMigrate.Migrations;
using DiffMigrate.Providers;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Render.CSharp;
using DiffMigrate.Render.Sql;
using DiffMigrate.Schema;
using DiffMigrate.Tests.Support;

namespace DiffMigrate.Tests.Render;

/// <summary>
/// NOT VALID foreign keys and checks, exclusion constraints and deferrable UNIQUE constraints: comparison, SQL on
/// both dialects, the C# a revision and a scaffold hold, the builder, and the change descriptions.
/// </summary>
[TestClass]
public sealed class ConstraintOptionTests
{
    private static readonly Table Parent = new("parent", [new Column("id", SqlType.Int32)], new PrimaryKey("pk_parent", ["id"]));

    private static readonly Table T = new("t",
    [
        new Column("id", SqlType.Int32), new Column("parent_id", SqlType.Int32, Nullable: true), new Column("n", SqlType.Int32, Nullable: true),
        new Column("during", SqlType.Raw("tsrange"), Nullable: true),
    ], new PrimaryKey("pk_t", ["id"]));

    private static readonly ForeignKey Fk = new("fk_t_parent_id_parent", ["parent_id"], "parent", ["id"]);
    private static readonly CheckConstraint Positive = new("ck_t_n", "n > 0");
    private static readonly ExclusionConstraint NoOverlap = new("ex_t_during", "USING gist (n WITH =, during WITH &&)");

    private static List<MigrationOperation> Diff(Table database, Table model, DiffMigrate.Dialects.Dialect? dialect = null) =>
        new SchemaDiffer(new DiffOptions(dialect ?? PostgresDialect.Instance))
            .Diff(new DatabaseSchema([Parent, database]), new DatabaseSchema([Parent, model])).ToList();

    [TestMethod]
    public void A_NOT_VALID_constraint_the_model_has_valid_is_validated_in_place()
    {
        var database = T with { ForeignKeys = [Fk with { NotValid = true }], CheckConstraints = [Positive with { NotValid = true }] };
        var operations = Diff(database, T with { ForeignKeys = [Fk], CheckConstraints = [Positive] });
        CollectionAssert.AreEqual(new MigrationOperation[] { new ValidateConstraint("t", "fk_t_parent_id_parent"), new ValidateConstraint("t", "ck_t_n") }, operations);
        Assert.AreEqual("ALTER TABLE t VALIDATE CONSTRAINT fk_t_parent_id_parent", new PostgresSqlRenderer().Render([operations[0]]).Single().Text);
        Assert.AreEqual("~ constraint ck_t_n on t validated (was NOT VALID)", OperationText.Describe(operations[1]));
        // Its reverse runs nothing that could fail: a validated constraint satisfies the NOT VALID model.
        var reverse = operations[0].Reverse();
        Assert.AreEqual(new ValidateConstraint("t", "fk_t_parent_id_parent", Undo: true), reverse);
        StringAssert.StartsWith(new PostgresSqlRenderer().Render([reverse]).Single().Text, "-- constraint fk_t_parent_id_parent on t stays validated");
    }

    [TestMethod]
    public void A_validated_constraint_satisfies_a_NOT_VALID_model_and_SQLite_ignores_NOT_VALID()
    {
        var valid = T with { ForeignKeys = [Fk], CheckConstraints = [Positive] };
        var notValid = T with { ForeignKeys = [Fk with { NotValid = true }], CheckConstraints = [Positive with { NotValid = true }] };
        Assert.IsEmpty(Diff(valid, notValid));
        Assert.IsEmpty(Diff(notValid, valid, SqliteDialect.Instance));
        Assert.IsEmpty(Diff(notValid, notValid));
    }

    [TestMethod]
    public void A_new_NOT_VALID_constraint_is_added_NOT_VALID_and_CREATE_TABLE_adds_it_after_the_table()
    {
        var operations = Diff(T, T with { CheckConstraints = [Positive with { NotValid = true }] });
        Assert.AreEqual(new AddCheckConstraint("t", Positive with { NotValid = true }), operations.Single());
        Assert.AreEqual("ALTER TABLE t ADD CONSTRAINT ck_t_n CHECK (n > 0) NOT VALID", new PostgresSqlRenderer().Render(operations).Single().Text);
        Assert.AreEqual("+ check ck_t_n on t: n > 0 NOT VALID", OperationText.Describe(operations[0]));
        Assert.IsEmpty(DatabaseProviders.For(PostgresDialect.Instance).Lint([new AddForeignKey("t", Fk with { NotValid = true })]), "NOT VALID scans nothing under lock");

        var create = new PostgresSqlRenderer().Render([new CreateTable(T with { ForeignKeys = [Fk with { NotValid = true }], CheckConstraints = [Positive with { NotValid = true }] })])
            .Select(s => s.Text).ToList();
        Assert.HasCount(3, create);
        Assert.DoesNotContain("NOT VALID", create[0]);
        Assert.AreEqual("ALTER TABLE t ADD CONSTRAINT fk_t_parent_id_parent FOREIGN KEY (parent_id) REFERENCES parent (id) NOT VALID", create[1]);
        Assert.AreEqual("ALTER TABLE t ADD CONSTRAINT ck_t_n CHECK (n > 0) NOT VALID", create[2]);
        // SQLite has no NOT VALID: the table holds the constraint, validated (which satisfies the model).
        var sqlite = new SqliteSqlRenderer().Render([new CreateTable(T with { CheckConstraints = [Positive with { NotValid = true }] })]).Single().Text;
        StringAssert.Contains(sqlite, "CONSTRAINT ck_t_n CHECK (n > 0)\n)");
    }

    [TestMethod]
    public void Exclusion_constraints_are_added_dropped_rendered_and_refused_by_SQLite()
    {
        var added = Diff(T, T with { ExclusionConstraints = [NoOverlap] });
        Assert.AreEqual(new AddExclusionConstraint("t", NoOverlap), added.Single());
        Assert.AreEqual("ALTER TABLE t ADD CONSTRAINT ex_t_during EXCLUDE USING gist (n WITH =, during WITH &&)", new PostgresSqlRenderer().Render(added).Single().Text);
        Assert.AreEqual("+ exclusion constraint ex_t_during on t: EXCLUDE USING gist (n WITH =, during WITH &&)", OperationText.Describe(added[0]));
        Assert.IsEmpty(Diff(T with { ExclusionConstraints = [NoOverlap] }, T with { ExclusionConstraints = [NoOverlap with { Definition = "USING gist (n WITH =,\n   during WITH &&)" }] }),
            "spacing is not a difference");
        var changed = Diff(T with { ExclusionConstraints = [NoOverlap] }, T with { ExclusionConstraints = [NoOverlap with { Definition = "USING gist (during WITH &&)" }] });
        CollectionAssert.AreEqual(new[] { typeof(DropExclusionConstraint), typeof(AddExclusionConstraint) }, changed.Select(o => o.GetType()).ToArray());
        Assert.AreEqual("ALTER TABLE t DROP CONSTRAINT ex_t_during", new PostgresSqlRenderer().Render([changed[0]]).Single().Text);
        StringAssert.Contains(new PostgresSqlRenderer().Render([new CreateTable(T with { ExclusionConstraints = [NoOverlap] })]).First().Text,
            "    CONSTRAINT ex_t_during EXCLUDE USING gist (n WITH =, during WITH &&)\n)");
        var refused = Assert.ThrowsExactly<UnsupportedOperationException>(() => new SqliteSqlRenderer().Render([new CreateTable(T with { ExclusionConstraints = [NoOverlap] })]));
        Assert.AreEqual("SQLite cannot express exclusion constraint ex_t_during on table t: SQLite has no EXCLUDE; remove it from the SQLite model.", refused.Message);
        var refusedAdd = Assert.ThrowsExactly<UnsupportedOperationException>(() => new SqliteSqlRenderer().Render(added));
        StringAssert.Contains(refusedAdd.Message, "AddExclusionConstraint: SQLite has no exclusion constraints");
    }

    [TestMethod]
    public void A_deferrable_unique_constraint_is_compared_rendered_described_and_refused_by_SQLite()
    {
        var unique = new UniqueConstraint("uq_t_n", ["n"]);
        Assert.IsEmpty(Diff(T with { UniqueConstraints = [unique with { Deferrable = true, InitiallyDeferred = true }] },
            T with { UniqueConstraints = [unique with { InitiallyDeferred = true }] }), "INITIALLY DEFERRED implies DEFERRABLE");
        var changed = Diff(T with { UniqueConstraints = [unique] }, T with { UniqueConstraints = [unique with { Deferrable = true, InitiallyDeferred = true }] });
        CollectionAssert.AreEqual(new[] { typeof(DropUniqueConstraint), typeof(AddUniqueConstraint) }, changed.Select(o => o.GetType()).ToArray());
        Assert.AreEqual("ALTER TABLE t ADD CONSTRAINT uq_t_n UNIQUE (n) DEFERRABLE INITIALLY DEFERRED", new PostgresSqlRenderer().Render([changed[1]]).Single().Text);
        Assert.AreEqual("+ unique uq_t_n on t(n) DEFERRABLE INITIALLY DEFERRED", OperationText.Describe(changed[1]));
        var refused = Assert.ThrowsExactly<UnsupportedOperationException>(() =>
            new SqliteSqlRenderer().Render([new CreateTable(T with { UniqueConstraints = [unique with { Deferrable = true }] })]));
        StringAssert.StartsWith(refused.Message, "SQLite cannot express a DEFERRABLE UNIQUE constraint (uq_t_n) on table t");
    }

    [TestMethod]
    public void A_revision_writes_each_option_and_compiles_to_the_same_operations()
    {
        MigrationOperation[] upgrade =
        [
            new CreateTable(T with
            {
                ForeignKeys = [Fk with { NotValid = true, Deferrable = true }],
                CheckConstraints = [Positive with { NotValid = true }],
                UniqueConstraints = [new UniqueConstraint("uq_t_n", ["n"], Deferrable: true, InitiallyDeferred: true)],
                ExclusionConstraints = [NoOverlap],
            }),
            new AddExclusionConstraint("t", NoOverlap with { Name = "ex2" }),
            new ValidateConstraint("t", "ck_t_n"),
        ];
        var source = new RevisionSource("c0ffee000001", [], "constraint options", DateTimeOffset.UnixEpoch, upgrade, OperationReverser.ReverseAll(upgrade),
            ClassName: "ConstraintOptions");
        var text = RevisionWriter.Write(source);
        StringAssert.Contains(text, "Check(\"ck_t_n\", \"n > 0\", notValid: true)");
        StringAssert.Contains(text, "Exclude(\"ex_t_during\", \"USING gist (n WITH =, during WITH &&)\")");
        StringAssert.Contains(text, "op.ValidateConstraint(\"t\", \"ck_t_n\")");
        var migration = CompiledRevision.Load(source.Id, text);
        var up = new Operations();
        migration.Upgrade(up);
        CollectionAssert.AreEqual(upgrade, up.Recorded.ToList(), text);
        var down = new Operations();
        migration.Downgrade(down);
        CollectionAssert.AreEqual(OperationReverser.ReverseAll(upgrade).ToList(), down.Recorded.ToList(), text);
    }

    private sealed class Builder : SchemaDefinition
    {
        public override void Define(SchemaBuilder builder)
        {
            builder.Table("parent", t => t.Column("id", SqlType.Int32).PrimaryKey());
            builder.Table("t", t =>
            {
                t.Column("id", SqlType.Int32).PrimaryKey();
                t.Column("parent_id", SqlType.Int32).Nullable();
                t.Column("n", SqlType.Int32).Nullable();
                t.Column("during", SqlType.Raw("tsrange")).Nullable();
                t.ForeignKey(["parent_id"], "parent", ["id"], deferrable: true, notValid: true);
                t.Check("n > 0", "n", exactName: false, notValid: true);
                t.Unique(["n"], nullsNotDistinct: false, deferrable: true, initiallyDeferred: true);
                t.Exclude("USING gist (n WITH =, during WITH &&)", name: "ex_t_during");
            });
        }
    }

    [TestMethod]
    public void The_builder_declares_each_option_and_scaffold_writes_it_back()
    {
        var model = SchemaModel.FromTypes([], [new Builder()]);
        var table = model.FindTable("t")!;
        Assert.AreEqual(Fk with { NotValid = true, Deferrable = true }, table.ForeignKeys.Single());
        Assert.AreEqual(Positive with { NotValid = true }, table.CheckConstraints.Single());
        Assert.AreEqual(new UniqueConstraint("uq_t_n", ["n"], Deferrable: true, InitiallyDeferred: true), table.UniqueConstraints.Single());
        Assert.AreEqual(NoOverlap, table.ExclusionConstraints.Single());

        var (source, warnings) = ModelWriter.Write(model, "App");
        Assert.IsEmpty(warnings);
        StringAssert.Contains(source, "t.ForeignKey([\"parent_id\"], \"parent\", [\"id\"], deferrable: true, notValid: true);");
        StringAssert.Contains(source, "t.Check(\"n > 0\", \"n\", exactName: false, notValid: true);");
        StringAssert.Contains(source, "t.Unique([\"n\"], nullsNotDistinct: false, name: null, deferrable: true, initiallyDeferred: true);");
        StringAssert.Contains(source, "t.Exclude(\"USING gist (n WITH =, during WITH &&)\", name: \"ex_t_during\");");
        var (entities, _) = ModelWriter.WriteEntities(model, "App", PostgresDialect.Instance);
        StringAssert.Contains(string.Join("\n", entities.Select(e => e.Source)), "t is written with the builder: it has an exclusion constraint.");
    }
}
