using System.Globalization;
using System.Text;
using DiffMigrate.Schema;

namespace DiffMigrate.Render.CSharp;

/// <summary>
/// Writes an inspected schema as a C# model: one <c>SchemaDefinition</c> of fluent-builder calls. A name that
/// follows the default naming convention is left to it; any other is written out, so that the model compared with
/// the same database gives no operation. Arguments with their default value are left out. What the model cannot
/// express comes back as warnings, never dropped silently.
/// </summary>
internal static partial class ModelWriter
{
    /// <summary>The source of class <paramref name="className"/> in <paramref name="ns"/>, and the warnings.</summary>
    public static (string Source, IReadOnlyList<string> Warnings) Write(DatabaseSchema schema, string ns, string className = "DatabaseModel")
    {
        var warnings = new List<string>();
        var code = new StringBuilder();
        code.Append("// Scaffolded by diffmigrate from the database: compare it with `diffmigrate diff --from <url> --to model`.\n");
        code.Append("using DiffMigrate;\n\n");
        code.Append("namespace ").Append(CSharpText.Namespace(ns)).Append(";\n\n");
        code.Append("public sealed class ").Append(CSharpText.TypeName(className)).Append(" : SchemaDefinition\n{\n");
        code.Append("    public override void Define(SchemaBuilder builder)\n    {\n");
        foreach (var type in schema.Enums) code.Append($"        builder.Enum({Name(type.Name)}, [{string.Join(", ", type.Values.Select(Lit))}]);\n");
        foreach (var extension in schema.Extensions)
        {
            code.Append("        builder.Extension(").Append(Lit(extension.Name)).Append(extension.Schema is { } s ? ", schema: " + Lit(s) : "").Append(");\n");
        }
        foreach (var domain in schema.Domains) code.Append("        builder.Domain(").Append(Domain(domain)).Append(");\n");
        foreach (var sequence in schema.Sequences) code.Append("        builder.Sequence(").Append(Sequence(sequence)).Append(");\n");
        foreach (var table in schema.Tables)
        {
            // A partition has its parent's columns and inherited keys: its builder call lists only what is its own.
            if (table.PartitionOf is { } parent)
            {
                code.Append("        builder.Partition(").Append(Name(table.Name)).Append(", ").Append(Name(parent)).Append(", ")
                    .Append(Lit(table.PartitionBound ?? "DEFAULT")).Append(", t =>\n        {\n");
            }
            else code.Append("        builder.Table(").Append(Name(table.Name)).Append(", t =>\n        {\n");
            foreach (var column in table.Columns) code.Append("            ").Append(Column(table, column)).Append(";\n");
            if (table.PartitionBy is { } partitionKey) code.Append("            t.PartitionBy(").Append(Lit(partitionKey)).Append(");\n");
            if (table.PrimaryKey is not { } pk)
            {
                if (table.PartitionOf is null) code.Append("            t.NoPrimaryKey();\n");
            }
            else code.Append(Conventional(pk.Name, NamingConvention.Apply(Naming.PrimaryKey, table.Name, pk.Columns)) is { } pkName
                ? $"            t.PrimaryKey([{string.Join(", ", pk.Columns.Select(Lit))}], {Lit(pkName)});\n"
                : $"            t.PrimaryKey({string.Join(", ", pk.Columns.Select(Lit))});\n");
            foreach (var fk in table.ForeignKeys) code.Append("            ").Append(ForeignKey(table, fk)).Append(";\n");
            foreach (var unique in table.UniqueConstraints)
            {
                var name = Conventional(unique.Name, NamingConvention.Apply(Naming.Unique, table.Name, unique.Columns));
                var deferral = Arguments(("deferrable", unique.Deferrable ? "true" : null), ("initiallyDeferred", unique.InitiallyDeferred ? "true" : null));
                code.Append(name is null && !unique.NullsNotDistinct && deferral.Length == 0
                    ? $"            t.Unique({string.Join(", ", unique.Columns.Select(Lit))});\n"
                    : $"            t.Unique([{string.Join(", ", unique.Columns.Select(Lit))}], nullsNotDistinct: {Bool(unique.NullsNotDistinct)}, name: {Lit(name)}" +
                        $"{(deferral.Length == 0 ? "" : ", " + deferral)});\n");
            }
            var number = 0;
            var checkPrefix = NamingConvention.Apply(Naming.Check, table.Name, [], name: "");
            foreach (var check in table.CheckConstraints)
            {
                // An unnamed check (SQLite) gets a convention name; a name the database does not know matches any.
                var notValid = check.NotValid ? ", notValid: true" : "";
                code.Append(check.Name switch
                {
                    null => $"            t.Check({Lit(check.Sql)}, {Lit((++number).ToString(CultureInfo.InvariantCulture))}{(check.NotValid ? ", exactName: false" + notValid : "")});\n",
                    { } name when name.StartsWith(checkPrefix, StringComparison.Ordinal) && name.Length > checkPrefix.Length =>
                        $"            t.Check({Lit(check.Sql)}, {Lit(name[checkPrefix.Length..])}{(check.NotValid ? ", exactName: false" + notValid : "")});\n",
                    { } name => $"            t.Check({Lit(check.Sql)}, {Lit(name)}, exactName: true{notValid});\n",
                });
            }
            foreach (var exclusion in table.ExclusionConstraints)
            {
                code.Append("            t.Exclude(").Append(Lit(exclusion.Definition)).Append(exclusion.Name is { } x ? ", name: " + Lit(x) : "").Append(");\n");
            }
            foreach (var index in table.Indexes) code.Append("            ").Append(Index(table, index)).Append(";\n");
            if (table.Comment is { } comment) code.Append("            t.Comment(").Append(Lit(comment)).Append(");\n");
            if (table.Strict) code.Append("            t.Strict();\n");
            if (table.WithoutRowid) code.Append("            t.WithoutRowid();\n");
            code.Append("        });\n");
        }
        foreach (var item in schema.Objects) code.Append("        builder.").Append(DefinedObject(item)).Append(";\n");
        code.Append("    }\n}\n");
        return (code.ToString(), warnings);
    }

