using DiffMigrate.Migrations;

namespace DiffMigrate.Render.Sql;

internal abstract partial class SqlRenderer
{
    /// <summary>The database's name in messages ("SQLite", "PostgreSQL").</summary>
    protected virtual string DatabaseName => Dialect.Name;

    /// <summary>CREATE SCHEMA name, where the dialect has schemas.</summary>
    protected virtual void CreateSchema(CreateSchema operation, List<SqlStatement> output)
    {
        if (!Dialect.SupportsSchemas) throw Refuse(operation, "schemas", dialectHasThem: false);
        output.Add(new($"CREATE SCHEMA {Syntax.QuoteIdentifier(operation.Name)}"));
    }

    /// <summary>DROP SCHEMA name, where the dialect has schemas.</summary>
    protected virtual void DropSchema(DropSchema operation, List<SqlStatement> output)
    {
        if (!Dialect.SupportsSchemas) throw Refuse(operation, "schemas", dialectHasThem: false);
        output.Add(new($"DROP SCHEMA {Syntax.QuoteIdentifier(operation.Name)}"));
    }

    /// <summary>
    /// A batch where the database can ALTER a table in place: its operations one by one. Rebuilding a table
    /// (<see cref="Recreate.Always"/>) is what a dialect with a limited ALTER overrides this for.
    /// </summary>
    protected virtual void BatchAlterTable(BatchAlterTable operation, List<SqlStatement> output)
    {
        if (operation.Recreate == Recreate.Always)
        {
            throw new UnsupportedOperationException(
                $"BatchAlterTable on {operation.Table} with Recreate.Always: DiffMigrate does not rebuild {DatabaseName} tables; " +
                "use Recreate.Auto, which applies these changes with plain ALTER statements.");
        }
        foreach (var inner in operation.Operations)
        {
            if (inner.TableName != operation.Table) throw new DiffMigrateException($"BatchAlterTable on {operation.Table}: {inner.GetType().Name} is about {inner.TableName}.");
            Render(inner, output);
        }
    }

    // Enum types and sequences have no portable spelling: a dialect that has them overrides all of these.

    /// <summary>CREATE TYPE ... AS ENUM, or the dialect's equivalent.</summary>
    protected virtual void CreateEnum(CreateEnum operation, List<SqlStatement> output) => throw Refuse(operation, "enum types", Dialect.SupportsEnumTypes);

    /// <summary>Drops an enum type.</summary>
    protected virtual void DropEnum(DropEnum operation, List<SqlStatement> output) => throw Refuse(operation, "enum types", Dialect.SupportsEnumTypes);

    /// <summary>Adds a value to an enum type.</summary>
    protected virtual void AddEnumValue(AddEnumValue operation, List<SqlStatement> output) => throw Refuse(operation, "enum types", Dialect.SupportsEnumTypes);

    /// <summary>Removes a value from an enum type.</summary>
    protected virtual void DropEnumValue(DropEnumValue operation, List<SqlStatement> output) => throw Refuse(operation, "enum types", Dialect.SupportsEnumTypes);

    /// <summary>Renames a value of an enum type.</summary>
    protected virtual void RenameEnumValue(RenameEnumValue operation, List<SqlStatement> output) => throw Refuse(operation, "enum types", Dialect.SupportsEnumTypes);

    /// <summary>Changes a table's storage options; where the database has them, only a table rebuild can.</summary>
    protected virtual void AlterTableOptions(AlterTableOptions operation, List<SqlStatement> output) =>
        throw Refuse(operation, "table options (STRICT, WITHOUT ROWID)", Dialect.SupportsStrictTables || Dialect.SupportsWithoutRowid);

    /// <summary>Creates an extension.</summary>
    protected virtual void CreateExtension(CreateExtension operation, List<SqlStatement> output) => throw Refuse(operation, "extensions", Dialect.SupportsExtensions);

    /// <summary>Drops an extension.</summary>
    protected virtual void DropExtension(DropExtension operation, List<SqlStatement> output) => throw Refuse(operation, "extensions", Dialect.SupportsExtensions);

    /// <summary>Moves an extension to another schema.</summary>
    protected virtual void AlterExtension(AlterExtension operation, List<SqlStatement> output) => throw Refuse(operation, "extensions", Dialect.SupportsExtensions);

    /// <summary>Creates a domain.</summary>
    protected virtual void CreateDomain(CreateDomain operation, List<SqlStatement> output) => throw Refuse(operation, "domains", Dialect.SupportsDomains);

    /// <summary>Drops a domain.</summary>
    protected virtual void DropDomain(DropDomain operation, List<SqlStatement> output) => throw Refuse(operation, "domains", Dialect.SupportsDomains);

    /// <summary>Changes a domain's default, NOT NULL and checks.</summary>
    protected virtual void AlterDomain(AlterDomain operation, List<SqlStatement> output) => throw Refuse(operation, "domains", Dialect.SupportsDomains);

    /// <summary>Puts the values of an enum type in another order.</summary>
    protected virtual void ReorderEnumValues(ReorderEnumValues operation, List<SqlStatement> output) => throw Refuse(operation, "enum types", Dialect.SupportsEnumTypes);

    /// <summary>Creates a sequence.</summary>
    protected virtual void CreateSequence(CreateSequence operation, List<SqlStatement> output) => throw Refuse(operation, "sequences", Dialect.SupportsSequences);

    /// <summary>Drops a sequence.</summary>
    protected virtual void DropSequence(DropSequence operation, List<SqlStatement> output) => throw Refuse(operation, "sequences", Dialect.SupportsSequences);

    /// <summary>Changes a sequence's options.</summary>
    protected virtual void AlterSequence(AlterSequence operation, List<SqlStatement> output) => throw Refuse(operation, "sequences", Dialect.SupportsSequences);

    /// <summary>
    /// The error for an operation on a kind of object this renderer does not write: the database lacks it, or (when
    /// <paramref name="dialectHasThem"/>) this renderer does not write them yet.
    /// </summary>
    protected UnsupportedOperationException Refuse(MigrationOperation operation, string objects, bool dialectHasThem)
    {
        var reason = dialectHasThem ? $"{GetType().Name} does not render {objects} yet" : $"{DatabaseName} has no {objects}";
        return new($"{operation.GetType().Name}: {reason}. Remove the operation from revisions that run on {DatabaseName}.");
    }
}
