using DiffMigrate.Migrations;
using DiffMigrate.Schema;

namespace DiffMigrate;

/// <summary>
/// What <see cref="Migration.Upgrade"/> and <see cref="Migration.Downgrade"/> call: each method records one
/// operation, in order; the runner renders them to SQL for the target dialect.
/// </summary>
public sealed class Operations
{
    private readonly List<MigrationOperation> recorded = [];

    /// <summary>The operations recorded so far, in call order.</summary>
    public IReadOnlyList<MigrationOperation> Recorded => recorded;

    /// <summary>Records any operation (the escape hatch for operation records built by hand).</summary>
    public void Add(MigrationOperation operation) => recorded.Add(operation ?? throw new ArgumentNullException(nameof(operation)));

    /// <summary>Creates a table from columns and constraints.</summary>
    public void CreateTable(QualifiedName name, params TableElement[] elements) => Add(new CreateTable(TableBuilder.Build(name, elements)));

    /// <summary>Drops a table; the elements describe it so that the drop can be reversed.</summary>
    public void DropTable(QualifiedName name, params TableElement[] elements) => Add(new DropTable(TableBuilder.Build(name, elements)));

    /// <summary>Renames a table within its schema.</summary>
    public void RenameTable(QualifiedName name, string newName) => Add(new RenameTable(name, newName));

    /// <summary>Sets (or, with null, removes) a table comment.</summary>
    public void AlterTableComment(QualifiedName table, string? comment, string? existingComment = null)
        => Add(new AlterTableComment(table, comment, existingComment));

    /// <summary>Changes a table's storage options from <paramref name="existing"/> to <paramref name="options"/> (SQLite rebuilds the table: put it in a batch).</summary>
    public void AlterTableOptions(QualifiedName table, TableOptions options, TableOptions existing) => Add(new AlterTableOptions(table, options, existing));

    /// <summary>Adds a column.</summary>
    public void AddColumn(QualifiedName table, Column column) => Add(new AddColumn(table, column));

    /// <summary>Drops a column.</summary>
    public void DropColumn(QualifiedName table, Column column) => Add(new DropColumn(table, column));

    /// <summary>
    /// Changes a column from <paramref name="existing"/> to <paramref name="column"/>; <paramref name="usingSql"/> is
    /// an explicit conversion (an SQL expression over the row before the change, such as <c>CAST(score AS INTEGER)</c>)
    /// for values the database would not convert without loss.
    /// </summary>
    public void AlterColumn(QualifiedName table, Column existing, Column column, string? usingSql = null) => Add(new AlterColumn(table, existing, column, usingSql));

    /// <summary>Renames a column.</summary>
    public void RenameColumn(QualifiedName table, string oldName, string newName) => Add(new RenameColumn(table, oldName, newName));

    /// <summary>Creates an index; <paramref name="concurrently"/> without blocking writes (PostgreSQL, outside the transaction).</summary>
    public void CreateIndex(QualifiedName table, TableIndex index, bool concurrently = false) => Add(new CreateIndex(table, index, concurrently));

    /// <summary>Drops an index; <paramref name="concurrently"/> as for <see cref="CreateIndex"/>.</summary>
    public void DropIndex(QualifiedName table, TableIndex index, bool concurrently = false) => Add(new DropIndex(table, index, concurrently));

    /// <summary>Adds a primary key.</summary>
    public void AddPrimaryKey(QualifiedName table, PrimaryKey primaryKey) => Add(new AddPrimaryKey(table, primaryKey));

    /// <summary>Drops a primary key.</summary>
    public void DropPrimaryKey(QualifiedName table, PrimaryKey primaryKey) => Add(new DropPrimaryKey(table, primaryKey));

    /// <summary>Adds a foreign key.</summary>
    public void AddForeignKey(QualifiedName table, ForeignKey foreignKey) => Add(new AddForeignKey(table, foreignKey));

    /// <summary>Drops a foreign key.</summary>
    public void DropForeignKey(QualifiedName table, ForeignKey foreignKey) => Add(new DropForeignKey(table, foreignKey));

    /// <summary>Adds a UNIQUE constraint.</summary>
    public void AddUniqueConstraint(QualifiedName table, UniqueConstraint constraint) => Add(new AddUniqueConstraint(table, constraint));

