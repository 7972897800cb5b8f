using DiffMigrate.Diff;
using DiffMigrate.Schema;

namespace DiffMigrate.Providers.Postgres;

internal sealed partial class PostgresModelCanonicalizer
{
    /// <summary>
    /// Which elements of a model table need no asking: those the comparison finds equal to the database table's
    /// without the server's form, through the normaliser the differ applies to both sides (the column's type, collation,
    /// default and generated expression together; a check or exclusion constraint of the same name, or an unnamed one
    /// the table holds; an index of the same name). Left in the model's spelling, such an element compares as equal:
    /// the server's spelling is needed only where the text rules cannot tell, so a no-op sends the server nothing
    /// whatever the size of the model. What is new or differs is asked as before, and the server still checks it.
    /// </summary>
    private sealed class SettledElements
    {
        private static readonly DialectNormalizer Normalizer = new(PostgresDialect.Instance);
        // Both normalised, or neither (no table of the name, or a model the normaliser refuses: everything is asked).
        private readonly (Table Model, Table Stored)? tables;

        /// <param name="table">The model's table.</param>
        /// <param name="existing">The database's table of the same name, if any (compared only when its name is exactly the same).</param>
        public SettledElements(Table table, Table? existing)
        {
            if (existing is null || !string.Equals(Key(existing.Name), Key(table.Name), StringComparison.Ordinal)) return;
            try
            {
                tables = (Normalizer.Table(table), Normalizer.Table(existing));
            }
            catch (DiffMigrateException)
            {
                // The comparison will say what is wrong with the model; until then, everything is asked as before.
            }
        }

        /// <summary>True when column <paramref name="index"/>'s type, collation, default and generated expression are the database's.</summary>
        public bool Column(int index)
        {
            if (tables is not (var model, var stored)) return false;
            var column = model.Columns[index];
            return stored.FindColumn(column.Name) is { } other
                && column.Type == other.Type
                && string.Equals(column.Collation, other.Collation, StringComparison.Ordinal)
                && string.Equals(column.Default, other.Default, StringComparison.Ordinal)
                && string.Equals(column.Computed, other.Computed, StringComparison.Ordinal);
        }

        /// <summary>True when check <paramref name="index"/> is one the database's table holds (by name, or by text when unnamed).</summary>
        public bool Check(int index) =>
            tables is (var model, var stored) && Holds(model.CheckConstraints[index], stored.CheckConstraints, k => k.Name, k => k.Sql);

        /// <summary>True when exclusion constraint <paramref name="index"/> is one the database's table holds (by name, or by text when unnamed).</summary>
        public bool Exclusion(int index) =>
            tables is (var model, var stored) && Holds(model.ExclusionConstraints[index], stored.ExclusionConstraints, x => x.Name, x => x.Definition);

        /// <summary>True when index <paramref name="index"/> is the database's index of that name, key for key.</summary>
        public bool Index(int index) =>
            tables is (var model, var stored) && stored.Indexes.FirstOrDefault(x => string.Equals(x.Name, model.Indexes[index].Name, StringComparison.Ordinal)) is { } other
            && other == model.Indexes[index];

        private static bool Holds<T>(T element, EquatableArray<T> others, Func<T, string?> name, Func<T, string> text) =>
            others.Any(o => string.Equals(text(o), text(element), StringComparison.Ordinal)
                && (name(element) is null || string.Equals(name(o), name(element), StringComparison.Ordinal)));
    }
}
