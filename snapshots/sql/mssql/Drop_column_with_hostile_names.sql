DECLARE @sql NVARCHAR(MAX);
SELECT @sql = STRING_AGG(CAST(found.statement AS NVARCHAR(MAX)), N'; ') WITHIN GROUP (ORDER BY found.step) FROM (
    SELECT 1, N'ALTER TABLE [t]]; DROP TABLE users; --  x] DROP CONSTRAINT ' + QUOTENAME(f.name) FROM sys.foreign_keys AS f WHERE f.parent_object_id = OBJECT_ID(N'[t]]; DROP TABLE users; --  x]') AND EXISTS (SELECT 1 FROM sys.foreign_key_columns AS fc WHERE fc.constraint_object_id = f.object_id AND fc.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[t]]; DROP TABLE users; --  x]'), N'c''"] ;[', 'ColumnId'))
    UNION ALL
    SELECT 2, N'ALTER TABLE [t]]; DROP TABLE users; --  x] DROP CONSTRAINT ' + QUOTENAME(d.name) FROM sys.default_constraints AS d WHERE d.parent_object_id = OBJECT_ID(N'[t]]; DROP TABLE users; --  x]') AND d.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[t]]; DROP TABLE users; --  x]'), N'c''"] ;[', 'ColumnId')
    UNION ALL
    SELECT 2, N'ALTER TABLE [t]]; DROP TABLE users; --  x] DROP CONSTRAINT ' + QUOTENAME(k.name) FROM sys.check_constraints AS k WHERE k.parent_object_id = OBJECT_ID(N'[t]]; DROP TABLE users; --  x]') AND (k.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[t]]; DROP TABLE users; --  x]'), N'c''"] ;[', 'ColumnId') OR k.object_id IN (SELECT e.referencing_id FROM sys.sql_expression_dependencies AS e WHERE e.referenced_id = OBJECT_ID(N'[t]]; DROP TABLE users; --  x]') AND e.referenced_minor_id = COLUMNPROPERTY(OBJECT_ID(N'[t]]; DROP TABLE users; --  x]'), N'c''"] ;[', 'ColumnId')))
    UNION ALL
    SELECT 3, CASE WHEN i.is_primary_key = 1 OR i.is_unique_constraint = 1 THEN N'ALTER TABLE [t]]; DROP TABLE users; --  x] DROP CONSTRAINT ' ELSE N'DROP INDEX ' END + QUOTENAME(i.name) + CASE WHEN i.is_primary_key = 1 OR i.is_unique_constraint = 1 THEN N'' ELSE N' ON [t]]; DROP TABLE users; --  x]' END FROM sys.indexes AS i WHERE i.object_id = OBJECT_ID(N'[t]]; DROP TABLE users; --  x]') AND EXISTS (SELECT 1 FROM sys.index_columns AS ic WHERE ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.column_id = COLUMNPROPERTY(OBJECT_ID(N'[t]]; DROP TABLE users; --  x]'), N'c''"] ;[', 'ColumnId'))
) AS found (step, statement);
IF @sql IS NOT NULL EXEC sys.sp_executesql @sql;
GO

ALTER TABLE [t]]; DROP TABLE users; --  x] DROP COLUMN [c'"]] ;[];
GO

