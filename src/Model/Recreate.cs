namespace DiffMigrate;

// In the root namespace: a revision writes recreate: Recreate.Always with the usings every revision has.
/// <summary>When a <see cref="Migrations.BatchAlterTable"/> rebuilds its table ("move and copy").</summary>
public enum Recreate
{
    /// <summary>Only when an operation in the batch needs it on the target database (SQLite's limited ALTER).</summary>
    Auto,
    /// <summary>Always rebuild the table.</summary>
    Always,
    /// <summary>Never: plain ALTER statements, or a clear error where the database has none.</summary>
    Never,
}
