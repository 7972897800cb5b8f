using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Workloads;

namespace DiffMigrate.IntegrationTests.Postgres;

/// <summary>
/// NOT VALID foreign keys and checks, exclusion constraints and deferrable UNIQUE constraints on a live server:
/// added, changed and dropped by autogenerate with the rows kept, <c>check</c> clean afterwards, offline SQL, a
/// scaffold that compares equal, and none of them in the not-managed report any more.
/// </summary>
[TestClass]
public sealed class PostgresConstraintOptionTests
{
    private const string Tables = """
        b.Table("parent", t => { t.Column("id", SqlType.Int32); t.PrimaryKey(["id"], "parent_pkey"); });
        b.Table("child", t =>
        {
            t.Column("id", SqlType.Int32); t.PrimaryKey(["id"], "child_pkey");
            t.Column("parent_id", SqlType.Int32).Nullable(); t.Column("n", SqlType.Int32).Nullable();
        """;

    [TestMethod]
    public void NOT_VALID_constraints_are_added_over_bad_rows_and_validated_once_the_model_says_so()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute("""
            CREATE TABLE parent (id int CONSTRAINT parent_pkey PRIMARY KEY);
            CREATE TABLE child (id int CONSTRAINT child_pkey PRIMARY KEY, parent_id int, n int);
            INSERT INTO parent VALUES (1); INSERT INTO child VALUES (1, 1, 5), (2, 99, -1);
            """);
        using var project = ModelProject.For(Tables + """
                t.ForeignKey(["parent_id"], "parent", ["id"], name: "child_parent_fkey", notValid: true);
                t.Check("n > 0", "child_n_check", exactName: true, notValid: true);
            });
            """, database);

