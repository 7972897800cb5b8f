using System.Text.RegularExpressions;
using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.Postgres;

/// <summary>
/// The exact-comparison corpus on PostgreSQL: each case is a database spelling and a model spelling of one table
/// (and whatever it needs: an enum, a sequence), with the verdict they must get. All cases live side by side in one
/// database and one model, as in a real schema, so that one element the server cannot take cannot hide behind
/// another. <c>check</c> must report a change on exactly the tables of the cases that differ; the revision
/// autogenerate writes, once applied, leaves <c>check</c> clean (convergence), and its downgrade brings the
/// differences back.
/// </summary>
[TestClass]
public sealed partial class PostgresComparisonCorpus
{
    /// <summary>
    /// One case. <paramref name="Database"/> is SQL run on the database and <paramref name="Model"/> C# statements run
    /// on the model's <c>SchemaBuilder b</c>; in both, <c>{t}</c> is the case's table name, which every object the case
    /// creates starts with (so that <c>check</c>'s lines can be told apart per case).
    /// </summary>
    internal sealed record Case(string Name, string Database, string Model, bool Same);

    /// <summary>Every case, each area in its own file.</summary>
    internal static Case[] Cases => [.. GeneralCases, .. ValueCases, .. IndexOptionCases];

    private const bool Same = true;
    private const bool Differ = false;

    /// <summary>
    /// A case on one column <c>x</c> of a table keyed by <c>id</c>: <paramref name="database"/> is the column's
    /// definition in SQL, <paramref name="model"/> the model's C# for it (<c>t.Column("x", ...)...;</c>).
    /// </summary>
    internal static Case Column(string name, string database, string model, bool same, string before = "", string modelBefore = "") =>
        new(name, before + $"CREATE TABLE {{t}} (id int CONSTRAINT {{t}}_pkey PRIMARY KEY, x {database});",
            modelBefore + $$$"""b.Table("{t}", t => { t.Column("id", SqlType.Int32); t.PrimaryKey(["id"], "{t}_pkey"); {{{model}}} });""", same);

    /// <summary>A case on a whole table: <paramref name="columns"/> follow <c>id</c> in CREATE TABLE, <paramref name="after"/> runs next.</summary>
    internal static Case Table(string name, string columns, string after, string model, bool same) =>
        new(name, $"CREATE TABLE {{t}} (id int CONSTRAINT {{t}}_pkey PRIMARY KEY, {columns});" + after,
            $$$"""b.Table("{t}", t => { t.Column("id", SqlType.Int32); t.PrimaryKey(["id"], "{t}_pkey"); {{{model}}} });""", same);

    private static string TableName(int index) => $"c{index:D3}";

    [TestMethod]
    public void The_corpus_holds_two_hundred_cases_of_both_verdicts_across_both_databases()
    {
        var all = Cases.Length + Sqlite.SqliteExactComparisonTests.CaseCount;
        Assert.IsGreaterThanOrEqualTo(200, all, $"{Cases.Length} PostgreSQL + {Sqlite.SqliteExactComparisonTests.CaseCount} SQLite");
        Assert.IsGreaterThanOrEqualTo(40, Cases.Count(c => c.Same));
        Assert.IsGreaterThanOrEqualTo(40, Cases.Count(c => !c.Same));
        var duplicate = Cases.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        Assert.IsNull(duplicate, $"two cases are called '{duplicate?.Key}'");
    }

    [TestMethod]
    public void Check_finds_exactly_the_cases_that_differ_and_the_candidate_converges()
    {
        using var database = PostgresServer.CreateDatabase();
        var cases = Cases;
        for (var i = 0; i < cases.Length; i++)
        {
            try
            {
                database.Execute(cases[i].Database.Replace("{t}", TableName(i), StringComparison.Ordinal));
            }
            catch (Exception e)
            {
                Assert.Fail($"case '{cases[i].Name}': its database SQL fails: {e.Message}");
            }
        }
        using var project = Project(database, string.Join("\n", cases.Select((c, i) => c.Model.Replace("{t}", TableName(i), StringComparison.Ordinal))));

        var check = project.Run("check");
        Assert.AreNotEqual(2, check.Code, check.Out + check.Err);
        var wrong = Verdicts(cases, check.Out);
        Assert.IsEmpty(wrong, "wrong verdicts:\n" + string.Join("\n", wrong) + "\n\ncheck said:\n" + check.Out + check.Err);

        var revision = project.Run("revision", "--autogenerate", "-m", "corpus", "--rev-id", "0000000c0a01");
        Assert.AreEqual(0, revision.Code, revision.Out + revision.Err);
        var upgrade = project.Run("upgrade", "head");
        Assert.AreEqual(0, upgrade.Code, upgrade.Out + upgrade.Err);
        var clean = project.Run("check");
        Assert.AreEqual(0, clean.Code, "not converged:\n" + clean.Out + clean.Err);

        // The downgrade restores each database spelling: without the revision, the same cases differ again.
        var downgrade = project.Run("downgrade", "base");
        Assert.AreEqual(0, downgrade.Code, downgrade.Out + downgrade.Err);
        foreach (var file in Directory.GetFiles(project.VersionsPath, "*.cs")) File.Delete(file);
        var again = project.Run("check");
        var wrongAgain = Verdicts(cases, again.Out);
        Assert.IsEmpty(wrongAgain, "after the downgrade:\n" + string.Join("\n", wrongAgain) + "\n\ncheck said:\n" + again.Out + again.Err);
    }

    /// <summary>The cases whose verdict the check output contradicts, each with the lines about it.</summary>
    private static List<string> Verdicts(Case[] cases, string output)
    {
        // Only change lines (+, -, ~) count: the objects listed as not managed (a case's domain) are not changes.
        var lines = output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] is '+' or '-' or '~').ToList();
        var wrong = new List<string>();
        for (var i = 0; i < cases.Length; i++)
        {
            var mine = new Regex($@"\b{TableName(i)}(?![0-9])", RegexOptions.CultureInvariant);
            var about = lines.Where(l => mine.IsMatch(l)).ToList();
            if (cases[i].Same && about.Count > 0) wrong.Add($"false positive: {TableName(i)} '{cases[i].Name}': {string.Join(" | ", about)}");
            if (!cases[i].Same && about.Count == 0) wrong.Add($"false negative: {TableName(i)} '{cases[i].Name}'");
        }
        return wrong;
    }

    private static TempProject Project(TestDatabase database, string body) => ModelProject.For(body, database);
}
