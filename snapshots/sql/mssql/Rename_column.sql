EXEC sp_rename N'posts.body', N'content', N'COLUMN';
GO

