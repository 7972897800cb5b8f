using DiffMigrate.Diff.Lint;
using DiffMigrate.Migrations;
using DiffMigrate.Providers;
using DiffMigrate.Providers.Sqlite;

namespace DiffMigrate.Tests.Diff;

[TestClass]
public sealed class SafetyLintTests
{
    private static readonly QualifiedName Posts = "posts";
    private static readonly Column Title = new("title", SqlType.String(200), Nullable: true);

    /// <summary>One operation per rule, with the dialect it applies to: every documented code is reachable.</summary>
    private static IEnumerable<(string Code, DatabaseProvider Provider, MigrationOperation Operation)> Samples()
    {
        yield return ("DM101", DatabaseProviders.Sqlite, new DropTable(new Table(Posts, [Title])));
        yield return ("DM102", DatabaseProviders.Sqlite, new DropColumn(Posts, Title));
        yield return ("DM103", DatabaseProviders.Sqlite, new AlterColumn(Posts, Title, Title with { Type = SqlType.Int32 }));
        yield return ("DM104", DatabaseProviders.Sqlite, new AlterColumn(Posts, Title, Title with { Type = SqlType.String(20) }));
        yield return ("DM105", DatabaseProviders.Sqlite, new AlterColumn(Posts, Title, Title with { Nullable = false }));
        yield return ("DM106", DatabaseProviders.Sqlite, new AddColumn(Posts, new Column("slug", SqlType.Text)));
        yield return ("DM107", DatabaseProviders.Sqlite, new AddUniqueConstraint(Posts, new UniqueConstraint("uq_posts_title", ["title"])));
        yield return ("DM108", DatabaseProviders.Sqlite, new RenameColumn(Posts, "title", "heading"));
        yield return ("DM109", DatabaseProviders.Postgres, new DropEnumValue("mood", "meh", ["sad", "meh"]));
        yield return ("DM110", DatabaseProviders.Sqlite, new DropPrimaryKey(Posts, new PrimaryKey("pk_posts", ["id"])));
        yield return ("DM111", DatabaseProviders.Postgres, new ReplaceObject(DefinedObject.View("v", "SELECT 1"), DefinedObject.View("v", "SELECT 2")));
        yield return ("DM112", DatabaseProviders.MySql, new ExecuteSql("CREATE TABLE t (id INT); INSERT INTO t VALUES (1); CREATE INDEX ix_t ON t (id)"));
        yield return ("DM201", DatabaseProviders.Postgres, new CreateIndex(Posts, new TableIndex("ix_posts_title", ["title"])));
        yield return ("DM202", DatabaseProviders.Postgres, new AlterColumn(Posts, Title, Title with { Type = SqlType.Int32 }));
        yield return ("DM203", DatabaseProviders.Postgres, new AlterColumn(Posts, Title, Title with { Nullable = false }));
        yield return ("DM204", DatabaseProviders.Postgres, new AddCheckConstraint(Posts, new CheckConstraint("ck_posts_title", "title <> ''")));
        yield return ("DM301", DatabaseProviders.Sqlite, new BatchAlterTable(Posts, [new AlterColumn(Posts, Title, Title with { Nullable = false })]));
        yield return ("DM401", DatabaseProviders.MySql, new AlterColumn(Posts, Title, Title with { Type = SqlType.Int32 }));
        yield return ("DM402", DatabaseProviders.MySql, new AddForeignKey(Posts, new ForeignKey("fk_posts_author_id_authors", ["author_id"], "authors", ["id"])));
    }

    [TestMethod]
    public void Every_rule_has_an_operation_that_raises_it()
    {
        var samples = Samples().ToList();
        var rules = SafetyLint.Rules.Concat(DatabaseProviders.All.SelectMany(p => p.LintRules?.Rules ?? []));
        CollectionAssert.AreEquivalent(rules.Select(r => r.Code).ToList(), samples.Select(s => s.Code).Distinct().ToList());
        foreach (var (code, provider, operation) in samples)
        {
            var findings = provider.Lint([operation]);
            Assert.IsTrue(findings.Any(f => f.Code == code), $"{code} from {operation.GetType().Name}: got {string.Join("; ", findings)}");
        }
    }

