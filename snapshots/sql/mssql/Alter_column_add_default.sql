ALTER TABLE posts ADD CONSTRAINT [DF_posts_views] DEFAULT ((1 + 1)) FOR views;
GO

