ALTER TABLE posts ADD views INT NOT NULL CONSTRAINT [DF_posts_views] DEFAULT 0;
GO

DECLARE @schema SYSNAME = SCHEMA_NAME();
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'page views', @level0type = N'SCHEMA', @level0name = @schema, @level1type = N'TABLE', @level1name = N'posts', @level2type = N'COLUMN', @level2name = N'views';
GO

