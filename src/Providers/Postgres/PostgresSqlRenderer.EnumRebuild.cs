using DiffMigrate.Migrations;
using DiffMigrate.Render.Sql;

namespace DiffMigrate.Providers.Postgres;

internal sealed partial class PostgresSqlRenderer
{
    private const string OldSuffix = "__old";

    /// <summary>
    /// PostgreSQL cannot drop an enum value, so the type is rebuilt: renamed out of the way, created again without
    /// the value, each table column of the old type converted through text (its default dropped and restored around
    /// that), and the old type dropped. A row that still holds the removed value fails the conversion ("invalid input
    /// value for enum"), so the revision rolls back instead of losing data. Arrays of the enum, composite types and
    /// domains over it are not converted: the final DROP TYPE then fails (and rolls back) and they need
    /// hand-written SQL. Views, and index or check expressions that spell the old type, stop the conversion too.
    /// </summary>
    protected override void DropEnumValue(DropEnumValue operation, List<SqlStatement> output)
    {
        var name = operation.Enum;
        IndexOfValue(operation, name, operation.Value, operation.Values);
        var old = name with { Name = OldName(name.Name) };
        output.Add(new($"ALTER TYPE {Syntax.Quote(name)} RENAME TO {Syntax.QuoteIdentifier(old.Name)}"));
        output.Add(CreateEnumType(name, operation.Values.Where(v => !string.Equals(v, operation.Value, StringComparison.Ordinal))));
        output.Add(new(Do(ConvertColumns(old, name))));
        output.Add(new($"DROP TYPE {Syntax.Quote(old)}"));
    }

    /// <summary>
    /// PostgreSQL cannot reorder enum values either: the type is rebuilt in the new order the same way, and every
    /// row keeps its value (the conversion goes through text).
    /// </summary>
    protected override void ReorderEnumValues(ReorderEnumValues operation, List<SqlStatement> output)
    {
        var name = operation.Enum;
        if (!operation.Existing.OrderBy(v => v, StringComparer.Ordinal).SequenceEqual(operation.Values.OrderBy(v => v, StringComparer.Ordinal), StringComparer.Ordinal))
        {
            throw new DiffMigrateException(
                $"{nameof(ReorderEnumValues)} on enum {name}: ({string.Join(", ", operation.Values)}) are not the values ({string.Join(", ", operation.Existing)}) in another order.");
        }
        var old = name with { Name = OldName(name.Name) };
        output.Add(new($"ALTER TYPE {Syntax.Quote(name)} RENAME TO {Syntax.QuoteIdentifier(old.Name)}"));
        output.Add(CreateEnumType(name, operation.Values));
        output.Add(new(Do(ConvertColumns(old, name))));
        output.Add(new($"DROP TYPE {Syntax.Quote(old)}"));
    }

    /// <summary>
    /// A PL/pgSQL body that moves every column of type <paramref name="from"/> to <paramref name="to"/>. Inherited
    /// columns (partitions, child tables) are left to the ALTER TABLE of their root, which recurses.
    /// </summary>
    private string ConvertColumns(QualifiedName from, QualifiedName to) => $$"""
        DECLARE
            old_type regtype := {{Syntax.StringLiteral(Syntax.Quote(from))}};
            new_type regtype := {{Syntax.StringLiteral(Syntax.Quote(to))}};
            col record;
        BEGIN
            FOR col IN
                SELECT a.attrelid::regclass::text AS table_name, a.attname AS column_name, pg_get_expr(d.adbin, d.adrelid) AS column_default
                FROM pg_attribute a
                JOIN pg_class c ON c.oid = a.attrelid
                LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE a.atttypid = old_type AND a.attnum > 0 AND NOT a.attisdropped AND a.attinhcount = 0 AND c.relkind IN ('r', 'p')
            LOOP
                IF col.column_default IS NOT NULL THEN
                    EXECUTE format('ALTER TABLE %s ALTER COLUMN %I DROP DEFAULT', col.table_name, col.column_name);
                END IF;
                EXECUTE format('ALTER TABLE %s ALTER COLUMN %I TYPE %s USING %I::text::%s',
                    col.table_name, col.column_name, new_type, col.column_name, new_type);
                IF col.column_default IS NOT NULL THEN
                    EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET DEFAULT %s',
                        col.table_name, col.column_name, replace(col.column_default, '::' || old_type, '::' || new_type));
                END IF;
            END LOOP;
        END
        """;

    /// <summary><c>DO $$ body $$</c>, with a dollar-quote tag that the body does not contain.</summary>
    private static string Do(string body)
    {
        var tag = "$$";
        for (var n = 1; body.Contains(tag, StringComparison.Ordinal); n++) tag = $"$do{n}$";
        return $"DO {tag}\n{body}\n{tag}";
    }

    /// <summary><c>name__old</c>, the name cut (at a character boundary) so that the whole fits in 63 bytes.</summary>
    private string OldName(string name) => Truncated(name, Dialect.MaxIdentifierLength - OldSuffix.Length) + OldSuffix;

    /// <summary><paramref name="name"/> cut at a character boundary to fit in <paramref name="budget"/> bytes, as the server cuts it.</summary>
    private static string Truncated(string name, int budget)
    {
        var (bytes, length) = (0, 0);
        foreach (var rune in name.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > budget) break;
            bytes += rune.Utf8SequenceLength;
            length += rune.Utf16SequenceLength;
        }
        return name[..length];
    }
}
