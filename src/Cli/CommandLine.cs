using System.CommandLine;
using DiffMigrate.Runner.Commands;
using DiffMigrate.Runner.Configuration;
using DiffMigrate.Runner.Database;

namespace DiffMigrate.Cli;

/// <summary>The verbs and options; each verb is a few lines over <see cref="Project"/>.</summary>
internal sealed partial class CommandLine
{
    private readonly TextWriter stdout;
    private readonly TextWriter stderr;
    private readonly string currentDirectory;
    private readonly Func<string, string?> environment;
    private readonly DriverRegistry drivers;

    private readonly Option<string?> configOption = new("--config", "-c") { Description = "Configuration file (default: ./diffmigrate.json)", Recursive = true };
    private readonly Option<string?> urlOption = new("--url") { Description = "Database URL, overriding the configuration and DIFFMIGRATE_URL", Recursive = true };
    private readonly Option<bool> verboseOption = new("--verbose", "-v") { Description = "More output; stack traces on errors", Recursive = true };

    public CommandLine(TextWriter stdout, TextWriter stderr, string currentDirectory, Func<string, string?> environment, DriverRegistry drivers)
    {
        this.stdout = stdout;
        this.stderr = stderr;
        this.currentDirectory = currentDirectory;
        this.environment = environment;
        this.drivers = drivers;
        Root = new RootCommand("DiffMigrate: autogenerate-first schema migrations for .NET")
        {
            configOption, urlOption, verboseOption,
            InitCommand(), RevisionCommand(), UpgradeCommand(), DowngradeCommand(), StampCommand(),
            CurrentCommand(), HistoryCommand(), HeadsCommand(), ShowCommand(), CheckCommand(),
        };
    }

    public RootCommand Root { get; }

    private Command InitCommand()
    {
        var directory = new Argument<string>("directory") { Description = "Folder for revision scripts (its versions/ subfolder is created)" };
        var command = new Command("init", "Create a scripts folder and, when missing, diffmigrate.json") { directory };
        command.SetAction(p => Guard(p, () =>
        {
            Init.Run(p.GetRequiredValue(directory), currentDirectory, stdout);
            return Program.Success;
        }));
        return command;
    }

    private Command RevisionCommand()
    {
        var message = new Option<string?>("--message", "-m") { Description = "What the revision does" };
        var autogenerate = new Option<bool>("--autogenerate") { Description = "Compare the model with the database and write the operations" };
        var revId = new Option<string?>("--rev-id") { Description = "Use this id instead of a random one" };
        var command = new Command("revision", "Write a new revision script") { message, autogenerate, revId };
        command.SetAction(p => Guard(p, () =>
        {
            Open(p).Revision(p.GetValue(message) ?? "", p.GetValue(autogenerate), p.GetValue(revId));
            return Program.Success;
        }));
        return command;
    }

    private Command UpgradeCommand()
    {
        var target = new Argument<string[]>("revision")
        {
            Description = "Target: head, heads, an id, label@head, +N, id+N, ...; several for several branches; start:end with --sql",
            Arity = ArgumentArity.OneOrMore,
        };
        var sql = new Option<bool>("--sql") { Description = "Print the SQL instead of running it (offline mode)" };
        var command = new Command("upgrade", "Upgrade the database to a later revision") { target, sql };
        command.SetAction(p => Guard(p, () =>
        {
            Open(p).Upgrade(p.GetRequiredValue(target), p.GetValue(sql));
            return Program.Success;
        }));
        return command;
    }

    private Command StampCommand()
    {
        var targets = new Argument<string[]>("revisions") { Description = "The revisions to record (base for none)", Arity = ArgumentArity.OneOrMore };
        var purge = new Option<bool>("--purge") { Description = "Empty the version table first" };
        var command = new Command("stamp", "Record revisions in the version table without running them") { targets, purge };
        command.SetAction(p => Guard(p, () =>
        {
            Open(p).Stamp(p.GetRequiredValue(targets), p.GetValue(purge));
            return Program.Success;
        }));
        return command;
    }

    private Command DowngradeCommand()
    {
        var target = new Argument<string>("revision") { Description = "Target: base, an id, -N, or start:end with --sql" };
        var sql = new Option<bool>("--sql") { Description = "Print the SQL instead of running it (offline mode; needs start:end)" };
        var command = new Command("downgrade", "Revert the database to an earlier revision") { target, sql };
        command.SetAction(p => Guard(p, () =>
        {
            Open(p).Downgrade(p.GetRequiredValue(target), p.GetValue(sql));
            return Program.Success;
        }));
        return command;
    }

    private Command CurrentCommand()
    {
        var command = new Command("current", "Show the database's current revision(s)");
        command.SetAction(p => Guard(p, () =>
        {
            Open(p).Current();
            return Program.Success;
        }));
        return command;
    }

    private Command CheckCommand()
    {
        var command = new Command("check", "Exit 0 when the model matches the database at head, 1 when it does not");
        command.SetAction(p => Guard(p, () => Open(p).Check()));
        return command;
    }

    private Project Open(ParseResult parse)
    {
        var url = parse.GetValue(urlOption);
        var config = ConfigLoader.Load(parse.GetValue(configOption), currentDirectory, url, environment);
        return new Project(config, ConfigLoader.UrlBaseDirectory(config, url, environment, currentDirectory), drivers, stdout,
            line => stderr.WriteLine(line));
    }

    private int Guard(ParseResult parse, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (DiffMigrateException e)
        {
            stderr.WriteLine($"ERROR: {e.Message}");
            if (parse.GetValue(verboseOption)) stderr.WriteLine(e);
            return Program.Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"ERROR: {e.Message}");
            if (parse.GetValue(verboseOption)) stderr.WriteLine(e);
            return Program.Failure;
        }
        catch (Exception e)
        {
            // A bug rather than bad input: say so, and keep the trace behind --verbose like everything else.
            stderr.WriteLine($"ERROR: unexpected {e.GetType().Name}: {e.Message}");
            stderr.WriteLine(parse.GetValue(verboseOption) ? e.ToString() : "Run again with --verbose for the stack trace, and please report it.");
            return Program.Failure;
        }
    }
}
