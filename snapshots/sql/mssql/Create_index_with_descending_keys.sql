CREATE INDEX ix_posts_created_at_id ON posts (created_at DESC, id);
GO

