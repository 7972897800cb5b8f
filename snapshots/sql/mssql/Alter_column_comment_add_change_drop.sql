DECLARE @schema SYSNAME = SCHEMA_NAME();
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'a "slug"', @level0type = N'SCHEMA', @level0name = @schema, @level1type = N'TABLE', @level1name = N'posts', @level2type = N'COLUMN', @level2name = N'slug';
GO

DECLARE @schema SYSNAME = SCHEMA_NAME();
EXEC sys.sp_updateextendedproperty @name = N'MS_Description', @value = N'the slug', @level0type = N'SCHEMA', @level0name = @schema, @level1type = N'TABLE', @level1name = N'posts', @level2type = N'COLUMN', @level2name = N'slug';
GO

DECLARE @schema SYSNAME = SCHEMA_NAME();
EXEC sys.sp_dropextendedproperty @name = N'MS_Description', @level0type = N'SCHEMA', @level0name = @schema, @level1type = N'TABLE', @level1name = N'posts', @level2type = N'COLUMN', @level2name = N'slug';
GO

