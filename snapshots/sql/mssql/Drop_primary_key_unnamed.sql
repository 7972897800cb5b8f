DECLARE @sql NVARCHAR(MAX);
SELECT @sql = N'ALTER TABLE tags DROP CONSTRAINT ' + QUOTENAME(k.name) FROM sys.key_constraints AS k WHERE k.parent_object_id = OBJECT_ID(N'tags') AND k.type = 'PK';
IF @sql IS NOT NULL EXEC sys.sp_executesql @sql;
GO

