using System.CommandLine;

namespace DiffMigrate.Cli;

// The verbs that read the revision graph.
internal sealed partial class CommandLine
{
    private Command HistoryCommand()
    {
        var range = new Option<string?>("--rev-range", "-r") { Description = "[start]:[end] (either may be 'current')" };
        var indicate = new Option<bool>("--indicate-current", "-i") { Description = "Mark the database's current revisions" };
        var command = new Command("history", "List revisions, newest first") { range, indicate };
        return Verb(command, p => Open(p).History(p.GetValue(range), p.GetValue(verboseOption), p.GetValue(indicate)));
    }

    private Command HeadsCommand()
    {
        var resolve = new Option<bool>("--resolve-dependencies") { Description = "Treat dependencies as down revisions: a head that is depended on is not listed" };
        var command = new Command("heads", "Show the heads of the scripts") { resolve };
        return Verb(command, p => Open(p).Heads(p.GetValue(verboseOption), p.GetValue(resolve)));
    }

    private Command BranchesCommand()
    {
        var command = new Command("branches", "Show branch points and the revisions that follow them");
        return Verb(command, p => Open(p).Branches(p.GetValue(verboseOption)));
    }

    private Command ShowCommand()
    {
        var revision = new Argument<string>("revision") { Description = "The revision(s) to show: id, prefix, head, heads, a label, or current" };
        var command = new Command("show", "Show revisions in full") { revision };
        return Verb(command, p => Open(p).Show(p.GetRequiredValue(revision)));
    }

    private Command CurrentCommand()
    {
        var checkHeads = new Option<bool>("--check-heads") { Description = "Fail unless the database is at every head" };
        var command = new Command("current", "Show the database's current revision(s)") { checkHeads };
        return Verb(command, p => Open(p).Current(p.GetValue(verboseOption), p.GetValue(checkHeads)));
    }
}
