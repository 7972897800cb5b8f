using System.CommandLine;
using DiffMigrate.Providers;
using DiffMigrate.Runner.Database;

namespace DiffMigrate.Cli;

/// <summary>
/// The <c>diffmigrate</c> tool. Exit codes: 0 success, 1 <c>check</c> found differences, 2 any error (one message
/// on stderr; the stack trace only with --verbose).
/// </summary>
public static class Program
{
    internal const int Success = 0;
    internal const int Differences = 1;
    internal const int Failure = 2;

    public static int Main(string[] args) =>
        Run(args, Console.Out, Console.Error, Directory.GetCurrentDirectory(), Environment.GetEnvironmentVariable);

    /// <summary>Runs one command line with the given streams, directory and environment (tests call this).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string currentDirectory, Func<string, string?> environment)
    {
        var cli = new CommandLine(stdout, stderr, currentDirectory, environment, new DriverRegistry());
        var parse = cli.Root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // An argument the parser did not take may still be a URL with a password in it.
            var secrets = args.SelectMany(SecretMask.In).ToList();
            foreach (var error in parse.Errors) stderr.WriteLine(SecretMask.Apply($"ERROR: {error.Message}", secrets));
            stderr.WriteLine("Run 'diffmigrate --help' for usage.");
            return Failure;
        }
        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }

}
