using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
using DiffMigrate.Schema;

namespace DiffMigrate.Design.ModelLoading;

/// <summary>
/// A <see cref="DatabaseSchema"/> as bytes and back, for the cache of a model's evaluated schema
/// (<see cref="ModelSchemaCache"/>). It walks the schema records by their primary constructors, so a parameter added
/// to a record is carried without a change here; a record holding state outside its primary constructor is refused
/// (tests check every record a schema can hold). Strings are written as UTF-16 code units: a lone surrogate in a
/// name survives, which UTF-8 would replace.
/// </summary>
internal static class SchemaSnapshot
{
    /// <summary>Changes when the encoding does; a snapshot of another format is not read.</summary>
    private const int Format = 1;

    private static readonly ConcurrentDictionary<Type, RecordShape> Shapes = new();
    private static readonly ConcurrentDictionary<Type, TypePlan> Plans = new();

    /// <summary><paramref name="schema"/> as bytes.</summary>
    public static byte[] Write(DatabaseSchema schema)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Format);
            WriteValue(writer, typeof(DatabaseSchema), schema);
        }
        return stream.ToArray();
    }

    /// <summary>The schema in <paramref name="bytes"/>, or null when they are not a snapshot of this format.</summary>
    public static DatabaseSchema? Read(byte[] bytes) => Read(bytes, 0);

    /// <summary>The schema in <paramref name="bytes"/> from <paramref name="start"/> to the end, or null (as <see cref="Read(byte[])"/>).</summary>
    public static DatabaseSchema? Read(byte[] bytes, int start)
    {
        try
        {
            var reader = new SnapshotReader(bytes, start);
            if (reader.ReadInt32() != Format) return null;
            var schema = (DatabaseSchema?)ReadValue(reader, typeof(DatabaseSchema));
            return reader.AtEnd ? schema : null;
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or ArgumentException or TargetInvocationException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>The record types reachable from <see cref="DatabaseSchema"/>, and for each its state not in its primary constructor (tests).</summary>
    public static IReadOnlyDictionary<Type, IReadOnlyList<string>> Records()
    {
        var found = new Dictionary<Type, IReadOnlyList<string>>();
        Visit(typeof(DatabaseSchema));
        return found;

        void Visit(Type type)
        {
            if (ElementOf(type) is { } element) { Visit(element); return; }
            if (Nullable.GetUnderlyingType(type) is not null || type == typeof(string) || type.IsPrimitive || type.IsEnum || found.ContainsKey(type)) return;
            var shape = Shape(type);
            found[type] = shape.Unwritten;
            foreach (var parameter in shape.Parameters) Visit(parameter.ParameterType);
        }
    }

    private static void WriteValue(BinaryWriter writer, Type type, object? value)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            writer.Write(value is not null);
            if (value is not null) WriteValue(writer, underlying, value);
            return;
        }
        if (type == typeof(string))
        {
            writer.Write(value is not null);
            if (value is string text)
            {
                writer.Write(text.Length);
                writer.Write(MemoryMarshal.AsBytes(text.AsSpan()));
            }
            return;
        }
        if (type == typeof(bool)) { writer.Write((bool)value!); return; }
        if (type == typeof(int)) { writer.Write((int)value!); return; }
        if (type == typeof(long)) { writer.Write((long)value!); return; }
        if (type.IsEnum) { writer.Write(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)); return; }
        if (ElementOf(type) is { } element)
        {
            var list = ((System.Collections.IEnumerable)value!).Cast<object?>().ToList();
            writer.Write(list.Count);
            foreach (var item in list) WriteValue(writer, element, item);
            return;
        }
        if (type.IsValueType) throw new InvalidDataException($"A schema snapshot cannot hold a {type.Name}.");
        writer.Write(value is not null);
        if (value is null) return;
        // A derived record, or state beside the primary constructor, would be lost: refused, and the model is read as before.
        if (value.GetType() != type) throw new InvalidDataException($"A schema snapshot cannot hold a {value.GetType().Name} as a {type.Name}.");
        var shape = Shape(type);
        if (shape.Unwritten.Count > 0) throw new InvalidDataException($"{type.Name} holds state outside its primary constructor ({string.Join(", ", shape.Unwritten)}).");
        foreach (var (parameter, property) in shape.Parameters.Zip(shape.Properties)) WriteValue(writer, parameter.ParameterType, property.GetValue(value));
    }

    private static object? ReadValue(SnapshotReader reader, Type type)
    {
        var plan = Plan(type);
        if (plan.Underlying is { } underlying) return reader.ReadBoolean() ? ReadValue(reader, underlying) : null;
        if (type == typeof(string)) return reader.ReadBoolean() ? reader.ReadString() : null;
        if (type == typeof(bool)) return reader.ReadBoolean();
        if (type == typeof(int)) return reader.ReadInt32();
        if (type == typeof(long)) return reader.ReadInt64();
        if (type.IsEnum) return Enum.ToObject(type, reader.ReadInt64());
        if (plan.Element is { } element)
        {
            var count = reader.ReadInt32();
            if (count < 0 || count > reader.Length) throw new InvalidDataException("An array's length is out of range.");
            var items = Array.CreateInstance(element, count);
            for (var i = 0; i < count; i++) items.SetValue(ReadValue(reader, element), i);
            return Shape(type).Create([items]);
        }
        if (!reader.ReadBoolean()) return null;
        var shape = Shape(type);
        var arguments = new object?[shape.Parameters.Count];
        for (var i = 0; i < arguments.Length; i++) arguments[i] = ReadValue(reader, shape.Parameters[i].ParameterType);
        return shape.Create(arguments);
    }

    // Asked of every value read: worked out once per type (each question allocated an array of type arguments).
    private static TypePlan Plan(Type type) => Plans.GetOrAdd(type, static t => new TypePlan(Nullable.GetUnderlyingType(t), ElementOf(t)));

    private sealed record TypePlan(Type? Underlying, Type? Element);

    /// <summary>
    /// Reads what <see cref="BinaryWriter"/> wrote, straight from the cache file's bytes: strings without an
    /// intermediate array each, and no copy of the file to skip its header.
    /// </summary>
    private sealed class SnapshotReader(byte[] bytes, int start)
    {
        private int position = start;

        public int Length { get; } = bytes.Length - start;

        public bool AtEnd => position == bytes.Length;

        public bool ReadBoolean() => Take(1)[0] != 0;

        public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

        public string ReadString()
        {
            var length = ReadInt32();
            if (length < 0 || length > Length) throw new InvalidDataException("A string's length is out of range.");
            return new string(MemoryMarshal.Cast<byte, char>(Take(checked(length * 2))));
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count > bytes.Length - position) throw new EndOfStreamException();
            var span = bytes.AsSpan(position, count);
            position += count;
            return span;
        }
    }

    private static Type? ElementOf(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>) ? type.GetGenericArguments()[0] : null;

    private static RecordShape Shape(Type type) => Shapes.GetOrAdd(type, RecordShape.Of);

    /// <summary>How a record is written: its primary constructor's parameters, and the property behind each.</summary>
    private sealed record RecordShape(IReadOnlyList<ParameterInfo> Parameters, IReadOnlyList<PropertyInfo> Properties, Func<object?[], object> Create, IReadOnlyList<string> Unwritten)
    {
        public static RecordShape Of(Type type)
        {
            if (ElementOf(type) is { } element)
            {
                // EquatableArray<T> from T[] (the implicit conversion copies into an ImmutableArray).
                var fromArray = type.GetMethod("op_Implicit", [element.MakeArrayType()])!;
                return new([], [], arguments => fromArray.Invoke(null, arguments)!, []);
            }
            var constructor = type.GetConstructors().Where(c => c.GetParameters() is not [{ } only] || only.ParameterType != type)
                .MaxBy(c => c.GetParameters().Length) ?? throw new InvalidDataException($"{type.Name} has no public constructor.");
            var parameters = constructor.GetParameters();
            var properties = parameters.Select(p => type.GetProperty(p.Name!, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new InvalidDataException($"{type.Name}'s parameter {p.Name} has no property of its name.")).ToList();
            var backing = parameters.Select(p => $"<{p.Name}>k__BackingField").ToHashSet(StringComparer.Ordinal);
            var unwritten = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(f => !backing.Contains(f.Name) && f.Name != "EqualityContract").Select(f => f.Name).ToList();
            return new(parameters, properties, arguments => constructor.Invoke(arguments), unwritten);
        }
    }
}