        var check = project.Run("check");
        Assert.AreEqual(1, check.Code, check.Out + check.Err);
        StringAssert.Contains(check.Out, "+ check child_n_check on child: n > 0 NOT VALID");
        StringAssert.Contains(check.Out, "+ foreign key child_parent_fkey on child(parent_id) -> parent NOT VALID");
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "not valid", "--rev-id", "00000000nv01").Code);
        var script = File.ReadAllText(Directory.GetFiles(project.VersionsPath, "00000000nv01*.cs").Single());
        StringAssert.Contains(script, "notValid: true");
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Out + upgrade.Err);
        Assert.AreEqual("child_n_check:f,child_parent_fkey:f", Validated(database));
        Assert.AreEqual("2", database.Strings("SELECT count(*)::text FROM child").Single(), "the rows already there stay");
        var refused = Assert.ThrowsExactly<Npgsql.PostgresException>(() => database.Execute("INSERT INTO child VALUES (3, 1, -5)"));
        Assert.AreEqual("23514", refused.SqlState, "new rows are checked");
        var clean = project.Run("check", "--fail-on-unmanaged");
        Assert.AreEqual(0, clean.Code, clean.Out + clean.Err);

        // The model now wants them valid: the rows are fixed, and the constraints validated in place.
        database.Execute("UPDATE child SET parent_id = 1, n = 1 WHERE id = 2");
        Swap(project, Tables + """
                t.ForeignKey(["parent_id"], "parent", ["id"], name: "child_parent_fkey");
                t.Check("n > 0", "child_n_check", exactName: true);
            });
            """);
        var validate = project.Run("check");
        Assert.AreEqual(1, validate.Code, validate.Out + validate.Err);
        StringAssert.Contains(validate.Out, "~ constraint child_parent_fkey on child validated (was NOT VALID)");
        StringAssert.Contains(validate.Out, "~ constraint child_n_check on child validated (was NOT VALID)");
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "validate", "--rev-id", "00000000nv02").Code);
        var offline = project.Run("upgrade", "00000000nv01:head", "--sql");
        Assert.AreEqual(0, offline.Code, offline.Err);
        StringAssert.Contains(offline.Out, "ALTER TABLE child VALIDATE CONSTRAINT child_parent_fkey;");
        var full = project.Run("upgrade", "base:head", "--sql");
        StringAssert.Contains(full.Out, "ALTER TABLE child ADD CONSTRAINT child_n_check CHECK (n > 0) NOT VALID;");
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        Assert.AreEqual("child_n_check:t,child_parent_fkey:t", Validated(database));
        Assert.AreEqual(0, project.Run("check", "--fail-on-unmanaged").Code);

        // Down: validated stays validated (a NOT VALID model accepts it), and nothing fails on the way.
        var down = project.Run("downgrade", "00000000nv01");
        Assert.AreEqual(0, down.Code, down.Out + down.Err);
        Assert.AreEqual("child_n_check:t,child_parent_fkey:t", Validated(database));
        Assert.AreEqual("2", database.Strings("SELECT count(*)::text FROM child").Single());
    }

    private const string Booking = """
        b.Extension("btree_gist");
        b.Table("booking", t =>
        {
            t.Column("id", SqlType.Int32); t.PrimaryKey(["id"], "booking_pkey");
            t.Column("room", SqlType.Int32); t.Column("during", SqlType.Raw("tsrange"));
        """;

    [TestMethod]
    public void An_exclusion_constraint_is_added_changed_and_dropped_with_the_rows_kept()
    {
        using var database = PostgresServer.CreateDatabase();
        using var project = ModelProject.For(Booking + """
                t.Exclude("using GIST (room with =, during with &&)", name: "booking_no_overlap");
            });
            """, database);
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "booking", "--rev-id", "00000000ex01").Code);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Out + upgrade.Err);
        Assert.AreEqual("EXCLUDE USING gist (room WITH =, during WITH &&)", Definition(database, "booking_no_overlap"));
        database.Execute("INSERT INTO booking VALUES (1, 1, '[2026-01-01 10:00, 2026-01-01 11:00)'), (2, 2, '[2026-01-01 10:00, 2026-01-01 11:00)')");
        var overlap = Assert.ThrowsExactly<Npgsql.PostgresException>(() => database.Execute("INSERT INTO booking VALUES (3, 1, '[2026-01-01 10:30, 2026-01-01 12:00)')"));
        Assert.AreEqual("23P01", overlap.SqlState);
        // The model's spelling differs from the server's; the server's form is what is compared.
        var clean = project.Run("check", "--fail-on-unmanaged");
        Assert.AreEqual(0, clean.Code, clean.Out + clean.Err);

        // Changed: overlapping bookings of any room are refused, with a WHERE clause.
        Swap(project, Booking + """
                t.Exclude("USING gist (during WITH &&) WHERE (room > 1)", name: "booking_no_overlap");
            });
            """);
        var changed = project.Run("check");
        Assert.AreEqual(1, changed.Code, changed.Out + changed.Err);
        StringAssert.Contains(changed.Out, "- exclusion constraint booking_no_overlap on booking");
        StringAssert.Contains(changed.Out, "+ exclusion constraint booking_no_overlap on booking: EXCLUDE USING gist (during WITH &&) WHERE (room > 1)");
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "change", "--rev-id", "00000000ex02").Code);
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        Assert.AreEqual("EXCLUDE USING gist (during WITH &&) WHERE (room > 1)", Definition(database, "booking_no_overlap"));
        Assert.AreEqual(0, project.Run("check").Code);

        // Dropped.
        Swap(project, Booking + "\n    });");
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "drop", "--rev-id", "00000000ex03").Code);
        var offline = project.Run("upgrade", "00000000ex02:head", "--sql");
        StringAssert.Contains(offline.Out, "ALTER TABLE booking DROP CONSTRAINT booking_no_overlap;");
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        Assert.IsEmpty(database.Strings("SELECT conname::text FROM pg_constraint WHERE contype = 'x'"));
        Assert.AreEqual("2", database.Strings("SELECT count(*)::text FROM booking").Single());
        Assert.AreEqual(0, project.Run("check").Code);

        // And back down to the first revision: the constraint returns as it was.
        Assert.AreEqual(0, project.Run("downgrade", "00000000ex01").Code);
        Assert.AreEqual("EXCLUDE USING gist (room WITH =, during WITH &&)", Definition(database, "booking_no_overlap"));
    }

    [TestMethod]
    public void A_deferrable_unique_constraint_is_added_and_checked_at_commit()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute("CREATE TABLE slot (id int CONSTRAINT slot_pkey PRIMARY KEY, pos int, CONSTRAINT slot_pos_key UNIQUE (pos)); INSERT INTO slot VALUES (1, 1), (2, 2);");
        using var project = ModelProject.For("""
            b.Table("slot", t =>
            {
                t.Column("id", SqlType.Int32); t.PrimaryKey(["id"], "slot_pkey"); t.Column("pos", SqlType.Int32).Nullable();
                t.Unique(["pos"], nullsNotDistinct: false, name: "slot_pos_key", deferrable: true, initiallyDeferred: true);
            });
            """, database);
        var check = project.Run("check");
        Assert.AreEqual(1, check.Code, check.Out + check.Err);
        StringAssert.Contains(check.Out, "+ unique slot_pos_key on slot(pos) DEFERRABLE INITIALLY DEFERRED");
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "deferrable", "--rev-id", "00000000du01").Code);
        var offline = project.Run("upgrade", "head", "--sql");
        StringAssert.Contains(offline.Out, "ALTER TABLE slot ADD CONSTRAINT slot_pos_key UNIQUE (pos) DEFERRABLE INITIALLY DEFERRED;");
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        // Swapping two positions in one statement only works when the check waits for the end of the statement.
        database.Execute("UPDATE slot SET pos = 3 - pos");
        Assert.AreEqual("1,2", string.Join(",", database.Strings("SELECT id::text FROM slot ORDER BY pos DESC")));
        Assert.AreEqual(0, project.Run("check", "--fail-on-unmanaged").Code);
        Assert.AreEqual(0, project.Run("downgrade", "base").Code);
        Assert.AreEqual("f", database.Strings("SELECT condeferrable::text FROM pg_constraint WHERE conname = 'slot_pos_key'").Single()[..1]);
    }

    [TestMethod]
    public void Scaffold_of_each_writes_a_model_that_compares_equal_and_nothing_is_reported_unmanaged()
    {
        using var a = PostgresServer.CreateDatabase();
        using var b = PostgresServer.CreateDatabase();
        a.Execute("""
            CREATE EXTENSION btree_gist;
            CREATE TABLE parent (id int PRIMARY KEY);
            CREATE TABLE child (id int PRIMARY KEY, parent_id int, n int, room int, during tsrange,
                CONSTRAINT child_uq UNIQUE (n) DEFERRABLE, CONSTRAINT child_uq2 UNIQUE (room, n) DEFERRABLE INITIALLY DEFERRED,
                EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (room IS NOT NULL));
            ALTER TABLE child ADD CONSTRAINT child_parent_fkey FOREIGN KEY (parent_id) REFERENCES parent (id) NOT VALID;
            ALTER TABLE child ADD CONSTRAINT child_n_check CHECK (n > 0) NOT VALID;
            ALTER TABLE child ADD CONSTRAINT ck_child_room CHECK (room > 0) NOT VALID;
            """);
        using var project = new TempProject().Initialized();
        project.Environment["DIFFMIGRATE_URL"] = b.Url;
        var (code, output, err) = project.Run("scaffold", "--url", a.Url, "--out", "Scaffolded", "--namespace", "Adopted");
        Assert.AreEqual(0, code, output + err);
        Assert.IsFalse(output.Contains("Not managed", StringComparison.Ordinal), output);
        var files = Directory.GetFiles(Path.Combine(project.Directory, "Scaffolded"), "*.cs").Select(File.ReadAllText).ToList();
        var source = string.Join("\n", files);
        StringAssert.Contains(source, "t.Exclude(\"USING gist (room WITH =, during WITH &&) WHERE (room IS NOT NULL)\", name: \"child_room_during_excl\");", source);
        StringAssert.Contains(source, "notValid: true", source);
        StringAssert.Contains(source, "deferrable: true, initiallyDeferred: true", source);
        var model = ModelAssembly.Compile(files, Path.Combine(project.Directory, "Adopted.dll"));
        project.UseModel(model);
        var compare = project.Run("diff", "--from", a.Url, "--to", "model");
        Assert.AreEqual(0, compare.Code, compare.Out + compare.Err + "\n" + source);
        Assert.IsFalse(compare.Out.Contains("not compare", StringComparison.Ordinal), compare.Out);

        // A baseline from the scaffolded model makes the same constraints.
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "--from-empty", "-m", "baseline", "--rev-id", "0000000000bb").Code);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Out + upgrade.Err);
        var forward = project.Run("diff", "--from", a.Url, "--to", b.Url);
        Assert.AreEqual(0, forward.Code, forward.Out + forward.Err);
        Assert.AreEqual(Constraints(a), Constraints(b));
    }

    /// <summary>Replaces the project's model with one that runs <paramref name="body"/>.</summary>
    private static void Swap(TempProject project, string body)
    {
        var name = $"Model{Guid.NewGuid():N}.dll";
        var source = "using DiffMigrate;\nusing DiffMigrate.Schema;\n\npublic sealed class Model : SchemaDefinition\n{\n    public override void Define(SchemaBuilder b)\n    {\n" +
            body + "\n    }\n}\n";
        var model = ModelAssembly.Compile(source, Path.Combine(project.Directory, name));
        project.UseModel(model);
    }

    private static string Validated(TestDatabase database) => string.Join(",", database.Strings(
        "SELECT conname || ':' || CASE WHEN convalidated THEN 't' ELSE 'f' END FROM pg_constraint WHERE contype IN ('f', 'c') AND conrelid = 'child'::regclass ORDER BY 1"));

    private static string Definition(TestDatabase database, string constraint) =>
        database.Strings($"SELECT pg_get_constraintdef(oid, true) FROM pg_constraint WHERE conname = '{constraint}'").Single();

    private static string Constraints(TestDatabase database) => string.Join("\n", database.Strings(
        "SELECT conname || ' ' || convalidated || ' ' || pg_get_constraintdef(oid, true) FROM pg_constraint WHERE conrelid = 'child'::regclass ORDER BY 1"));
}