    /// <summary>Drops a UNIQUE constraint.</summary>
    public void DropUniqueConstraint(QualifiedName table, UniqueConstraint constraint) => Add(new DropUniqueConstraint(table, constraint));

    /// <summary>Adds a CHECK constraint.</summary>
    public void AddCheckConstraint(QualifiedName table, CheckConstraint constraint) => Add(new AddCheckConstraint(table, constraint));

    /// <summary>Drops a CHECK constraint.</summary>
    public void DropCheckConstraint(QualifiedName table, CheckConstraint constraint) => Add(new DropCheckConstraint(table, constraint));

    /// <summary>Adds an exclusion constraint (PostgreSQL).</summary>
    public void AddExclusionConstraint(QualifiedName table, ExclusionConstraint constraint) => Add(new AddExclusionConstraint(table, constraint));

    /// <summary>Drops an exclusion constraint (PostgreSQL).</summary>
    public void DropExclusionConstraint(QualifiedName table, ExclusionConstraint constraint) => Add(new DropExclusionConstraint(table, constraint));

    /// <summary>
    /// Validates a constraint added NOT VALID (PostgreSQL's VALIDATE CONSTRAINT); with <paramref name="undo"/>, its
    /// reverse, which runs nothing (a validated constraint satisfies a model that has it NOT VALID).
    /// </summary>
    public void ValidateConstraint(QualifiedName table, string name, bool undo = false) => Add(new ValidateConstraint(table, name, undo));

    /// <summary>Creates a schema if it does not exist.</summary>
    public void CreateSchema(string name) => Add(new CreateSchema(name));

    /// <summary>Drops an (empty) schema.</summary>
    public void DropSchema(string name) => Add(new DropSchema(name));

    /// <summary>Creates an enumerated type with these values, in order.</summary>
    public void CreateEnum(QualifiedName name, params string[] values) => Add(new CreateEnum(new EnumType(name, values)));

    /// <summary>Drops an enumerated type; the values describe it so that the drop can be reversed.</summary>
    public void DropEnum(QualifiedName name, params string[] values) => Add(new DropEnum(new EnumType(name, values)));

    /// <summary>Adds <paramref name="value"/> to an enum; <paramref name="values"/> is the whole list afterwards.</summary>
    public void AddEnumValue(QualifiedName name, string value, params string[] values) => Add(new AddEnumValue(name, value, values));

    /// <summary>Removes <paramref name="value"/> from an enum; <paramref name="values"/> is the whole list before.</summary>
    public void DropEnumValue(QualifiedName name, string value, params string[] values) => Add(new DropEnumValue(name, value, values));

    /// <summary>Puts an enum's values, <paramref name="existing"/> in the database, in the order of <paramref name="values"/>.</summary>
    public void ReorderEnumValues(QualifiedName name, string[] existing, string[] values) => Add(new ReorderEnumValues(name, existing, values));

    /// <summary>Renames a value of an enum.</summary>
    public void RenameEnumValue(QualifiedName name, string oldValue, string newValue) => Add(new RenameEnumValue(name, oldValue, newValue));

    /// <summary>Creates an extension (if it is not there yet), its objects in <paramref name="schema"/> (null: the default schema).</summary>
    public void CreateExtension(string name, string? schema = null) => Add(new CreateExtension(new Extension(name, schema)));

    /// <summary>Drops an extension (the database refuses while something uses it).</summary>
    public void DropExtension(string name, string? schema = null) => Add(new DropExtension(new Extension(name, schema)));

    /// <summary>Moves an extension's objects from schema <paramref name="schema"/> to <paramref name="newSchema"/> (null: the default schema).</summary>
    public void AlterExtension(string name, string? schema, string? newSchema) => Add(new AlterExtension(new Extension(name, schema), new Extension(name, newSchema)));

    /// <summary>Creates a view, materialized view, routine or trigger (<c>DefinedObject.View(...)</c>, <c>DefinedObject.Function(...)</c>, ...).</summary>
    public void CreateObject(DefinedObject definedObject) => Add(new CreateObject(definedObject));

