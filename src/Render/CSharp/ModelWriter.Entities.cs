using System.Text;
using DiffMigrate.Dialects;
using DiffMigrate.Schema;

namespace DiffMigrate.Render.CSharp;

internal static partial class ModelWriter
{
    /// <summary>
    /// The attribute style: one entity class per table (<c>[Table]</c>, <c>[Column(TypeName = ...)]</c>, keys,
    /// references, indexes, uniques, checks, defaults, comments). A table that attributes cannot describe exactly
    /// (identity options, serial, collation, generated columns, enum columns, expression indexes, composite or
    /// repeated foreign keys) is written with the builder in <c>DatabaseModel.cs</c>, with a comment saying why, as are
    /// enums and sequences. Returns the files (name, source) and the warnings.
    /// </summary>
    public static (IReadOnlyList<(string File, string Source)> Files, IReadOnlyList<string> Warnings) WriteEntities(DatabaseSchema schema, string ns, Dialect dialect)
    {
        var files = new List<(string, string)>();
        var builderTables = new List<(Table Table, string Why)>();
        // A class must not take the name of a type the generated code uses, or it would shadow that type.
        var classNames = new HashSet<string>(ReservedTypeNames, StringComparer.Ordinal);
        foreach (var table in schema.Tables)
        {
            if (WhyNotAttributes(table) is { } why)
            {
                builderTables.Add((table, why));
                continue;
            }
            var className = CSharpText.Identifier(table.Name.Schema is null ? table.Name.Name : table.Name.Schema + " " + table.Name.Name, classNames);
            files.Add((className + ".cs", Entity(table, className, ns, dialect)));
        }
        var rest = schema with { Tables = [.. builderTables.Select(b => b.Table)] };
        var (source, warnings) = Write(rest, ns);
        if (builderTables.Count > 0 || !schema.Enums.IsEmpty || !schema.Sequences.IsEmpty || !schema.Extensions.IsEmpty || !schema.Domains.IsEmpty
            || !schema.Objects.IsEmpty || warnings.Count > 0)
        {
            var notes = new StringBuilder();
            foreach (var (table, why) in builderTables) CSharpText.Comment(notes, "", $"{table.Name} is written with the builder: {why}.");
            files.Add(("DatabaseModel.cs", notes + source));
        }
        return (files, warnings);
    }

    private static string? WhyNotAttributes(Table table)
    {
        if (table.Columns.FirstOrDefault(c => c.Identity is { } identity && identity != new Identity()) is { } id)
        {
            return $"column {id.Name}'s identity has options attributes cannot give";
        }
        if (table.Columns.FirstOrDefault(c => c.Collation is not null || c.Computed is not null || c.OnUpdate is not null || c.Type.Kind == SqlTypeKind.Enum) is { } special)
        {
            return $"column {special.Name} has a collation, a generated expression, an ON UPDATE value or an enum type";
        }
        if (table.Indexes.Any(i => i.Expressions.Contains(true))) return "an index has expression keys";
        if (table.ForeignKeys.Any(f => f.Columns.Count != 1) || table.ForeignKeys.GroupBy(f => f.Columns[0]).Any(g => g.Count() > 1))
        {
            return "a foreign key spans several columns, or a column has two";
        }
        if (!table.ExclusionConstraints.IsEmpty) return "it has an exclusion constraint";
        if (table.PartitionBy is not null || table.PartitionOf is not null) return "it is partitioned, or a partition";
        if (table.ForeignKeys.Any(f => f.NotValid) || table.CheckConstraints.Any(c => c.NotValid)) return "a constraint is NOT VALID";
        if (table.UniqueConstraints.Any(u => u.Deferrable || u.InitiallyDeferred)) return "a unique constraint is deferrable";
        return null;
    }

