namespace DiffMigrate;

// In the root namespace: an entity class writes it in [References(..., OnDelete = ReferentialAction.Cascade)] with
// nothing but `using DiffMigrate;`.
/// <summary>What a foreign key does when the referred row is deleted or updated.</summary>
public enum ReferentialAction
{
    /// <summary>No clause (the database default, NO ACTION).</summary>
    NoAction,
    /// <summary>RESTRICT.</summary>
    Restrict,
    /// <summary>CASCADE.</summary>
    Cascade,
    /// <summary>SET NULL.</summary>
    SetNull,
    /// <summary>SET DEFAULT.</summary>
    SetDefault,
}
