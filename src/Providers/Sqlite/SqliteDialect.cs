using DiffMigrate.Dialects;

namespace DiffMigrate.Providers.Sqlite;

/// <summary>SQLite's capabilities: transactional DDL, no schemas or comments, ALTER limited to add/drop/rename.</summary>
public static class SqliteDialect
{
    /// <summary>The SQLite dialect.</summary>
    public static Dialect Instance { get; } = new("sqlite", "main", TransactionalDdl: true, SupportsSchemas: false,
        SupportsComments: false, SupportsEnumTypes: false, SupportsSequences: false, SupportsAlterColumn: false, SupportsConstraintAlter: false,
        MaxIdentifierLength: int.MaxValue, IdentifierUnit: IdentifierUnit.Characters, Types: SqliteTypeMap.Instance, Expressions: SqliteExpressionRules.Instance)
    {
        IdentityIsRowid = true,
        RebuildRule = SqliteAlterTable.Rule,
        // CREATE INDEX takes COLLATE per key, but not NULLS FIRST/LAST (a syntax error), operator classes or NULLS NOT DISTINCT.
        SupportsIndexKeyCollation = true,
        DefaultCollation = "BINARY",
        ObjectKinds = [DefinedObjectKind.View, DefinedObjectKind.Trigger],
        SupportsStrictTables = true,
        SupportsWithoutRowid = true,
        SupportsVirtualComputedColumns = true,
    };
}
