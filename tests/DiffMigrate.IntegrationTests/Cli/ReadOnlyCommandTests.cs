using System.Security.Cryptography;
using DiffMigrate.IntegrationTests.Support;

namespace DiffMigrate.IntegrationTests.Cli;

/// <summary>
/// Commands that only read (current, history -i, check, diff, drift, revision --autogenerate, scaffold) leave a
/// SQLite file byte for byte as it was, and do not create one that is missing.
/// </summary>
[TestClass]
public sealed class ReadOnlyCommandTests
{
    private static readonly string[][] ReadingCommands =
    [
        ["current"], ["history", "-i"], ["check"], ["diff"], ["drift"], ["scaffold", "--out", "scaffolded"],
        ["revision", "--autogenerate", "-m", "candidate", "--stdout", "--rev-id", "000000000009"],
    ];

    [TestMethod]
    public void Reading_commands_leave_an_existing_database_byte_for_byte_unchanged()
    {
        using var project = new TempProject().Initialized();
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "first", "--rev-id", "000000000001").Code);
        Assert.AreEqual(0, project.Run("upgrade", "head").Code);
        var before = Hash(project.Database());
        foreach (var args in ReadingCommands)
        {
            var (code, _, err) = project.Run(args);
            Assert.IsLessThanOrEqualTo(1, code, $"{string.Join(" ", args)}: {err}");
            Assert.AreEqual(before, Hash(project.Database()), string.Join(" ", args));
            Assert.IsFalse(File.Exists(project.Database() + "-journal") || File.Exists(project.Database() + "-wal"), string.Join(" ", args));
        }
    }

    [TestMethod]
    public void Reading_commands_read_a_missing_database_as_empty_and_do_not_create_it()
    {
        using var project = new TempProject().Initialized();
        Assert.AreEqual(0, project.Run("revision", "--autogenerate", "-m", "first", "--rev-id", "000000000001").Code);
        foreach (var args in ReadingCommands.Where(a => a[0] is not ("check" or "diff" or "revision")))
        {
            var (code, output, err) = project.Run(args);
            Assert.AreEqual(0, code, $"{string.Join(" ", args)}: {err}");
            Assert.IsFalse(File.Exists(project.Database()), $"{string.Join(" ", args)} created the database file");
            if (args[0] == "current") Assert.AreEqual("", output, "an empty database is at base");
        }
        // check, diff and autogenerate need a database at head: a missing one is not, and saying so creates nothing either.
        foreach (var args in ReadingCommands.Where(a => a[0] is "check" or "diff" or "revision"))
        {
            var (code, _, err) = project.Run(args);
            Assert.AreEqual(2, code, err);
            StringAssert.Contains(err, "does not exist: read as an empty database");
            Assert.IsFalse(File.Exists(project.Database()), $"{args[0]} created the database file");
        }
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