    private static string Entity(Table table, string className, string ns, Dialect dialect)
    {
        // A property must not take the class's name, nor hide a member every object has.
        var properties = new HashSet<string>(ObjectMembers, StringComparer.Ordinal) { className };
        var propertyOf = table.Columns.ToDictionary(c => c.Name, c => CSharpText.Identifier(c.Name, properties), StringComparer.Ordinal);
        string Names(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"nameof({propertyOf[c]})"));
        var code = new StringBuilder("// Scaffolded by diffmigrate from the database.\n#nullable enable\n");
        code.Append("using System;\nusing System.ComponentModel.DataAnnotations;\nusing System.ComponentModel.DataAnnotations.Schema;\nusing DiffMigrate;\n\n");
        code.Append("namespace ").Append(CSharpText.Namespace(ns)).Append(";\n\n");
        code.Append($"[Table({Lit(table.Name.Name)}{(table.Name.Schema is { } schema ? $", Schema = {Lit(schema)}" : "")})]\n");
        var pk = table.PrimaryKey;
        string NameArgument(string? name, string expected) => Conventional(name, expected) is { } given ? $", Name = {Lit(given)}" : "";
        if (pk is null) code.Append("[Keyless]\n");
        else code.Append($"[PrimaryKey({Names(pk.Columns)}{NameArgument(pk.Name, NamingConvention.Apply(Naming.PrimaryKey, table.Name, pk.Columns))})]\n");
        foreach (var unique in table.UniqueConstraints)
        {
            code.Append($"[Unique({Names(unique.Columns)}{NameArgument(unique.Name, NamingConvention.Apply(Naming.Unique, table.Name, unique.Columns))}" +
                $"{(unique.NullsNotDistinct ? ", NullsNotDistinct = true" : "")})]\n");
        }
        foreach (var index in table.Indexes)
        {
            code.Append($"[Index({Names(index.Columns)}{NameArgument(index.Name, NamingConvention.Apply(Naming.Index, table.Name, index.Columns))}");
            if (index.IsUnique) code.Append(", IsUnique = true");
            if (index.Filter is { } filter) code.Append(", Filter = ").Append(Lit(filter));
            if (index.Method is { } method) code.Append(", Method = ").Append(Lit(method));
            if (!index.Include.IsEmpty) code.Append($", Include = new[] {{ {Names(index.Include)} }}");
            if (index.Descending.Contains(true)) code.Append($", IsDescending = new[] {{ {string.Join(", ", index.Descending.Select(Bool))} }}");
            var keys = Enumerable.Range(0, index.Columns.Count).Select(index.KeyOption).ToList();
            if (keys.Any(o => o.Nulls != NullsOrder.Default)) code.Append($", Nulls = new[] {{ {string.Join(", ", keys.Select(o => "NullsOrder." + o.Nulls))} }}");
            if (keys.Any(o => o.OperatorClass is not null)) code.Append($", OperatorClasses = new[] {{ {string.Join(", ", keys.Select(o => Lit(o.OperatorClass ?? "")))} }}");
            if (keys.Any(o => o.Collation is not null)) code.Append($", Collations = new[] {{ {string.Join(", ", keys.Select(o => Lit(o.Collation ?? "")))} }}");
            if (index.NullsNotDistinct) code.Append(", NullsNotDistinct = true");
            code.Append(")]\n");
        }
        var checkPrefix = NamingConvention.Apply(Naming.Check, table.Name, [], name: "");
        foreach (var check in table.CheckConstraints)
        {
            code.Append($"[Check({Lit(check.Sql)}" + check.Name switch
            {
                null => "",
                { } name when name.StartsWith(checkPrefix, StringComparison.Ordinal) && name.Length > checkPrefix.Length => $", Name = {Lit(name[checkPrefix.Length..])}",
                { } name => $", Name = {Lit(name)}, ExactName = true",
            } + ")]\n");
        }
        if (table.Comment is { } comment) code.Append($"[Comment({Lit(comment)})]\n");
        if (table.Options != TableOptions.None)
        {
            code.Append("[TableOptions(").Append(string.Join(", ", new[] { table.Strict ? "Strict = true" : null, table.WithoutRowid ? "WithoutRowid = true" : null }.OfType<string>())).Append(")]\n");
        }
        code.Append("public class ").Append(className).Append("\n{\n");
        var singleIntegerKey = pk is { Columns.Count: 1 } && table.FindColumn(pk.Columns[0]) is { Type.IsInteger: true };
        foreach (var column in table.Columns)
        {
            code.Append($"    [Column({Lit(column.Name)}, TypeName = {Lit(dialect.Types.ToSql(column.Type))})]\n");
            var isKey = pk?.Columns.Contains(column.Name) == true;
            // Said explicitly even where the convention would give it: the key's TypeName need not read back as an integer type.
            if (column.Identity is not null) code.Append("    [DatabaseGenerated(DatabaseGeneratedOption.Identity)]\n");
            if (column.Identity is null && singleIntegerKey && isKey) code.Append("    [DatabaseGenerated(DatabaseGeneratedOption.None)]\n");
            if (column.Default is { } value) code.Append($"    [ServerDefault({Lit(value)})]\n");
            if (column.Comment is { } text) code.Append($"    [Comment({Lit(text)})]\n");
            if (table.ForeignKeys.FirstOrDefault(f => f.Columns[0] == column.Name) is { } fk)
            {
                code.Append($"    [References({Lit(fk.ReferredTable.Name)}, {Lit(fk.ReferredColumns[0])}");
                if (fk.ReferredTable.Schema is { } referredSchema) code.Append(", Schema = ").Append(Lit(referredSchema));
                if (fk.OnDelete != ReferentialAction.NoAction) code.Append(", OnDelete = ReferentialAction.").Append(fk.OnDelete);
                if (fk.OnUpdate != ReferentialAction.NoAction) code.Append(", OnUpdate = ReferentialAction.").Append(fk.OnUpdate);
                code.Append(NameArgument(fk.Name, NamingConvention.Apply(Naming.ForeignKey, table.Name, fk.Columns, fk.ReferredTable.Name)));
                if (fk.Deferrable) code.Append(", Deferrable = true");
                if (fk.InitiallyDeferred) code.Append(", InitiallyDeferred = true");
                code.Append(")]\n");
            }
            var clr = Clr(column.Type);
            var nullable = column.Nullable && !isKey ? "?" : "";
            var init = !column.Nullable && clr is "string" or "byte[]" ? " = null!;" : "";
            code.Append($"    public {clr}{nullable} {propertyOf[column.Name]} {{ get; set; }}{init}\n\n");
        }
        code.Length--;
        return code.Append("}\n").ToString();
    }

    /// <summary>The CLR type of a property for <paramref name="type"/>; the column's exact type is in its TypeName.</summary>
    private static string Clr(SqlType type) => type.Kind switch
    {
        SqlTypeKind.Int16 => "short",
        SqlTypeKind.Int32 => "int",
        SqlTypeKind.Int64 => "long",
        SqlTypeKind.Decimal => "decimal",
        SqlTypeKind.Single => "float",
        SqlTypeKind.Double => "double",
        SqlTypeKind.Boolean => "bool",
        SqlTypeKind.Binary => "byte[]",
        SqlTypeKind.Date => "DateOnly",
        SqlTypeKind.Time => "TimeOnly",
        SqlTypeKind.DateTime => "DateTime",
        SqlTypeKind.DateTimeOffset => "DateTimeOffset",
        SqlTypeKind.Uuid => "Guid",
        _ => "string",
    };

    private static readonly string[] ReservedTypeNames =
    [
        "DatabaseModel", "System", "DiffMigrate", "Schema", "String", "Object", "Guid", "DateTime", "DateTimeOffset", "DateOnly", "TimeOnly",
        "Decimal", "Byte", "Int16", "Int32", "Int64", "Single", "Double", "Boolean", "SqlType", "SqlTypeKind", "ReferentialAction", "QualifiedName",
        "SchemaDefinition", "SchemaBuilder", "Table", "Column", "Key", "Index", "PrimaryKey", "Unique", "Check", "Comment", "References",
        "ServerDefault", "DatabaseGenerated", "DatabaseGeneratedOption", "TableAttribute", "ColumnAttribute", "IndexAttribute",
        "PrimaryKeyAttribute", "UniqueAttribute", "CheckAttribute", "CommentAttribute", "ReferencesAttribute", "ServerDefaultAttribute",
        "DatabaseGeneratedAttribute",
    ];

    private static readonly string[] ObjectMembers = ["Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals"];
}
