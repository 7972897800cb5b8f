CREATE INDEX ix_posts_user_id ON posts (user_id, created_at DESC) INCLUDE (title, views) WHERE user_id IS NOT NULL;
GO

