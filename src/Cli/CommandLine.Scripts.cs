using System.CommandLine;
using DiffMigrate.Design.Commands;

namespace DiffMigrate.Cli;

// The verbs that write scripts or the version table without running revisions.
internal sealed partial class CommandLine
{
    private Command InitCommand()
    {
        var directory = new Argument<string>("directory") { Description = "Folder for revision scripts (its versions/ subfolder is created)" };
        var template = new Option<string>("--template", "-t") { Description = "generic or multidb (see list-templates)", DefaultValueFactory = _ => "generic" };
        var command = new Command("init", "Create a scripts folder and, when missing, diffmigrate.json") { directory, template };
        return Verb(command, p => Init.Run(p.GetRequiredValue(directory), currentDirectory, stdout, p.GetRequiredValue(template)));
    }

    private Command ListTemplatesCommand()
    {
        var command = new Command("list-templates", "List the templates init can use");
        return Verb(command, p => Init.ListTemplates(stdout));
    }

    private Command RevisionCommand()
    {
        var message = new Option<string?>("--message", "-m") { Description = "What the revision does" };
        var autogenerate = new Option<bool>("--autogenerate") { Description = "Compare the model with the database and write the operations" };
        var revId = new Option<string?>("--rev-id") { Description = "Use this id instead of a random one" };
        var head = new Option<string?>("--head") { Description = "The revision to build on (default head; base for a new root)" };
        var splice = new Option<bool>("--splice") { Description = "Allow --head to name a revision that is not a head (a new branch)" };
        var labels = new Option<string[]>("--branch-label") { Description = "A branch label for the new revision (repeatable)" };
        var versionPath = new Option<string?>("--version-path") { Description = "The version folder to write to (one of versionLocations)" };
        var dependsOn = new Option<string[]>("--depends-on") { Description = "A revision or branch label the new revision depends on (repeatable)" };
        var fromEmpty = new Option<bool>("--from-empty") { Description = "With --autogenerate: compare the model with an empty database (a baseline revision), no connection" };
        var fromMigrations = new Option<bool>("--from-migrations")
        {
            Description = "With --autogenerate: compare the model with what the revisions build, replayed in memory (no connection)",
        };
        var toStdout = new Option<bool>("--stdout") { Description = "Print the revision instead of writing the file (with --rev-id and --date, the same bytes every time)" };
        var date = new Option<DateTimeOffset?>("--date") { Description = "The revision's Create Date" };
        var allowEmpty = new Option<bool>("--allow-empty") { Description = "With --autogenerate: write the revision even when nothing changed (by default none is written, exit 0)" };
        // The default since --allow-empty came; still taken so that scripts written for it keep working.
        var skipEmpty = new Option<bool>("--skip-empty") { Description = "With --autogenerate: write no revision when nothing changed (the default)", Hidden = true };
        var command = new Command("revision", "Write a new revision script (with --autogenerate: none when nothing changed)")
        {
            message, autogenerate, revId, head, splice, labels, versionPath, dependsOn, toStdout, date, fromEmpty, fromMigrations, allowEmpty, skipEmpty,
        };
        return Verb(command, p => Open(p).Revision(new RevisionOptions(p.GetValue(message))
        {
            Autogenerate = p.GetValue(autogenerate),
            RevId = p.GetValue(revId),
            Head = p.GetValue(head) is { } h ? [h] : null,
            Splice = p.GetValue(splice),
            BranchLabels = p.GetValue(labels) ?? [],
            VersionPath = p.GetValue(versionPath) is { } path ? Path.GetFullPath(path, currentDirectory) : null,
            DependsOn = p.GetValue(dependsOn) ?? [],
            Stdout = p.GetValue(toStdout),
            FromEmpty = p.GetValue(fromEmpty),
            FromMigrations = p.GetValue(fromMigrations),
            Date = p.GetValue(date),
            AllowEmpty = p.GetValue(allowEmpty),
            SkipEmpty = p.GetValue(skipEmpty),
        }));
    }

    private Command MergeCommand()
    {
        var revisions = new Argument<string[]>("revisions") { Description = "The revisions to merge (e.g. heads, or two ids)", Arity = ArgumentArity.OneOrMore };
        var message = new Option<string?>("--message", "-m") { Description = "What the merge is for" };
        var revId = new Option<string?>("--rev-id") { Description = "Use this id instead of a random one" };
        var labels = new Option<string[]>("--branch-label") { Description = "A branch label for the merge revision (repeatable)" };
        var command = new Command("merge", "Write a revision that merges two or more revisions") { revisions, message, revId, labels };
        return Verb(command, p => Open(p).Merge(p.GetRequiredValue(revisions), p.GetValue(message), p.GetValue(revId), p.GetValue(labels) ?? []));
    }

    private Command EditCommand()
    {
        var revision = new Argument<string>("revision") { Description = "The revision(s) to open: id, prefix, head, a label, or current" };
        var command = new Command("edit", "Open revision scripts in $VISUAL or $EDITOR") { revision };
        return Verb(command, p => Open(p).Edit(p.GetRequiredValue(revision), environment));
    }

    private Command StampCommand()
    {
        var targets = new Argument<string[]>("revisions") { Description = "The revisions to record (base for none); start:end with --sql", Arity = ArgumentArity.OneOrMore };
        var purge = new Option<bool>("--purge") { Description = "Empty the version table first" };
        var sql = new Option<bool>("--sql") { Description = "Print the SQL instead of running it (offline mode)" };
        var command = new Command("stamp", "Record revisions in the version table without running them") { targets, purge, sql };
        return Verb(command, p => Open(p).Stamp(p.GetRequiredValue(targets), p.GetValue(purge), p.GetValue(sql)));
    }

    private Command EnsureVersionCommand()
    {
        var sql = new Option<bool>("--sql") { Description = "Print the SQL instead of running it (offline mode)" };
        var command = new Command("ensure-version", "Create the version table if it does not exist") { sql };
        return Verb(command, p => Open(p).EnsureVersion(p.GetValue(sql)));
    }
}
