UPDATE posts SET views = 0;
GO

