using System.Globalization;
using DiffMigrate.Migrations;
using DiffMigrate.Schema;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static DiffMigrate.Render.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace DiffMigrate.Render.CSharp;

/// <summary>
/// One <c>op.X(...)</c> statement per operation. Each is returned as a method name and its arguments so that the
/// writer can lay long calls out one argument per line.
/// </summary>
internal static class OperationStatements
{
    public static (string Method, IReadOnlyList<ArgumentSyntax> Arguments) For(MigrationOperation operation) => operation switch
    {
        CreateTable o => ("CreateTable", [Arg(Name(o.Table.Name)), .. TableBuilder.Elements(o.Table).Select(e => Arg(SchemaExpressions.Element(e)))]),
        DropTable o => ("DropTable", [Arg(Name(o.Table.Name)), .. TableBuilder.Elements(o.Table).Select(e => Arg(SchemaExpressions.Element(e)))]),
        RenameTable o => ("RenameTable", [Arg(Name(o.Table)), Arg(Str(o.NewName))]),
        AlterTableOptions o => ("AlterTableOptions", [Arg(Name(o.Table)), Arg(SchemaExpressions.Element(o.Options)), Named("existing", SchemaExpressions.Element(o.Existing))]),
        AlterTableComment o => ("AlterTableComment", [Arg(Name(o.Table)), Arg(Str(o.Comment)), Named("existingComment", Str(o.ExistingComment))]),
        AddColumn o => ("AddColumn", [Arg(Name(o.Table)), Arg(SchemaExpressions.Column(o.Column)),
            .. o.Before is null ? [] : new[] { Named("before", Str(o.Before)) }, .. o.After is null ? [] : new[] { Named("after", Str(o.After)) }]),
        DropColumn o => ("DropColumn", [Arg(Name(o.Table)), Arg(SchemaExpressions.Column(o.Column))]),
        AlterColumn o => ("AlterColumn", [Arg(Name(o.Table)), Named("existing", SchemaExpressions.Column(o.Existing)), Named("column", SchemaExpressions.Column(o.Column)),
            .. o.Using is null ? [] : new[] { Named("usingSql", Str(o.Using)) }]),
        RenameColumn o => ("RenameColumn", [Arg(Name(o.Table)), Arg(Str(o.OldName)), Arg(Str(o.NewName))]),
        CreateIndex o => ("CreateIndex", [Arg(Name(o.Table)), Arg(SchemaExpressions.Element(o.Index)), .. Concurrently(o.Concurrently)]),
        DropIndex o => ("DropIndex", [Arg(Name(o.Table)), Arg(SchemaExpressions.Element(o.Index)), .. Concurrently(o.Concurrently)]),
        AddPrimaryKey o => ("AddPrimaryKey", [Arg(Name(o.Table)), Arg(SchemaExpressions.Element(o.PrimaryKey))]),
        DropPrimaryKey o => ("DropPrimaryKey", [Arg(Name(o.Table)), Arg(SchemaExpressions.Element(o.PrimaryKey))]),
        AddForeignKey o => ("AddForeignKey", [Arg(Name(o.Table)), Arg(SchemaExpressions.Element(o.ForeignKey))]),
        DropForeignKey o => ("DropForeignKey", [Arg(Name(o.Table)), Arg(SchemaExpressions.Element(o.ForeignKey))]),
        AddUniqueConstraint o => ("AddUniqueConstraint", [Arg(Name(o.Table)), Arg(SchemaExpressions.Element(o.Constraint))]),
        DropUniqueConstraint o => ("DropUniqueConstraint", [Arg(Name(o.Table)), Arg(SchemaExpressions.Element(o.Constraint))]),
        AddCheckConstraint o => ("AddCheckConstraint", [Arg(Name(o.Table)), Arg(SchemaExpressions.Element(o.Constraint))]),
        DropCheckConstraint o => ("DropCheckConstraint", [Arg(Name(o.Table)), Arg(SchemaExpressions.Element(o.Constraint))]),
        AddExclusionConstraint o => ("AddExclusionConstraint", [Arg(Name(o.Table)), Arg(SchemaExpressions.Element(o.Constraint))]),
        DropExclusionConstraint o => ("DropExclusionConstraint", [Arg(Name(o.Table)), Arg(SchemaExpressions.Element(o.Constraint))]),
        ValidateConstraint o => ("ValidateConstraint", [Arg(Name(o.Table)), Arg(Str(o.Name)), .. o.Undo ? [Named("undo", Bool(true))] : Array.Empty<ArgumentSyntax>()]),
        CreateSchema o => ("CreateSchema", [Arg(Str(o.Name))]),
        DropSchema o => ("DropSchema", [Arg(Str(o.Name))]),
        CreateEnum o => ("CreateEnum", [Arg(Name(o.Enum.Name)), .. o.Enum.Values.Select(v => Arg(Str(v)))]),
        DropEnum o => ("DropEnum", [Arg(Name(o.Enum.Name)), .. o.Enum.Values.Select(v => Arg(Str(v)))]),
        AddEnumValue o => ("AddEnumValue", [Arg(Name(o.Enum)), Arg(Str(o.Value)), .. o.Values.Select(v => Arg(Str(v)))]),
        DropEnumValue o => ("DropEnumValue", [Arg(Name(o.Enum)), Arg(Str(o.Value)), .. o.Values.Select(v => Arg(Str(v)))]),
        RenameEnumValue o => ("RenameEnumValue", [Arg(Name(o.Enum)), Arg(Str(o.OldValue)), Arg(Str(o.NewValue))]),
        CreateExtension o => ("CreateExtension", [Arg(Str(o.Extension.Name)), .. o.Extension.Schema is { } s ? [Named("schema", Str(s))] : Array.Empty<ArgumentSyntax>()]),
        DropExtension o => ("DropExtension", [Arg(Str(o.Extension.Name)), .. o.Extension.Schema is { } s ? [Named("schema", Str(s))] : Array.Empty<ArgumentSyntax>()]),
        AlterExtension o => ("AlterExtension", [Arg(Str(o.Extension.Name)), Arg(Str(o.Existing.Schema)), Arg(Str(o.Extension.Schema))]),
        CreateDomain o => ("CreateDomain", [Arg(SchemaExpressions.Domain(o.Domain))]),
        DropDomain o => ("DropDomain", [Arg(SchemaExpressions.Domain(o.Domain))]),
        AlterDomain o => ("AlterDomain", [Named("existing", SchemaExpressions.Domain(o.Existing)), Named("domain", SchemaExpressions.Domain(o.Domain))]),
        ReorderEnumValues o => ("ReorderEnumValues", [Arg(Name(o.Enum)), Arg(Strings(o.Existing)), Arg(Strings(o.Values))]),
        CreateObject o => ("CreateObject", [Arg(SchemaExpressions.Object(o.Object))]),
        DropObject o => ("DropObject", [Arg(SchemaExpressions.Object(o.Object))]),
        ReplaceObject o => ("ReplaceObject", [Named("existing", SchemaExpressions.Object(o.Existing)), Named("definedObject", SchemaExpressions.Object(o.Object))]),
        CreateSequence o => ("CreateSequence", [Arg(SchemaExpressions.Sequence(o.Sequence))]),
        DropSequence o => ("DropSequence", [Arg(SchemaExpressions.Sequence(o.Sequence))]),
        AlterSequence o => ("AlterSequence", [Named("existing", SchemaExpressions.Sequence(o.Existing)), Named("sequence", SchemaExpressions.Sequence(o.Sequence))]),
        BatchAlterTable o => throw new ArgumentException("A batch is written as a block, not one call.", nameof(operation)),
        // Declared changes are hand-written operations: a revision that declares some is not the writer's to write.
        ExecuteSql { Changes.Count: > 0 } o => throw new DiffMigrateException(
            $"op.Execute(\"{VisibleText.Escape(o.Sql.Split('\n')[0].TrimEnd('\r'))}\") declares the schema changes it makes, which the C# writer cannot write: write that revision by hand."),
        ExecuteSql { Changes: not null } o => ("Execute", [Arg(Str(o.Sql)), Named("downSql", Str(o.DownSql)), Named("changes", SyntaxFactory.CollectionExpression())]),
        ExecuteSql o => ("Execute", o.DownSql is null ? [Arg(Str(o.Sql))] : [Arg(Str(o.Sql)), Named("downSql", Str(o.DownSql))]),
        BulkInsert o => ("BulkInsert", [Arg(Name(o.Table)), Arg(Strings(o.Columns)), .. o.Rows.Select(r => Arg(Row(r)))]),
        _ => throw new NotSupportedException($"No C# rendering for {operation.GetType().Name}."),
    };

