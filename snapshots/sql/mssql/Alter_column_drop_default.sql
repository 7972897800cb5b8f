DECLARE @sql NVARCHAR(MAX);
SELECT @sql = N'ALTER TABLE posts DROP CONSTRAINT ' + QUOTENAME(d.name) FROM sys.default_constraints AS d WHERE d.parent_object_id = OBJECT_ID(N'posts') AND d.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'posts'), N'views', 'ColumnId');
IF @sql IS NOT NULL EXEC sys.sp_executesql @sql;
GO

