ALTER TABLE posts ADD seen_at DATETIME2 NOT NULL CONSTRAINT [DF_posts_seen_at] DEFAULT (datetime('now'));
GO

