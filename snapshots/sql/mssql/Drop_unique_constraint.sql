ALTER TABLE posts DROP CONSTRAINT uq_posts_slug;
GO

