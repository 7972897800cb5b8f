using Microsoft.CodeAnalysis.CSharp.Syntax;
using static DiffMigrate.Render.CSharp.Syntax;

namespace DiffMigrate.Render.CSharp;

/// <summary>
/// Schema objects as calls to the factories on <c>Migration</c> (Column, PrimaryKey, ForeignKey, ...), omitting
/// arguments that have their default value so the revision reads like hand-written code.
/// </summary>
internal static class SchemaExpressions
{
    public static ExpressionSyntax Element(TableElement element) => element switch
    {
        Column c => Column(c),
        PrimaryKey p => Call("PrimaryKey", [Arg(Str(p.Name)), .. p.Columns.Select(c => Arg(Str(c)))]),
        ForeignKey f => ForeignKey(f),
        UniqueConstraint { NullsNotDistinct: false, Deferrable: false, InitiallyDeferred: false } u => Call("Unique", [Arg(Str(u.Name)), .. u.Columns.Select(c => Arg(Str(c)))]),
        UniqueConstraint u => Call("Unique", [Arg(Str(u.Name)), Arg(Strings(u.Columns)), Named("nullsNotDistinct", Bool(u.NullsNotDistinct)),
            .. u.Deferrable ? [Named("deferrable", Bool(true))] : Array.Empty<ArgumentSyntax>(),
            .. u.InitiallyDeferred ? [Named("initiallyDeferred", Bool(true))] : Array.Empty<ArgumentSyntax>()]),
        CheckConstraint { NotValid: true } k => Call("Check", Arg(Str(k.Name)), Arg(Str(k.Sql)), Named("notValid", Bool(true))),
        CheckConstraint k => Call("Check", Arg(Str(k.Name)), Arg(Str(k.Sql))),
        ExclusionConstraint x => Call("Exclude", Arg(Str(x.Name)), Arg(Str(x.Definition))),
        TableIndex i => Index(i),
        TableComment t => Call("Comment", Arg(Str(t.Text))),
        TableOptions o => Call("Options", [.. o.Strict ? [Named("strict", Bool(true))] : Array.Empty<ArgumentSyntax>(), .. o.WithoutRowid ? [Named("withoutRowid", Bool(true))] : Array.Empty<ArgumentSyntax>()]),
        TablePartitioning p => Call("Partitioning", Arg(Str(p.Key))),
        TablePartitionOf p => Call("PartitionOf", Arg(Name(p.Parent)), Arg(Str(p.Bound))),
        _ => throw new NotSupportedException($"No C# rendering for {element.GetType().Name}."),
    };

    /// <summary><c>DefinedObject.View(name, query)</c>, <c>DefinedObject.Function(name, arguments, sql)</c>, ...</summary>
    public static ExpressionSyntax Object(DefinedObject item) => item.Kind switch
    {
        DefinedObjectKind.View => Call(Member("DefinedObject", "View"), Arg(Name(item.Name)), Arg(SqlText(item.Definition))),
        DefinedObjectKind.MaterializedView => Call(Member("DefinedObject", "MaterializedView"),
            [Arg(Name(item.Name)), Arg(SqlText(item.Definition)), .. item.Indexes.Select(i => Arg(Index(i)))]),
        DefinedObjectKind.Trigger => Call(Member("DefinedObject", "Trigger"), Arg(Str(item.Name.Name)), Arg(Name(item.Table!)), Arg(SqlText(item.Definition))),
        _ => Call(Member("DefinedObject", item.Kind.ToString()), Arg(Name(item.Name)), Arg(Str(item.Arguments ?? "")), Arg(SqlText(item.Definition))),
    };

    public static ExpressionSyntax Column(Column column)
    {
        var args = new List<ArgumentSyntax> { Arg(Str(column.Name)), Arg(Type(column.Type)) };
        if (column.Nullable) args.Add(Named("nullable", Bool(true)));
        if (column.Default is { } d) args.Add(Named("defaultSql", Str(d)));
        if (column.Identity is { } identity) args.Add(Named("identity", Identity(identity)));
        if (column.Computed is { } computed) args.Add(Named("computed", Str(computed)));
        if (column.Comment is { } comment) args.Add(Named("comment", Str(comment)));
        if (column.Collation is { } collation) args.Add(Named("collation", Str(collation)));
        if (column.ComputedVirtual) args.Add(Named("computedVirtual", Bool(true)));
        if (column.OnUpdate is { } onUpdate) args.Add(Named("onUpdate", Str(onUpdate)));
        return Call("Column", [.. args]);
    }

    public static ExpressionSyntax Type(SqlType type)
    {
        var simple = new SqlType(type.Kind);
        return type switch
        {
            { Kind: SqlTypeKind.Decimal } when type == SqlType.Decimal(type.Precision, type.Scale) =>
                Call(Member("SqlType", "Decimal"), [.. Optional(type.Precision), .. type.Precision is null ? [] : Optional(type.Scale)]),
            { Kind: SqlTypeKind.String } when type == SqlType.String(type.Length) => Call(Member("SqlType", "String"), [.. Optional(type.Length)]),
            { Kind: SqlTypeKind.Binary } when type == SqlType.Binary(type.Length) => Call(Member("SqlType", "Binary"), [.. Optional(type.Length)]),
            { Kind: SqlTypeKind.FixedChar, Length: { } n } when type == SqlType.FixedChar(n) => Call(Member("SqlType", "FixedChar"), Arg(Int(n))),
            { Kind: SqlTypeKind.Enum, Name: { } name } when type == SqlType.Enum(name, [.. type.Values]) =>
                Call(Member("SqlType", "Enum"), [Arg(Str(name)), .. type.Values.Select(v => Arg(Str(v)))]),
            { Kind: SqlTypeKind.Raw, Name: { } sql } when type == SqlType.Raw(sql) => Call(Member("SqlType", "Raw"), Arg(Str(sql))),
            _ when type == simple && type.Kind is not (SqlTypeKind.Decimal or SqlTypeKind.String or SqlTypeKind.Binary
                or SqlTypeKind.FixedChar or SqlTypeKind.Enum or SqlTypeKind.Raw) => Member("SqlType", type.Kind.ToString()),
            _ => Full(type),
        };
    }

