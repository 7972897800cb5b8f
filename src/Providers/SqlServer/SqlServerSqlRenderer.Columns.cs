using DiffMigrate.Migrations;
using DiffMigrate.Render.Sql;
using DiffMigrate.Schema;

namespace DiffMigrate.Providers.SqlServer;

internal sealed partial class SqlServerSqlRenderer
{
    /// <summary>
    /// ALTER COLUMN with the whole type and nullability. SQL Server refuses to change a column that a default, an index
    /// or a check depends on: the default constraint is dropped first (by the name the catalog has) and made again
    /// after, and the indexes and checks on the column are read from the catalog, dropped and made again around the
    /// ALTER in the same batch. A default alone is the same drop and ADD CONSTRAINT ... DEFAULT ... FOR. An identity or
    /// a computed expression cannot change in place (refused: drop the column and add it again), nor is there a USING
    /// conversion. A primary key, unique constraint or foreign key on the column is left as it is: SQL Server refuses the
    /// change while one holds it, and the revision drops and adds it around the change.
    /// </summary>
    protected override void AlterColumn(AlterColumn operation, List<SqlStatement> output)
    {
        var (old, column, table) = (operation.Existing, operation.Column, operation.Table);
        var where = $"AlterColumn on {table}.{column.Name}";
        if (operation.Using is not null)
        {
            throw new UnsupportedOperationException(
                $"{where}: {DatabaseName} has no USING conversion. Add a new column, fill it with op.Execute(\"UPDATE ...\"), drop the old one and rename the new one.");
        }
        // Compared as the differ compares them: the inspector reads the server's spelling, the model has the user's.
        if (!SameExpression(old.Computed, column.Computed) || old.ComputedVirtual != column.ComputedVirtual)
        {
            throw new UnsupportedOperationException($"{where}: {DatabaseName} cannot change a computed column in place: drop the column and add it again.");
        }
        if (Written(old) != Written(column))
        {
            throw new UnsupportedOperationException($"{where}: {DatabaseName} cannot add, remove or change an IDENTITY in place: add a new column, copy the values, drop the old one.");
        }
        var changesColumn = column.Computed is null
            && (old.Type != column.Type || old.Nullable != column.Nullable || old.Collation != column.Collation);
        var changesDefault = !string.Equals(old.Default, column.Default, StringComparison.Ordinal);
        if ((changesColumn || changesDefault) && old.Default is not null) output.Add(new(DropDefault(table, column.Name)));
        if (changesColumn) output.Add(new(AroundIndexesAndChecks(table, column.Name, $"ALTER TABLE {Syntax.Quote(table)} ALTER COLUMN {Definition(table, column, withDefault: false)}"),
            Purpose: $"change column {column.Name} of {table}, its indexes and checks dropped and made again around it"));
        if ((changesColumn || changesDefault) && column.Default is { } value) output.Add(new(AddDefault(table, column.Name, value)));
        if (!string.Equals(old.Comment, column.Comment, StringComparison.Ordinal)) output.Add(Comment(table, column.Name, column.Comment, old.Comment));
    }

    // IDENTITY(seed, increment) as written: the same whether the model says ALWAYS or BY DEFAULT, options at their defaults or left out.
    private static Identity? Written(Column column) =>
        column.Identity is { } identity ? IdentityOptions.Canonical(identity with { Always = false }, column.Type) : null;

    private bool SameExpression(string? a, string? b) =>
        a is null || b is null ? a == b : Dialect.Expressions.Canonical(a) == Dialect.Expressions.Canonical(b);

