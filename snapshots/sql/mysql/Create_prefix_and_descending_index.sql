CREATE INDEX ix_posts_body_views ON posts (`body`(20), views DESC);

