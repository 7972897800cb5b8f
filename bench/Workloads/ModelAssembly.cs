using System.Globalization;
using System.Text;
using DiffMigrate.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DiffMigrate.Workloads;

/// <summary>
/// Writes a schema as a user would with the fluent builder (one <c>SchemaDefinition</c>), and compiles it into a
/// model assembly, so that the CLI can be pointed at any generated schema exactly as at an application's model.
/// </summary>
public static class ModelAssembly
{
    public static string Source(DatabaseSchema schema)
    {
        var code = new StringBuilder();
        code.AppendLine("using DiffMigrate;\nusing DiffMigrate.Schema;\n\npublic sealed class GeneratedModel : SchemaDefinition\n{");
        code.AppendLine("    public override void Define(SchemaBuilder builder)\n    {");
        foreach (var table in schema.Tables)
        {
            code.AppendLine($"        builder.Table({Str(table.Name.Name)}, t =>\n        {{");
            foreach (var column in table.Columns)
            {
                code.Append($"            t.Column({Str(column.Name)}, {Type(column.Type)})");
                if (column.Nullable) code.Append(".Nullable()");
                if (column.Default is { } d) code.Append($".Default({Str(d)})");
                if (column.Identity is { } identity) code.Append(identity.Always ? ".Identity(always: true)" : ".Identity()");
                code.AppendLine(";");
            }
            if (table.PrimaryKey is { } pk) code.AppendLine($"            t.PrimaryKey({Strs(pk.Columns)}, {Str(pk.Name)});");
            foreach (var fk in table.ForeignKeys)
            {
                code.AppendLine($"            t.ForeignKey({Strs(fk.Columns)}, {Str(fk.ReferredTable.Name)}, {Strs(fk.ReferredColumns)}, " +
                    $"ReferentialAction.{fk.OnDelete}, ReferentialAction.{fk.OnUpdate}, {Str(fk.Name)});");
            }
            foreach (var index in table.Indexes)
            {
                var expressions = index.Expressions.IsEmpty ? "null" : "new[] { " + string.Join(", ", index.Expressions.Select(e => e ? "true" : "false")) + " }";
                code.AppendLine($"            t.Index({Str(index.Name)}, {Strs(index.Columns)}, {(index.IsUnique ? "true" : "false")}, {Str(index.Filter)}, {expressions});");
            }
            foreach (var unique in table.UniqueConstraints) code.AppendLine($"            t.Unique({string.Join(", ", unique.Columns.Select(Str))});");
            foreach (var check in table.CheckConstraints)
            {
                // The builder takes the naming convention's {name}: strip the ck_<table>_ prefix the generator used.
                code.AppendLine($"            t.Check({Str(check.Sql)}, {Str(check.Name![$"ck_{table.Name.Name}_".Length..])});");
            }
            code.AppendLine("        });");
        }
        code.AppendLine("    }\n}");
        return code.ToString();
    }

    /// <summary>Compiles <paramref name="source"/> into <paramref name="path"/> against DiffMigrate.Model.</summary>
    public static string Compile(string source, string path) => Compile([source], path);

    /// <summary>Compiles several source files into <paramref name="path"/> against DiffMigrate.Model.</summary>
    public static string Compile(IEnumerable<string> sources, string path)
    {
        File.WriteAllBytes(path, Image(sources, Path.GetFileNameWithoutExtension(path)));
        return path;
    }

    /// <summary>
    /// The assembly <paramref name="name"/> of <paramref name="sources"/>, compiled against the framework,
    /// DiffMigrate.Model and <paramref name="extra"/>.
    /// </summary>
    public static byte[] Image(IEnumerable<string> sources, string name, params MetadataReference[] extra)
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = platform.Append(typeof(DatabaseSchema).Assembly.Location).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).Concat(extra);
        var compilation = CSharpCompilation.Create(
            name,
            sources.Select(s => CSharpSyntaxTree.ParseText(s)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        }
        return image.ToArray();
    }

    private static string Type(SqlType type) => type.Kind switch
    {
        SqlTypeKind.Decimal => $"SqlType.Decimal({Int(type.Precision)}, {Int(type.Scale)})",
        SqlTypeKind.String => $"SqlType.String({Int(type.Length)})",
        SqlTypeKind.Binary => $"SqlType.Binary({Int(type.Length)})",
        SqlTypeKind.FixedChar => $"SqlType.FixedChar({type.Length})",
        SqlTypeKind.Enum => $"SqlType.Enum({Str(type.Name)}, {string.Join(", ", type.Values.Select(Str))})",
        SqlTypeKind.Raw => $"SqlType.Raw({Str(type.Name)})",
        _ => "SqlType." + type.Kind,
    };

    private static string Int(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    private static string Str(string? value) => value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    private static string Strs(IEnumerable<string> values) => "new[] { " + string.Join(", ", values.Select(Str)) + " }";
}
