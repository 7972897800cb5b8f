namespace DiffMigrate;

/// <summary>
/// Templates for constraint names. Tokens: <c>{table}</c>, <c>{column}</c> (first column), <c>{columns}</c> (all,
/// joined by underscores), <c>{referred}</c> (referred table), <c>{name}</c> (a check's own name).
/// </summary>
public sealed record NamingConvention(
    string PrimaryKey = "pk_{table}",
    string ForeignKey = "fk_{table}_{column}_{referred}",
    string Index = "ix_{table}_{columns}",
    string Unique = "uq_{table}_{columns}",
    string Check = "ck_{table}_{name}")
{
    /// <summary>The default convention.</summary>
    public static NamingConvention Default { get; } = new();

    /// <summary>Fills <paramref name="template"/> for a constraint of <paramref name="table"/>.</summary>
    public static string Apply(string template, QualifiedName table, IReadOnlyList<string> columns, string? referred = null, string? name = null) =>
        template
            .Replace("{table}", table.Name, StringComparison.Ordinal)
            .Replace("{columns}", string.Join("_", columns), StringComparison.Ordinal)
            .Replace("{column}", columns.Count > 0 ? columns[0] : "", StringComparison.Ordinal)
            .Replace("{referred}", referred ?? "", StringComparison.Ordinal)
            .Replace("{name}", name ?? "", StringComparison.Ordinal);
}
