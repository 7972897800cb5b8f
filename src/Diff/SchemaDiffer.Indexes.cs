using DiffMigrate.Migrations;

namespace DiffMigrate.Diff;

internal sealed partial class SchemaDiffer
{
    /// <summary>Indexes match by name; a changed definition is dropped and created again.</summary>
    private static void DiffIndexes(QualifiedName name, TablePair from, TablePair to, List<MigrationOperation> drops, List<MigrationOperation> adds) =>
        Match.Unpaired(Pairs(from.Original.Indexes, from.Normalized.Indexes), Pairs(to.Original.Indexes, to.Normalized.Indexes),
            (a, b) => a == b with { Name = Same(a.Name, b.Name) ? a.Name : b.Name },
            x => drops.Add(new DropIndex(name, x)), x => adds.Add(new CreateIndex(name, x)));
}