    private static ExpressionSyntax Full(SqlType type)
    {
        var args = new List<ArgumentSyntax> { Arg(Member("SqlTypeKind", type.Kind.ToString())) };
        if (type.Length is { } length) args.Add(Named("Length", Int(length)));
        if (type.Precision is { } precision) args.Add(Named("Precision", Int(precision)));
        if (type.Scale is { } scale) args.Add(Named("Scale", Int(scale)));
        if (type.Name is { } name) args.Add(Named("Name", Str(name)));
        if (!type.Values.IsEmpty) args.Add(Named("Values", Strings(type.Values)));
        return New("SqlType", [.. args]);
    }

    public static ExpressionSyntax Sequence(Sequence sequence)
    {
        var args = new List<ArgumentSyntax> { Arg(Name(sequence.Name)) };
        if (sequence.Start is { } start) args.Add(Named("start", Long(start)));
        if (sequence.Increment is { } increment) args.Add(Named("increment", Long(increment)));
        if (sequence.MinValue is { } min) args.Add(Named("minValue", Long(min)));
        if (sequence.MaxValue is { } max) args.Add(Named("maxValue", Long(max)));
        if (sequence.Cycle) args.Add(Named("cycle", Bool(true)));
        if (sequence.Cache is { } cache) args.Add(Named("cache", Long(cache)));
        return Call("Sequence", [.. args]);
    }

    public static ExpressionSyntax Domain(Domain domain)
    {
        var args = new List<ArgumentSyntax> { Arg(Name(domain.Name)), Arg(Type(domain.BaseType)) };
        if (domain.NotNull) args.Add(Named("notNull", Bool(true)));
        if (domain.Default is { } d) args.Add(Named("defaultSql", Str(d)));
        if (!domain.Checks.IsEmpty) args.Add(Named("checks", List(domain.Checks.Select(Element))));
        if (domain.Collation is { } collation) args.Add(Named("collation", Str(collation)));
        return Call("Domain", [.. args]);
    }

    private static IEnumerable<ArgumentSyntax> Optional(int? value) => value is { } v ? [Arg(Int(v))] : [];

    private static ExpressionSyntax Identity(Identity identity)
    {
        var args = new List<ArgumentSyntax>();
        if (identity.Always) args.Add(Named("Always", Bool(true)));
        if (identity.Start is { } start) args.Add(Named("Start", Long(start)));
        if (identity.Increment is { } increment) args.Add(Named("Increment", Long(increment)));
        if (identity.Serial) args.Add(Named("Serial", Bool(true)));
        if (identity.MinValue is { } min) args.Add(Named("MinValue", Long(min)));
        if (identity.MaxValue is { } max) args.Add(Named("MaxValue", Long(max)));
        if (identity.Cycle) args.Add(Named("Cycle", Bool(true)));
        if (identity.Cache is { } cache) args.Add(Named("Cache", Long(cache)));
        return New("Identity", [.. args]);
    }

    private static ExpressionSyntax ForeignKey(ForeignKey key)
    {
        var args = new List<ArgumentSyntax>
        {
            Arg(Str(key.Name)), Arg(Strings(key.Columns)), Arg(Name(key.ReferredTable)), Arg(Strings(key.ReferredColumns)),
        };
        if (key.OnDelete != ReferentialAction.NoAction) args.Add(Named("onDelete", Member("ReferentialAction", key.OnDelete.ToString())));
        if (key.OnUpdate != ReferentialAction.NoAction) args.Add(Named("onUpdate", Member("ReferentialAction", key.OnUpdate.ToString())));
        if (key.Deferrable) args.Add(Named("deferrable", Bool(true)));
        if (key.InitiallyDeferred) args.Add(Named("initiallyDeferred", Bool(true)));
        if (key.NotValid) args.Add(Named("notValid", Bool(true)));
        return Call("ForeignKey", [.. args]);
    }

    private static ExpressionSyntax Index(TableIndex index)
    {
        var args = new List<ArgumentSyntax> { Arg(Str(index.Name)), Arg(Strings(index.Columns)) };
        if (index.IsUnique) args.Add(Named("unique", Bool(true)));
        if (index.Filter is { } filter) args.Add(Named("filter", Str(filter)));
        if (index.Expressions.Contains(true)) args.Add(Named("expressions", Bools(index.Expressions)));
        if (index.Method is { } method) args.Add(Named("method", Str(method)));
        if (!index.Include.IsEmpty) args.Add(Named("include", Strings(index.Include)));
        if (index.Descending.Contains(true)) args.Add(Named("descending", Bools(index.Descending)));
        if (index.HasKeyOptions) args.Add(Named("keyOptions", KeyOptions(index.Columns.Select((_, k) => index.KeyOption(k)))));
        if (index.NullsNotDistinct) args.Add(Named("nullsNotDistinct", Bool(true)));
        return Call("Index", [.. args]);
    }
}
