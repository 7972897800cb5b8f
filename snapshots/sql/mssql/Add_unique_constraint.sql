ALTER TABLE posts ADD CONSTRAINT uq_posts_slug UNIQUE (slug);
GO

