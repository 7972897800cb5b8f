using DiffMigrate.Dialects;

namespace DiffMigrate.Providers.SqlServer;

/// <summary>
/// SQL Server's capabilities (2017 and later): DDL is transactional, schemas (dbo by default), comments as
/// MS_Description extended properties, sequences, ALTER COLUMN with the whole type and nullability, identifiers up to
/// 128 characters (sysname), computed columns that are virtual unless PERSISTED, filtered and covering indexes, no enum
/// types, domains, deferrable or NOT VALID constraints. Names compare as the database's collation says, which is case
/// insensitive by default.
/// </summary>
public static class SqlServerDialect
{
    /// <summary>The SQL Server dialect.</summary>
    public static Dialect Instance { get; } = new("mssql", "dbo", TransactionalDdl: true, SupportsSchemas: true,
        SupportsComments: true, SupportsEnumTypes: false, SupportsSequences: true, SupportsAlterColumn: true, SupportsConstraintAlter: false,
        MaxIdentifierLength: 128, IdentifierUnit: IdentifierUnit.Characters, Types: SqlServerTypeMap.Instance, Expressions: SqlServerExpressionRules.Instance)
    {
        CaseSensitiveNames = false,
        SupportsVirtualComputedColumns = true,
        // IDENTITY has no ALWAYS or BY DEFAULT; a computed column has its expression's type (and, not PERSISTED, nullability).
        IdentityGenerationNotReported = true,
        ComputedColumnsTypedByExpression = true,
        // SQL Server has no RESTRICT: NO ACTION checks at once, which is what RESTRICT means elsewhere.
        RestrictIsNoAction = true,
        ObjectKinds = [DefinedObjectKind.View, DefinedObjectKind.Function, DefinedObjectKind.Procedure, DefinedObjectKind.Trigger],
        // T-SQL has no overloading: a routine's name is its identity, whatever argument types the model gives.
        RoutinesKeyedByName = true,
    };
}
