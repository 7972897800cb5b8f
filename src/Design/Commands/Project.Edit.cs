using System.Diagnostics;
using DiffMigrate.Providers;
using DiffMigrate.Runner.Execution;
using DiffMigrate.Runner.Revisions;

namespace DiffMigrate.Design.Commands;

internal sealed partial class Project
{
    /// <summary>Creates the version table when it does not exist (or, with <paramref name="sql"/>, prints its CREATE TABLE).</summary>
    public void EnsureVersion(bool sql)
    {
        var provider = DatabaseProviders.For(Url.Dialect);
        if (sql)
        {
            output.Write(OfflineScript.EnsureVersion(provider, Config.VersionTable));
            return;
        }
        using var connection = drivers.Open(Url);
        var created = Migrator(connection, provider, log).EnsureVersionTable();
        log(created ? $"Created the version table {Config.VersionTable}." : $"The version table {Config.VersionTable} already exists.");
    }

    /// <summary>
    /// Opens the scripts of the revisions <paramref name="identifier"/> names (<c>current</c>: the database's) in
    /// <c>$VISUAL</c>, else <c>$EDITOR</c>, one after the other, waiting for each.
    /// </summary>
    public void Edit(string identifier, Func<string, string?> environment)
    {
        var graph = Revisions.Graph;
        var ids = identifier == "current" ? ReadRows() : graph.Resolve(identifier, []);
        if (ids.Count == 0)
        {
            throw new RevisionException(identifier == "current" ? "No current revisions" : $"No revision files indicated by symbol '{identifier}'",
                RevisionErrorKind.Command);
        }
        var editor = new[] { "VISUAL", "EDITOR" }.Select(environment).FirstOrDefault(e => !string.IsNullOrWhiteSpace(e))
            ?? throw new DiffMigrateException("No editor: set the VISUAL or EDITOR environment variable (e.g. EDITOR=\"code --wait\").");
        foreach (var path in ids.Select(id => graph.Get(id).Path))
        {
            // The variable may hold arguments ("code --wait"); the script's path comes last, as editors expect.
            var words = editor.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var start = new ProcessStartInfo(words[0]) { UseShellExecute = false };
            foreach (var word in words.Skip(1).Append(path!)) start.ArgumentList.Add(word);
            using var process = StartEditor(start, editor);
            process.WaitForExit();
            if (process.ExitCode != 0) throw new DiffMigrateException($"The editor '{editor}' exited with code {process.ExitCode} for {path}.");
        }
    }

    private static Process StartEditor(ProcessStartInfo start, string editor)
    {
        try
        {
            return Process.Start(start) ?? throw new DiffMigrateException($"Could not start the editor '{editor}'.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new DiffMigrateException($"Could not start the editor '{editor}': {e.Message}", e);
        }
    }
}