    [TestMethod]
    public void Changes_to_a_table_created_in_the_same_revision_are_not_findings()
    {
        var table = new Table(Posts, [new Column("id", SqlType.Int32)]);
        var findings = DatabaseProviders.Postgres.Lint(
            [new CreateTable(table), new CreateIndex(Posts, new TableIndex("ix_posts_id", ["id"], IsUnique: true)), new AddColumn(Posts, new Column("slug", SqlType.Text))]);
        Assert.IsEmpty(findings, string.Join("; ", findings));
    }

    [TestMethod]
    public void Lock_rules_are_for_PostgreSQL_only_and_widening_a_varchar_is_cheap_there()
    {
        var index = new CreateIndex(Posts, new TableIndex("ix_posts_title", ["title"]));
        Assert.IsEmpty(DatabaseProviders.Sqlite.Lint([index]));
        Assert.IsEmpty(DatabaseProviders.Postgres.Lint([index with { Concurrently = true }]));
        CollectionAssert.AreEqual(new[] { "DM201" }, DatabaseProviders.Postgres.Lint([index]).Select(f => f.Code).ToList());
        var widen = DatabaseProviders.Postgres.Lint([new AlterColumn(Posts, Title, Title with { Type = SqlType.String(400) })]);
        CollectionAssert.AreEqual(new[] { "DM103" }, widen.Select(f => f.Code).ToList());
    }

    [TestMethod]
    public void A_finding_reads_as_code_severity_table_and_what_happens() =>
        Assert.AreEqual("DM102 error posts: drops column title and its values", DatabaseProviders.Sqlite.Lint([new DropColumn(Posts, Title)]).Single().ToString());
}

[TestClass]
public sealed class RenameSuggestionTests
{
    [TestMethod]
    public void A_drop_and_an_add_of_the_same_shape_suggest_declaring_a_rename()
    {
        var old = new Column("name", SqlType.String(80), Nullable: true);
        var suggestions = RenameSuggestions.Find(
            [new AddColumn("people", old with { Name = "full_name" }), new DropColumn("people", old), new AddColumn("people", new Column("age", SqlType.Int32, Nullable: true))],
            SqliteDialect.Instance);
        Assert.AreEqual(new RenameSuggestion("people", "name", "full_name", "people"), suggestions.Single());
        StringAssert.Contains(suggestions[0].ToString(), "[RenamedFrom(\"name\")]");
    }

    [TestMethod]
    public void A_different_type_is_not_a_rename_and_a_table_with_the_same_columns_is()
    {
        var column = new Column("id", SqlType.Int32);
        Assert.IsEmpty(RenameSuggestions.Find([new AddColumn("t", column with { Name = "b", Type = SqlType.Text }), new DropColumn("t", column with { Name = "a" })], SqliteDialect.Instance));
        var suggestion = RenameSuggestions.Find([new CreateTable(new Table("people", [column])), new DropTable(new Table("persons", [column]))], SqliteDialect.Instance).Single();
        StringAssert.StartsWith(suggestion.ToString(), "did you rename table persons -> people?");
    }
}

[TestClass]
public sealed class ChangeReportTests
{
    [TestMethod]
    public void Colour_paints_adds_green_removals_and_errors_red_and_is_off_by_default()
    {
        var report = DiffMigrate.Design.Commands.ChangeReport.For(DatabaseProviders.Sqlite,
            [new CreateTable(new Table("tags", [new Column("id", SqlType.Int32)])), new DropColumn("people", new Column("bio", SqlType.Text, Nullable: true))]);
        var painted = report.Text(colour: true);
        StringAssert.Contains(painted, "\u001b[32m+ table tags\u001b[0m");
        StringAssert.Contains(painted, "\u001b[31m- column people.bio\u001b[0m");
        StringAssert.Contains(painted, "\u001b[31mDM102 error people: drops column bio and its values\u001b[0m");
        Assert.DoesNotContain("\u001b", report.Text());
    }
}
