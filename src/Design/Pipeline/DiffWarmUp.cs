using DiffMigrate.Providers;
using DiffMigrate.Schema;

namespace DiffMigrate.Design.Pipeline;

/// <summary>
/// Compares a small fixed schema with itself on another core while the command reads the database, and has the
/// provider's canonicaliser plan its questions about it (sending nothing), so that the real comparison finds its code
/// compiled and its types loaded.
/// </summary>
/// <remarks>
/// Most of a first comparison's time is the runtime's, not the comparison's: loading types, binding precompiled code
/// and compiling the generic code no image holds (500 unchanged tables: 47 ms cold, 13 ms when run a second time).
/// While the command reads the database, the model's thread has usually finished and the second core waits; the same
/// work done there on two tables takes 20-25 ms off the comparison on SQLite and PostgreSQL alike. It is pure (no
/// connection, no output, and none of the command's options: no object filter sees its tables), and any failure in it
/// is dropped: it must never change what the command does.
/// </remarks>
internal static class DiffWarmUp
{
    /// <summary>Two tables with the usual kinds of columns, keys, indexes and constraints; one refers to the other.</summary>
    internal static DatabaseSchema Sample() => new([Table("warm_a", null), Table("warm_b", "warm_a")]);

    /// <summary>Starts the warm-up for <paramref name="provider"/> on the thread pool when there is a second core to run it on.</summary>
    public static void Start(DatabaseProvider provider)
    {
        if (Environment.ProcessorCount < 2) return;
        ThreadPool.UnsafeQueueUserWorkItem(static p => Run(p), provider, preferLocal: false);
    }

    /// <summary>Runs the warm-up; false when it failed (tests hold it to true).</summary>
    internal static bool Run(DatabaseProvider provider)
    {
        try
        {
            // Two schemas built apart, as a model and a database are: records compare equal instances without looking inside.
            var same = new SchemaComparison(provider, new ComparisonOptions()).Diff(Sample(), Sample()).Count == 0;
            provider.Canonicalizer?.WarmUp(Sample());
            return same;
        }
#pragma warning disable CA1031 // Only a warm-up: whatever went wrong, the command's own comparison runs and reports it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    private static Table Table(string name, string? referred)
    {
        Column[] columns =
        [
            new("id", SqlType.Int32, Identity: new Identity()),
            new("name", SqlType.String(120)),
            new("code", SqlType.String(32)),
            new("description", SqlType.Text, Nullable: true),
            new("amount", SqlType.Decimal(10, 2), Default: "0"),
            new("is_active", SqlType.Boolean, Default: "1"),
            new("created_at", SqlType.DateTime, Default: "CURRENT_TIMESTAMP"),
            new("score", SqlType.Double, Nullable: true),
            new("country", SqlType.FixedChar(2), Nullable: true),
            new("payload", SqlType.Binary(), Nullable: true),
            new("valid_from", SqlType.Date, Nullable: true),
            new("counter", SqlType.Int64, Default: "0"),
            new("ref_id", SqlType.Int32, Nullable: true),
        ];
        ForeignKey[] foreignKeys = referred is null ? [] : [new("fk_" + name, ["ref_id"], new QualifiedName(null, referred), ["id"], ReferentialAction.Cascade)];
        return new Table(new QualifiedName(null, name), columns, new PrimaryKey("pk_" + name, ["id"]), foreignKeys,
            [new TableIndex("ix_" + name + "_name", ["name"]), new TableIndex("ix_" + name + "_created", ["created_at", "is_active"])],
            [new UniqueConstraint("uq_" + name + "_code", ["code"])],
            [new CheckConstraint("ck_" + name + "_amount", "amount >= 0")]);
    }
}
