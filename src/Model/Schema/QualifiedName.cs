namespace DiffMigrate;

/// <summary>
/// A table (or other object) name with an optional schema. A null schema means the connection's default schema;
/// inspectors map the default schema to null so that comparison needs no database.
/// </summary>
public sealed record QualifiedName(string? Schema, string Name) : IComparable<QualifiedName>
{
    /// <summary>A name in the default schema.</summary>
    public static implicit operator QualifiedName(string name) => new(null, name);

    /// <summary>Ordinal order by schema (default schema first), then name.</summary>
    public int CompareTo(QualifiedName? other)
    {
        if (other is null) return 1;
        var bySchema = string.CompareOrdinal(Schema ?? "", other.Schema ?? "");
        return bySchema != 0 ? bySchema : string.CompareOrdinal(Name, other.Name);
    }

    /// <summary><c>schema.name</c>, or the bare name in the default schema.</summary>
    public override string ToString() => Schema is null ? Name : $"{Schema}.{Name}";
}
