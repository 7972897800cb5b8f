ALTER TABLE posts DROP CONSTRAINT ck_posts_views;
GO

