using System.Globalization;
using System.Text;
using DiffMigrate.Schema;
using Microsoft.CodeAnalysis.CSharp;

namespace DiffMigrate.Render.CSharp;

/// <summary>
/// Writes an inspected schema as a C# model: one <c>SchemaDefinition</c> of fluent-builder calls, with every name
/// given explicitly so that the model compared with the same database gives no operation. What the model cannot
/// express comes back as warnings, never dropped silently.
/// </summary>
public static partial class ModelWriter
{
    /// <summary>The source of class <paramref name="className"/> in <paramref name="ns"/>, and the warnings.</summary>
    public static (string Source, IReadOnlyList<string> Warnings) Write(DatabaseSchema schema, string ns, string className = "DatabaseModel")
    {
        var warnings = new List<string>();
        var code = new StringBuilder();
        code.Append("// Scaffolded by diffmigrate from the database: compare it with `diffmigrate diff --from <url> --to model`.\n");
        code.Append("using DiffMigrate;\nusing DiffMigrate.Schema;\n\n");
        code.Append("namespace ").Append(ns).Append(";\n\n");
        code.Append("public sealed class ").Append(className).Append(" : SchemaDefinition\n{\n");
        code.Append("    public override void Define(SchemaBuilder builder)\n    {\n");
        foreach (var type in schema.Enums) code.Append($"        builder.Enum({Name(type.Name)}, [{string.Join(", ", type.Values.Select(Lit))}]);\n");
        foreach (var sequence in schema.Sequences) code.Append("        builder.Sequence(").Append(Sequence(sequence)).Append(");\n");
        foreach (var table in schema.Tables)
        {
            if (table.PrimaryKey is null)
            {
                warnings.Add($"table {table.Name} has no primary key, which a DiffMigrate model requires: it is left out of the model (add a key, or exclude the table in diffmigrate.json).");
                continue;
            }
            code.Append("        builder.Table(").Append(Name(table.Name)).Append(", t =>\n        {\n");
            foreach (var column in table.Columns) code.Append("            ").Append(Column(column)).Append(";\n");
            code.Append($"            t.PrimaryKey([{string.Join(", ", table.PrimaryKey.Columns.Select(Lit))}], {Lit(table.PrimaryKey.Name)});\n");
            foreach (var fk in table.ForeignKeys) code.Append("            ").Append(ForeignKey(fk)).Append(";\n");
            foreach (var unique in table.UniqueConstraints)
            {
                code.Append($"            t.Unique([{string.Join(", ", unique.Columns.Select(Lit))}], nullsNotDistinct: {Bool(unique.NullsNotDistinct)}, name: {Lit(unique.Name)});\n");
            }
            var number = 0;
            foreach (var check in table.CheckConstraints)
            {
                // An unnamed check (SQLite) gets a convention name; a name the database does not know matches any.
                code.Append(check.Name is { } name
                    ? $"            t.Check({Lit(check.Sql)}, {Lit(name)}, exactName: true);\n"
                    : $"            t.Check({Lit(check.Sql)}, {Lit((++number).ToString(CultureInfo.InvariantCulture))});\n");
            }
            foreach (var index in table.Indexes) code.Append("            ").Append(Index(index)).Append(";\n");
            if (table.Comment is { } comment) code.Append("            t.Comment(").Append(Lit(comment)).Append(");\n");
            code.Append("        });\n");
        }
        code.Append("    }\n}\n");
        return (code.ToString(), warnings);
    }

    private static string Column(Column column)
    {
        var text = new StringBuilder($"t.Column({Lit(column.Name)}, {Type(column.Type)})");
        if (column.Nullable) text.Append(".Nullable()");
        if (column.Default is { } d) text.Append(".Default(").Append(Lit(d)).Append(')');
        if (column.Identity is { Serial: true }) text.Append(".Serial()");
        else if (column.Identity is { } identity)
        {
            text.Append($".Identity(always: {Bool(identity.Always)}, start: {Long(identity.Start)}, increment: {Long(identity.Increment)})");
        }
        if (column.Computed is { } computed) text.Append(".Computed(").Append(Lit(computed)).Append(')');
        if (column.Comment is { } comment) text.Append(".Comment(").Append(Lit(comment)).Append(')');
        if (column.Collation is { } collation) text.Append(".Collation(").Append(Lit(collation)).Append(')');
        return text.ToString();
    }

    private static string Type(SqlType type) => Syntax.Text(SchemaExpressions.Type(type));

    private static string ForeignKey(ForeignKey fk) =>
        $"t.ForeignKey([{string.Join(", ", fk.Columns.Select(Lit))}], {Name(fk.ReferredTable)}, [{string.Join(", ", fk.ReferredColumns.Select(Lit))}], " +
        $"ReferentialAction.{fk.OnDelete}, ReferentialAction.{fk.OnUpdate}, {Lit(fk.Name)}, deferrable: {Bool(fk.Deferrable)}, initiallyDeferred: {Bool(fk.InitiallyDeferred)})";

    private static string Index(TableIndex index) =>
        $"t.Index({Lit(index.Name)}, [{string.Join(", ", index.Columns.Select(Lit))}], unique: {Bool(index.IsUnique)}, filter: {Lit(index.Filter)}, " +
        $"expressions: {Bools(index.Expressions)}, method: {Lit(index.Method)}, include: [{string.Join(", ", index.Include.Select(Lit))}], descending: {Bools(index.Descending)})";

    private static string Sequence(Sequence s) =>
        $"{Name(s.Name)}, start: {Long(s.Start)}, increment: {Long(s.Increment)}, minValue: {Long(s.MinValue)}, maxValue: {Long(s.MaxValue)}, cycle: {Bool(s.Cycle)}, cache: {Long(s.Cache)}";

    private static string Name(QualifiedName name) => name.Schema is null ? Lit(name.Name) : $"new QualifiedName({Lit(name.Schema)}, {Lit(name.Name)})";

    private static string Lit(string? value) => value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Bools(EquatableArray<bool> values) => values.IsEmpty ? "null" : $"[{string.Join(", ", values.Select(Bool))}]";

    private static string Long(long? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null";
}
