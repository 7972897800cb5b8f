DROP VIEW recent_posts;
GO