    /// <summary><c>View(name, query)</c>, <c>Function(name, arguments, sql)</c>, <c>Trigger(name, table, sql)</c>, ...</summary>
    private static string DefinedObject(DefinedObject item) => item.Kind switch
    {
        DefinedObjectKind.View => $"View({Name(item.Name)}, {CSharpText.Text(item.Definition)})",
        DefinedObjectKind.MaterializedView => $"MaterializedView({Name(item.Name)}, {CSharpText.Text(item.Definition)}{string.Concat(item.Indexes.Select(i => ", " + IndexRecord(i)))})",
        DefinedObjectKind.Trigger => $"Trigger({Lit(item.Name.Name)}, {Name(item.Table!)}, {CSharpText.Text(item.Definition)})",
        _ => $"{item.Kind}({Name(item.Name)}, {Lit(item.Arguments ?? "")}, {CSharpText.Text(item.Definition)})",
    };

    private static string Column(Table table, Column column)
    {
        // MySQL's ENUM is the column's own and reads without a name; the model names every enum (it is one type per
        // name), so it is written under the table's and column's, which no other column has (the name is not compared).
        var type = column.Type is { Kind: SqlTypeKind.Enum, Name: null } ? SqlType.Enum($"{table.Name.Name}_{column.Name}", [.. column.Type.Values]) : column.Type;
        var text = new StringBuilder($"t.Column({Lit(column.Name)}, {Type(type)})");
        if (column.Nullable) text.Append(".Nullable()");
        if (column.Default is { } d) text.Append(".Default(").Append(Lit(d)).Append(')');
        if (column.Identity is { Serial: true }) text.Append(".Serial()");
        else if (column.Identity is { } identity) text.Append(".Identity(").Append(Arguments(("always", identity.Always ? "true" : null),
            ("start", identity.Start is null ? null : Long(identity.Start)), ("increment", identity.Increment is null ? null : Long(identity.Increment)),
            ("minValue", identity.MinValue is null ? null : Long(identity.MinValue)), ("maxValue", identity.MaxValue is null ? null : Long(identity.MaxValue)),
            ("cycle", identity.Cycle ? "true" : null), ("cache", identity.Cache is null ? null : Long(identity.Cache)))).Append(')');
        if (column.Computed is { } computed) text.Append(".Computed(").Append(Lit(computed)).Append(column.ComputedVirtual ? ", stored: false)" : ")");
        if (column.Comment is { } comment) text.Append(".Comment(").Append(Lit(comment)).Append(')');
        if (column.Collation is { } collation) text.Append(".Collation(").Append(Lit(collation)).Append(')');
        if (column.OnUpdate is { } onUpdate) text.Append(".OnUpdate(").Append(Lit(onUpdate)).Append(')');
        return text.ToString();
    }

    private static string Type(SqlType type) => Syntax.Text(SchemaExpressions.Type(type));

    private static string ForeignKey(Table table, ForeignKey fk)
    {
        var name = Conventional(fk.Name, NamingConvention.Apply(Naming.ForeignKey, table.Name, fk.Columns, fk.ReferredTable.Name));
        var options = Arguments(
            ("onDelete", fk.OnDelete == ReferentialAction.NoAction ? null : "ReferentialAction." + fk.OnDelete),
            ("onUpdate", fk.OnUpdate == ReferentialAction.NoAction ? null : "ReferentialAction." + fk.OnUpdate),
            ("name", name is null ? null : Lit(name)), ("deferrable", fk.Deferrable ? "true" : null), ("initiallyDeferred", fk.InitiallyDeferred ? "true" : null),
            ("notValid", fk.NotValid ? "true" : null));
        return $"t.ForeignKey([{string.Join(", ", fk.Columns.Select(Lit))}], {Name(fk.ReferredTable)}, [{string.Join(", ", fk.ReferredColumns.Select(Lit))}]" +
            (options.Length == 0 ? ")" : $", {options})");
    }

