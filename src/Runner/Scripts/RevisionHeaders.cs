using System.Reflection;
using DiffMigrate.Runner.Revisions;

namespace DiffMigrate.Runner.Scripts;

/// <summary>
/// Revision headers checked the same way wherever they come from: a script parsed by the design-time tools, or a
/// class compiled into an application (found here by reflection, without a compiler).
/// </summary>
internal static class RevisionHeaders
{
    /// <summary>Every <see cref="Migration"/> with a [Revision] in <paramref name="assembly"/> (an application's own).</summary>
    // paths: the script file of each revision id, for messages about compiled scripts.
    public static IReadOnlyList<(ScriptHeader Header, Migration Migration)> FromAssembly(Assembly assembly, IReadOnlyDictionary<string, string>? paths = null)
    {
        var found = new List<(ScriptHeader, Migration)>();
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            throw new ScriptException($"{assembly.GetName().Name}: its types cannot be loaded: {e.LoaderExceptions.FirstOrDefault(x => x is not null)?.Message ?? e.Message}", e);
        }
        foreach (var type in types)
        {
            if (type.GetCustomAttribute<RevisionAttribute>() is not { } revision) continue;
            var where = paths is not null && paths.TryGetValue(revision.Id, out var file) ? $"{file}: class {type.Name}" : type.FullName ?? type.Name;
            if (!typeof(Migration).IsAssignableFrom(type) || type.IsAbstract)
            {
                // Compiled scripts were checked for this when parsed; here it is an application's own class.
                throw new ScriptException($"{where}: marked [Revision(\"{revision.Id}\")] but is not a Migration that can be created (derive it from DiffMigrate.Migration; not abstract).");
            }
            var header = new ScriptHeader(revision.Id, revision.DownRevisions, revision.BranchLabels, revision.DependsOn, revision.Message, where, type.Name);
            Validate(header, where);
            found.Add((header, Create(type, where)));
        }
        var sorted = found.OrderBy(f => f.Item1.Path, StringComparer.Ordinal).ToList();
        RejectDuplicates(sorted.Select(f => f.Item1).ToList());
        return sorted;
    }

    private static Migration Create(Type type, string where)
    {
        try
        {
            return (Migration)Activator.CreateInstance(type)!;
        }
        catch (MissingMethodException e)
        {
            throw new ScriptException($"{where}: a revision class needs a public constructor without parameters.", e);
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            throw new ScriptException($"{where}: its constructor threw {inner.GetType().Name}: {inner.Message}", inner);
        }
    }

    /// <summary>Throws when two of <paramref name="headers"/> (in load order) claim the same revision id.</summary>
    public static void RejectDuplicates(IReadOnlyList<ScriptHeader> headers)
    {
        var first = new Dictionary<string, ScriptHeader>(StringComparer.Ordinal);
        foreach (var header in headers)
        {
            if (!first.TryAdd(header.Id, header))
            {
                var other = first[header.Id];
                throw new ScriptException(other.Path == header.Path
                    ? $"{header.Path}: classes {other.ClassName} and {header.ClassName} both have revision id '{header.Id}'; each revision needs its own id."
                    : $"{header.Path}: revision id '{header.Id}' is already used by {other.Path} (class {other.ClassName}); each revision needs its own id.");
            }
        }
    }

    /// <summary>Throws when the ids and labels of <paramref name="header"/> cannot be stored or named; <paramref name="where"/> locates it.</summary>
    public static void Validate(ScriptHeader header, string where)
    {
        if (RevisionId.Error(header.Id, where + ": ") is { } error) throw new ScriptException(error);
        foreach (var down in header.DownRevisions)
        {
            if (RevisionId.Problem(down) is { } problem) throw new ScriptException($"{where}: down revision '{RevisionId.Printable(down)}' is not a valid revision id: {problem}.");
        }
        foreach (var label in header.BranchLabels)
        {
            if (RevisionId.LabelProblem(label) is { } problem) throw new ScriptException($"{where}: branch label '{RevisionId.Printable(label)}' is not valid: {problem}.");
        }
        foreach (var dependency in header.DependsOn)
        {
            if (RevisionId.Problem(dependency) is { } problem && RevisionId.LabelProblem(dependency) is not null)
            {
                throw new ScriptException($"{where}: DependsOn '{RevisionId.Printable(dependency)}' names no revision or branch label: {problem}.");
            }
        }
    }
}
