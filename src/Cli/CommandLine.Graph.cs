using System.CommandLine;

namespace DiffMigrate.Cli;

internal sealed partial class CommandLine
{
    private Command HistoryCommand()
    {
        var command = new Command("history", "List revisions, newest first");
        command.SetAction(p => Guard(p, () =>
        {
            Open(p).History(p.GetValue(verboseOption));
            return Program.Success;
        }));
        return command;
    }

    private Command HeadsCommand()
    {
        var command = new Command("heads", "Show the current heads of the scripts");
        command.SetAction(p => Guard(p, () =>
        {
            Open(p).Heads(p.GetValue(verboseOption));
            return Program.Success;
        }));
        return command;
    }

    private Command ShowCommand()
    {
        var revision = new Argument<string>("revision") { Description = "The revision to show (id, prefix, head, label)" };
        var command = new Command("show", "Show one revision") { revision };
        command.SetAction(p => Guard(p, () =>
        {
            Open(p).Show(p.GetRequiredValue(revision));
            return Program.Success;
        }));
        return command;
    }
}
