CREATE UNIQUE INDEX ix_posts_slug ON posts (slug) WHERE slug IS NOT NULL;
GO