    private static string Index(Table table, TableIndex index)
    {
        var name = Conventional(index.Name, NamingConvention.Apply(Naming.Index, table.Name, index.Columns));
        var options = Arguments(("unique", index.IsUnique ? "true" : null), ("filter", index.Filter is null ? null : Lit(index.Filter)),
            ("expressions", index.Expressions.Contains(true) ? Bools(index.Expressions) : null), ("method", index.Method is null ? null : Lit(index.Method)),
            ("include", index.Include.IsEmpty ? null : $"[{string.Join(", ", index.Include.Select(Lit))}]"),
            ("descending", index.Descending.Contains(true) ? Bools(index.Descending) : null),
            ("keyOptions", index.HasKeyOptions ? Syntax.Text(Syntax.KeyOptions(index.Columns.Select((_, k) => index.KeyOption(k)))) : null),
            ("nullsNotDistinct", index.NullsNotDistinct ? "true" : null));
        return $"t.Index({Lit(name)}, [{string.Join(", ", index.Columns.Select(Lit))}]{(options.Length == 0 ? "" : ", " + options)})";
    }

    /// <summary>A materialized view's index as a record: <c>new TableIndex("name", ["a"], IsUnique: true)</c>.</summary>
    private static string IndexRecord(TableIndex index)
    {
        var options = Arguments(("IsUnique", index.IsUnique ? "true" : null), ("Filter", index.Filter is null ? null : Lit(index.Filter)),
            ("Expressions", index.Expressions.Contains(true) ? Bools(index.Expressions) : null), ("Method", index.Method is null ? null : Lit(index.Method)),
            ("Include", index.Include.IsEmpty ? null : $"[{string.Join(", ", index.Include.Select(Lit))}]"),
            ("Descending", index.Descending.Contains(true) ? Bools(index.Descending) : null),
            ("KeyOptions", index.HasKeyOptions ? Syntax.Text(Syntax.KeyOptions(index.Columns.Select((_, k) => index.KeyOption(k)))) : null),
            ("NullsNotDistinct", index.NullsNotDistinct ? "true" : null));
        return $"new TableIndex({Lit(index.Name)}, [{string.Join(", ", index.Columns.Select(Lit))}]{(options.Length == 0 ? "" : ", " + options)})";
    }

    private static string Sequence(Sequence s) => Name(s.Name) + (Arguments(("start", s.Start is null ? null : Long(s.Start)),
        ("increment", s.Increment is null ? null : Long(s.Increment)), ("minValue", s.MinValue is null ? null : Long(s.MinValue)),
        ("maxValue", s.MaxValue is null ? null : Long(s.MaxValue)), ("cycle", s.Cycle ? "true" : null), ("cache", s.Cache is null ? null : Long(s.Cache)))
        is { Length: > 0 } options ? ", " + options : "");

    private static string Domain(Domain d) => Name(d.Name) + ", " + Type(d.BaseType) + (Arguments(("notNull", d.NotNull ? "true" : null),
        ("defaultSql", d.Default is null ? null : Lit(d.Default)),
        ("checks", d.Checks.IsEmpty ? null : $"[{string.Join(", ", d.Checks.Select(c => $"new CheckConstraint({Lit(c.Name)}, {Lit(c.Sql)})"))}]"),
        ("collation", d.Collation is null ? null : Lit(d.Collation))) is { Length: > 0 } options ? ", " + options : "");

    private static readonly NamingConvention Naming = NamingConvention.Default;

    /// <summary>Null when <paramref name="name"/> is what the naming convention would give, so the model leaves it to the convention.</summary>
    private static string? Conventional(string? name, string expected) => name == expected ? null : name;

    /// <summary>Named arguments that differ from their defaults (a null value means "leave it out").</summary>
    private static string Arguments(params (string Name, string? Value)[] arguments) =>
        string.Join(", ", arguments.Where(a => a.Value is not null).Select(a => $"{a.Name}: {a.Value}"));

    private static string Name(QualifiedName name) => name.Schema is null ? Lit(name.Name) : $"new QualifiedName({Lit(name.Schema)}, {Lit(name.Name)})";

    private static string Lit(string? value) => value is null ? "null" : CSharpText.Literal(value);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Bools(EquatableArray<bool> values) => values.IsEmpty ? "null" : $"[{string.Join(", ", values.Select(Bool))}]";

    private static string Long(long? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null";
}
