using DiffMigrate.Design.ModelLoading;
using DiffMigrate.Schema;

namespace DiffMigrate.Tests.ModelLoading;

/// <summary>
/// The cached schema of a model must be the schema the model evaluates to, whatever it holds (issue 17): a field lost
/// or changed on the way would be a false negative or positive on every later command.
/// </summary>
[TestClass]
public sealed class SchemaSnapshotTests
{
    // Quotes, a statement end, every Unicode line terminator, control characters and a lone surrogate (UTF-8 would lose it).
    private const string Hostile = "o'b\"r;--\r\n\u0085\u2028\u2029\0\u001b\uD800x";

    [TestMethod]
    public void Every_record_a_schema_can_hold_keeps_its_state_in_its_primary_constructor()
    {
        var records = SchemaSnapshot.Records();
        Assert.IsGreaterThan(15, records.Count, string.Join(", ", records.Keys.Select(t => t.Name)));
        foreach (var (type, unwritten) in records) Assert.IsEmpty(unwritten, $"{type.Name}: {string.Join(", ", unwritten)}");
    }

    [TestMethod]
    public void A_schema_with_every_parameter_of_every_record_set_comes_back_equal()
    {
        foreach (var variant in new[] { 0, 1 })
        {
            var schema = (DatabaseSchema)Make(typeof(DatabaseSchema), variant, depth: 0)!;
            var back = SchemaSnapshot.Read(SchemaSnapshot.Write(schema));
            Assert.IsNotNull(back);
            Assert.AreEqual(schema, back);
            Assert.AreEqual(schema.Tables[0].Columns[0].Name, back.Tables[0].Columns[0].Name);
        }
    }

    [TestMethod]
    public void Each_parameter_changed_alone_is_carried()
    {
        // A writer that dropped one parameter would still round-trip a schema whose value there is the default.
        var baseline = (DatabaseSchema)Make(typeof(DatabaseSchema), 0, depth: 0)!;
        var table = baseline.Tables[0];
        foreach (var changed in new[]
        {
            baseline with { Tables = [table with { Comment = null }] },
            baseline with { Tables = [table with { Columns = [table.Columns[0] with { Nullable = !table.Columns[0].Nullable }] }] },
            baseline with { Tables = [table with { Columns = [table.Columns[0] with { Type = SqlType.Int32 }] }] },
            baseline with { Schemas = [] },
        })
        {
            Assert.AreNotEqual(baseline, changed);
            Assert.AreEqual(changed, SchemaSnapshot.Read(SchemaSnapshot.Write(changed)));
        }
    }

    [TestMethod]
    public void Bytes_that_are_not_a_whole_snapshot_of_this_format_are_not_read()
    {
        var bytes = SchemaSnapshot.Write((DatabaseSchema)Make(typeof(DatabaseSchema), 0, depth: 0)!);
        Assert.IsNull(SchemaSnapshot.Read(bytes[..(bytes.Length / 2)]));
        Assert.IsNull(SchemaSnapshot.Read([.. bytes, 0]));
        var otherFormat = (byte[])bytes.Clone();
        otherFormat[0] ^= 0x7f;
        Assert.IsNull(SchemaSnapshot.Read(otherFormat));
        Assert.IsNull(SchemaSnapshot.Read([]));
    }

    [TestMethod]
    public void A_snapshot_read_from_an_offset_is_the_one_written_there()
    {
        // The cache file holds a key line before the snapshot; the reader starts after it instead of copying the rest.
        var schema = (DatabaseSchema)Make(typeof(DatabaseSchema), 1, depth: 0)!;
        var bytes = SchemaSnapshot.Write(schema);
        byte[] prefixed = [.. "key line\n"u8, .. bytes];
        Assert.AreEqual(schema, SchemaSnapshot.Read(prefixed, 9));
        Assert.IsNull(SchemaSnapshot.Read(prefixed, 8), "one byte early is not a snapshot");
        Assert.IsNull(SchemaSnapshot.Read(prefixed, prefixed.Length), "nothing left is not a snapshot");
        Assert.IsNull(SchemaSnapshot.Read(prefixed, prefixed.Length + 4), "past the end is not a snapshot either");
    }

    // A value for every parameter, none the default: strings hostile, numbers and flags non-zero, enums their last
    // member, arrays of two; variant 1 differs from variant 0 everywhere it can.
    private static object? Make(Type type, int variant, int depth)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying) return Make(underlying, variant, depth);
        if (type == typeof(string)) return Hostile + variant;
        if (type == typeof(bool)) return variant == 0;
        if (type == typeof(int)) return 7 + variant;
        if (type == typeof(long)) return -9_000_000_000L - variant;
        if (type.IsEnum) return Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1 - variant);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>))
        {
            var element = type.GetGenericArguments()[0];
            var items = Array.CreateInstance(element, depth > 3 ? 0 : 2);
            for (var i = 0; i < items.Length; i++) items.SetValue(Make(element, (variant + i) % 2, depth + 1), i);
            return type.GetMethod("op_Implicit", [element.MakeArrayType()])!.Invoke(null, [items]);
        }
        var constructor = type.GetConstructors().Where(c => c.GetParameters() is not [{ } only] || only.ParameterType != type).MaxBy(c => c.GetParameters().Length)!;
        return constructor.Invoke(constructor.GetParameters().Select(p => Make(p.ParameterType, variant, depth + 1)).ToArray());
    }
}