    /// <summary>
    /// <paramref name="alter"/> in one batch with the indexes (plain ones: not a key constraint's) and checks on the
    /// column dropped before it and made again after it, as the catalog describes them: keys with their order,
    /// INCLUDE columns, filter, uniqueness and clustering; a check with its definition.
    /// </summary>
    private string AroundIndexesAndChecks(QualifiedName table, string column, string alter)
    {
        var target = Syntax.StringLiteral(Syntax.Quote(table));
        var on = Syntax.StringLiteral(" ON " + Syntax.Quote(table));
        var id = ColumnId(table, column);
        string Columns(int included, string order) =>
            $"(SELECT STRING_AGG(CAST(QUOTENAME(c.name) AS NVARCHAR(MAX)){order}, N', ') WITHIN GROUP (ORDER BY ic.key_ordinal, ic.index_column_id) AS list " +
            "FROM sys.index_columns AS ic JOIN sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id " +
            $"WHERE ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.is_included_column = {included})";
        return "DECLARE @drop NVARCHAR(MAX), @create NVARCHAR(MAX);\n" +
            "SELECT @drop = STRING_AGG(CAST(found.dropping AS NVARCHAR(MAX)), N'; '), @create = STRING_AGG(CAST(found.creating AS NVARCHAR(MAX)), N'; ') FROM (\n" +
            $"    SELECT N'DROP INDEX ' + QUOTENAME(i.name) + {on}, " +
            "N'CREATE ' + CASE WHEN i.is_unique = 1 THEN N'UNIQUE ' ELSE N'' END + CASE WHEN i.type = 1 THEN N'CLUSTERED ' ELSE N'' END + N'INDEX ' + QUOTENAME(i.name) " +
            $"+ {on} + N' (' + keys.list + N')' + ISNULL(N' INCLUDE (' + included.list + N')', N'') + ISNULL(N' WHERE ' + i.filter_definition, N'') " +
            $"FROM sys.indexes AS i CROSS APPLY {Columns(0, " + CASE WHEN ic.is_descending_key = 1 THEN N' DESC' ELSE N'' END")} AS keys " +
            $"OUTER APPLY {Columns(1, "")} AS included " +
            $"WHERE i.object_id = OBJECT_ID({target}) AND i.is_primary_key = 0 AND i.is_unique_constraint = 0 AND i.type IN (1, 2) " +
            $"AND EXISTS (SELECT 1 FROM sys.index_columns AS x WHERE x.object_id = i.object_id AND x.index_id = i.index_id AND x.column_id = {id})\n" +
            "    UNION ALL\n" +
            $"    SELECT {Syntax.StringLiteral($"ALTER TABLE {Syntax.Quote(table)} DROP CONSTRAINT ")} + QUOTENAME(k.name), " +
            $"{Syntax.StringLiteral($"ALTER TABLE {Syntax.Quote(table)} ADD CONSTRAINT ")} + QUOTENAME(k.name) + N' CHECK ' + k.definition " +
            $"FROM sys.check_constraints AS k WHERE k.parent_object_id = OBJECT_ID({target}) AND (k.parent_column_id = {id} " +
            $"OR k.object_id IN (SELECT e.referencing_id FROM sys.sql_expression_dependencies AS e WHERE e.referenced_id = OBJECT_ID({target}) AND e.referenced_minor_id = {id}))\n" +
            ") AS found (dropping, creating);\n" +
            "IF @drop IS NOT NULL EXEC sys.sp_executesql @drop;\n" +
            alter + ";\n" +
            "IF @create IS NOT NULL EXEC sys.sp_executesql @create";
    }

    /// <summary>ALTER TABLE ... ADD CONSTRAINT DF_t_c DEFAULT v FOR c.</summary>
    private string AddDefault(QualifiedName table, string column, string value) =>
        $"ALTER TABLE {Syntax.Quote(table)} ADD CONSTRAINT {Syntax.QuoteIdentifier(DefaultName(table, column))} DEFAULT {DefaultValue(value)} FOR {Syntax.QuoteIdentifier(column)}";

