using DiffMigrate.Design.Scripts;
using DiffMigrate.Migrations;
using DiffMigrate.Render.CSharp;

namespace DiffMigrate.Tests.Support;

/// <summary>A revision's text compiled the way the tool compiles scripts: header parsed, body compiled with Roslyn.</summary>
internal static class CompiledRevision
{
    /// <summary>The migration that <paramref name="text"/> (revision <paramref name="id"/>) compiles to.</summary>
    public static Migration Load(string id, string text)
    {
        var dir = Directory.CreateTempSubdirectory("diffmigrate-compiled-");
        try
        {
            var path = Path.Combine(dir.FullName, id + ".cs");
            File.WriteAllText(path, text);
            return new ScriptCompiler(Path.Combine(dir.FullName, "cache")).Load([ScriptDirectory.ReadHeader(path, text)])[id];
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Asserts that <paramref name="migration"/> records exactly the operations of <paramref name="source"/>, both ways.</summary>
    public static void AssertRoundTrips(RevisionSource source, Migration migration)
    {
        CollectionAssert.AreEqual(source.Upgrade.ToList(), Record(migration.Upgrade).ToList(), "upgrade");
        CollectionAssert.AreEqual(source.Downgrade.ToList(), Record(migration.Downgrade).ToList(), "downgrade");
    }

    public static IReadOnlyList<MigrationOperation> Record(Action<Operations> method)
    {
        var op = new Operations();
        method(op);
        return op.Recorded;
    }
}
