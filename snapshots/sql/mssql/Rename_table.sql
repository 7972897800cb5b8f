EXEC sp_rename N'posts', N'articles';
GO