    /// <summary>The column's default constraint dropped by the name the catalog has (the model cannot know it: another tool may have named it).</summary>
    private string DropDefault(QualifiedName table, string column) => Dynamic(
        $"SELECT @sql = {Syntax.StringLiteral($"ALTER TABLE {Syntax.Quote(table)} DROP CONSTRAINT ")} + QUOTENAME(d.name) " +
        $"FROM sys.default_constraints AS d WHERE d.parent_object_id = OBJECT_ID({Syntax.StringLiteral(Syntax.Quote(table))}) AND d.parent_column_id = {ColumnId(table, column)}");

    private string ColumnId(QualifiedName table, string column) =>
        $"COLUMNPROPERTY(OBJECT_ID({Syntax.StringLiteral(Syntax.Quote(table))}), {Syntax.StringLiteral(column)}, 'ColumnId')";

    /// <summary>
    /// DROP COLUMN, after what SQL Server refuses to drop it with, found in the catalog (as PostgreSQL drops them with
    /// the column): the foreign keys from it, its default, the checks on it, and the indexes, unique constraints and
    /// primary key that have it as a key or INCLUDE column. Extended properties go with the column.
    /// </summary>
    protected override void DropColumn(DropColumn operation, List<SqlStatement> output)
    {
        var (table, column) = (operation.Table, operation.Column.Name);
        var target = Syntax.StringLiteral(Syntax.Quote(table));
        var alter = Syntax.StringLiteral($"ALTER TABLE {Syntax.Quote(table)} DROP CONSTRAINT ");
        var id = ColumnId(table, column);
        string[] found =
        [
            $"SELECT 1, {alter} + QUOTENAME(f.name) FROM sys.foreign_keys AS f WHERE f.parent_object_id = OBJECT_ID({target}) " +
                $"AND EXISTS (SELECT 1 FROM sys.foreign_key_columns AS fc WHERE fc.constraint_object_id = f.object_id AND fc.parent_column_id = {id})",
            $"SELECT 2, {alter} + QUOTENAME(d.name) FROM sys.default_constraints AS d WHERE d.parent_object_id = OBJECT_ID({target}) AND d.parent_column_id = {id}",
            $"SELECT 2, {alter} + QUOTENAME(k.name) FROM sys.check_constraints AS k WHERE k.parent_object_id = OBJECT_ID({target}) AND (k.parent_column_id = {id} " +
                $"OR k.object_id IN (SELECT e.referencing_id FROM sys.sql_expression_dependencies AS e WHERE e.referenced_id = OBJECT_ID({target}) AND e.referenced_minor_id = {id}))",
            $"SELECT 3, CASE WHEN i.is_primary_key = 1 OR i.is_unique_constraint = 1 THEN {alter} ELSE N'DROP INDEX ' END + QUOTENAME(i.name) " +
                $"+ CASE WHEN i.is_primary_key = 1 OR i.is_unique_constraint = 1 THEN N'' ELSE {Syntax.StringLiteral(" ON " + Syntax.Quote(table))} END " +
                $"FROM sys.indexes AS i WHERE i.object_id = OBJECT_ID({target}) " +
                $"AND EXISTS (SELECT 1 FROM sys.index_columns AS ic WHERE ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.column_id = {id})",
        ];
        output.Add(new(Dynamic(
            "SELECT @sql = STRING_AGG(CAST(found.statement AS NVARCHAR(MAX)), N'; ') WITHIN GROUP (ORDER BY found.step) FROM (\n    " +
            string.Join("\n    UNION ALL\n    ", found) + "\n) AS found (step, statement)"),
            Purpose: $"drop what refers to column {column} of {table} before the column"));
        output.Add(new($"ALTER TABLE {Syntax.Quote(table)} DROP COLUMN {Syntax.QuoteIdentifier(column)}"));
    }

    /// <summary>EXEC sp_rename N'table.old', N'new', N'COLUMN'.</summary>
    protected override string RenameColumn(RenameColumn operation) =>
        $"EXEC sp_rename {Syntax.StringLiteral(Syntax.Quote(operation.Table) + "." + Syntax.QuoteIdentifier(operation.OldName))}, {Syntax.StringLiteral(operation.NewName)}, N'COLUMN'";
}
