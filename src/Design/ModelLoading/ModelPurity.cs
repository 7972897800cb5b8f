using System.Collections.Frozen;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace DiffMigrate.Design.ModelLoading;

using Ecma335Table = System.Reflection.Metadata.Ecma335.TableIndex;

/// <summary>
/// Whether a model assembly's schema depends on its bytes alone, read from its metadata without running it: then its
/// evaluated schema can be cached (<see cref="ModelSchemaCache"/>). Deny by default: every member the model's code
/// reaches outside itself must be DiffMigrate's model API or on a short list of the framework's deterministic members
/// (strings, numbers, collections, LINQ, delegates, attributes); the model may reference no other assembly and call
/// no native code. A model that reads the environment, a file, the clock, a random number or a hash code (string
/// hashes differ per process) runs every time, as a model that references another assembly or package does.
/// </summary>
internal static class ModelPurity
{
    private const string ModelApi = "DiffMigrate.Model";

    // The framework's reference assemblies that hold the types below (and nothing the model could load by path).
    private static readonly FrozenSet<string> Framework = FrozenSet.ToFrozenSet(
    [
        "System.Runtime", "System.Private.CoreLib", "mscorlib", "netstandard", "System.Collections", "System.Linq",
        "System.Collections.Immutable", "System.Memory", "System.Runtime.Extensions", "System.ComponentModel.Annotations",
        "System.ComponentModel.DataAnnotations", "System.ComponentModel.Primitives",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> AllMembers = FrozenSet.ToFrozenSet(
    [
        "System.String", "System.Text.StringBuilder", "System.Math", "System.MathF", "System.Boolean", "System.Byte",
        "System.SByte", "System.Int16", "System.UInt16", "System.Int32", "System.UInt32", "System.Int64", "System.UInt64",
        "System.Char", "System.Double", "System.Single", "System.Decimal", "System.Nullable`1", "System.Enum", "System.Array",
        "System.Span`1", "System.ReadOnlySpan`1", "System.MemoryExtensions", "System.Tuple", "System.IComparable`1",
        "System.IEquatable`1", "System.IDisposable", "System.Linq.Enumerable", "System.Collections.IEnumerable",
        "System.Collections.IEnumerator", "System.Runtime.CompilerServices.DefaultInterpolatedStringHandler",
    ], StringComparer.Ordinal);

    // Generic collections whose enumeration order depends only on what was added and removed, never on hash codes.
    private static readonly FrozenSet<string> Collections = FrozenSet.ToFrozenSet(
    [
        "List`1", "Dictionary`2", "HashSet`1", "SortedSet`1", "SortedDictionary`2", "Queue`1", "Stack`1", "KeyValuePair`2",
        "IEnumerable`1", "IEnumerator`1", "ICollection`1", "IList`1", "IReadOnlyList`1", "IReadOnlyCollection`1",
        "IDictionary`2", "IReadOnlyDictionary`2", "ISet`1", "IReadOnlySet`1", "Comparer`1", "EqualityComparer`1",
    ], StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, FrozenSet<string>> SomeMembers = new Dictionary<string, string[]>
    {
        ["System.Object"] = [".ctor", "Equals", "GetType", "ReferenceEquals", "ToString"],
        ["System.Type"] = ["GetTypeFromHandle", "op_Equality", "op_Inequality", "get_Name", "get_FullName", "get_Namespace"],
        ["System.StringComparer"] = ["get_Ordinal", "get_OrdinalIgnoreCase", "get_InvariantCulture", "get_InvariantCultureIgnoreCase", "Compare", "Equals"],
        ["System.Globalization.CultureInfo"] = ["get_InvariantCulture"],
        ["System.Runtime.CompilerServices.RuntimeHelpers"] = ["InitializeArray", "CreateSpan", "IsReferenceOrContainsReferences", "GetSubArray", "EnsureSufficientExecutionStack"],
        // The compiler's iterators (yield return) check which thread asks for their enumerator.
        ["System.Environment"] = ["get_CurrentManagedThreadId"],
        ["System.Runtime.CompilerServices.Unsafe"] = ["As", "Add", "AsRef"],
        ["System.Runtime.InteropServices.MemoryMarshal"] = ["CreateSpan", "CreateReadOnlySpan"],
        ["System.Runtime.InteropServices.CollectionsMarshal"] = ["AsSpan", "SetCount"],
    }.ToFrozenDictionary(p => p.Key, p => FrozenSet.ToFrozenSet(p.Value, StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Null when the schema of the model in <paramref name="image"/> depends on its bytes alone; otherwise why not.</summary>
    public static string? WhyItMustRun(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image, writable: false));
        if (!pe.HasMetadata) return "it is not a .NET assembly";
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.AssemblyReferences)
        {
            var name = metadata.GetString(metadata.GetAssemblyReference(handle).Name);
            if (name != ModelApi && !Framework.Contains(name)) return $"it references {name}";
        }
        if (metadata.GetTableRowCount(Ecma335Table.ModuleRef) > 0 || metadata.GetTableRowCount(Ecma335Table.ImplMap) > 0) return "it calls native code";
        foreach (var handle in metadata.MethodDefinitions)
        {
            var method = metadata.GetMethodDefinition(handle);
            if ((method.Attributes & MethodAttributes.PinvokeImpl) != 0 || (method.ImplAttributes & MethodImplAttributes.InternalCall) != 0)
                return $"it calls native code ({metadata.GetString(method.Name)})";
        }
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            var name = metadata.GetString(member.Name);
            if (Outside(metadata, member.Parent) is not { } type) continue;
            if (!Allowed(type.Scope, type.Namespace, type.Name, type.Outer, name)) return $"it calls {Display(type)}.{name}";
        }
        return null;
    }

    private static bool Allowed(string scope, string ns, string name, string? outer, string member)
    {
        if (scope == ModelApi) return ns == "DiffMigrate" || ns.StartsWith("DiffMigrate.", StringComparison.Ordinal);
        if (member is "GetHashCode" or "Shuffle") return false;   // a string's hash differs per process; Shuffle is random
        var top = outer ?? name;
        var full = ns.Length == 0 ? top : ns + "." + top;
        if (AllMembers.Contains(full)) return true;
        if (ns == "System.Collections.Generic" && Collections.Contains(top)) return true;
        if (ns == "System.Collections.Immutable" && top is "ImmutableArray" or "ImmutableArray`1" or "ImmutableList" or "ImmutableList`1") return true;
        if (ns == "System" && (top.StartsWith("ValueTuple`", StringComparison.Ordinal) || top.StartsWith("Tuple`", StringComparison.Ordinal))) return true;
        if (ns == "System" && (top is "Action" or "Predicate`1" or "Comparison`1" || top.StartsWith("Action`", StringComparison.Ordinal) || top.StartsWith("Func`", StringComparison.Ordinal)))
            return member is ".ctor" or "Invoke";
        // The framework's attributes and exceptions do nothing but keep their arguments.
        if (member == ".ctor" && outer is null && (name.EndsWith("Attribute", StringComparison.Ordinal) || (ns == "System" && name.EndsWith("Exception", StringComparison.Ordinal)))) return true;
        return outer is null && SomeMembers.TryGetValue(full, out var members) && members.Contains(member);
    }

    private sealed record ExternalType(string Scope, string Namespace, string Name, string? Outer);

    private static string Display(ExternalType type) =>
        (type.Namespace.Length == 0 ? "" : type.Namespace + ".") + (type.Outer is null ? "" : type.Outer + "+") + type.Name;

    // The type a member reference names, when it is outside the model (null for the model's own types and arrays).
    private static ExternalType? Outside(MetadataReader metadata, EntityHandle parent)
    {
        switch (parent.Kind)
        {
            case HandleKind.TypeDefinition:
            case HandleKind.MethodDefinition:
                return null;
            case HandleKind.TypeReference:
                return Reference(metadata, (TypeReferenceHandle)parent);
            case HandleKind.TypeSpecification:
                var blob = metadata.GetBlobReader(metadata.GetTypeSpecification((TypeSpecificationHandle)parent).Signature);
                var code = blob.ReadSignatureTypeCode();
                if (code is SignatureTypeCode.SZArray or SignatureTypeCode.Array) return null;   // an array's Get/Set/Address
                if (code != SignatureTypeCode.GenericTypeInstance) return new ExternalType("?", "", "a type specification", null);
                blob.ReadSignatureTypeCode();   // class or value type
                var generic = blob.ReadTypeHandle();
                return generic.Kind == HandleKind.TypeReference ? Reference(metadata, (TypeReferenceHandle)generic) : null;
            default:
                return new ExternalType("?", "", parent.Kind.ToString(), null);
        }
    }

    private static ExternalType Reference(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var type = metadata.GetTypeReference(handle);
        var name = metadata.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            // A nested type: judged by the type it is nested in (List`1+Enumerator is List`1's).
            var outer = Reference(metadata, (TypeReferenceHandle)type.ResolutionScope);
            return outer with { Name = name, Outer = outer.Outer ?? outer.Name };
        }
        var scope = type.ResolutionScope.Kind == HandleKind.AssemblyReference
            ? metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)type.ResolutionScope).Name)
            : "?";
        return new ExternalType(scope, metadata.GetString(type.Namespace), name, null);
    }
}
