using DiffMigrate.Migrations;
using DiffMigrate.Schema;

namespace DiffMigrate.Tests.Model;

/// <summary>One instance of every concrete operation, for completeness tests across renderers and reversers.</summary>
internal static class SampleOperations
{
    public static readonly QualifiedName Users = "users";

    public static Table UsersTable { get; } = new(
        Users,
        [
            new Column("id", SqlType.Int64, Identity: new Identity()),
            new Column("email", SqlType.String(255)),
            new Column("bio", SqlType.Text, Nullable: true),
            new Column("score", SqlType.Decimal(10, 2), Default: "0"),
        ],
        new PrimaryKey("pk_users", ["id"]),
        UniqueConstraints: [new UniqueConstraint("uq_users_email", ["email"])],
        CheckConstraints: [new CheckConstraint("ck_users_score", "score >= 0")]);

    public static IEnumerable<MigrationOperation> All()
    {
        var col = new Column("age", SqlType.Int32, Nullable: true);
        var fk = new ForeignKey("fk_posts_user_id_users", ["user_id"], Users, ["id"], ReferentialAction.Cascade);
        yield return new CreateTable(UsersTable);
        yield return new DropTable(UsersTable);
        yield return new RenameTable(Users, "people");
        yield return new AlterTableComment(Users, "people", null);
        yield return new AlterTableOptions(Users, new TableOptions(Strict: true), TableOptions.None);
        yield return new AddColumn(Users, col);
        yield return new DropColumn(Users, col);
        yield return new AlterColumn(Users, col, col with { Nullable = false });
        yield return new RenameColumn(Users, "age", "years");
        yield return new CreateIndex(Users, new TableIndex("ix_users_email", ["email"], IsUnique: true));
        yield return new DropIndex(Users, new TableIndex("ix_users_email", ["email"]));
        yield return new AddPrimaryKey(Users, new PrimaryKey("pk_users", ["id"]));
        yield return new DropPrimaryKey(Users, new PrimaryKey("pk_users", ["id"]));
        yield return new AddForeignKey("posts", fk);
        yield return new DropForeignKey("posts", fk);
        yield return new AddUniqueConstraint(Users, new UniqueConstraint("uq_users_email", ["email"]));
        yield return new DropUniqueConstraint(Users, new UniqueConstraint("uq_users_email", ["email"]));
        yield return new AddCheckConstraint(Users, new CheckConstraint("ck_users_age", "age > 0"));
        yield return new DropCheckConstraint(Users, new CheckConstraint("ck_users_age", "age > 0"));
        var exclusion = new ExclusionConstraint("ex_users_email", "USING gist (email WITH =)");
        yield return new AddExclusionConstraint(Users, exclusion);
        yield return new DropExclusionConstraint(Users, exclusion);
        yield return new ValidateConstraint(Users, "ck_users_age");
        var mood = new EnumType("mood", ["sad", "happy"]);
        var sequence = new Sequence("order_numbers", Start: 1000, Increment: 10);
        yield return new CreateSchema("audit");
        yield return new DropSchema("audit");
        yield return new CreateEnum(mood);
        yield return new DropEnum(mood);
        yield return new AddEnumValue(mood.Name, "meh", ["sad", "meh", "happy"]);
        yield return new DropEnumValue(mood.Name, "meh", ["sad", "meh", "happy"]);
        yield return new RenameEnumValue(mood.Name, "sad", "blue");
        yield return new CreateExtension(new Extension("pg_trgm"));
        yield return new DropExtension(new Extension("pg_trgm", "extensions"));
        yield return new AlterExtension(new Extension("pg_trgm"), new Extension("pg_trgm", "extensions"));
        var year = new Domain("year", SqlType.Int32, NotNull: true, Default: "2000", Checks: [new CheckConstraint("year_check", "VALUE > 1900")]);
        yield return new CreateDomain(year);
        yield return new DropDomain(year);
        yield return new AlterDomain(year, year with { NotNull = false, Default = null, Checks = [new CheckConstraint("year_range", "VALUE BETWEEN 1901 AND 2999")] });
        yield return new ReorderEnumValues(mood.Name, ["sad", "happy"], ["happy", "sad"]);
        var view = DefinedObject.View("active_users", "SELECT id, name\nFROM users\nWHERE active");
        var function = DefinedObject.Function(new QualifiedName("audit", "touch"), "",
            "CREATE OR REPLACE FUNCTION audit.touch()\n RETURNS trigger\n LANGUAGE plpgsql\nAS $function$BEGIN NEW.updated := now(); RETURN NEW; END$function$");
        yield return new CreateObject(view);
        yield return new DropObject(DefinedObject.MaterializedView("user_counts", "SELECT count(*) AS n FROM users", new TableIndex("ix_user_counts_n", ["n"])));
        yield return new ReplaceObject(function, function with { Definition = function.Definition.Replace("now()", "clock_timestamp()", StringComparison.Ordinal) });
        yield return new CreateObject(DefinedObject.Trigger("trg_touch", "users", "CREATE TRIGGER trg_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION audit.touch()"));
        yield return new CreateSequence(sequence);
        yield return new DropSequence(sequence);
        yield return new AlterSequence(sequence, sequence with { Increment = 5, MaxValue = 99999, Cycle = true });
        yield return new BatchAlterTable(Users,
            [new AlterColumn(Users, UsersTable.Columns[2], UsersTable.Columns[2] with { Nullable = false, Default = "''" }),
                new AddCheckConstraint(Users, new CheckConstraint("ck_users_bio", "length(bio) < 500"))],
            CopyFrom: UsersTable);
        yield return new ExecuteSql("UPDATE users SET age = 1", "UPDATE users SET age = NULL");
        yield return new BulkInsert(Users, ["email"], [(EquatableArray<object?>)new object?[] { "a@b.c" }]);
    }

    public static IEnumerable<Type> ConcreteOperationTypes() =>
        typeof(MigrationOperation).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(MigrationOperation)) && !t.IsAbstract)
            .OrderBy(t => t.Name, StringComparer.Ordinal);
}
