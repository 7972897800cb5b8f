using DiffMigrate.Inspect;
using DiffMigrate.IntegrationTests.Support;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Schema;

namespace DiffMigrate.IntegrationTests.Postgres;

/// <summary>
/// The canonicaliser creates the model's routines and triggers only inside its rolled-back transaction: nothing a
/// name, an argument list or a definition holds escapes it, one object the server refuses falls back alone, and a
/// definition that is not the CREATE statement of its kind is one clear error.
/// </summary>
[TestClass]
public sealed class PostgresRoutineCanonicalizerTests
{
    private const string Escape = "; COMMIT; DROP TABLE victim; --";

    private static readonly Table Victims = new("victim", [new Column("id", SqlType.Int32)], new PrimaryKey("victim_pkey", ["id"]));

    [TestMethod]
    public async Task Nothing_in_a_name_arguments_or_definition_escapes_the_rolled_back_transaction()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute("CREATE TABLE victim (id int CONSTRAINT victim_pkey PRIMARY KEY); INSERT INTO victim VALUES (42);");
        var model = DatabaseSchema.Empty with
        {
            Tables = [Victims],
            Objects =
            [
                DefinedObject.Function("good", "int", "create function good(n int) returns int language sql as $$ select n $$"),
                DefinedObject.Function("bad_body", "", $"create function bad_body() returns int language sql as $$ select 1 $${Escape}"),
                DefinedObject.Function("x'); DROP TABLE victim; --", "", "create function \"x'); DROP TABLE victim; --\"() returns int language sql as $$ select 1 $$"),
                DefinedObject.Function("args", $"int{Escape}", "create function args(n int) returns int language sql as $$ select n $$"),
                DefinedObject.Trigger("t'); DROP TABLE victim; --", "victim",
                    "create trigger \"t'); DROP TABLE victim; --\" before insert on victim for each row execute function suppress_redundant_updates_trigger()"),
            ],
        };
        await using var connection = database.Open();
        var existing = await new PostgresInspector().InspectAsync(connection, new InspectOptions());
        var canonicalizer = new PostgresModelCanonicalizer();
        var (forms, problem) = await canonicalizer.CanonicalizeAsync(connection, model, existing);

        Assert.IsNotNull(forms);
        Assert.AreEqual("42", database.Strings("SELECT id::text FROM victim").Single());
        Assert.IsEmpty(database.Strings("SELECT proname::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'"), "rolled back");
        Assert.IsEmpty(database.Strings("SELECT tgname::text FROM pg_trigger WHERE NOT tgisinternal"), "rolled back");
        StringAssert.StartsWith(forms.Objects[0].Definition, "CREATE OR REPLACE FUNCTION public.good(n integer)");
        Assert.AreEqual("integer", forms.Objects[0].Arguments);
        Assert.AreEqual("CREATE OR REPLACE FUNCTION public.\"x'); DROP TABLE victim; --\"()", forms.Objects[2].Definition.Split('\n')[0]);
        StringAssert.StartsWith(forms.Objects[4].Definition, "CREATE TRIGGER \"t'); DROP TABLE victim; --\" BEFORE INSERT ON public.victim");
        // The two that cannot be taken keep the model's text and are named, one line each.
        Assert.AreEqual(model.Objects[1], forms.Objects[1]);
        Assert.AreEqual(model.Objects[3], forms.Objects[3]);
        var lines = problem!.Split('\n');
        Assert.HasCount(2, lines, problem);
        StringAssert.Contains(lines[0], "function bad_body()");
        StringAssert.Contains(lines[1], "function args(");
    }

    [TestMethod]
    public async Task A_definition_that_is_not_the_create_statement_of_its_kind_is_one_clear_error()
    {
        using var database = PostgresServer.CreateDatabase();
        database.Execute("CREATE TABLE victim (id int CONSTRAINT victim_pkey PRIMARY KEY); INSERT INTO victim VALUES (42);");
        await using var connection = database.Open();
        var canonicalizer = new PostgresModelCanonicalizer();
        foreach (var item in new[]
        {
            DefinedObject.Trigger("t", "victim", "DROP TABLE victim"),
            DefinedObject.Function("f", "", "create procedure f() language sql as $$ select 1 $$"),
            DefinedObject.Aggregate("a", "", "TRUNCATE victim"),
        })
        {
            var model = DatabaseSchema.Empty with { Tables = [Victims], Objects = [item] };
            var error = await Assert.ThrowsAsync<DiffMigrateException>(() => canonicalizer.CanonicalizeAsync(connection, model, DatabaseSchema.Empty));
            StringAssert.Contains(error.Message, item.ToString());
            Assert.DoesNotContain("\n", error.Message);
        }
        Assert.AreEqual("42", database.Strings("SELECT id::text FROM victim").Single());
    }
}
