using System.CommandLine;
using System.Data.Common;
using DiffMigrate.Providers;
using DiffMigrate.Render;
using DiffMigrate.Design.Commands;
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

    // The passwords known for this run (from the command line, the environment and the configuration), masked in
    // everything printed on stderr, and the project last opened (to name its database in a database error).
    private readonly List<string> secrets = [];
    private Project? opened;

    private readonly Option<string?> configOption = new("--config", "-c") { Description = "Configuration file (default: ./diffmigrate.json)", Recursive = true };
    private readonly Option<string?> urlOption = new("--url") { Description = "Database URL, overriding the configuration and DIFFMIGRATE_URL", Recursive = true };
    private readonly Option<string?> nameOption = new("--name", "-n") { Description = "The database to use when diffmigrate.json lists several (its \"databases\")", Recursive = true };
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
            nameOption,
            InitCommand(), ListTemplatesCommand(), RevisionCommand(), MergeCommand(), EditCommand(),
            UpgradeCommand(), DowngradeCommand(), StampCommand(), EnsureVersionCommand(),
            CurrentCommand(), HistoryCommand(), HeadsCommand(), BranchesCommand(), ShowCommand(), CheckCommand(),
            DiffCommand(), LintCommand(), DriftCommand(), ScaffoldCommand(),
        };
    }

    public RootCommand Root { get; }

    private Command UpgradeCommand()
    {
        var target = new Argument<string[]>("revision")
        {
            Description = "Target: head, heads, an id, label@head, +N, id+N, ...; several for several branches; start:end with --sql",
            Arity = ArgumentArity.OneOrMore,
        };
        var sql = new Option<bool>("--sql") { Description = "Print the SQL instead of running it (offline mode)" };
        var command = new Command("upgrade", "Upgrade the database to a later revision") { target, sql };
        return Verb(command, p => Open(p).Upgrade(p.GetRequiredValue(target), p.GetValue(sql)));
    }

    private Command DowngradeCommand()
    {
        var target = new Argument<string>("revision") { Description = "Target: base, an id, -N, or start:end with --sql" };
        var sql = new Option<bool>("--sql") { Description = "Print the SQL instead of running it (offline mode; needs start:end)" };
        var command = new Command("downgrade", "Revert the database to an earlier revision") { target, sql };
        return Verb(command, p => Open(p).Downgrade(p.GetRequiredValue(target), p.GetValue(sql)));
    }

    private Command CheckCommand()
    {
        var fromMigrations = new Option<bool>("--from-migrations") { Description = "Compare the model with a scratch database built from the revisions alone" };
        var offline = new Option<bool>("--offline") { Description = "With --from-migrations: replay the revisions' operations in memory instead (no database opened)" };
        var failOnUnmanaged = FailOnUnmanaged();
        var command = new Command("check", "Exit 0 when the model matches the database at head, 1 when it does not") { fromMigrations, offline, failOnUnmanaged };
        command.SetAction(p => Guard(p, () => (p.GetValue(fromMigrations), p.GetValue(offline)) switch
        {
            (true, var inMemory) => Open(p).CheckFromMigrations(p.GetValue(failOnUnmanaged), inMemory),
            (false, true) => throw new DiffMigrateException("--offline applies to check --from-migrations only (a check against a database needs the database)."),
            _ => Open(p).Check(p.GetValue(failOnUnmanaged)),
        }));
        return command;
    }

    private Command DriftCommand()
    {
        var failOnUnmanaged = FailOnUnmanaged();
        var command = new Command("drift", "Exit 0 when the database is what its applied revisions build, 1 when it was changed otherwise") { failOnUnmanaged };
        command.SetAction(p => Guard(p, () => Open(p).Drift(p.GetValue(failOnUnmanaged))));
        return command;
    }

    private static Option<bool> FailOnUnmanaged() =>
        new("--fail-on-unmanaged") { Description = "Exit 1 when the database holds objects DiffMigrate does not compare (views, functions, triggers, grants, ...)" };

    private Command DiffCommand()
    {
        var format = new Option<string>("--format", "-f") { Description = "text, markdown, json, sql or csharp", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong([.. Project.DiffFormats]);
        var exitCode = new Option<bool>("--exit-code") { Description = "Exit 1 when there are changes (as git diff --exit-code)" };
        var message = new Option<string>("--message", "-m") { Description = "The message of the csharp format's revision", DefaultValueFactory = _ => "candidate" };
        var date = new Option<DateTimeOffset?>("--date") { Description = "The csharp format's Create Date (for byte-stable output)" };
        var from = new Option<string?>("--from") { Description = "Compare two sources instead: model, migrations, or a database URL (with --to)" };
        var to = new Option<string?>("--to") { Description = "The source to compare --from with: model, migrations, or a database URL" };
        var failOnUnmanaged = FailOnUnmanaged();
        var command = new Command("diff", "Show what autogenerate would write, with safety findings and rename suggestions, without writing a file")
        {
            format, exitCode, message, date, from, to, failOnUnmanaged,
        };
        // Colour only for a person at a terminal: not when piped, not in tests (they pass their own writer), not with NO_COLOR.
        var colour = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && string.IsNullOrEmpty(environment("NO_COLOR"));
        command.SetAction(p => Guard(p, () => (p.GetValue(from), p.GetValue(to)) switch
        {
            (null, null) => Open(p).Diff(p.GetRequiredValue(format), p.GetValue(exitCode), p.GetRequiredValue(message), p.GetValue(date), colour, p.GetValue(failOnUnmanaged)),
            ({ } f, { } t) => OpenOrDefaults(p).DiffSources(f, t, p.GetRequiredValue(format), p.GetValue(failOnUnmanaged)),
            _ => throw new DiffMigrateException("--from and --to go together: give both sources (model, migrations, or a database URL)."),
        }));
        return command;
    }

    private Command LintCommand()
    {
        var range = new Argument<string?>("range") { Description = "start:end of the revisions to read (default base:heads)", Arity = ArgumentArity.ZeroOrOne };
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 1 when a finding at this severity or above is not accepted: info, warning or error" };
        failOn.AcceptOnlyFromAmong("info", "warning", "error");
        var command = new Command("lint", "Run the safety lint over existing revisions (no database needed)") { range, failOn };
        command.SetAction(p => Guard(p, () => Open(p).Lint(p.GetValue(range),
            p.GetValue(failOn) is { } level ? Enum.Parse<DiffMigrate.Diff.Lint.LintSeverity>(level, ignoreCase: true) : null)));
        return command;
    }

    // A verb that succeeds unless it throws; Guard turns what it throws into one message and exit code 2.
    private Command Verb(Command command, Action<ParseResult> action)
    {
        command.SetAction(p => Guard(p, () =>
        {
            action(p);
            return Program.Success;
        }));
        return command;
    }

    private Command ScaffoldCommand()
    {
        var output = new Option<string>("--out", "-o") { Description = "Folder for the model's source", DefaultValueFactory = _ => "Model" };
        var ns = new Option<string>("--namespace") { Description = "The model's namespace", DefaultValueFactory = _ => "Model" };
        var style = new Option<string>("--style") { Description = "builder (one SchemaDefinition) or attributes (an entity class per table)", DefaultValueFactory = _ => "builder" };
        style.AcceptOnlyFromAmong("builder", "attributes");
        var failOnUnmanaged = FailOnUnmanaged();
        var command = new Command("scaffold", "Write a C# model of the database (--url or the configured one)") { output, ns, style, failOnUnmanaged };
        command.SetAction(p => Guard(p, () =>
        {
            OpenOrDefaults(p).Scaffold(p.GetRequiredValue(output), p.GetRequiredValue(ns), p.GetRequiredValue(style), out var unmanaged);
            return p.GetValue(failOnUnmanaged) && unmanaged > 0 ? 1 : Program.Success;
        }));
        return command;
    }

    // Comparing two databases or scaffolding needs no project: without a configuration file, the defaults serve.
    private Project OpenOrDefaults(ParseResult parse)
    {
        if (parse.GetValue(configOption) is not null || File.Exists(Path.Combine(currentDirectory, ConfigLoader.FileName))) return Open(parse);
        var defaults = DiffMigrateConfig.Defaults(currentDirectory, "migrations") with { Url = parse.GetValue(urlOption) ?? environment("DIFFMIGRATE_URL") };
        return Opened(new Project(defaults, currentDirectory, drivers, stdout, Log));
    }

    private Project Open(ParseResult parse)
    {
        var url = parse.GetValue(urlOption);
        var config = ConfigLoader.Load(parse.GetValue(configOption), currentDirectory, url, environment, parse.GetValue(nameOption));
        secrets.AddRange(config.Secrets);
        return Opened(new Project(config, ConfigLoader.UrlBaseDirectory(config, url, environment, currentDirectory), drivers, stdout, Log));
    }

    private Project Opened(Project project) => opened = project;

    // Progress and diagnostics: on stderr, with every secret of the run masked and hidden characters escaped.
    private void Log(string line) => stderr.WriteLine(Masked(line));

    // Secrets first (a secret may hold characters the escaping would change), then hidden characters made visible.
    private string Masked(string text) => VisibleText.EscapeLines(SecretMask.Apply(text, secrets));

    private int Guard(ParseResult parse, Func<int> action)
    {
        // The secrets this run knows before reading anything: what the command line and DIFFMIGRATE_URL hold.
        foreach (var token in parse.Tokens) secrets.AddRange(SecretMask.In(token.Value));
        secrets.AddRange(SecretMask.In(environment("DIFFMIGRATE_URL")));
        var verbose = parse.GetValue(verboseOption);
        try
        {
            return action();
        }
        catch (Exception e) when (e is DiffMigrateException or IOException or UnauthorizedAccessException)
        {
            return Fail(e.Message, e, verbose);
        }
        catch (DbException e)
        {
            // The database refused or could not be read (not a database file, permissions, a server error): bad input, not a bug.
            return Fail($"{DatabaseName()}{e.Message}", e, verbose);
        }
        catch (Exception e)
        {
            // A bug rather than bad input: say so, and keep the trace behind --verbose like everything else.
            stderr.WriteLine(Masked($"ERROR: unexpected {e.GetType().Name}: {e.Message}"));
            stderr.WriteLine(verbose ? Masked(e.ToString()) : "Run again with --verbose for the stack trace, and please report it.");
            return Program.Failure;
        }
    }

    // One line (the message, with any secret masked), and with --verbose the exception with its inner ones and traces.
    private int Fail(string message, Exception e, bool verbose)
    {
        stderr.WriteLine(Masked($"ERROR: {message}"));
        if (verbose) stderr.WriteLine(Masked(e.ToString()));
        return Program.Failure;
    }

    private string DatabaseName()
    {
        try
        {
            return opened is { } project ? project.Url.Display + ": " : "";
        }
        catch (DiffMigrateException)
        {
            return "";
        }
    }
}
