DROP INDEX ix_posts_slug ON posts;
GO

