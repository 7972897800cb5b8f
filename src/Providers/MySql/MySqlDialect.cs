using DiffMigrate.Dialects;

namespace DiffMigrate.Providers.MySql;

/// <summary>
/// MariaDB's and MySQL's capabilities: DDL is not transactional (each statement commits), a schema is a database (so
/// none within one), comments on tables and columns, ENUM only inline on a column, ALTER ... MODIFY for every column
/// change, identifiers up to 64 characters, VIRTUAL and STORED generated columns.
/// </summary>
public static class MySqlDialect
{
    /// <summary>The MariaDB/MySQL dialect.</summary>
    public static Dialect Instance { get; } = new("mysql", null, TransactionalDdl: false, SupportsSchemas: false,
        SupportsComments: true, SupportsEnumTypes: false, SupportsSequences: false, SupportsAlterColumn: true, SupportsConstraintAlter: false,
        MaxIdentifierLength: 64, IdentifierUnit: IdentifierUnit.Characters, Types: MySqlTypeMap.Instance, Expressions: MySqlExpressionRules.Instance)
    {
        // Column names compare without case; table names follow lower_case_table_names and the file system, so the
        // safe reading is the same.
        CaseSensitiveNames = false,
        SupportsVirtualComputedColumns = true,
        SupportsColumnOnUpdate = true,
        UniqueConstraintsAreIndexes = true,
        ComputedColumnsNullable = true,
        RestrictIsNoAction = true,
        IdentityOptionsNotReported = true,
        ObjectKinds = [DefinedObjectKind.View, DefinedObjectKind.Function, DefinedObjectKind.Procedure, DefinedObjectKind.Trigger],
    };
}
