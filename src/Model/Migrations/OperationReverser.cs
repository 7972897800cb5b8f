using DiffMigrate.Schema;

namespace DiffMigrate.Migrations;

/// <summary>Thrown when an operation does not carry what its reverse would need.</summary>
internal sealed class IrreversibleOperationException(MigrationOperation operation, string reason)
    : InvalidOperationException($"{operation.GetType().Name} on {operation.TableName?.ToString() ?? "the database"} is not reversible: {reason}")
{
    /// <summary>The operation that cannot be reversed.</summary>
    public MigrationOperation Operation { get; } = operation;
}

/// <summary>Computes downgrades: the reverse of each operation, in reverse order.</summary>
internal static class OperationReverser
{
    /// <summary>The operations that undo <paramref name="operations"/>, in the order they must run.</summary>
    public static IReadOnlyList<MigrationOperation> ReverseAll(IReadOnlyList<MigrationOperation> operations)
    {
        var reversed = new MigrationOperation[operations.Count];
        for (var i = 0; i < operations.Count; i++) reversed[operations.Count - 1 - i] = Reverse(operations[i]);
        return reversed;
    }

    /// <summary>The operation that undoes <paramref name="operation"/>, asked with the same online-DDL clauses.</summary>
    public static MigrationOperation Reverse(this MigrationOperation operation)
    {
        var reverse = ReverseOne(operation);
        return operation is TableEdit { Online: { } online } && reverse is TableEdit edit ? edit with { Online = online } : reverse;
    }

    private static MigrationOperation ReverseOne(MigrationOperation operation) => operation switch
    {
        CreateTable o => new DropTable(o.Table),
        DropTable o => new CreateTable(o.Table),
        RenameTable o => new RenameTable(o.Table with { Name = o.NewName }, o.Table.Name),
        AlterTableComment o => new AlterTableComment(o.Table, o.ExistingComment, o.Comment),
        AlterTableOptions o => new AlterTableOptions(o.Table, o.Existing, o.Options),
        AddColumn o => new DropColumn(o.Table, o.Column),
        DropColumn o => new AddColumn(o.Table, o.Column),
        // An explicit conversion goes one way: the reverse converts back by the database's own (lossless) rules.
        AlterColumn o => new AlterColumn(o.Table, o.Column, o.Existing),
        RenameColumn o => new RenameColumn(o.Table, o.NewName, o.OldName),
        CreateIndex o => new DropIndex(o.Table, o.Index, o.Concurrently),
        DropIndex o => new CreateIndex(o.Table, o.Index, o.Concurrently),
        AddPrimaryKey o => new DropPrimaryKey(o.Table, o.PrimaryKey),
        DropPrimaryKey o => new AddPrimaryKey(o.Table, o.PrimaryKey),
        AddForeignKey o => new DropForeignKey(o.Table, o.ForeignKey),
        DropForeignKey o => new AddForeignKey(o.Table, o.ForeignKey),
        AddUniqueConstraint o => new DropUniqueConstraint(o.Table, o.Constraint),
        DropUniqueConstraint o => new AddUniqueConstraint(o.Table, o.Constraint),
        AddCheckConstraint o => new DropCheckConstraint(o.Table, o.Constraint),
        DropCheckConstraint o => new AddCheckConstraint(o.Table, o.Constraint),
        AddExclusionConstraint o => new DropExclusionConstraint(o.Table, o.Constraint),
        DropExclusionConstraint o => new AddExclusionConstraint(o.Table, o.Constraint),
        // The undo runs nothing: a validated constraint satisfies the model that had it NOT VALID (see ValidateConstraint).
        ValidateConstraint o => o with { Undo = !o.Undo },
        CreateSchema o => new DropSchema(o.Name),
        DropSchema o => new CreateSchema(o.Name),
        CreateEnum o => new DropEnum(o.Enum),
        DropEnum o => new CreateEnum(o.Enum),
        AddEnumValue o => new DropEnumValue(o.Enum, o.Value, o.Values),
        DropEnumValue o => new AddEnumValue(o.Enum, o.Value, o.Values),
        RenameEnumValue o => new RenameEnumValue(o.Enum, o.NewValue, o.OldValue),
        CreateExtension o => new DropExtension(o.Extension),
        DropExtension o => new CreateExtension(o.Extension),
        AlterExtension o => new AlterExtension(o.Extension, o.Existing),
        ReorderEnumValues o => new ReorderEnumValues(o.Enum, o.Values, o.Existing),
        CreateObject o => new DropObject(o.Object),
        DropObject o => new CreateObject(o.Object),
        ReplaceObject o => new ReplaceObject(o.Object, o.Existing),
        CreateDomain o => new DropDomain(o.Domain),
        DropDomain o => new CreateDomain(o.Domain),
        AlterDomain o => new AlterDomain(o.Domain, o.Existing),
        CreateSequence o => new DropSequence(o.Sequence),
        DropSequence o => new CreateSequence(o.Sequence),
        AlterSequence o => new AlterSequence(o.Sequence, o.Existing),
        BatchAlterTable o => new BatchAlterTable(o.Table, ReverseAll(o.Operations).ToEquatableArray(), o.Recreate,
            o.CopyFrom is null ? null : TableEditor.ApplyAll(o.CopyFrom, o.Operations)),
        ExecuteSql { DownSql: { } down } o => new ExecuteSql(down, o.Sql) { Changes = o.Changes is { } changes ? ReverseAll(changes).ToEquatableArray() : (EquatableArray<MigrationOperation>?)null },
        ExecuteSql o => throw new IrreversibleOperationException(o, "no DownSql was given"),
        BulkInsert o => throw new IrreversibleOperationException(o, "inserted rows cannot be identified; write the Downgrade by hand"),
        _ => throw new NotSupportedException($"No reverse for {operation.GetType().Name}."),
    };
}
