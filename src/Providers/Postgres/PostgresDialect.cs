using DiffMigrate.Dialects;

namespace DiffMigrate.Providers.Postgres;

/// <summary>PostgreSQL's capabilities.</summary>
public static class PostgresDialect
{
    /// <summary>The PostgreSQL dialect.</summary>
    public static Dialect Instance { get; } = new("postgresql", "public", TransactionalDdl: true, SupportsSchemas: true,
        SupportsComments: true, SupportsEnumTypes: true, SupportsSequences: true, SupportsAlterColumn: true, SupportsConstraintAlter: true,
        MaxIdentifierLength: 63, IdentifierUnit: IdentifierUnit.Utf8Bytes, Types: PostgresTypeMap.Instance, Expressions: PostgresExpressionRules.Instance)
    {
        SupportsExtensions = true,
        SupportsDomains = true,
        CaseSensitiveNames = true,
        SupportsIndexNullsOrder = true,
        SupportsOperatorClasses = true,
        SupportsIndexKeyCollation = true,
        SupportsIndexNullsNotDistinct = true,
        DefaultCollation = "default",
        ObjectKinds = [DefinedObjectKind.View, DefinedObjectKind.MaterializedView, DefinedObjectKind.Function, DefinedObjectKind.Procedure,
            DefinedObjectKind.Aggregate, DefinedObjectKind.Trigger],
        SupportsNotValidConstraints = true,
        SupportsExclusionConstraints = true,
        SupportsDeferrableUnique = true,
        SupportsPartitioning = true,
    };
}
