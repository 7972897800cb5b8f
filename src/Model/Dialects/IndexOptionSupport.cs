using DiffMigrate.Schema;

namespace DiffMigrate.Dialects;

/// <summary>
/// The index options a dialect lacks, checked on a model before it is compared: an option the database cannot hold
/// is an error naming the table and index, never dropped silently (it would be a difference that never goes away).
/// </summary>
internal static class IndexOptionSupport
{
    /// <summary>Throws <see cref="DiffMigrateException"/> for the first index of <paramref name="model"/> with an option <paramref name="dialect"/> lacks.</summary>
    public static void Check(DatabaseSchema model, Dialect dialect)
    {
        foreach (var table in model.Tables)
        {
            foreach (var index in table.Indexes)
            {
                if (Lacking(dialect, index) is { } what)
                {
                    throw new DiffMigrateException(
                        $"The model's index '{index.Name}' on table '{table.Name}' uses {what}, which {dialect.Name} does not support: remove it for {dialect.Name}.");
                }
            }
        }
    }

    /// <summary>The first option of <paramref name="index"/> that <paramref name="dialect"/> lacks (e.g. "NULLS FIRST on key x"), or null.</summary>
    public static string? Lacking(Dialect dialect, TableIndex index)
    {
        if (index.NullsNotDistinct && !dialect.SupportsIndexNullsNotDistinct) return "NULLS NOT DISTINCT";
        for (var i = 0; i < index.Columns.Count; i++)
        {
            var option = index.KeyOption(i);
            var key = index.Columns[i];
            if (option.Nulls != NullsOrder.Default && !dialect.SupportsIndexNullsOrder) return $"NULLS {(option.Nulls == NullsOrder.First ? "FIRST" : "LAST")} on key {key}";
            if (option.OperatorClass is { } opclass && !dialect.SupportsOperatorClasses) return $"operator class {opclass} on key {key}";
            if (option.Collation is { } collation && !dialect.SupportsIndexKeyCollation) return $"COLLATE {collation} on key {key}";
        }
        return null;
    }
}
