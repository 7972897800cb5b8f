namespace DiffMigrate.Cli;

/// <summary>The <c>diffmigrate</c> command-line tool.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("diffmigrate: not implemented yet");
        return args.Length == 0 ? 2 : 2;
    }
}
