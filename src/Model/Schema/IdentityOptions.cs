namespace DiffMigrate.Schema;

/// <summary>
/// The values a sequence takes for identity options left out (PostgreSQL's rules, which the SQL standard shares),
/// so that an option spelled as its default and one left out compare equal.
/// </summary>
internal static class IdentityOptions
{
    /// <summary>The effective options: every null replaced by the server's default for the type and direction.</summary>
    public static (long Start, long Increment, long Min, long Max, long Cache) Effective(Identity identity, SqlType type)
    {
        var increment = identity.Increment ?? 1;
        var (typeMin, typeMax) = Bounds(type);
        var min = identity.MinValue ?? (increment > 0 ? 1 : typeMin);
        var max = identity.MaxValue ?? (increment > 0 ? typeMax : -1);
        return (identity.Start ?? (increment > 0 ? min : max), increment, min, max, identity.Cache ?? 1);
    }

    /// <summary>The identity with every option equal to the server's default written as null.</summary>
    public static Identity Canonical(Identity identity, SqlType type)
    {
        var (start, increment, min, max, cache) = Effective(identity, type);
        var (typeMin, typeMax) = Bounds(type);
        var defaultMin = increment > 0 ? 1 : typeMin;
        var defaultMax = increment > 0 ? typeMax : -1;
        return identity with
        {
            Start = start == (increment > 0 ? min : max) ? null : start,
            Increment = increment == 1 ? null : increment,
            MinValue = min == defaultMin ? null : min,
            MaxValue = max == defaultMax ? null : max,
            Cache = cache == 1 ? null : cache,
        };
    }

    /// <summary>The range of an integer type (64-bit for anything else, as a sequence's default type is bigint).</summary>
    public static (long Min, long Max) Bounds(SqlType type) => type.Kind switch
    {
        SqlTypeKind.Int16 => (short.MinValue, short.MaxValue),
        SqlTypeKind.Int32 => (int.MinValue, int.MaxValue),
        _ => (long.MinValue, long.MaxValue),
    };
}
