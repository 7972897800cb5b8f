using System.Reflection;
using System.Runtime.CompilerServices;

namespace DiffMigrate.Design.ModelLoading;

/// <summary>
/// Compiles a builder model's code on another core while it runs. Reading a <c>SchemaDefinition</c> of 500 tables
/// is mostly the JIT compiling its 500 lambdas, one after the other as <c>Define</c> calls them: this compiles them
/// from the last one back, so the two threads meet halfway. It only compiles (no model code runs here), only the
/// definitions' own methods and their lambdas' (never the rest of an application's assembly), and stops when the
/// model has been read.
/// </summary>
internal sealed class ModelWarmup : IDisposable
{
    // A model with fewer lambdas is read before a thread would help.
    private const int WorthFrom = 32;

    private volatile bool done;

    private ModelWarmup(List<RuntimeMethodHandle> methods)
    {
        var thread = new Thread(() =>
        {
            for (var i = methods.Count - 1; i >= 0 && !done; i--)
            {
                try
                {
                    RuntimeHelpers.PrepareMethod(methods[i]);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Warming is only ever ahead of the model's own run, which meets the same problem and reports it.
                }
            }
        }) { IsBackground = true, Name = "DiffMigrate model warm-up" };
        thread.Start();
    }

    /// <summary>Starts compiling the code of <paramref name="assembly"/>'s schema definitions; null when there is too little.</summary>
    public static ModelWarmup? Start(Assembly assembly)
    {
        if (Environment.ProcessorCount < 2) return null;
        List<RuntimeMethodHandle> methods;
        try
        {
            methods = [.. assembly.GetTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false } && typeof(SchemaDefinition).IsAssignableFrom(t))
                .SelectMany(t => new[] { t }.Concat(t.GetNestedTypes(BindingFlags.NonPublic | BindingFlags.Public)
                    .Where(n => !n.ContainsGenericParameters && n.IsDefined(typeof(CompilerGeneratedAttribute)))))
                .SelectMany(t => t.GetMethods(BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
                .Where(m => !m.IsAbstract && !m.ContainsGenericParameters && (m.MethodImplementationFlags & MethodImplAttributes.CodeTypeMask) == MethodImplAttributes.IL)
                .Select(m => m.MethodHandle)];
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or TypeLoadException or FileNotFoundException)
        {
            return null;   // the model's own read says what is wrong with its types
        }
        return methods.Count < WorthFrom ? null : new ModelWarmup(methods);
    }

    /// <summary>The model has been read: what is not compiled yet is not needed.</summary>
    public void Dispose() => done = true;
}
