using DiffMigrate.Providers;
using DiffMigrate.Runner.Configuration;
using DiffMigrate.Runner.Revisions;

namespace DiffMigrate.Tests.Runner;

/// <summary>Passwords are hidden in every form they take; names, revision ids and file templates that could not be stored safely are refused.</summary>
[TestClass]
public sealed class SecretMaskTests
{
    private const string Secret = "Hx7-pa55word";

    [TestMethod]
    [DataRow("postgresql://app:{0}@db.example:5432/shop")]
    [DataRow("postgresql+psycopg://app:{0}@db.example/shop")]
    [DataRow("postgresql://app@db.example/shop?password={0}")]
    [DataRow("postgresql://app@db.example/shop?sslmode=require&PASSWORD={0}&x=1")]
    [DataRow("postgresql://app@db.example/shop?Pwd={0}")]
    [DataRow("postgresql:Host=db.example;Password={0};Database=shop")]
    [DataRow("postgresql:Host=db.example;PSW={0}")]
    [DataRow("postgresql:Host=db.example; pwd = {0} ;")]
    [DataRow("postgresql:Host=db.example;Password=\"{0}\"")]
    [DataRow("postgresql:Host=db.example;SSL Password='{0}'")]
    [DataRow("postgresql://app:{0}/shop")]
    [DataRow("Cannot connect to postgresql://app:{0}@h/db: refused")]
    [DataRow("postgresql:app:{0}@h/db")]
    public void Every_form_of_password_is_masked_by_pattern_alone(string form)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, form, Secret);
        var masked = SecretMask.Apply(text);
        Assert.DoesNotContain("pa55", masked, masked);
        StringAssert.Contains(masked, SecretMask.Mask);
        Assert.AreEqual(masked, SecretMask.Apply(masked), "masking twice changes nothing more");
        CollectionAssert.Contains(SecretMask.In(text).ToList(), Secret, "the password is found as a secret of the run");
    }

    [TestMethod]
    [DataRow("revision")]
    [DataRow("--autogenerate")]
    [DataRow("app@db.example/shop")]
    [DataRow("add a column; drop 'x' @ once")]
    public void Text_without_a_colon_or_an_equals_sign_holds_no_secret(string text)
    {
        Assert.IsEmpty(SecretMask.In(text));
        Assert.AreEqual(text, SecretMask.Apply(text));
    }

    [TestMethod]
    public void A_password_with_a_space_is_found_whole_and_replaced_whole()
    {
        var url = "postgresql://app:two words@h/db";
        CollectionAssert.Contains(SecretMask.In(url).ToList(), "two words");
        var masked = SecretMask.Apply("Cannot connect to " + url, SecretMask.In(url));
        Assert.DoesNotContain("two", masked, masked);
        Assert.DoesNotContain("words", masked, masked);
    }

    [TestMethod]
    public void What_is_not_a_password_is_left_alone()
    {
        foreach (var text in new[]
        {
            "postgresql://app@db.example:5432/shop", "sqlite:////var/db/app.db", "postgresql:Host=h;Passfile=/home/app/.pgpass;Port=5432",
            "postgresql://[::1]:5432/db", "Revision aaaa0001 is not a head revision",
        })
        {
            Assert.AreEqual(text, SecretMask.Apply(text));
            Assert.IsEmpty(SecretMask.In(text), text);
        }
    }

    [TestMethod]
    public void Known_secrets_are_replaced_wherever_they_appear_and_url_encoded_too()
    {
        var message = $"Npgsql said: password authentication failed for '{Secret}' ({Uri.EscapeDataString("p@ss word!")})";
        var masked = SecretMask.Apply(message, [Secret, "p@ss word!"]);
        Assert.AreEqual("Npgsql said: password authentication failed for '***' (***)", masked);
        Assert.AreEqual("a b c", SecretMask.Apply("a b c", ["a", "b"]), "one- and two-letter values are not replaced literally");
    }

    [TestMethod]
    public void The_display_of_a_url_never_holds_its_password()
    {
        foreach (var url in new[]
        {
            $"postgresql://app:{Secret}@h/db", $"postgresql://app@h/db?password={Secret}", $"postgresql:Host=h;PSW={Secret}",
            $"postgresql:host=h;PASSWORD = {Secret}",
        })
        {
            Assert.DoesNotContain("pa55", DatabaseUrl.Parse(url, "/base").Display, url);
        }
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => DatabaseUrl.Parse($"postgresql://app:{Secret}/db", "/base"));
        Assert.DoesNotContain("pa55", error.Message);
    }

    [TestMethod]
    public void A_new_revision_id_is_twelve_random_hex_digits()
    {
        var ids = Enumerable.Range(0, 2000).Select(_ => RevisionId.New()).ToList();
        foreach (var id in ids)
        {
            Assert.MatchesRegex("^[0-9a-f]{12}$", id);
            Assert.IsNull(RevisionId.Problem(id));
        }
        Assert.HasCount(ids.Count, ids.Distinct(StringComparer.Ordinal).ToList(), "48 random bits do not repeat in 2,000 ids");
        // Every digit position varies (a GUID's version and variant digits are not among the twelve).
        for (var position = 0; position < 12; position++) Assert.IsGreaterThan(8, ids.Select(id => id[position]).Distinct().Count(), $"position {position}");
    }

    [TestMethod]
    public void Revision_ids_are_letters_digits_and_underscores_within_the_version_column()
    {
        Assert.IsNull(RevisionId.Problem(new string('a', RevisionId.MaxLength)));
        Assert.IsNull(RevisionId.Problem("ae1027a6acf_2"));
        foreach (var bad in new[] { "", new string('a', 33), "a-b", "a b", "a\nb", "../x", "é1", "head", "BASE" })
        {
            Assert.IsNotNull(RevisionId.Problem(bad), bad);
            Assert.DoesNotContain("\n", Assert.ThrowsExactly<DiffMigrateException>(() => RevisionId.Validate(bad)).Message, "one line");
        }
    }

    [TestMethod]
    public void A_file_template_must_name_a_file_directly_in_its_folder()
    {
        FileTemplate.Validate("{rev}_{slug}", "cfg");
        FileTemplate.Validate("%{rev}-{slug}.migration", "cfg");
        foreach (var bad in new[] { "../../x_{rev}", "/tmp/{rev}", "{slug}/{rev}", "a\\{rev}", "{slug}", "{rev}_{date}", "..{rev}", "", "C:{rev}" })
        {
            StringAssert.Contains(Assert.ThrowsExactly<DiffMigrateException>(() => FileTemplate.Validate(bad, "cfg"), bad).Message, "'fileTemplate'", bad);
        }
        var folder = Path.Combine(Path.GetTempPath(), "versions");
        Assert.AreEqual(Path.Combine(folder, "abc_x.cs"), FileTemplate.PathIn(folder, "abc_x.cs"));
        foreach (var bad in new[] { "../abc.cs", "sub/abc.cs", "/etc/abc.cs", ".cs", "...cs", "a\nb.cs" })
        {
            Assert.ThrowsExactly<DiffMigrateException>(() => FileTemplate.PathIn(folder, bad), bad);
        }
    }
}