    private static ArgumentSyntax[] Concurrently(bool concurrently) => concurrently ? [Named("concurrently", Bool(true))] : [];

    private static ExpressionSyntax Row(EquatableArray<object?> row) =>
        ArrayCreationExpression(
                ArrayType(NullableType(PredefinedType(Token(SyntaxKind.ObjectKeyword))))
                    .WithRankSpecifiers(SingletonList(ArrayRankSpecifier(SingletonSeparatedList<ExpressionSyntax>(OmittedArraySizeExpression())))))
            .WithInitializer(InitializerExpression(SyntaxKind.ArrayInitializerExpression, SeparatedList(row.Select(Value))));

    /// <summary>A CLR value as a C# literal of exactly its type, so that the recorded operation compares equal.</summary>
    private static ExpressionSyntax Value(object? value) => value switch
    {
        null => LiteralExpression(SyntaxKind.NullLiteralExpression),
        string s => Str(s),
        bool b => Bool(b),
        char c => LiteralExpression(SyntaxKind.CharacterLiteralExpression, Literal(c)),
        int i => Int(i),
        long l => LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(l)),
        decimal m => LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(m)),
        double d => LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(d)),
        float f => LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(f)),
        short or byte or sbyte or ushort or uint or ulong => Cast(value),
        Guid g => Call(Member("Guid", "Parse"), Arg(Str(g.ToString()))),
        DateTime t => New("DateTime", Arg(Long(t.Ticks)), Arg(Member("DateTimeKind", t.Kind.ToString()))),
        DateTimeOffset t => New("DateTimeOffset", Arg(Long(t.Ticks)), Arg(Call(Member("TimeSpan", "FromTicks"), Arg(Long(t.Offset.Ticks))))),
        DateOnly d => New("DateOnly", Arg(Int(d.Year)), Arg(Int(d.Month)), Arg(Int(d.Day))),
        TimeOnly t => New("TimeOnly", Arg(Long(t.Ticks))),
        byte[] bytes => ArrayCreationExpression(ArrayType(PredefinedType(Token(SyntaxKind.ByteKeyword)))
                .WithRankSpecifiers(SingletonList(ArrayRankSpecifier(SingletonSeparatedList<ExpressionSyntax>(OmittedArraySizeExpression())))))
            .WithInitializer(InitializerExpression(SyntaxKind.ArrayInitializerExpression,
                SeparatedList<ExpressionSyntax>(bytes.Select(b => LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(b)))))),
        _ => throw new NotSupportedException($"BulkInsert cannot render a value of type {value.GetType().Name}."),
    };

    private static ExpressionSyntax Cast(object value)
    {
        var keyword = value switch
        {
            short => SyntaxKind.ShortKeyword,
            byte => SyntaxKind.ByteKeyword,
            sbyte => SyntaxKind.SByteKeyword,
            ushort => SyntaxKind.UShortKeyword,
            uint => SyntaxKind.UIntKeyword,
            _ => SyntaxKind.ULongKeyword,
        };
        var literal = LiteralExpression(SyntaxKind.NumericLiteralExpression,
            Literal(Convert.ToString(value, CultureInfo.InvariantCulture)!, Convert.ToDecimal(value, CultureInfo.InvariantCulture)));
        return CastExpression(PredefinedType(Token(keyword)), literal);
    }
}
