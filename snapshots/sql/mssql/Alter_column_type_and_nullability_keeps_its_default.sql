DECLARE @sql NVARCHAR(MAX);
SELECT @sql = N'ALTER TABLE posts DROP CONSTRAINT ' + QUOTENAME(d.name) FROM sys.default_constraints AS d WHERE d.parent_object_id = OBJECT_ID(N'posts') AND d.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'posts'), N'title', 'ColumnId');
IF @sql IS NOT NULL EXEC sys.sp_executesql @sql;
GO

DECLARE @drop NVARCHAR(MAX), @create NVARCHAR(MAX);
SELECT @drop = STRING_AGG(CAST(found.dropping AS NVARCHAR(MAX)), N'; '), @create = STRING_AGG(CAST(found.creating AS NVARCHAR(MAX)), N'; ') FROM (
    SELECT N'DROP INDEX ' + QUOTENAME(i.name) + N' ON posts', N'CREATE ' + CASE WHEN i.is_unique = 1 THEN N'UNIQUE ' ELSE N'' END + CASE WHEN i.type = 1 THEN N'CLUSTERED ' ELSE N'' END + N'INDEX ' + QUOTENAME(i.name) + N' ON posts' + N' (' + keys.list + N')' + ISNULL(N' INCLUDE (' + included.list + N')', N'') + ISNULL(N' WHERE ' + i.filter_definition, N'') FROM sys.indexes AS i CROSS APPLY (SELECT STRING_AGG(CAST(QUOTENAME(c.name) AS NVARCHAR(MAX)) + CASE WHEN ic.is_descending_key = 1 THEN N' DESC' ELSE N'' END, N', ') WITHIN GROUP (ORDER BY ic.key_ordinal, ic.index_column_id) AS list FROM sys.index_columns AS ic JOIN sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id WHERE ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.is_included_column = 0) AS keys OUTER APPLY (SELECT STRING_AGG(CAST(QUOTENAME(c.name) AS NVARCHAR(MAX)), N', ') WITHIN GROUP (ORDER BY ic.key_ordinal, ic.index_column_id) AS list FROM sys.index_columns AS ic JOIN sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id WHERE ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.is_included_column = 1) AS included WHERE i.object_id = OBJECT_ID(N'posts') AND i.is_primary_key = 0 AND i.is_unique_constraint = 0 AND i.type IN (1, 2) AND EXISTS (SELECT 1 FROM sys.index_columns AS x WHERE x.object_id = i.object_id AND x.index_id = i.index_id AND x.column_id = COLUMNPROPERTY(OBJECT_ID(N'posts'), N'title', 'ColumnId'))
    UNION ALL
    SELECT N'ALTER TABLE posts DROP CONSTRAINT ' + QUOTENAME(k.name), N'ALTER TABLE posts ADD CONSTRAINT ' + QUOTENAME(k.name) + N' CHECK ' + k.definition FROM sys.check_constraints AS k WHERE k.parent_object_id = OBJECT_ID(N'posts') AND (k.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'posts'), N'title', 'ColumnId') OR k.object_id IN (SELECT e.referencing_id FROM sys.sql_expression_dependencies AS e WHERE e.referenced_id = OBJECT_ID(N'posts') AND e.referenced_minor_id = COLUMNPROPERTY(OBJECT_ID(N'posts'), N'title', 'ColumnId')))
) AS found (dropping, creating);
IF @drop IS NOT NULL EXEC sys.sp_executesql @drop;
ALTER TABLE posts ALTER COLUMN title NVARCHAR(300) NOT NULL;
IF @create IS NOT NULL EXEC sys.sp_executesql @create;
GO

ALTER TABLE posts ADD CONSTRAINT [DF_posts_title] DEFAULT N'' FOR title;
GO

