using DiffMigrate.Migrations;
using DiffMigrate.Schema;

namespace DiffMigrate.Diff;

internal sealed partial class SchemaDiffer
{
    /// <summary>A changed primary key (columns, or a known name) is dropped and added again.</summary>
    private static void DiffPrimaryKey(QualifiedName name, TablePair from, TablePair to, List<MigrationOperation> drops, List<MigrationOperation> adds)
    {
        var (a, b) = (from.Normalized.PrimaryKey, to.Normalized.PrimaryKey);
        if (a is null && b is null) return;
        if (a is not null && b is not null && a.Columns == b.Columns && SameName(a.Name, b.Name)) return;
        if (from.Original.PrimaryKey is { } old) drops.Add(new DropPrimaryKey(name, old));
        if (to.Original.PrimaryKey is { } @new) adds.Add(new AddPrimaryKey(name, @new));
    }

    /// <summary>
    /// Foreign keys match by signature (columns, referred table and columns, actions), not by name, nor by NOT VALID:
    /// a NOT VALID one in the database that the model has valid is validated in place (<paramref name="validations"/>);
    /// a validated one satisfies a model that has it NOT VALID.
    /// </summary>
    private static void DiffForeignKeys(QualifiedName name, TablePair from, TablePair to, List<MigrationOperation> drops, List<MigrationOperation> adds,
        List<MigrationOperation> validations) =>
        Match.Pair(Pairs(from.Original.ForeignKeys, from.Normalized.ForeignKeys), Pairs(to.Original.ForeignKeys, to.Normalized.ForeignKeys),
            (a, b) => a with { Name = null, NotValid = false } == b with { Name = null, NotValid = false } && SameName(a.Name, b.Name),
            (a, b) => Validate(name, a.Normalized.NotValid && !b.Normalized.NotValid, a.Original.Name, validations),
            f => drops.Add(new DropForeignKey(name, f)), f => adds.Add(new AddForeignKey(name, f)));

    private static void Validate(QualifiedName table, bool needed, string? constraint, List<MigrationOperation> validations)
    {
        if (needed && constraint is not null) validations.Add(new ValidateConstraint(table, constraint));
    }

    /// <summary>Exclusion constraints match by definition (the server's form) and name.</summary>
    private static void DiffExclusionConstraints(QualifiedName name, TablePair from, TablePair to, List<MigrationOperation> drops, List<MigrationOperation> adds) =>
        Match.Unpaired(Pairs(from.Original.ExclusionConstraints, from.Normalized.ExclusionConstraints),
            Pairs(to.Original.ExclusionConstraints, to.Normalized.ExclusionConstraints),
            (a, b) => string.Equals(a.Definition, b.Definition, StringComparison.Ordinal) && SameName(a.Name, b.Name),
            x => drops.Add(new DropExclusionConstraint(name, x)), x => adds.Add(new AddExclusionConstraint(name, x)));

    /// <summary>UNIQUE constraints match by columns and options.</summary>
    private static void DiffUniqueConstraints(QualifiedName name, TablePair from, TablePair to, List<MigrationOperation> drops, List<MigrationOperation> adds) =>
        Match.Unpaired(Pairs(from.Original.UniqueConstraints, from.Normalized.UniqueConstraints), Pairs(to.Original.UniqueConstraints, to.Normalized.UniqueConstraints),
            (a, b) => a with { Name = null } == b with { Name = null } && SameName(a.Name, b.Name),
            u => drops.Add(new DropUniqueConstraint(name, u)), u => adds.Add(new AddUniqueConstraint(name, u)));

    /// <summary>CHECK constraints match by name, or by canonical expression when a side does not know the name; NOT VALID as foreign keys.</summary>
    private static void DiffCheckConstraints(QualifiedName name, TablePair from, TablePair to, List<MigrationOperation> drops, List<MigrationOperation> adds,
        List<MigrationOperation> validations) =>
        Match.Pair(Pairs(from.Original.CheckConstraints, from.Normalized.CheckConstraints), Pairs(to.Original.CheckConstraints, to.Normalized.CheckConstraints),
            (a, b) => string.Equals(a.Sql, b.Sql, StringComparison.Ordinal) && SameName(a.Name, b.Name),
            (a, b) => Validate(name, a.Normalized.NotValid && !b.Normalized.NotValid, a.Original.Name, validations),
            c => drops.Add(new DropCheckConstraint(name, c)), c => adds.Add(new AddCheckConstraint(name, c)));

    private static List<(T Original, T Normalized)> Pairs<T>(EquatableArray<T> original, EquatableArray<T> normalized) =>
        original.Zip(normalized, (o, n) => (o, n)).ToList();
}
