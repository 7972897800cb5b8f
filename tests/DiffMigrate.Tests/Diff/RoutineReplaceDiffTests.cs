using DiffMigrate.Migrations;
using static DiffMigrate.Tests.Diff.ChangeScenario;

namespace DiffMigrate.Tests.Diff;

/// <summary>
/// A routine is replaced in place unless PostgreSQL refuses CREATE OR REPLACE for the change (another return type,
/// renamed arguments, an aggregate's state type): then it is dropped and created again, the triggers that use it around it.
/// </summary>
[TestClass]
public sealed class RoutineReplaceDiffTests
{
    private static readonly Table Users = T("users", Id, new Column("name", SqlType.String(100)), Pk("id"));

    private static DefinedObject Score(string returns, string argument = "n", string body = "n * 2") => DefinedObject.Function("score", "integer",
        $"CREATE OR REPLACE FUNCTION public.score({argument} integer)\n RETURNS {returns}\n LANGUAGE sql\nAS $function$ select {body} $function$\n");

    private static readonly DefinedObject Trigger = DefinedObject.Trigger("trg_score", "users",
        "CREATE TRIGGER trg_score BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION score()") with { DependsOn = [new QualifiedName(null, "score")] };

    private static string[] Lines(IEnumerable<MigrationOperation> ops) => ops.Select(o => o switch
    {
        CreateObject c => "+ " + c.Object,
        DropObject d => "- " + d.Object,
        ReplaceObject r => "~ " + r.Object,
        _ => o.GetType().Name,
    }).ToArray();

    private static string[] Diff(DefinedObject before, DefinedObject after) =>
        Lines(Check(S(Users) with { Objects = [before, Trigger] }, S(Users) with { Objects = [after, Trigger] }));

    [TestMethod]
    public void A_changed_body_is_replaced_in_place()
    {
        CollectionAssert.AreEqual(new[] { "~ function score(integer)" }, Diff(Score("integer"), Score("integer", body: "n * 3")));
    }

    [TestMethod]
    public void Another_return_type_drops_and_creates_the_function_with_its_triggers_around_it()
    {
        CollectionAssert.AreEqual(
            new[] { "- trigger trg_score on users", "- function score(integer)", "+ function score(integer)", "+ trigger trg_score on users" },
            Diff(Score("integer"), Score("bigint")));
    }

    [TestMethod]
    public void A_renamed_argument_drops_and_creates_the_function()
    {
        CollectionAssert.AreEqual(
            new[] { "- trigger trg_score on users", "- function score(integer)", "+ function score(integer)", "+ trigger trg_score on users" },
            Diff(Score("integer"), Score("integer", argument: "m")));
    }

    [TestMethod]
    public void An_aggregates_new_initial_value_is_replaced_in_place_and_a_new_state_type_is_not()
    {
        static DefinedObject Total(string type, string init) => DefinedObject.Aggregate("total", "integer",
            $"CREATE OR REPLACE AGGREGATE public.total(integer) (SFUNC = int4pl, STYPE = {type}, INITCOND = '{init}')");
        var sameType = Lines(Check(S(Users) with { Objects = [Total("integer", "0")] }, S(Users) with { Objects = [Total("integer", "1")] }));
        CollectionAssert.AreEqual(new[] { "~ aggregate total(integer)" }, sameType);
        var newType = Lines(Check(S(Users) with { Objects = [Total("integer", "0")] }, S(Users) with { Objects = [Total("bigint", "0")] }));
        CollectionAssert.AreEqual(new[] { "- aggregate total(integer)", "+ aggregate total(integer)" }, newType);
    }
}
