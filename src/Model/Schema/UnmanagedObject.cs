namespace DiffMigrate.Schema;

/// <summary>
/// Something the inspector saw in the database but does not compare (a view, a trigger, a grant, a schema outside
/// those compared, ...): listed so that a comparison never says "no changes" about what it cannot see.
/// <see cref="Kind"/> is the word the configuration's include/exclude patterns use (<c>view</c>, <c>function</c>,
/// <c>trigger</c>, ...); <see cref="Table"/> is the table it is on, when it is on one; <see cref="Detail"/> says
/// more where the name alone does not (a partition's parent, a function's arguments, a constraint's kind).
/// </summary>
public sealed record UnmanagedObject(string Kind, QualifiedName Name, string? Table = null, string? Detail = null)
{
    /// <summary>The object as a report names it: <c>trigger posts.trg_search</c>, <c>function audit.touch(integer)</c>.</summary>
    public override string ToString() =>
        $"{Kind} {(Table is null ? Name.ToString() : $"{(Name.Schema is null ? "" : Name.Schema + ".")}{Table}.{Name.Name}")}{(Detail is null ? "" : $" ({Detail})")}";
}
