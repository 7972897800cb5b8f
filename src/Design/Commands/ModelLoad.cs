using System.Runtime.ExceptionServices;
using DiffMigrate.Runner.Configuration;
using DiffMigrate.Schema;

namespace DiffMigrate.Design.Commands;

/// <summary>
/// The application's model, loading on a thread of its own while the command reads the database.
/// </summary>
/// <remarks>
/// Loading a model is mostly the JIT compiling its builder code (or a build, after an edit), and reading a database
/// is mostly waiting for the server or parsing its catalog: on two cores they take the time of the longer one, not
/// of both. What the caller sees does not change: the model's log lines come out, in their order, when it is first
/// waited for, and a model that fails to load is the error even when the database work fails too (loading it came
/// first before it ran alongside).
/// </remarks>
internal sealed class ModelLoad
{
    // The main thread's default on Linux: a deep model (or Roslyn compiling one after an edit) needs no less.
    private const int StackSize = 8 * 1024 * 1024;

    private readonly List<string> lines = [];
    private readonly Thread thread;
    private readonly Action<string> log;
    private DatabaseSchema? schema;
    private ExceptionDispatchInfo? failure;
    private bool replayed;

    private ModelLoad(DiffMigrateConfig config, Action<string> log)
    {
        this.log = log;
        thread = new Thread(() =>
        {
            try
            {
                schema = Autogenerate.LoadModel(config, Buffer);
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }, StackSize) { IsBackground = true, Name = "DiffMigrate model" };
        thread.Start();
    }

    /// <summary>Starts loading the model that <paramref name="config"/> names.</summary>
    public static ModelLoad Start(DiffMigrateConfig config, Action<string> log) => new(config, log);

    /// <summary>The model, once loaded; its log lines are written first, and its failure is thrown here.</summary>
    public DatabaseSchema Schema
    {
        get
        {
            Join();
            failure?.Throw();
            return schema!;
        }
    }

    /// <summary>
    /// <paramref name="work"/>'s result. When <paramref name="work"/> fails and so does the model, the model's error
    /// is thrown (as when the model was loaded first); otherwise <paramref name="work"/>'s.
    /// </summary>
    public T Alongside<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch
        {
            Join();
            failure?.Throw();
            throw;
        }
    }

    /// <summary>
    /// <paramref name="checks"/>' result. Checks that come before the model (as a command's own arguments do) win:
    /// when they fail, their error is thrown once the model has stopped (whatever it made of itself is dropped), so
    /// that no build it started is left running after the command.
    /// </summary>
    public T After<T>(Func<T> checks)
    {
        try
        {
            return checks();
        }
        catch
        {
            thread.Join();
            throw;
        }
    }

    private void Buffer(string line)
    {
        lock (lines) lines.Add(line);
    }

    private void Join()
    {
        thread.Join();
        if (replayed) return;
        replayed = true;
        foreach (var line in lines) log(line);
    }
}