    /// <summary>Drops a view, materialized view, routine or trigger; its definition makes the drop reversible.</summary>
    public void DropObject(DefinedObject definedObject) => Add(new DropObject(definedObject));

    /// <summary>Replaces a routine's definition in place (<c>CREATE OR REPLACE</c>); <paramref name="existing"/> is the one before.</summary>
    public void ReplaceObject(DefinedObject existing, DefinedObject definedObject) => Add(new ReplaceObject(existing, definedObject));

    /// <summary>Creates a domain.</summary>
    public void CreateDomain(Domain domain) => Add(new CreateDomain(domain));

    /// <summary>Drops a domain; the definition makes the drop reversible.</summary>
    public void DropDomain(Domain domain) => Add(new DropDomain(domain));

    /// <summary>Changes a domain's default, NOT NULL and checks from <paramref name="existing"/> to <paramref name="domain"/>.</summary>
    public void AlterDomain(Domain existing, Domain domain) => Add(new AlterDomain(existing, domain));

    /// <summary>Creates a sequence.</summary>
    public void CreateSequence(Sequence sequence) => Add(new CreateSequence(sequence));

    /// <summary>Drops a sequence.</summary>
    public void DropSequence(Sequence sequence) => Add(new DropSequence(sequence));

    /// <summary>Changes a sequence's options.</summary>
    public void AlterSequence(Sequence existing, Sequence sequence) => Add(new AlterSequence(existing, sequence));

    /// <summary>
    /// Column and constraint changes to one table, applied together; on SQLite, by rebuilding the table when a change
    /// needs it (<paramref name="recreate"/>). <paramref name="copyFrom"/> is the table before the batch, for offline scripts.
    /// </summary>
    public void BatchAlterTable(QualifiedName table, Action<BatchOperations> changes, Recreate recreate = Recreate.Auto, Table? copyFrom = null)
    {
        var batch = new BatchOperations(table);
        changes(batch);
        Add(new BatchAlterTable(table, batch.Recorded.ToEquatableArray(), recreate, copyFrom));
    }

    /// <summary>
    /// Records the changes <paramref name="changes"/> makes to existing tables (columns, indexes, constraints, comments:
    /// each through this <see cref="Operations"/>) with the online-DDL clauses <paramref name="online"/>, which MariaDB
    /// and MySQL write as <c>ALGORITHM=</c> and <c>LOCK=</c> and the other databases leave out. Any other operation
    /// recorded inside is refused.
    /// </summary>
    public void Online(OnlineDdl online, Action changes)
    {
        ArgumentNullException.ThrowIfNull(online);
        ArgumentNullException.ThrowIfNull(changes);
        var start = recorded.Count;
        changes();
        for (var i = start; i < recorded.Count; i++)
        {
            recorded[i] = recorded[i] is TableEdit edit ? edit with { Online = online } : throw new DiffMigrateException(
                $"op.Online: {recorded[i].GetType().Name}{(recorded[i].TableName is { } table ? $" on {table}" : "")} is not a change to an existing table's columns, indexes, constraints or comment; call it outside op.Online.");
        }
    }

    /// <summary>Runs SQL as written; <paramref name="downSql"/> makes it reversible.</summary>
    // The overload below takes a third, required argument: no call can be ambiguous, so the shipped signature stays.
#pragma warning disable RS0027
    public void Execute(string sql, string? downSql = null) => Add(new ExecuteSql(sql, downSql));
#pragma warning restore RS0027

    /// <summary>
    /// Runs SQL as written, declaring what it changes in the schema as the equivalent operations (<c>changes: []</c>
    /// when it changes none): the in-memory replay of <c>--from-migrations</c> applies them instead of reading the
    /// SQL. A run executes only <paramref name="sql"/>.
    /// </summary>
    public void Execute(string sql, string? downSql, IEnumerable<MigrationOperation> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        Add(new ExecuteSql(sql, downSql) { Changes = changes.ToEquatableArray() });
    }

    /// <summary>Inserts rows of CLR literal values.</summary>
    public void BulkInsert(QualifiedName table, string[] columns, params object?[][] rows)
        => Add(new BulkInsert(table, columns, rows.Select(r => (EquatableArray<object?>)r).ToEquatableArray()));
}
