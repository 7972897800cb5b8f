namespace DiffMigrate.Schema;

/// <summary>
/// A declared rename: <see cref="Column"/> null means the table <see cref="Table"/> was called
/// <see cref="OldName"/>; otherwise that column of the table was. Comes from <c>[RenamedFrom]</c> or the builder.
/// </summary>
public sealed record RenameHint(QualifiedName Table, string? Column, string OldName);

/// <summary>
/// A whole database (or model) as DiffMigrate sees it: tables ordered by name, plus the renames the model
/// declares (empty for an inspected database). <see cref="Enums"/> and <see cref="Sequences"/> are the
/// standalone schema objects (a model's enums also come from its columns); <see cref="Schemas"/> lists the
/// non-default schemas that exist (inspected) or are wanted (model). <see cref="Unmanaged"/> is what an inspected
/// database holds that DiffMigrate does not compare (empty for a model); <see cref="Extensions"/> the extensions it
/// has or needs; <see cref="Domains"/> its domains; <see cref="Objects"/> its views, materialized views, routines and triggers.
/// </summary>
public sealed record DatabaseSchema(
    EquatableArray<Table> Tables,
    EquatableArray<RenameHint> Renames = default,
    EquatableArray<EnumType> Enums = default,
    EquatableArray<Sequence> Sequences = default,
    EquatableArray<string> Schemas = default,
    EquatableArray<EnumValueRename> EnumRenames = default,
    EquatableArray<UnmanagedObject> Unmanaged = default,
    EquatableArray<Extension> Extensions = default,
    EquatableArray<Domain> Domains = default,
    EquatableArray<DefinedObject> Objects = default)
{
    /// <summary>A schema with no table.</summary>
    public static DatabaseSchema Empty { get; } = new(EquatableArray<Table>.Empty);

    /// <summary>The table named <paramref name="name"/>, or null.</summary>
    public Table? FindTable(QualifiedName name)
    {
        foreach (var table in Tables)
        {
            if (table.Name == name) return table;
        }
        return null;
    }
}
