namespace DiffMigrate.Diff.Lint;

/// <summary>What a type change does to the values already stored.</summary>
internal static class TypeRules
{
    private static readonly SqlTypeKind[] Integers = [SqlTypeKind.Int16, SqlTypeKind.Int32, SqlTypeKind.Int64];

    /// <summary>True when some value of <paramref name="from"/> may not fit <paramref name="to"/>.</summary>
    public static bool Narrows(SqlType from, SqlType to) => (from.Kind, to.Kind) switch
    {
        (SqlTypeKind.String or SqlTypeKind.FixedChar or SqlTypeKind.Binary, _) when from.Kind == to.Kind => Shorter(from.Length, to.Length),
        (SqlTypeKind.Text, SqlTypeKind.String or SqlTypeKind.FixedChar) => true,
        (SqlTypeKind.String, SqlTypeKind.FixedChar) => true,
        (SqlTypeKind.Decimal, SqlTypeKind.Decimal) => Shorter(from.Precision, to.Precision) || Shorter(from.Scale, to.Scale),
        (SqlTypeKind.Double, SqlTypeKind.Single) => true,
        (SqlTypeKind.Decimal or SqlTypeKind.Double or SqlTypeKind.Single, SqlTypeKind.Int16 or SqlTypeKind.Int32 or SqlTypeKind.Int64) => true,
        _ when Integers.Contains(from.Kind) && Integers.Contains(to.Kind) => Array.IndexOf(Integers, to.Kind) < Array.IndexOf(Integers, from.Kind),
        (SqlTypeKind.DateTime or SqlTypeKind.DateTimeOffset, SqlTypeKind.Date) => true,
        _ => false,
    };

    // Null length means unbounded.
    private static bool Shorter(int? from, int? to) => to is { } t && (from is null || t < from);
}
